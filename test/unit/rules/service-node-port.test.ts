import assert from 'node:assert/strict';
import { it } from 'node:test';
import { serviceNodePort } from '../../../server/src/engine/rules/service-node-port';
import { check, ruleTable } from '../../harness';

const svc = (name: string, spec: string, ns = '') =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}${ns ? `, namespace: ${ns}` : ''}}\nspec:\n${spec}`;

ruleTable(serviceNodePort, {
  valid: [
    {
      name: 'NodePort and LoadBalancer in range',
      yaml:
        svc(
          'a',
          '  type: NodePort\n  ports:\n  - {name: a, port: 80, nodePort: 30000}\n  - {name: b, port: 81, nodePort: 32767}\n',
        ) +
        '---\n' +
        svc('b', '  type: LoadBalancer\n  ports:\n  - {port: 80, nodePort: 31000}\n'),
    },
    {
      name: 'no nodePort, or nodePort 0, on ClusterIP',
      yaml: svc('a', '  ports:\n  - {port: 80, nodePort: 0}\n  - {name: b, port: 81}\n'),
    },
    {
      name: 'DNS: the same nodePort for 53/TCP and 53/UDP',
      yaml: svc(
        'dns',
        '  type: NodePort\n  ports:\n  - {name: udp, port: 53, protocol: UDP, nodePort: 30053}\n  - {name: tcp, port: 53, protocol: TCP, nodePort: 30053}\n',
      ),
    },
    {
      name: 'ExternalName ignores nodePort',
      yaml: svc('a', '  type: ExternalName\n  externalName: db.example.com\n  ports:\n  - {port: 80, nodePort: 80}\n'),
    },
    {
      name: "an invalid type is service-type's",
      yaml: svc('a', '  type: nodeport\n  ports:\n  - {port: 80, nodePort: 80}\n'),
    },
    {
      name: 'healthCheckNodePort in range',
      yaml: svc(
        'a',
        '  type: LoadBalancer\n  externalTrafficPolicy: Local\n  healthCheckNodePort: 32000\n  ports:\n  - {port: 80, nodePort: 31000}\n',
      ),
    },
    {
      name: 'a kustomize patch without type: the base decides',
      yaml: {
        'kustomization.yaml': 'patchesStrategicMerge: [patch.yaml]\n',
        'patch.yaml': svc('a', '  ports:\n  - {port: 80, nodePort: 30080}\n'),
      },
    },
    {
      name: 'two Services of different files with the same nodePort are not reported (alternatives)',
      yaml: {
        'a.yaml': svc('a', '  type: NodePort\n  ports: [{port: 80, nodePort: 30080}]\n'),
        'b.yaml': svc('b', '  type: NodePort\n  ports: [{port: 80, nodePort: 30080}]\n'),
      },
    },
    {
      name: "the same Service twice in one file (an update), a ClusterIP Service's nodePort",
      yaml:
        svc('a', '  type: NodePort\n  ports: [{port: 80, nodePort: 30080}]\n') +
        '---\n' +
        svc('a', '  type: NodePort\n  ports: [{port: 80, nodePort: 30080}]\n'),
    },
  ],
  invalid: [
    {
      name: 'two Services of one file with the same nodePort',
      yaml:
        svc('a', '  type: NodePort\n  ports: [{port: 80, nodePort: 30080}]\n') +
        '---\n' +
        svc(
          'b',
          `  type: LoadBalancer
  ports:
  - {port: 443, protocol: UDP, nodePort: 30080}
#                                        ^^^^^ error service-node-port: nodePort 30080 is already taken by Service \`a\` earlier in this file: node ports are shared by the whole cluster, so the second Service is rejected. Use another port, or leave nodePort out.
`,
        ),
    },
    {
      name: 'nodePort on a ClusterIP Service',
      yaml:
        svc(
          'a',
          `  ports:
  - port: 80
    nodePort: 30080
#   ^^^^^^^^ error service-node-port: nodePort is only allowed when type is NodePort or LoadBalancer (this Service defaults to ClusterIP): remove nodePort, or set type: NodePort.
`,
        ) +
        '---\n' +
        svc(
          'b',
          `  type: ClusterIP
  clusterIP: None
  ports: [{port: 80, nodePort: 30080}]
#                    ^^^^^^^^ error service-node-port: nodePort is only allowed when type is NodePort or LoadBalancer (this Service is ClusterIP): remove nodePort, or set type: NodePort.
`,
        ),
    },
    {
      name: 'outside the node port range',
      yaml: svc(
        'a',
        `  type: NodePort
  ports:
  - name: a
    port: 80
    nodePort: 80
#             ^^ error service-node-port: nodePort 80 is outside the node port range 30000-32767: use a port in that range, or leave nodePort out to get one assigned.
  - name: b
    port: 81
    nodePort: 32768
#             ^^^^^ error service-node-port
`,
      ),
    },
    {
      name: 'a custom node port range from the settings',
      settings: { nodePortRange: { min: 8000, max: 9000 } },
      yaml: svc(
        'a',
        `  type: NodePort
  ports:
  - {port: 80, nodePort: 30080}
#                        ^^^^^ error service-node-port: nodePort 30080 is outside the node port range 8000-9000: use a port in that range, or leave nodePort out to get one assigned.
`,
      ),
    },
    {
      name: 'duplicate nodePorts within the Service',
      yaml: svc(
        'a',
        `  type: LoadBalancer
  ports:
  - {name: a, port: 80, nodePort: 30080}
  - {name: b, port: 81, nodePort: 30080}
#                                 ^^^^^ error service-node-port: nodePort 30080 is already used by ports[0] of this Service: each port needs its own nodePort (or leave it out to get one assigned).
  - {name: c, port: 82, protocol: UDP, nodePort: 30080}
#                                                ^^^^^ error service-node-port
`,
      ),
    },
    {
      name: 'healthCheckNodePort out of range or reused',
      yaml:
        svc(
          'a',
          `  type: LoadBalancer
  externalTrafficPolicy: Local
  healthCheckNodePort: 10256
#                      ^^^^^ error service-node-port: healthCheckNodePort 10256 is outside the node port range 30000-32767: use a port in that range, or leave it out to get one assigned.
  ports: [{port: 80}]
`,
        ) +
        '---\n' +
        svc(
          'b',
          `  type: LoadBalancer
  externalTrafficPolicy: Local
  healthCheckNodePort: 31000
#                      ^^^^^ error service-node-port: healthCheckNodePort 31000 is already the nodePort of ports[0]: use another port of the range, or leave it out to get one assigned.
  ports: [{port: 80, nodePort: 31000}]
`,
        ),
    },
  ],
});

it('service-node-port fixes pick free ports of the range, skipping those any Service of the workspace uses', () => {
  const files = {
    'a.yaml': svc(
      'a',
      '  type: NodePort\n  ports:\n  - {name: a, port: 80, nodePort: 80}\n  - {name: b, port: 81, nodePort: 30001}\n  - {name: c, port: 82, nodePort: 30001}\n',
    ),
    'other.yaml': svc('other', '  type: NodePort\n  ports: [{port: 80, nodePort: 30000}]\n', 'elsewhere'),
  };
  const found = check(files, { rules: [serviceNodePort] });
  assert.deepEqual(
    found.map((d) => [d.range.start.line, d.fix?.title, d.fix?.edits[0].newText]),
    [
      [6, 'Change to the free node port 30002', '30002'],
      [8, 'Change to the free node port 30003', '30003'],
    ],
  );
  assert.deepEqual(found[0].fix?.edits[0].range, {
    start: { line: 6, character: 34 },
    end: { line: 6, character: 36 },
  });
});

it('service-node-port gives no fix when the range is full', () => {
  const found = check(
    svc(
      'a',
      '  type: NodePort\n  ports:\n  - {name: a, port: 80, nodePort: 30000}\n  - {name: b, port: 81, nodePort: 30000}\n',
    ),
    {
      rules: [serviceNodePort],
      settings: { nodePortRange: { min: 30000, max: 30000 } },
    },
  );
  assert.equal(found.length, 1);
  assert.equal(found[0].fix, undefined);
});

it('service-node-port accepts a nodePort inside a custom range', () => {
  const yaml = svc('a', '  type: NodePort\n  ports:\n  - {port: 80, nodePort: 8080}\n');
  assert.deepEqual(
    check(yaml, { rules: [serviceNodePort], settings: { nodePortRange: { min: 8000, max: 9000 } } }),
    [],
  );
});
