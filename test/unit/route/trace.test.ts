/** Traces through hosts, classes, default backends, TLS, namespaces, broken backends, Service DNS names and node ports. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Workspace } from '../../../server/src/engine/model/workspace';
import { parseRequest, traceRequest } from '../../../server/src/engine/route';
import type { RouteReport, Trace } from '../../../server/src/engine/route';

function workspace(files: Record<string, string>): Workspace {
  const ws = new Workspace();
  for (const [name, text] of Object.entries(files)) ws.setText(name, text);
  return ws;
}

function traces(ws: Workspace, url: string, opts: Parameters<typeof traceRequest>[2] = {}): Trace[] {
  const r = traceRequest(ws, url, opts);
  assert.equal(typeof r, 'object', String(r));
  return (r as RouteReport).traces;
}

/** `Ingress ns/name Prefix /path → Service ns/name → Deployment ns/name`: the hops, for short assertions. */
function chain(t: Trace): string {
  const parts: string[] = [t.outcome];
  if (t.route)
    parts.push(
      `${t.route.namespace}/${t.route.name} ${t.route.defaultBackend ? 'default' : `${t.route.host ?? '*'} ${t.route.pathType} ${t.route.path}`}`,
    );
  if (t.service) parts.push(`svc ${t.service.namespace}/${t.service.name}:${t.service.port}`);
  for (const p of t.pods) parts.push(`${p.kind} ${p.namespace}/${p.name} ${p.container}:${p.containerPort}`);
  return parts.join(' | ');
}

const app = (name: string, ns = 'shop', port = 8080, portName = 'http') => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {app: ${name}}
  ports: [{name: ${portName}, port: 80, targetPort: ${portName}}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: main, image: x, ports: [{name: ${portName}, containerPort: ${port}}]}]
`;

const ingress = (name: string, spec: string, ns = 'shop') => `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ${name}, namespace: ${ns}}
spec:
${spec}`;

const path = (p: string, svc: string, type = 'Prefix') =>
  `      - {path: ${p}, pathType: ${type}, backend: {service: {name: ${svc}, port: {name: http}}}}`;

describe('route: hosts', () => {
  const ws = workspace({
    'apps.yaml': app('exact') + app('wild') + app('fallback'),
    'ingress.yaml': ingress(
      'hosts',
      `  rules:\n  - host: books.example.com\n    http:\n      paths:\n${path('/', 'exact')}\n  - host: "*.example.com"\n    http:\n      paths:\n${path('/', 'wild')}\n  - http:\n      paths:\n${path('/', 'fallback')}\n`,
    ),
  });
  it('an exact host beats a wildcard, case-insensitively and whatever the port', () => {
    const [t] = traces(ws, 'https://Books.Example.COM:8443/x');
    assert.equal(
      chain(t),
      'routed | shop/hosts books.example.com Prefix / | svc shop/exact:http | Deployment shop/exact main:8080',
    );
    assert.equal(t.why[1], 'host books.example.com: exact rule of Ingress shop/hosts');
  });
  it('a wildcard covers exactly one DNS label', () => {
    assert.equal(
      chain(traces(ws, 'http://music.example.com/')[0]),
      'routed | shop/hosts *.example.com Prefix / | svc shop/wild:http | Deployment shop/wild main:8080',
    );
    assert.equal(traces(ws, 'http://a.b.example.com/')[0].route?.host, null);
    assert.equal(traces(ws, 'http://example.com/')[0].route?.host, null);
  });
  it('the rules without host serve the hosts no rule names', () => {
    const [t] = traces(ws, 'http://other.test/cart');
    assert.equal(
      chain(t),
      'routed | shop/hosts * Prefix / | svc shop/fallback:http | Deployment shop/fallback main:8080',
    );
    assert.equal(
      t.why[1],
      'host other.test: no rule of the class names it; the rules without host of Ingress shop/hosts serve it',
    );
  });
  it('the chosen host is final: a path it lacks is not looked up under the wildcard (404 without a default backend)', () => {
    const ws2 = workspace({
      'i.yaml': ingress(
        'two',
        `  rules:\n  - host: books.example.com\n    http:\n      paths:\n${path('/api', 'a')}\n  - host: "*.example.com"\n    http:\n      paths:\n${path('/', 'b')}\n`,
      ),
    });
    const [t] = traces(ws2, 'http://books.example.com/cart');
    assert.equal(t.outcome, 'no-route');
    assert.equal(t.route, null);
    assert.deepEqual(t.why.slice(-1), ['path /cart: no route: the controller answers 404']);
  });
  it('hosts across Ingresses of one class form one view: the longest path wins whichever Ingress has it', () => {
    const ws2 = workspace({
      'a.yaml': ingress(
        'front',
        `  ingressClassName: nginx\n  rules:\n  - host: books.example.com\n    http:\n      paths:\n${path('/', 'exact')}\n`,
      ),
      'b.yaml': ingress(
        'api',
        `  ingressClassName: nginx\n  rules:\n  - host: books.example.com\n    http:\n      paths:\n${path('/api', 'wild')}\n`,
      ),
      'apps.yaml': app('exact') + app('wild'),
    });
    const [t] = traces(ws2, 'http://books.example.com/api/v1');
    assert.equal(
      chain(t),
      'routed | shop/api books.example.com Prefix /api | svc shop/wild:http | Deployment shop/wild main:8080',
    );
    assert.deepEqual(t.why.slice(0, 4), [
      'class nginx: Ingresses shop/front, shop/api',
      'host books.example.com: exact rule of Ingress shop/front, Ingress shop/api',
      'path /api/v1: longest match Prefix /api of Ingress shop/api',
      'also matches Prefix / of Ingress shop/front: longer path wins',
    ]);
  });
});

describe('route: classes', () => {
  const ws = workspace({
    'apps.yaml': app('public') + app('internal') + app('legacy'),
    'ingress.yaml':
      ingress(
        'public',
        `  ingressClassName: nginx\n  rules:\n  - host: books.example.com\n    http:\n      paths:\n${path('/', 'public')}\n`,
      ) +
      ingress(
        'internal',
        `  ingressClassName: traefik\n  rules:\n  - host: books.example.com\n    http:\n      paths:\n${path('/', 'internal')}\n`,
      ) +
      `---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: legacy\n  namespace: shop\n  annotations: {kubernetes.io/ingress.class: traefik}\nspec:\n  rules:\n  - host: books.example.com\n    http:\n      paths:\n${path('/old', 'legacy')}\n` +
      ingress('unclassed', `  rules:\n  - host: other.example.com\n    http:\n      paths:\n${path('/', 'public')}\n`),
  });
  it('two controllers on one host give two traces; the annotation counts as the class; the default class comes last', () => {
    const ts = traces(ws, 'http://books.example.com/old/page');
    assert.deepEqual(
      ts.map((t) => [t.class, chain(t)]),
      [
        [
          'nginx',
          'routed | shop/public books.example.com Prefix / | svc shop/public:http | Deployment shop/public main:8080',
        ],
        [
          'traefik',
          'routed | shop/legacy books.example.com Prefix /old | svc shop/legacy:http | Deployment shop/legacy main:8080',
        ],
        [null, 'no-route'],
      ],
    );
    assert.equal(ts[2].why[0], 'default class (no ingressClassName): Ingress shop/unclassed');
    assert.equal(ts[2].why[1], 'host books.example.com: no rule of the class names it, and no rule is without host');
  });
  it('--class keeps one view; "" is the default class; an unknown class gives one no-route trace', () => {
    assert.deepEqual(
      traces(ws, 'http://books.example.com/', { class: 'traefik' }).map((t) => t.class),
      ['traefik'],
    );
    assert.deepEqual(
      traces(ws, 'http://other.example.com/', { class: '' }).map((t) => [t.class, t.outcome]),
      [[null, 'routed']],
    );
    const ts = traces(ws, 'http://books.example.com/', { class: 'haproxy' });
    assert.deepEqual(
      ts.map((t) => [t.class, t.outcome, t.why]),
      [['haproxy', 'no-route', ['no Ingress of class haproxy in the checked files routes it']]],
    );
  });
  it('no Ingress at all: one no-route trace', () => {
    const ts = traces(workspace({ 'a.yaml': app('web') }), 'http://web.example.com/');
    assert.deepEqual(
      ts.map((t) => [t.via, t.class, t.outcome, t.why]),
      [['ingress', null, 'no-route', ['no Ingress in the checked files routes it']]],
    );
  });
});

describe('route: default backends', () => {
  it('serves what no path takes; the first in file order when several Ingresses of the class set one', () => {
    const ws = workspace({
      'apps.yaml': app('web') + app('errors'),
      'a.yaml': ingress(
        'a',
        `  defaultBackend: {service: {name: errors, port: {name: http}}}\n  rules:\n  - host: books.example.com\n    http:\n      paths:\n${path('/api', 'web')}\n`,
      ),
      'b.yaml': ingress('b', `  defaultBackend: {service: {name: web, port: {name: http}}}\n`),
    });
    const [t] = traces(ws, 'http://books.example.com/cart');
    assert.equal(chain(t), 'routed | shop/a default | svc shop/errors:http | Deployment shop/errors main:8080');
    assert.ok(
      t.why.includes('path /cart: no route matches; the default backend of Ingress shop/a serves it'),
      t.why.join('\n'),
    );
    assert.ok(
      t.why.includes(
        'Ingress shop/b also set a default backend: the first in file order is taken (the controller decides)',
      ),
      t.why.join('\n'),
    );
    assert.equal(t.route?.defaultBackend, true);
    assert.equal(t.route?.path, null);
  });
});

describe('route: TLS', () => {
  const ws = workspace({
    'apps.yaml': app('web'),
    'a.yaml': ingress(
      'a',
      `  tls:\n  - {hosts: ["*.example.com"], secretName: wildcard-tls}\n  - {hosts: [books.example.com], secretName: books-tls}\n  rules:\n  - host: books.example.com\n    http:\n      paths:\n${path('/', 'web')}\n  - host: music.example.com\n    http:\n      paths:\n${path('/', 'web')}\n  - host: shop.test\n    http:\n      paths:\n${path('/', 'web')}\n`,
    ),
    'b.yaml': ingress(
      'b',
      `  tls:\n  - hosts: [mail.example.org]\n  rules:\n  - host: mail.example.org\n    http:\n      paths:\n${path('/', 'web')}\n`,
    ),
  });
  it('the exact TLS host wins over a wildcard one', () => {
    const [t] = traces(ws, 'https://books.example.com/');
    assert.deepEqual(t.tls, { secretName: 'books-tls', namespace: 'shop' });
    assert.ok(t.why.includes('TLS: Secret shop/books-tls of Ingress shop/a'));
  });
  it('a wildcard TLS host covers one label', () => {
    assert.deepEqual(traces(ws, 'https://music.example.com/')[0].tls, {
      secretName: 'wildcard-tls',
      namespace: 'shop',
    });
  });
  it("no entry, or an entry without secretName: the controller's default certificate, said in the trace", () => {
    const [t] = traces(ws, 'https://shop.test/');
    assert.equal(t.tls, null);
    assert.ok(
      t.why.includes("TLS: no tls entry of the class lists shop.test: the controller's default certificate"),
      t.why.join('\n'),
    );
    const [u] = traces(ws, 'https://mail.example.org/');
    assert.equal(u.tls, null);
    assert.ok(
      u.why.includes(
        "TLS: Ingress shop/b lists mail.example.org without a secretName: the controller's default certificate",
      ),
      u.why.join('\n'),
    );
  });
  it('plain http: no TLS line', () => {
    const [t] = traces(ws, 'http://books.example.com/');
    assert.equal(t.tls, null);
    assert.ok(!t.why.some((w) => w.startsWith('TLS')));
  });
});

describe('route: namespaces and broken backends', () => {
  it("an Ingress routes only to Services of its own namespace: the rule's reason", () => {
    const ws = workspace({
      'apps.yaml': app('web', 'other'),
      'i.yaml': ingress('i', `  rules:\n  - http:\n      paths:\n${path('/', 'web')}\n`),
    });
    const [t] = traces(ws, 'http://x.test/');
    assert.equal(t.outcome, 'broken');
    assert.deepEqual(t.service, { namespace: 'shop', name: 'web', port: 'http', servicePort: null, targetPort: null });
    assert.equal(
      t.why.at(-1),
      'Ingress `i` routes to Service `web`, which is not in the checked files for namespace `shop`. A Service `web` is declared in namespace `other`, but an Ingress routes only to Services of its own namespace.',
    );
  });
  it('a port the Service does not have', () => {
    const ws = workspace({
      'apps.yaml': app('web'),
      'i.yaml': ingress('i', `  defaultBackend: {service: {name: web, port: {number: 8080}}}\n`),
    });
    const [t] = traces(ws, 'http://x.test/');
    assert.equal(t.outcome, 'broken');
    assert.equal(t.service?.servicePort, null);
    assert.equal(t.why.at(-1), 'Service `web` has no port 8080: it exposes 80 (http).');
  });
  it('a named targetPort no container has', () => {
    const ws = workspace({
      'apps.yaml': app('web').replace('targetPort: http', 'targetPort: web'),
      'i.yaml': ingress('i', `  defaultBackend: {service: {name: web, port: {name: http}}}\n`),
    });
    const [t] = traces(ws, 'http://x.test/');
    assert.equal(t.outcome, 'broken');
    assert.deepEqual(t.pods, []);
    assert.equal(t.service?.targetPort, 'web');
    assert.match(t.why.at(-1)!, /targetPort `web`/);
  });
  it('a numeric targetPort reaches the pods even when no container declares it', () => {
    const ws = workspace({
      'apps.yaml': app('web').replace('targetPort: http', 'targetPort: 9000'),
      'i.yaml': ingress('i', `  defaultBackend: {service: {name: web, port: {name: http}}}\n`),
    });
    const [t] = traces(ws, 'http://x.test/');
    assert.equal(t.outcome, 'routed');
    assert.deepEqual(
      t.pods.map((p) => [p.name, p.container, p.containerPort]),
      [['web', null, 9000]],
    );
  });
  it('a Service that selects no pods', () => {
    const ws = workspace({
      'apps.yaml': app('web').replace('app: web}\n  ports', 'app: nobody}\n  ports'),
      'i.yaml': ingress('i', `  defaultBackend: {service: {name: web, port: {name: http}}}\n`),
    });
    const [t] = traces(ws, 'http://x.test/');
    assert.equal(t.outcome, 'broken');
    assert.match(t.why.at(-1)!, /^Service `web` selects no pods/);
  });
  it('a resource backend is routed without being followed', () => {
    const ws = workspace({
      'i.yaml': ingress(
        'i',
        `  defaultBackend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: assets}}\n`,
      ),
    });
    const [t] = traces(ws, 'http://x.test/');
    assert.equal(t.outcome, 'routed');
    assert.equal(t.service, null);
    assert.equal(
      t.why.at(-1),
      'backend: resource StorageBucket/assets (not a Service: the controller serves it; not followed)',
    );
  });
});

describe('route: AWS Load Balancer Controller actions', () => {
  it('a `use-annotation` backend is the action of its annotation: a redirect is `redirected`, and the rule is not a duplicate', () => {
    const ws = workspace({
      'i.yaml': `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: alb\n  namespace: shop\n  annotations:\n    alb.ingress.kubernetes.io/actions.ssl-redirect: '{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}'\nspec:\n  ingressClassName: alb\n  rules:\n  - http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: ssl-redirect, port: {name: use-annotation}}}}\n${path('/', 'web')}\n`,
    });
    const [t] = traces(ws, 'http://shop.example.com/');
    assert.equal(t.outcome, 'redirected');
    assert.equal(
      t.why.at(-1),
      'backend: AWS Load Balancer Controller action ssl-redirect (alb.ingress.kubernetes.io/actions.ssl-redirect): the load balancer answers with a redirect',
    );
  });
});

describe('route: in-cluster entry points', () => {
  const ws = workspace({
    'apps.yaml':
      app('catalog') +
      `---\napiVersion: v1\nkind: Service\nmetadata: {name: edge, namespace: shop}\nspec:\n  type: LoadBalancer\n  selector: {app: catalog}\n  ports: [{name: http, port: 80, targetPort: http, nodePort: 31080}]\n` +
      `---\napiVersion: v1\nkind: Service\nmetadata: {name: payments, namespace: shop}\nspec:\n  type: ExternalName\n  externalName: pay.example.net\n`,
    'i.yaml': ingress('i', `  rules:\n  - http:\n      paths:\n${path('/', 'catalog')}\n`),
  });
  it('name.namespace.svc.cluster.local and name.namespace.svc go straight to the Service port, not through the Ingress', () => {
    for (const host of ['catalog.shop.svc.cluster.local', 'catalog.shop.svc']) {
      const ts = traces(ws, `http://${host}/items`);
      assert.deepEqual(
        ts.map((t) => [t.via, t.class, t.route, chain(t)]),
        [['service', null, null, 'routed | svc shop/catalog:80 | Deployment shop/catalog main:8080']],
      );
      assert.equal(
        ts[0].why[0],
        `${host}: the in-cluster DNS name of Service shop/catalog (ClusterIP), reachable from inside the cluster only`,
      );
    }
  });
  it('a port the Service does not have, or a Service that is not there: broken', () => {
    const [t] = traces(ws, 'http://catalog.shop.svc:8080/');
    assert.equal(t.outcome, 'broken');
    assert.equal(t.why.at(-1), 'Service shop/catalog has no TCP port 8080 (it has 80 (http))');
    const [u] = traces(ws, 'http://nope.shop.svc/');
    assert.deepEqual(
      [u.outcome, u.why],
      ['broken', ['nope.shop.svc: no Service shop/nope in the checked files, so the name does not resolve']],
    );
  });
  it('an ExternalName Service is an alias of its external name', () => {
    const [t] = traces(ws, 'https://payments.shop.svc.cluster.local/');
    assert.equal(t.outcome, 'routed');
    assert.equal(
      t.why.at(-1),
      'Service shop/payments is ExternalName: the name is an alias of pay.example.net, port 443',
    );
  });
  it('node:<nodePort> goes through the Service that owns the node port; service.port is that Service port', () => {
    const [t] = traces(ws, 'node:31080/x');
    assert.deepEqual([t.via, chain(t)], ['node-port', 'routed | svc shop/edge:80 | Deployment shop/catalog main:8080']);
    assert.equal(
      t.why[0],
      'node port 31080 on any node: Service shop/edge (LoadBalancer: the cloud’s load balancer forwards to this node port on every node) port 80 (http)',
    );
    const [u] = traces(ws, 'http://node:30000/');
    assert.deepEqual([u.via, u.outcome], ['node-port', 'no-route']);
  });
});

describe('route: requests', () => {
  it('parses URLs as typed', () => {
    assert.deepEqual(
      parseRequest('Books.Example.com/api/v1?q=1#top', { method: 'post', headers: [['X-Canary', ' yes ']] }),
      {
        scheme: 'http',
        host: 'books.example.com',
        port: 80,
        path: '/api/v1',
        method: 'POST',
        headers: { 'x-canary': 'yes' },
      },
    );
    assert.deepEqual(parseRequest('https://shop.example.com.:8443'), {
      scheme: 'https',
      host: 'shop.example.com',
      port: 8443,
      path: '/',
      method: 'GET',
      headers: {},
    });
    assert.equal(parseRequest('ftp://x'), '`ftp://` is not HTTP: use http:// or https://');
    assert.equal(parseRequest('http://exa mple.com'), '`http://exa mple.com` is not a URL');
    assert.equal(parseRequest(''), 'type a URL, e.g. https://shop.example.com/cart');
  });
  it('method and headers do not change an Ingress match, and the trace says so', () => {
    const ws = workspace({ 'i.yaml': ingress('i', `  rules:\n  - http:\n      paths:\n${path('/', 'web')}\n`) });
    const [t] = traces(ws, 'http://x.test/', { method: 'DELETE', headers: { 'X-Env': 'canary' } });
    assert.ok(
      t.why.includes('Ingress rules match host and path only, not method DELETE and header x-env'),
      t.why.join('\n'),
    );
  });
});
