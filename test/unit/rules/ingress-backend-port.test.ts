import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingressBackendPort } from '../../../server/src/engine/rules/ingress-backend-port';
import { check, ruleTable } from '../../harness';

const H = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\n';

ruleTable(ingressBackendPort, {
  valid: [
    {
      name: 'a number or a name',
      yaml: `${H}spec:
  defaultBackend: {service: {name: web, port: {number: 65535}}}
  rules:
  - http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http-alt}}}}
      - {path: /b, pathType: Prefix, backend: {service: {name: web, port: {name: h2c, number: 0}}}}
`,
    },
    { name: 'a quoted number is the schema rule\'s', yaml: `${H}spec:\n  defaultBackend: {service: {name: web, port: {number: "80"}}}\n` },
    { name: 'a resource backend has no port', yaml: `${H}spec:\n  defaultBackend: {resource: {kind: Bucket, name: b}}\n` },
    { name: 'port from an alias', yaml: `${H}spec:\n  rules:\n  - http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: a, port: &p {number: 80}}}}\n      - {path: /b, pathType: Prefix, backend: {service: {name: b, port: *p}}}\n` },
  ],
  invalid: [
    {
      name: 'no port',
      yaml: `${H}spec:
  defaultBackend:
    service:
#   ^^^^^^^ error ingress-backend-port: The backend has no port: set \`port.number\` or \`port.name\` to a port of Service \`web\`.
      name: web
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port: {number: 0}
#           ^^^^ error ingress-backend-port
`,
    },
    {
      name: 'both name and number: on the second',
      yaml: `${H}spec:
  defaultBackend:
    service:
      name: web
      port:
        number: 80
        name: http
#       ^^^^ error ingress-backend-port: The backend port sets both \`name\` and \`number\`: set one of them (the name or the number of a port of Service \`web\`).
`,
    },
    {
      name: 'number out of range',
      yaml: `${H}spec:
  defaultBackend: {service: {name: web, port: {number: 70000}}}
#                                                      ^^^^^ error ingress-backend-port: Port number 70000 is out of range: use 1-65535.
---
${H}spec:
  defaultBackend: {service: {name: web, port: {number: -1}}}
#                                                      ^^ error ingress-backend-port
`,
    },
    {
      name: 'invalid port names',
      yaml: `${H}spec:
  rules:
  - http:
      paths:
      - {path: /a, pathType: Prefix, backend: {service: {name: web, port: {name: HTTP}}}}
#                                                                                ^^^^ error ingress-backend-port: Port name \`HTTP\` must be lowercase: write \`http\`.
      - {path: /b, pathType: Prefix, backend: {service: {name: web, port: {name: "8080"}}}}
#                                                                                ^^^^^^ error ingress-backend-port: \`8080\` is not a valid port name: it must contain at least one letter.
      - {path: /c, pathType: Prefix, backend: {service: {name: web, port: {name: web-http-port-long}}}}
#                                                                                ^^^^^^^^^^^^^^^^^^ error ingress-backend-port: \`web-http-port-long\` is not a valid port name: it must be at most 15 characters.
      - {path: /d, pathType: Prefix, backend: {service: {name: web, port: {name: my_port}}}}
#                                                                                ^^^^^^^ error ingress-backend-port
      - {path: /e, pathType: Prefix, backend: {service: {name: web, port: {name: -a--b}}}}
#                                                                                ^^^^^ error ingress-backend-port: \`-a--b\` is not a valid port name: it must not contain \`--\` and not begin or end with \`-\`.
`,
    },
  ],
});

describe('rule ingress-backend-port fixes', () => {
  it('lowercases a port name', () => {
    const ds = check(`${H}spec:\n  defaultBackend: {service: {name: web, port: {name: Http}}}\n`, { rules: [ingressBackendPort] });
    assert.deepEqual(ds.map((d) => d.fix?.edits.map((e) => e.newText)), [['http']]);
  });
});
