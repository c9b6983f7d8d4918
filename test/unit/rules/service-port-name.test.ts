import { servicePortName } from '../../../server/src/engine/rules/service-port-name';
import { ruleTable } from '../../harness';

const H = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n';

ruleTable(servicePortName, {
  valid: [
    { name: 'one unnamed port', yaml: `${H}spec:\n  ports:\n  - port: 80\n` },
    {
      name: 'named ports (DNS labels, longer than port names may be)',
      yaml: `${H}spec:\n  ports:\n  - {name: http, port: 80}\n  - {name: 9090-metrics-and-more-than-fifteen, port: 9090}\n`,
    },
    {
      name: 'names through a merge key',
      yaml: `${H}x: &p {name: http, port: 80}\nspec:\n  ports:\n  - <<: *p\n  - <<: *p\n    name: https\n    port: 443\n`,
    },
    {
      name: "a name that is not a string is the schema walk's",
      yaml: `${H}spec:\n  ports:\n  - {name: 1, port: 80}\n  - {name: b, port: 81}\n`,
    },
    {
      name: 'JSON document',
      yaml: '{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"}, "spec": {"ports": [{"name": "a", "port": 80}, {"name": "b", "port": 81}]}}\n',
    },
  ],
  invalid: [
    {
      name: 'missing names when there are several ports',
      yaml: `${H}spec:
  ports:
  - port: 80
#   ^^^^ error service-port-name: Port 80/TCP needs a name: when a Service has more than one port, every port must be named (e.g. name: http).
  - {port: 53, protocol: UDP, name: ""}
#                                   ^^ error service-port-name: Port 53/UDP needs a name: when a Service has more than one port, every port must be named (e.g. name: http).
  - targetPort: 8080
#   ^^^^^^^^^^ error service-port-name: This port needs a name: when a Service has more than one port, every port must be named (e.g. name: http).
`,
    },
    {
      name: 'invalid and duplicate names',
      yaml: `${H}spec:
  ports:
  - name: HTTP
#         ^^^^ error service-port-name: Port name \`HTTP\` is invalid: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?').
    port: 80
  - name: web_api
#         ^^^^^^^ error service-port-name
    port: 81
  - name: http
    port: 82
  - name: http
#         ^^^^ error service-port-name: Port name \`http\` is already used by ports[2]: port names must be unique within a Service.
    port: 83
`,
    },
  ],
});
