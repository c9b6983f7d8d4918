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
    {
      name: 'IANA service names',
      yaml: ports(
        '            - {name: http, containerPort: 80}\n            - {name: grpc-web-2, containerPort: 81}\n            - {name: abcdefghijklmno, containerPort: 82}\n            - {containerPort: 83}',
      ),
    },
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
    {
      name: 'a numeric name is left to the schema check',
      yaml: ports('            - {name: 8080, containerPort: 8080}'),
    },
  ],
  invalid: [
    {
      name: 'invalid names',
      yaml: ports(`            - name: HTTP
#                   ^^^^ error container-port-name: Port name \`HTTP\` is invalid: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-); must contain at least one letter (a-z).
              containerPort: 80
            - {name: http_alt, containerPort: 81}
#                    ^^^^^^^^ error container-port-name: Port name \`http_alt\` is invalid: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-).
            - {name: prometheus-metrics, containerPort: 82}
#                    ^^^^^^^^^^^^^^^^^^ error container-port-name: Port name \`prometheus-metrics\` is invalid: must be no more than 15 characters.
            - {name: "8443", containerPort: 83}
#                    ^^^^^^ error container-port-name: Port name \`8443\` is invalid: must contain at least one letter (a-z).
            - {name: web--ui, containerPort: 84}
#                    ^^^^^^^ error container-port-name: Port name \`web--ui\` is invalid: must not contain consecutive hyphens.
            - {name: -web, containerPort: 85}
#                    ^^^^ error container-port-name: Port name \`-web\` is invalid: must not begin or end with a hyphen.`),
    },
    {
      name: 'a name used twice in one container',
      yaml: ports(`            - {name: http, containerPort: 80}
            - {name: http, containerPort: 8080}
#                    ^^^^ error container-port-name: Port name \`http\` is used twice in this container: port names must be unique within a container.`),
    },
  ],
});
