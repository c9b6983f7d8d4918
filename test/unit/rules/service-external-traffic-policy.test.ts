import { serviceExternalTrafficPolicy } from '../../../server/src/engine/rules/service-external-traffic-policy';
import { ruleTable } from '../../harness';

const H = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n';

ruleTable(serviceExternalTrafficPolicy, {
  valid: [
    {
      name: 'NodePort and LoadBalancer',
      yaml: `${H}spec:\n  type: NodePort\n  externalTrafficPolicy: Local\n---\n${H}spec:\n  type: LoadBalancer\n  externalTrafficPolicy: Cluster\n`,
    },
    {
      name: 'ClusterIP with externalIPs',
      yaml: `${H}spec:\n  externalIPs: [203.0.113.10]\n  externalTrafficPolicy: Local\n`,
    },
    {
      name: 'empty or null on ClusterIP (Helm-style blanks)',
      yaml: `${H}spec:\n  externalTrafficPolicy: ""\n---\n${H}spec:\n  externalTrafficPolicy:\n`,
    },
    {
      name: 'healthCheckNodePort with LoadBalancer and Local',
      yaml: `${H}spec:\n  type: LoadBalancer\n  externalTrafficPolicy: Local\n  healthCheckNodePort: 32000\n`,
    },
    {
      name: 'a kustomize patch without a type',
      yaml: {
        'kustomization.yaml': 'patchesStrategicMerge: [etp.yaml]\n',
        'etp.yaml': `${H}spec:\n  externalTrafficPolicy: Local\n  healthCheckNodePort: 32000\n`,
      },
    },
    { name: 'healthCheckNodePort 0 means unset', yaml: `${H}spec:\n  healthCheckNodePort: 0\n` },
    {
      name: "an invalid type is service-type's",
      yaml: `${H}spec:\n  type: Nodeport\n  externalTrafficPolicy: Local\n`,
    },
  ],
  invalid: [
    {
      name: 'on a ClusterIP or ExternalName Service',
      yaml: `${H}spec:
  externalTrafficPolicy: Cluster
# ^^^^^^^^^^^^^^^^^^^^^ error service-external-traffic-policy: externalTrafficPolicy only applies to NodePort and LoadBalancer Services (or to Services with externalIPs); this one is ClusterIP: remove externalTrafficPolicy.
---
${H}spec:
  type: ExternalName
  externalName: db.example.com
  externalTrafficPolicy: Local
# ^^^^^^^^^^^^^^^^^^^^^ error service-external-traffic-policy: externalTrafficPolicy only applies to NodePort and LoadBalancer Services (or to Services with externalIPs); this one is ExternalName: remove externalTrafficPolicy.
`,
    },
    {
      name: 'unsupported values',
      yaml: `${H}spec:
  type: NodePort
  externalTrafficPolicy: local
#                        ^^^^^ error service-external-traffic-policy: externalTrafficPolicy \`local\` must be written \`Local\`.
---
${H}spec:
  type: LoadBalancer
  externalTrafficPolicy: Global
#                        ^^^^^^ error service-external-traffic-policy: externalTrafficPolicy \`Global\` must be written \`Cluster\`.
---
${H}spec:
  type: LoadBalancer
  externalTrafficPolicy: Nearest
#                        ^^^^^^^ error service-external-traffic-policy: Unsupported externalTrafficPolicy \`Nearest\`: use Cluster or Local.
`,
    },
    {
      name: 'healthCheckNodePort without LoadBalancer + Local',
      yaml: `${H}spec:
  type: LoadBalancer
  healthCheckNodePort: 32000
# ^^^^^^^^^^^^^^^^^^^ error service-external-traffic-policy: healthCheckNodePort is only allowed on a LoadBalancer Service with externalTrafficPolicy: Local: remove healthCheckNodePort.
---
${H}spec:
  type: NodePort
  externalTrafficPolicy: Local
  healthCheckNodePort: 32000
# ^^^^^^^^^^^^^^^^^^^ error service-external-traffic-policy
`,
    },
  ],
});
