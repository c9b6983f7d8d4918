import { ingressBackend } from '../../../server/src/engine/rules/ingress-backend';
import { ruleTable } from '../../harness';

const H = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\n';

ruleTable(ingressBackend, {
  valid: [
    {
      name: 'service and resource backends',
      yaml: `${H}spec:
  defaultBackend:
    resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: static-assets}
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web-2
            port: {number: 80}
`,
    },
    {
      name: 'a backend from a merge key',
      yaml: `${H}x: &b {service: {name: web, port: {number: 80}}}\nspec:\n  defaultBackend:\n    <<: *b\n`,
    },
    {
      name: "a name that is not a string is the schema rule's",
      yaml: `${H}spec:\n  defaultBackend: {service: {name: 42, port: {number: 80}}}\n`,
    },
    { name: 'no default backend at all', yaml: `${H}spec:\n  rules: [{host: a.example.com}]\n` },
  ],
  invalid: [
    {
      name: 'v1beta1 fields only: the API server finds no backend (ingress-legacy-backend reports each field)',
      yaml: `${H}spec:
  defaultBackend: {serviceName: web, servicePort: 80}
# ^^^^^^^^^^^^^^ error ingress-backend: The default backend has no backend: set \`service\` (\`service: {name: …, port: {number: …}}\`) or \`resource\`.
  rules:
  - http: {paths: [{path: /, pathType: Prefix, backend: {serviceName: Web, servicePort: 80}}]}
#                                              ^^^^^^^ error ingress-backend: This path has no backend: set \`service\` (\`service: {name: …, port: {number: …}}\`) or \`resource\`.
`,
    },
    {
      name: 'neither service nor resource',
      yaml: `${H}spec:
  defaultBackend: {}
# ^^^^^^^^^^^^^^ error ingress-backend: The default backend has no backend: set \`service\` (\`service: {name: …, port: {number: …}}\`) or \`resource\`.
  rules:
  - http:
      paths:
      - path: /
#       ^^^^^^^ error ingress-backend: This path has no backend: set \`service\` (\`service: {name: …, port: {number: …}}\`) or \`resource\`.
        pathType: Prefix
      - path: /b
        pathType: Prefix
        backend:
#       ^^^^^^^ error ingress-backend
      - path: /c
        pathType: Prefix
        backend:
#       ^^^^^^^ error ingress-backend
          service:
`,
    },
    {
      name: 'both service and resource: on the second one',
      yaml: `${H}spec:
  defaultBackend:
    service: {name: web, port: {number: 80}}
    resource: {kind: StorageBucket, name: b}
#   ^^^^^^^^ error ingress-backend: This backend sets both \`service\` and \`resource\`: a backend routes to one of them. Remove one.
`,
    },
    {
      name: 'service name missing or invalid',
      yaml: `${H}spec:
  rules:
  - http:
      paths:
      - path: /a
        pathType: Prefix
        backend:
          service:
#         ^^^^^^^ error ingress-backend: The backend \`service\` has no \`name\`: set the name of the Service to route to.
            port: {number: 80}
      - path: /b
        pathType: Prefix
        backend:
          service:
            name: Web
#                 ^^^ error ingress-backend: Service name \`Web\` is invalid: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?') (write \`web\`).
            port: {number: 80}
      - path: /c
        pathType: Prefix
        backend:
          service: {name: 1web, port: {number: 80}}
#                         ^^^^ error ingress-backend: Service name \`1web\` is invalid: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?').
      - path: /d
        pathType: Prefix
        backend:
          service: {name: web.shop, port: {number: 80}}
#                         ^^^^^^^^ error ingress-backend
      - path: /e
        pathType: Prefix
        backend:
          service: {name: "", port: {number: 80}}
#         ^^^^^^^ error ingress-backend
`,
    },
    {
      name: 'resource without kind or name',
      yaml: `${H}spec:
  defaultBackend:
    resource: {apiGroup: k8s.example.com, name: b}
#   ^^^^^^^^ error ingress-backend: The backend \`resource\` needs \`kind\`: it names the object (e.g. a bucket of a storage CRD) to route to.
`,
    },
  ],
});
