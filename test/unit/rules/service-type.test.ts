import { serviceType } from '../../../server/src/engine/rules/service-type';
import { ruleTable } from '../../harness';

ruleTable(serviceType, {
  valid: [
    {
      name: 'each type',
      yaml: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']
        .map((t) => `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: ${t}\n`)
        .join('---\n'),
    },
    {
      name: 'type omitted (ClusterIP)',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n',
    },
    {
      name: 'empty or null type defaults to ClusterIP',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: ""}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: t}\nspec:\n  type:\n',
    },
    {
      name: 'a Knative Service is not a core Service',
      yaml: 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: whatever\n',
    },
    {
      name: 'type from a merge key, JSON document',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nbase: &b {type: NodePort}\nspec:\n  <<: *b\n---\n{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "j"}, "spec": {"type": "LoadBalancer"}}\n',
    },
    {
      name: 'a map is a type error for the schema walk',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: {a: b}\n',
    },
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
      fixed: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: NodePort\n',
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
    {
      name: 'in a List, with CRLF line ends',
      yaml: 'apiVersion: v1\r\nkind: List\r\nitems:\r\n- apiVersion: v1\r\n  kind: Service\r\n  metadata: {name: s}\r\n  spec:\r\n    type: Loadbalancer\r\n#         ^^^^^^^^^^^^ error service-type: Service type `Loadbalancer` must be written `LoadBalancer` (the API server is case-sensitive).\r\n',
    },
  ],
});
