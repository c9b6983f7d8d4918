import assert from 'node:assert/strict';
import { it } from 'node:test';
import { serviceClusterIP } from '../../../server/src/engine/rules/service-cluster-ip';
import { check, ruleTable } from '../../harness';

const H = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n';

ruleTable(serviceClusterIP, {
  valid: [
    {
      name: 'unset, empty, IPv4, IPv6',
      yaml: [
        `${H}spec: {ports: [{port: 80}]}\n`,
        `${H}spec: {clusterIP: ""}\n`,
        `${H}spec: {clusterIP: 10.96.0.10}\n`,
        `${H}spec: {clusterIP: "fd00::10"}\n`,
      ].join('---\n'),
    },
    {
      name: 'headless ClusterIP',
      yaml: `${H}spec:\n  type: ClusterIP\n  clusterIP: None\n---\n${H}spec:\n  clusterIPs: [None]\n`,
    },
    {
      name: 'dual-stack clusterIPs matching clusterIP',
      yaml: `${H}spec:\n  clusterIP: 10.96.0.10\n  clusterIPs: [10.96.0.10, "fd00::10"]\n`,
    },
    {
      name: 'ExternalName with an empty clusterIP',
      yaml: `${H}spec:\n  type: ExternalName\n  externalName: db.example.com\n  clusterIP: ""\n`,
    },
    {
      name: 'an IPv4 address with leading zeros (the API server parses it sloppily)',
      yaml: `${H}spec: {clusterIP: 10.096.0.010}\n`,
    },
  ],
  invalid: [
    {
      name: 'not an IP, wrong-case None',
      yaml: `${H}spec:
  clusterIP: 10.96.0.300
#            ^^^^^^^^^^^ error service-cluster-ip: clusterIP \`10.96.0.300\` is not a valid IP address: use an address of the cluster's Service IP range, None for a headless Service, or leave it out to get one assigned.
---
${H}spec:
  clusterIP: none
#            ^^^^ error service-cluster-ip: clusterIP \`none\` must be written \`None\` for a headless Service (the API server is case-sensitive).
`,
    },
    {
      name: 'headless NodePort and LoadBalancer',
      yaml: `${H}spec:
  type: NodePort
  clusterIP: None
#            ^^^^ error service-cluster-ip: clusterIP: None (a headless Service) is only allowed with type ClusterIP; a NodePort Service needs a cluster IP: remove clusterIP: None, or use type: ClusterIP.
  ports: [{port: 80}]
---
${H}spec:
  type: LoadBalancer
  clusterIPs: [None]
#              ^^^^ error service-cluster-ip: clusterIPs: [None] (a headless Service) is only allowed with type ClusterIP; a LoadBalancer Service needs a cluster IP.
`,
    },
    {
      name: 'ExternalName must not set clusterIP or clusterIPs',
      yaml: `${H}spec:
  type: ExternalName
  externalName: db.example.com
  clusterIP: None
# ^^^^^^^^^ error service-cluster-ip: An ExternalName Service must not set clusterIP (it is only a DNS alias, with no cluster IP): remove clusterIP.
  clusterIPs: [10.0.0.1]
# ^^^^^^^^^^ error service-cluster-ip: An ExternalName Service must not set clusterIPs (it is only a DNS alias, with no cluster IP): remove clusterIPs.
`,
    },
    {
      name: 'clusterIPs: None not alone, bad addresses, too many, same family, mismatch',
      yaml: `${H}spec:
  clusterIPs: [None, 10.0.0.1]
#              ^^^^ error service-cluster-ip: \`None\` must be the first and only value of clusterIPs.
---
${H}spec:
  clusterIPs: [10.0.0.1, "fd00::1", 10.0.0.2]
#                                   ^^^^^^^^ error service-cluster-ip: clusterIPs may hold at most two addresses (one IPv4 and one IPv6).
---
${H}spec:
  clusterIPs: [10.0.0.1, 10.0.0.2]
#                        ^^^^^^^^ error service-cluster-ip: clusterIPs may hold one address of each IP family: the second must be IPv6 when the first is IPv4, and the other way round.
---
${H}spec:
  clusterIP: 10.0.0.1
  clusterIPs: [10.0.0.2]
#              ^^^^^^^^ error service-cluster-ip: The first value of clusterIPs (\`10.0.0.2\`) must match clusterIP (\`10.0.0.1\`).
---
${H}spec:
  clusterIPs: ["fd00::1::2"]
#              ^^^^^^^^^^^^ error service-cluster-ip: clusterIPs value \`fd00::1::2\` is not a valid IP address.
`,
    },
  ],
});

it('service-cluster-ip fixes the case of None', () => {
  const [d] = check(`${H}spec:\n  clusterIP: NONE\n`, { rules: [serviceClusterIP] });
  assert.deepEqual(d.fix?.edits, [
    { range: { start: { line: 4, character: 13 }, end: { line: 4, character: 17 } }, newText: 'None' },
  ]);
});
