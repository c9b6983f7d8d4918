import { objectLabels } from '../../../server/src/engine/rules/object-labels';
import { ruleTable } from '../../harness';

ruleTable(objectLabels, {
  valid: [
    {
      name: 'valid keys and values everywhere',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: &labels
    app.kubernetes.io/name: web
    Tier: Front_End.1
    empty: ""
    nothing:
spec:
  selector:
    matchLabels: *labels
    matchExpressions: [{key: example.com/canary, operator: In, values: ["true", v1.2]}]
  template:
    metadata: {labels: *labels}
    spec:
      nodeSelector: {kubernetes.io/os: linux}
      containers: [{name: web, image: nginx}]
`,
    },
    {
      name: 'numbers and booleans are left to the schema check',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {version: 1.0, enabled: true}\n',
    },
    {
      name: 'a value of 63 characters',
      yaml: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {k: ${'v'.repeat(63)}}\n`,
    },
  ],
  invalid: [
    {
      name: 'invalid keys and values on any object',
      yaml: `apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
  labels:
    app name: web
#   ^^^^^^^^ error object-labels: Label key \`app name\` is invalid: name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]').
    Example.com/x: y
#   ^^^^^^^^^^^^^ error object-labels: Label key \`Example.com/x\` is invalid: prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*').
    a/b/c: y
#   ^^^^^ error object-labels: Label key \`a/b/c\` is invalid: a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName').
    version: v1.0-
#            ^^^^^ error object-labels: Label value \`v1.0-\` is invalid: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?').
    url: "https://example.com"
#        ^^^^^^^^^^^^^^^^^^^^^ error object-labels: Label value \`https://example.com\` is invalid: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?').
    long: ${'x'.repeat(64)}
#         ${'^'.repeat(64)} error object-labels: Label value \`${'x'.repeat(64)}\` is invalid: must be no more than 63 bytes.
`,
    },
    {
      name: 'template labels, selectors and nodeSelector (an anchored value is reported once)',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector:
    matchLabels: {app: &app "web app"}
#                           ^^^^^^^^^ error object-labels: Label value \`web app\` is invalid: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?').
    matchExpressions:
      - {key: "-tier", operator: In, values: [fe/be]}
#             ^^^^^^^ error object-labels: Selector key \`-tier\` is invalid: name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]').
#                                             ^^^^^ error object-labels: Selector value \`fe/be\` is invalid: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?').
  template:
    metadata:
      labels: {app: *app}
    spec:
      nodeSelector: {"disk type": ssd}
#                    ^^^^^^^^^^^ error object-labels: nodeSelector label key \`disk type\` is invalid: name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]').
      containers: [{name: web, image: nginx}]
`,
    },
  ],
});
