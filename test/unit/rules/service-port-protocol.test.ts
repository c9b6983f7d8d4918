import assert from 'node:assert/strict';
import { it } from 'node:test';
import { servicePortProtocol } from '../../../server/src/engine/rules/service-port-protocol';
import { check, ruleTable } from '../../harness';

const H = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n';

ruleTable(servicePortProtocol, {
  valid: [
    {
      name: 'TCP, UDP, SCTP, unset, empty, null',
      yaml: `${H}spec:\n  ports:\n  - {name: a, port: 1, protocol: TCP}\n  - {name: b, port: 2, protocol: UDP}\n  - {name: c, port: 3, protocol: SCTP}\n  - {name: d, port: 4}\n  - {name: e, port: 5, protocol: ""}\n  - {name: f, port: 6, protocol: null}\n`,
    },
    {
      name: 'a protocol through a merge key',
      yaml: `${H}x: &udp {protocol: UDP}\nspec:\n  ports:\n  - <<: *udp\n    port: 53\n`,
    },
    { name: "a number is the schema walk's", yaml: `${H}spec:\n  ports:\n  - {port: 1, protocol: 6}\n` },
  ],
  invalid: [
    {
      name: 'wrong case',
      yaml: `${H}spec:
  ports:
  - port: 53
    protocol: udp
#             ^^^ error service-port-protocol: Protocol \`udp\` must be written \`UDP\` (the API server is case-sensitive).
  - {port: 80, protocol: "Tcp"}
#                        ^^^^^ error service-port-protocol: Protocol \`Tcp\` must be written \`TCP\` (the API server is case-sensitive).
`,
      fixed: `${H}spec:\n  ports:\n  - port: 53\n    protocol: UDP\n  - {port: 80, protocol: TCP}\n`,
    },
    {
      name: 'an application protocol, and something else',
      yaml: `${H}spec:
  ports:
  - port: 80
    protocol: HTTP
#             ^^^^ error service-port-protocol: Unsupported protocol \`HTTP\`: use TCP, UDP or SCTP. HTTP runs over TCP: write protocol: TCP (appProtocol: http can name the application protocol).
  - port: 81
    protocol: ICMP
#             ^^^^ error service-port-protocol: Unsupported protocol \`ICMP\`: use TCP, UDP or SCTP.
`,
    },
  ],
});

it('service-port-protocol fixes replace the value', () => {
  const found = check(
    `${H}spec:\n  ports:\n  - {port: 53, protocol: udp}\n  - {port: 80, protocol: grpc}\n  - {port: 81, protocol: icmp}\n`,
    { rules: [servicePortProtocol] },
  );
  assert.deepEqual(
    found.map((d) => d.fix?.edits.map((e) => e.newText)),
    [['UDP'], ['TCP'], undefined],
  );
  assert.deepEqual(found[0].fix?.edits[0].range, {
    start: { line: 5, character: 25 },
    end: { line: 5, character: 28 },
  });
});
