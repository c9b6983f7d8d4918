import { servicePortDuplicate } from '../../../server/src/engine/rules/service-port-duplicate';
import { ruleTable } from '../../harness';

const H = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n';

ruleTable(servicePortDuplicate, {
  valid: [
    {
      name: 'same port, different protocols (DNS)',
      yaml: `${H}spec:\n  ports:\n  - {name: dns, port: 53, protocol: UDP}\n  - {name: dns-tcp, port: 53}\n`,
    },
    {
      name: 'different ports to the same targetPort',
      yaml: `${H}spec:\n  ports:\n  - {name: a, port: 80, targetPort: 8080}\n  - {name: b, port: 8080, targetPort: 8080}\n`,
    },
    {
      name: 'the same Service twice in two files is not a duplicate port',
      yaml: { 'a.yaml': `${H}spec:\n  ports: [{port: 80}]\n`, 'b.yaml': `${H}spec:\n  ports: [{port: 80}]\n` },
    },
  ],
  invalid: [
    {
      name: 'same port and protocol twice (protocol defaulted and explicit)',
      yaml: `${H}spec:
  ports:
  - name: a
    port: 80
  - name: b
    port: 80
#         ^^ error service-port-duplicate: Port 80/TCP is already declared by ports[0]: each port and protocol pair must appear once in a Service. Remove this entry or change its port.
    protocol: TCP
  - {name: c, port: 53, protocol: UDP}
  - {name: d, port: 53, protocol: UDP}
#                   ^^ error service-port-duplicate: Port 53/UDP is already declared by ports[2]: each port and protocol pair must appear once in a Service. Remove this entry or change its port.
`,
    },
    {
      name: 'a duplicate brought in by a merge key is reported on the merge',
      yaml: `${H}spec:
  ports:
  - &http {name: http, port: 80, targetPort: http}
  - <<: *http
#   ^^ error service-port-duplicate: Port 80/TCP is already declared by ports[0]: each port and protocol pair must appear once in a Service. Remove this entry or change its port.
    name: http-alt
`,
    },
    {
      name: 'a duplicate brought in by an alias',
      yaml: `${H}x: &p {name: a, port: 80}
#                     ^^ error service-port-duplicate
spec:
  ports:
  - {name: z, port: 80}
  - *p
`,
    },
  ],
});
