import { serviceType } from '../../../server/src/engine/rules/service-type';
import { ruleTable } from '../../harness';

ruleTable(serviceType, {
  valid: [
    { name: 'each type', yaml: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].map((t) => `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: ${t}\n`).join('---\n') },
    { name: 'type omitted (ClusterIP)', yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n' },
    { name: 'a Knative Service is not a core Service', yaml: 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: whatever\n' },
  ],
  invalid: [
    {
      name: 'wrong case',
      yaml: `apiVersion: v1
kind: Service
metadata: {name: s}
spec:
  type: nodeport
#       ^^^^^^^^ error service-type: Service type \`nodeport\` must be written \`NodePort\` (the API server is case-sensitive).
`,
    },
    {
      name: 'unknown type',
      yaml: `apiVersion: v1
kind: Service
metadata: {name: s}
spec: {type: "Internal"}
#            ^^^^^^^^^^ error service-type: Unsupported Service type \`Internal\`: use ClusterIP, NodePort, LoadBalancer or ExternalName.
`,
    },
  ],
});
