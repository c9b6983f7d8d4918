import { serviceAppProtocol } from '../../../server/src/engine/rules/service-app-protocol';
import { ruleTable } from '../../harness';

const H = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n';

ruleTable(serviceAppProtocol, {
  valid: [
    { name: 'plain and prefixed names', yaml: `${H}spec:\n  ports:\n  - {name: a, port: 1, appProtocol: http}\n  - {name: b, port: 2, appProtocol: kubernetes.io/h2c}\n  - {name: c, port: 3, appProtocol: example.com/My_Proto.v2}\n  - {name: d, port: 4}\n` },
  ],
  invalid: [
    {
      name: 'URLs, spaces, empty',
      yaml: `${H}spec:
  ports:
  - port: 80
    appProtocol: "http://"
#                ^^^^^^^^^ error service-app-protocol: appProtocol \`http://\` has more than one '/': use a name such as http, https, kubernetes.io/h2c or a prefixed name like example.com/proto.
  - port: 81
    appProtocol: my proto
#                ^^^^^^^^ error service-app-protocol: appProtocol \`my proto\` contains a space (only letters, digits, '-', '_' and '.' are allowed): use a name such as http, https, kubernetes.io/h2c or a prefixed name like example.com/proto.
  - port: 82
    appProtocol: ""
#                ^^ error service-app-protocol: appProtocol "" is empty: use a name such as http, https, kubernetes.io/h2c or a prefixed name like example.com/proto.
  - port: 83
    appProtocol: Example.com/x
#                ^^^^^^^^^^^^^ error service-app-protocol: appProtocol \`Example.com/x\` has a prefix \`Example.com\` before '/' that has uppercase letters (use lowercase) (a prefix is a lowercase DNS subdomain): use a name such as http, https, kubernetes.io/h2c or a prefixed name like example.com/proto.
`,
    },
  ],
});
