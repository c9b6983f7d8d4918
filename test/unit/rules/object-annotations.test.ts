import { objectAnnotations } from '../../../server/src/engine/rules/object-annotations';
import { ruleTable } from '../../harness';

ruleTable(objectAnnotations, {
  valid: [
    {
      name: 'qualified keys, any case, any value',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    Example.COM/Owner: "Team A: see https://x"\n    kubectl.kubernetes.io/last-applied-configuration: "{}"\n',
    },
  ],
  invalid: [
    {
      name: 'invalid keys on an object and on a pod template',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    "owner team": a
#   ^^^^^^^^^^^^ error object-annotations: Annotation key \`owner team\` is invalid: name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]').
spec:
  template:
    metadata:
      annotations:
        prometheus.io//scrape: "true"
#       ^^^^^^^^^^^^^^^^^^^^^ error object-annotations: Annotation key \`prometheus.io//scrape\` is invalid: a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName').
`,
    },
    {
      name: 'annotations above 256 KiB',
      yaml: `apiVersion: v1
kind: ConfigMap
metadata:
  name: big
  annotations:
# ^^^^^^^^^^^ error object-annotations: These annotations take 262148 bytes: the API server allows at most 262144 (256 KiB) per object.
    a: ${'x'.repeat(131073)}
    b: ${'y'.repeat(131073)}
`,
    },
  ],
});
