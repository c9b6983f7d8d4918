import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingressNoRoutes } from '../../../server/src/engine/rules/ingress-no-routes';
import { check, ruleTable } from '../../harness';

const H = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\n';

ruleTable(ingressNoRoutes, {
  valid: [
    {
      name: 'a default backend only',
      yaml: `${H}spec:\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n`,
    },
    {
      name: 'rules only, one without http',
      yaml: `${H}spec:\n  rules:\n  - host: a.example.com\n  - http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}\n`,
    },
    {
      name: '`http:` with no value is no http rule',
      yaml: `${H}spec:\n  rules:\n  - host: a.example.com\n    http:\n`,
    },
    {
      name: 'spec.backend is left to ingress-legacy-backend',
      yaml: `${H}spec:\n  backend: {serviceName: web, servicePort: 80}\n`,
    },
    { name: 'rules from an alias', yaml: `${H}x: &r [{host: a.example.com}]\nspec: {rules: *r}\n` },
  ],
  invalid: [
    {
      // In a List, so that the `spec` key is not at column 0 (where no annotation can point).
      name: 'neither rules nor defaultBackend',
      yaml: `apiVersion: v1
kind: List
items:
- apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata: {name: web}
  spec:
# ^^^^ error ingress-no-routes: Ingress \`web\` routes nothing: set \`spec.rules\` (hosts and paths) or \`spec.defaultBackend\`.
    ingressClassName: nginx
    rules: []
- apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata: {name: empty}
  spec: {}
# ^^^^ error ingress-no-routes
- apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata:
    name: no-spec
#         ^^^^^^^ error ingress-no-routes: Ingress \`no-spec\` routes nothing: set \`spec.rules\` (hosts and paths) or \`spec.defaultBackend\`.
`,
    },
    {
      name: 'an http rule without paths',
      yaml: `${H}spec:
  rules:
  - host: a.example.com
    http: {}
#   ^^^^ error ingress-no-routes: This \`http\` rule has no paths: list at least one under \`paths\` (e.g. \`- path: /\`, \`pathType: Prefix\`, \`backend: …\`), or remove \`http\`.
  - host: b.example.com
    http:
      paths: []
#     ^^^^^ error ingress-no-routes
  - host: c.example.com
    http:
      paths:
#     ^^^^^ error ingress-no-routes
`,
    },
  ],
});

describe('rule ingress-no-routes', () => {
  it('reports on the top-level `spec` key', () => {
    const ds = check(`${H}spec:\n  tls: [{secretName: x}]\n`, { rules: [ingressNoRoutes] });
    assert.deepEqual(
      ds.map((d) => [d.range, d.severity]),
      [[{ start: { line: 3, character: 0 }, end: { line: 3, character: 4 } }, 'error']],
    );
  });
});
