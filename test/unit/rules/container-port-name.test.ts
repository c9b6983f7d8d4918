import { containerPortName } from '../../../server/src/engine/rules/container-port-name';
import { ruleTable } from '../../harness';

const ports = (items: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx
          ports:
${items}
`;

ruleTable(containerPortName, {
  valid: [
    { name: 'IANA service names', yaml: ports('            - {name: http, containerPort: 80}\n            - {name: grpc-web-2, containerPort: 81}\n            - {name: abcdefghijklmno, containerPort: 82}\n            - {containerPort: 83}') },
    {
      name: 'the same name in two containers (the API server checks each container alone)',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - {name: a, image: i, ports: [{name: metrics, containerPort: 9090}]}
    - {name: b, image: i, ports: [{name: metrics, containerPort: 9091}]}
`,
    },
    { name: 'a numeric name is left to the schema check', yaml: ports('            - {name: 8080, containerPort: 8080}') },
  ],
  invalid: [
    {
      name: 'invalid names',
      yaml: ports(`            - name: HTTP
#                   ^^^^ error container-port-name: Port name \`HTTP\` contains uppercase \`H\` (only lowercase letters, digits and '-' are allowed): a port name has at most 15 lowercase letters, digits and '-', with at least one letter.
              containerPort: 80
            - {name: http_alt, containerPort: 81}
#                    ^^^^^^^^ error container-port-name: Port name \`http_alt\` contains \`_\` (only lowercase letters, digits and '-' are allowed): a port name has at most 15 lowercase letters, digits and '-', with at least one letter.
            - {name: prometheus-metrics, containerPort: 82}
#                    ^^^^^^^^^^^^^^^^^^ error container-port-name: Port name \`prometheus-metrics\` is longer than 15 characters: a port name has at most 15 lowercase letters, digits and '-', with at least one letter.
            - {name: "8443", containerPort: 83}
#                    ^^^^^^ error container-port-name: Port name \`8443\` must contain at least one letter: a port name has at most 15 lowercase letters, digits and '-', with at least one letter.
            - {name: web--ui, containerPort: 84}
#                    ^^^^^^^ error container-port-name: Port name \`web--ui\` must not contain '--': a port name has at most 15 lowercase letters, digits and '-', with at least one letter.
            - {name: -web, containerPort: 85}
#                    ^^^^ error container-port-name: Port name \`-web\` must not start or end with '-': a port name has at most 15 lowercase letters, digits and '-', with at least one letter.`),
    },
    {
      name: 'a name used twice in one container',
      yaml: ports(`            - {name: http, containerPort: 80}
            - {name: http, containerPort: 8080}
#                    ^^^^ error container-port-name: Port name \`http\` is used twice in this container: port names must be unique within a container.`),
    },
  ],
});
