/** Hover on an Ingress path: the example requests it receives, and those it loses to other rules of its class. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hover } from '../../../server/src/engine/editor/hover';
import { workspaceAt } from './fixture';

function hoverText(files: Record<string, string>): string | undefined {
  const { ws, path, lines, position } = workspaceAt(files);
  return hover(ws, path, lines, position)?.markdown;
}

/** The section the route hover adds (the schema's field documentation comes before it). */
function routeSection(md: string | undefined): string | undefined {
  return md?.split('\n\n---\n\n').find((s) => s.startsWith('**Requests this path receives**'));
}

const FRONT = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: front, namespace: shop}
spec:
  ingressClassName: nginx
  tls: [{hosts: [books.example.com], secretName: books-tls}]
  rules:
  - host: books.example.com
    http:
      paths:
      - path: /$0
        pathType: Prefix
        backend: {service: {name: web, port: {number: 80}}}
`;

const API = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: api, namespace: shop}
spec:
  ingressClassName: nginx
  rules:
  - host: books.example.com
    http:
      paths:
      - path: /api
        pathType: Prefix
        backend: {service: {name: api, port: {number: 80}}}
      - path: /api/admin
        pathType: Exact
        backend: {service: {name: admin, port: {number: 80}}}
`;

describe('hover on an Ingress path', () => {
  it('lists what it receives and what it loses to the longer paths of another Ingress of the class', () => {
    assert.equal(
      routeSection(hoverText({ 'front.yaml': FRONT, 'api.yaml': API })),
      `**Requests this path receives** (class \`nginx\`):

- \`https://books.example.com/\`
- \`https://books.example.com/any/path\`

**Requests it matches but loses:**

- \`https://books.example.com/api\` → Prefix /api (host books.example.com) of Ingress shop/api
- \`https://books.example.com/api/any\` → Prefix /api (host books.example.com) of Ingress shop/api
- \`https://books.example.com/api/admin\` → Exact /api/admin (host books.example.com) of Ingress shop/api`,
    );
  });

  it('another class is another controller: nothing is lost to it', () => {
    const md = routeSection(
      hoverText({
        'front.yaml': FRONT,
        'api.yaml': API.replace('ingressClassName: nginx', 'ingressClassName: traefik'),
      }),
    );
    assert.ok(md && !md.includes('loses'), md);
  });

  it('a rule without host loses the hosts other rules name, whatever their paths', () => {
    const catchAll = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: catch-all, namespace: shop}
spec:
  ingressClassName: nginx
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix$0
        backend: {service: {name: web, port: {number: 80}}}
`;
    const md = routeSection(hoverText({ 'all.yaml': catchAll, 'api.yaml': API }));
    assert.equal(
      md,
      `**Requests this path receives** (class \`nginx\`):

- \`http://any-host.example/\`
- \`http://any-host.example/any/path\`

**Requests it matches but loses:**

- \`http://books.example.com/api\` → Prefix /api (host books.example.com) of Ingress shop/api
- \`http://books.example.com/api/any\` → Prefix /api (host books.example.com) of Ingress shop/api
- \`http://books.example.com/api/admin\` → Exact /api/admin (host books.example.com) of Ingress shop/api
- \`http://books.example.com/\` → no route: the controller answers 404
- \`http://books.example.com/any/path\` → no route: the controller answers 404`,
    );
  });

  it('a duplicate path (ingress-duplicate-path) receives nothing: the first one takes it all', () => {
    const dup = API.replace('name: api,', 'name: api-copy,')
      .replace(/\n {6}- path: \/api\/admin[\s\S]*$/, '\n')
      .replace('- path: /api\n', '- path: /api$0\n');
    const md = routeSection(hoverText({ 'api.yaml': API, 'b.yaml': dup }));
    assert.match(
      md ?? '',
      /^\*\*Requests this path receives\*\* \(class `nginx`\):\n\n- none: every request it matches goes to another rule\n\n\*\*Requests it matches but loses:\*\*\n\n- `http:\/\/books.example.com\/api` → Prefix \/api \(host books.example.com\) of Ingress shop\/api\n/,
    );
  });

  it('no section on other keys of the Ingress', () => {
    assert.equal(
      routeSection(
        hoverText({ 'front.yaml': FRONT.replace('path: /$0', 'path: /').replace('name: front,', 'name: front$0,') }),
      ),
      undefined,
    );
  });
});
