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
#   ^^^^^^^^^^^^ error object-annotations: Annotation key \`owner team\` contains a space (only letters, digits, '-', '_' and '.' are allowed): an annotation key is an optional DNS-subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.
spec:
  template:
    metadata:
      annotations:
        prometheus.io//scrape: "true"
#       ^^^^^^^^^^^^^^^^^^^^^ error object-annotations: Annotation key \`prometheus.io//scrape\` contains more than one '/': an annotation key is an optional DNS-subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.
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
