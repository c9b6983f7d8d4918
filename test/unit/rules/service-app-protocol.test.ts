import { serviceAppProtocol } from '../../../server/src/engine/rules/service-app-protocol';
import { ruleTable } from '../../harness';

const H = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n';

ruleTable(serviceAppProtocol, {
  valid: [
    {
      name: 'plain and prefixed names',
      yaml: `${H}spec:\n  ports:\n  - {name: a, port: 1, appProtocol: http}\n  - {name: b, port: 2, appProtocol: kubernetes.io/h2c}\n  - {name: c, port: 3, appProtocol: example.com/My_Proto.v2}\n  - {name: d, port: 4}\n`,
    },
  ],
  invalid: [
    {
      name: 'URLs, spaces, empty',
      yaml: `${H}spec:
  ports:
  - port: 80
    appProtocol: "http://"
#                ^^^^^^^^^ error service-app-protocol: appProtocol \`http://\` is invalid: a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName') (use a name such as http, https, kubernetes.io/h2c or a prefixed name like example.com/proto).
  - port: 81
    appProtocol: my proto
#                ^^^^^^^^ error service-app-protocol: appProtocol \`my proto\` is invalid: name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') (use a name such as http, https, kubernetes.io/h2c or a prefixed name like example.com/proto).
  - port: 82
    appProtocol: ""
#                ^^ error service-app-protocol: appProtocol "" is invalid: name part must be non-empty; name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') (use a name such as http, https, kubernetes.io/h2c or a prefixed name like example.com/proto).
  - port: 83
    appProtocol: Example.com/x
#                ^^^^^^^^^^^^^ error service-app-protocol: appProtocol \`Example.com/x\` is invalid: prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*') (use a name such as http, https, kubernetes.io/h2c or a prefixed name like example.com/proto).
`,
    },
  ],
});
