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
    { name: 'numbers and booleans are left to the schema check', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {version: 1.0, enabled: true}\n' },
    { name: 'a value of 63 characters', yaml: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {k: ${'v'.repeat(63)}}\n` },
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
#   ^^^^^^^^ error object-labels: Label key \`app name\` contains a space (only letters, digits, '-', '_' and '.' are allowed): a label key is an optional DNS-subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.
    Example.com/x: y
#   ^^^^^^^^^^^^^ error object-labels: Label key \`Example.com/x\` has an invalid prefix \`Example.com\` (a DNS subdomain: contains uppercase \`E\` (only lowercase letters, digits, '-' and '.' are allowed)): a label key is an optional DNS-subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.
    a/b/c: y
#   ^^^^^ error object-labels: Label key \`a/b/c\` contains more than one '/': a label key is an optional DNS-subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.
    version: v1.0-
#            ^^^^^ error object-labels: Label value \`v1.0-\` must start and end with a letter or digit: a label value has at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (or is empty).
    url: "https://example.com"
#        ^^^^^^^^^^^^^^^^^^^^^ error object-labels: Label value \`https://example.com\` contains \`:\` (only letters, digits, '-', '_' and '.' are allowed): a label value has at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (or is empty).
    long: ${'x'.repeat(64)}
#         ${'^'.repeat(64)} error object-labels: Label value \`${'x'.repeat(64)}\` is longer than 63 characters: a label value has at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (or is empty).
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
#                           ^^^^^^^^^ error object-labels: Label value \`web app\` contains a space (only letters, digits, '-', '_' and '.' are allowed): a label value has at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (or is empty).
    matchExpressions:
      - {key: "-tier", operator: In, values: [fe/be]}
#             ^^^^^^^ error object-labels: Selector key \`-tier\` must start and end with a letter or digit: a label key is an optional DNS-subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.
#                                             ^^^^^ error object-labels: Selector value \`fe/be\` contains \`/\` (only letters, digits, '-', '_' and '.' are allowed): a label value has at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (or is empty).
  template:
    metadata:
      labels: {app: *app}
    spec:
      nodeSelector: {"disk type": ssd}
#                    ^^^^^^^^^^^ error object-labels: nodeSelector label key \`disk type\` contains a space (only letters, digits, '-', '_' and '.' are allowed): a label key is an optional DNS-subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.
      containers: [{name: web, image: nginx}]
`,
    },
  ],
});
