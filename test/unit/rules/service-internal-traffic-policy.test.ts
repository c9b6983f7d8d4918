import { serviceInternalTrafficPolicy } from '../../../server/src/engine/rules/service-internal-traffic-policy';
import { ruleTable } from '../../harness';

const H = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n';

ruleTable(serviceInternalTrafficPolicy, {
  valid: [
    {
      name: 'Cluster, Local, unset, null',
      yaml: `${H}spec: {internalTrafficPolicy: Cluster}\n---\n${H}spec: {internalTrafficPolicy: Local}\n---\n${H}spec: {ports: [{port: 80}]}\n---\n${H}spec:\n  internalTrafficPolicy:\n`,
    },
  ],
  invalid: [
    {
      name: 'wrong case, unknown, empty',
      yaml: `${H}spec:
  internalTrafficPolicy: local
#                        ^^^^^ error service-internal-traffic-policy: internalTrafficPolicy \`local\` must be written \`Local\`.
---
${H}spec:
  internalTrafficPolicy: Topology
#                        ^^^^^^^^ error service-internal-traffic-policy: Unsupported internalTrafficPolicy \`Topology\`: use Cluster or Local (or leave it out).
---
${H}spec:
  internalTrafficPolicy: ""
#                        ^^ error service-internal-traffic-policy: Unsupported internalTrafficPolicy "": use Cluster or Local (or leave it out).
`,
    },
  ],
});
