import { containerPort } from '../../../server/src/engine/rules/container-port';
import { ruleTable } from '../../harness';

const pod = (spec: string) => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
${spec}
`;

ruleTable(containerPort, {
  valid: [
    {
      name: 'ports with every protocol',
      yaml: pod(
        '  containers:\n    - name: c\n      image: i\n      ports:\n        - {containerPort: 1}\n        - {containerPort: 65535, protocol: UDP}\n        - {containerPort: 9000, protocol: SCTP, hostPort: 9000}',
      ),
    },
    {
      name: 'the same hostPort with different protocols or hostIPs',
      yaml: pod(
        '  containers:\n    - name: a\n      image: i\n      ports: [{containerPort: 53, hostPort: 53}, {containerPort: 53, hostPort: 53, protocol: UDP}]\n    - name: b\n      image: i\n      ports: [{containerPort: 8080, hostPort: 80, hostIP: 10.0.0.1}, {containerPort: 8081, hostPort: 80, hostIP: 10.0.0.2}]',
      ),
    },
    {
      name: 'init containers may reuse app host ports (they run before)',
      yaml: pod(
        '  initContainers: [{name: i, image: i, ports: [{containerPort: 80, hostPort: 80}]}]\n  containers: [{name: c, image: i, ports: [{containerPort: 80, hostPort: 80}]}]',
      ),
    },
    {
      name: 'hostNetwork with equal ports, and a template without hostPort',
      yaml: pod(
        '  hostNetwork: true\n  containers: [{name: c, image: i, ports: [{containerPort: 80, hostPort: 80}, {containerPort: 81}]}]',
      ),
    },
    {
      name: 'a quoted containerPort is left to the schema check',
      yaml: pod('  containers: [{name: c, image: i, ports: [{containerPort: "80"}]}]'),
    },
    {
      name: 'an empty protocol defaults to TCP',
      yaml: pod('  containers: [{name: c, image: i, ports: [{containerPort: 80, protocol: ""}]}]'),
    },
  ],
  invalid: [
    {
      name: 'port copied from a Service',
      yaml: pod(`  containers:
    - name: c
      image: i
      ports:
        - name: http
          port: 8080
#         ^^^^ error container-port: \`port\` is a Service field: a port of container \`c\` is written \`containerPort: 8080\`.`),
    },
    {
      name: 'missing and out-of-range containerPort',
      yaml: pod(`  containers:
    - name: web
      image: nginx
      ports:
        - name: http
#         ^^^^ error container-port: A port of container \`web\` has no containerPort: every entry under ports needs one (1-65535).
        - containerPort: 0
#                        ^ error container-port: containerPort 0 is out of range: use a port number from 1 to 65535.
        - {containerPort: 80800, hostPort: -1}
#                         ^^^^^ error container-port: containerPort 80800 is out of range: use a port number from 1 to 65535.
#                                          ^^ error container-port: hostPort -1 is out of range: use a port number from 1 to 65535 (or leave hostPort out).`),
    },
    {
      name: 'protocols',
      yaml: pod(`  containers:
    - name: c
      image: i
      ports:
        - {containerPort: 80, protocol: tcp}
#                                       ^^^ error container-port: Protocol \`tcp\` must be written \`TCP\` (the API server is case-sensitive).
        - {containerPort: 81, protocol: HTTP}
#                                       ^^^^ error container-port: Unsupported protocol \`HTTP\`: use TCP, UDP or SCTP (HTTP runs over TCP).`),
    },
    {
      name: 'a hostPort used twice',
      yaml: pod(`  containers:
    - name: a
      image: i
      ports: [{containerPort: 80, hostPort: 8080}]
    - name: b
      image: i
      ports: [{containerPort: 81, hostPort: 8080, protocol: TCP}]
#                                           ^^^^ error container-port: hostPort 8080/TCP is already used by container \`a\`: a pod can bind each host port once.
  initContainers:
    - name: init
      image: i
      ports: [{containerPort: 1, hostPort: 9}, {containerPort: 2, hostPort: 9}]
#                                                                           ^ error container-port: hostPort 9/TCP is already used by this container: a pod can bind each host port once.`),
    },
    {
      name: 'hostNetwork with a different hostPort',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: agent
          image: i
          ports: [{containerPort: 9100, hostPort: 9101}]
#                                                 ^^^^ error container-port: With hostNetwork: true, hostPort (9101) must equal containerPort (9100): the container listens on the node's own network.
`,
    },
  ],
});
