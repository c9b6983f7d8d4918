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
    {
      name: "a quoted number is the schema rule's",
      yaml: `${H}spec:\n  defaultBackend: {service: {name: web, port: {number: "80"}}}\n`,
    },
    {
      name: 'a resource backend has no port',
      yaml: `${H}spec:\n  defaultBackend: {resource: {kind: Bucket, name: b}}\n`,
    },
    {
      name: 'port from an alias',
      yaml: `${H}spec:\n  rules:\n  - http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: a, port: &p {number: 80}}}}\n      - {path: /b, pathType: Prefix, backend: {service: {name: b, port: *p}}}\n`,
    },
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
#                                                                                ^^^^ error ingress-backend-port: Port name \`HTTP\` is invalid: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-); must contain at least one letter (a-z) (write \`http\`).
      - {path: /b, pathType: Prefix, backend: {service: {name: web, port: {name: "8080"}}}}
#                                                                                ^^^^^^ error ingress-backend-port: Port name \`8080\` is invalid: must contain at least one letter (a-z).
      - {path: /c, pathType: Prefix, backend: {service: {name: web, port: {name: web-http-port-long}}}}
#                                                                                ^^^^^^^^^^^^^^^^^^ error ingress-backend-port: Port name \`web-http-port-long\` is invalid: must be no more than 15 characters.
      - {path: /d, pathType: Prefix, backend: {service: {name: web, port: {name: my_port}}}}
#                                                                                ^^^^^^^ error ingress-backend-port
      - {path: /e, pathType: Prefix, backend: {service: {name: web, port: {name: -a--b}}}}
#                                                                                ^^^^^ error ingress-backend-port: Port name \`-a--b\` is invalid: must not contain consecutive hyphens; must not begin or end with a hyphen.
`,
    },
  ],
});

describe('rule ingress-backend-port fixes', () => {
  it('lowercases a port name', () => {
    const ds = check(`${H}spec:\n  defaultBackend: {service: {name: web, port: {name: Http}}}\n`, {
      rules: [ingressBackendPort],
    });
    assert.deepEqual(
      ds.map((d) => d.fix?.edits.map((e) => e.newText)),
      [['http']],
    );
  });
});
