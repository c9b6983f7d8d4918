import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Workspace } from '../../../server/src/engine/model/workspace';
import { buildGraph } from '../../../server/src/engine/graph/build';
import { findingsOf } from '../../../server/src/engine/reasons';
import type { GraphEdge, TrafficGraph } from '../../../server/src/engine/graph/types';
import { withDefaults } from '../../../server/src/engine/settings';
import { check } from '../../harness';

function graphOf(files: Record<string, string>, opts?: Parameters<typeof buildGraph>[1]): TrafficGraph {
  const ws = new Workspace();
  for (const [name, text] of Object.entries(files)) ws.setText(name, text);
  return buildGraph(ws, opts);
}

const edgeKeys = (g: TrafficGraph): string[] =>
  g.edges.map((e) => `${e.kind} ${e.from} -> ${e.to}${e.broken ? ' BROKEN' : ''}`);

const deployment = (name: string, labels: string, extra = '', ns = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}${ns ? `\n  namespace: ${ns}` : ''}
spec:
  replicas: 2
  selector:
    matchLabels: {${labels}}
  template:
    metadata:
      labels: {${labels}}
    spec:
      containers:
        - name: app
          image: example/app:1
          ports:
            - name: http
              containerPort: 8080${extra}
`;

describe('graph builder', () => {
  it('follows Ingress → Service → Deployment across files, with 0-based lines and the documented JSON shape', () => {
    const g = graphOf({
      'a/ingress.yaml': `# the public entry
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  name: http
`,
      'b/service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: http
`,
      'c/deploy.yaml': `---\n${deployment('web', 'app: web')}`,
    });
    assert.deepEqual(g, {
      version: 1,
      nodes: [
        {
          id: 'Ingress/default/shop',
          kind: 'Ingress',
          name: 'shop',
          namespace: 'default',
          file: 'a/ingress.yaml',
          line: 1,
          routes: [{ backend: 'web:http', host: 'shop.example.com', path: '/', pathType: 'Prefix' }],
        },
        {
          id: 'Service/default/web',
          kind: 'Service',
          name: 'web',
          namespace: 'default',
          file: 'b/service.yaml',
          line: 0,
          type: 'ClusterIP',
          ports: [{ protocol: 'TCP', name: 'http', port: 80, targetPort: 'http' }],
          selector: { app: 'web' },
        },
        {
          id: 'Deployment/default/web',
          kind: 'Deployment',
          name: 'web',
          namespace: 'default',
          file: 'c/deploy.yaml',
          line: 1,
          replicas: 2,
          labels: { app: 'web' },
          containers: [{ name: 'app', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }],
        },
      ],
      edges: [
        {
          from: 'Ingress/default/shop',
          to: 'Service/default/web',
          kind: 'routes',
          port: 'http',
          broken: false,
          host: 'shop.example.com',
          path: '/',
          pathType: 'Prefix',
          file: 'a/ingress.yaml',
          line: 14,
        },
        {
          from: 'Service/default/web',
          to: 'Deployment/default/web',
          kind: 'selects',
          broken: false,
          ports: [
            { protocol: 'TCP', name: 'http', port: 80, targetPort: 'http', containerPort: 8080, container: 'app' },
          ],
          file: 'b/service.yaml',
          line: 5,
        },
      ],
    });
    // The JSON output keeps the documented key order.
    assert.deepEqual(Object.keys(g.nodes[0]).slice(0, 6), ['id', 'kind', 'name', 'namespace', 'file', 'line']);
    assert.deepEqual(Object.keys(g.edges[0]), [
      'from',
      'to',
      'kind',
      'port',
      'broken',
      'host',
      'path',
      'pathType',
      'file',
      'line',
    ]);
  });

  it('carries the default backend and every rule path; numbered and named ports; resource backends make no edge', () => {
    const g = graphOf({
      'ing.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: edge
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
spec:
  ingressClassName: nginx
  defaultBackend:
    service: {name: fallback, port: {number: 8080}}
  tls:
    - hosts: [a.example.com]
      secretName: a-tls
  rules:
    - host: a.example.com
      http:
        paths:
          - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
          - {path: /static, pathType: ImplementationSpecific, backend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: assets}}}
    - http:
        paths:
          - {path: /, pathType: Exact, backend: {service: {name: api, port: {name: web}}}}
---
apiVersion: v1
kind: Service
metadata: {name: api}
spec:
  ports: [{name: web, port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: fallback}
spec:
  ports: [{port: 8080}]
`,
    });
    const ing = g.nodes[0];
    assert.equal(ing.ingressClassName, 'nginx');
    assert.deepEqual(ing.tlsHosts, ['a.example.com']);
    assert.deepEqual(ing.annotations, { 'nginx.ingress.kubernetes.io/rewrite-target': '/' });
    assert.deepEqual(ing.routes, [
      { backend: 'fallback:8080', defaultBackend: true },
      { backend: 'api:80', host: 'a.example.com', path: '/api', pathType: 'Prefix' },
      {
        backend: 'resource StorageBucket/assets',
        host: 'a.example.com',
        path: '/static',
        pathType: 'ImplementationSpecific',
      },
      { backend: 'api:web', path: '/', pathType: 'Exact' },
    ]);
    const routes = g.edges.map((e) => ({
      to: e.to,
      port: e.port,
      host: e.host,
      path: e.path,
      defaultBackend: e.defaultBackend,
      broken: e.broken,
      line: e.line,
    }));
    assert.deepEqual(routes, [
      {
        to: 'Service/default/fallback',
        port: 8080,
        host: undefined,
        path: undefined,
        defaultBackend: true,
        broken: false,
        line: 9,
      },
      {
        to: 'Service/default/api',
        port: 80,
        host: 'a.example.com',
        path: '/api',
        defaultBackend: undefined,
        broken: false,
        line: 17,
      },
      {
        to: 'Service/default/api',
        port: 'web',
        host: undefined,
        path: '/',
        defaultBackend: undefined,
        broken: false,
        line: 21,
      },
    ]);
  });

  it('links only within a namespace: same-name objects elsewhere are never targets', () => {
    const g = graphOf({
      'shop.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: front, namespace: shop}
spec:
  defaultBackend: {service: {name: web, port: {number: 80}}}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`,
      'blog.yaml': `apiVersion: v1
kind: Service
metadata: {name: web, namespace: blog}
spec:
  selector: {app: web}
  ports: [{port: 80}]
---
${deployment('web', 'app: web', '', 'blog')}`,
    });
    assert.deepEqual(edgeKeys(g), [
      'selects Service/blog/web -> Deployment/blog/web',
      'routes Ingress/shop/front -> Service/shop/web',
      'selects Service/shop/web -> missing:Pod/shop/app=web BROKEN',
    ]);
    assert.deepEqual(
      g.nodes.map((n) => n.id),
      ['Service/blog/web', 'Deployment/blog/web', 'Ingress/shop/front', 'Service/shop/web', 'missing:Pod/shop/app=web'],
    );
  });

  it('selects every workload kind whose pod template matches, with its replica count', () => {
    const tpl = (indent: string) =>
      `${indent}metadata: {labels: {app: x}}\n${indent}spec: {containers: [{name: c, image: i, ports: [{containerPort: 9000}]}]}`;
    const g = graphOf({
      'all.yaml': [
        `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: x}}\n  template:\n${tpl('    ')}\n`,
        `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s}\nspec:\n  serviceName: svc\n  selector: {matchLabels: {app: x}}\n  template:\n${tpl('    ')}\n`,
        `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: ds}\nspec:\n  selector: {matchLabels: {app: x}}\n  template:\n${tpl('    ')}\n`,
        `apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: rs}\nspec:\n  replicas: 0\n  selector: {matchLabels: {app: x}}\n  template:\n${tpl('    ')}\n`,
        `apiVersion: v1\nkind: ReplicationController\nmetadata: {name: rc}\nspec:\n  replicas: 4\n  selector: {app: x}\n  template:\n${tpl('    ')}\n`,
        `apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  parallelism: 5\n  template:\n${tpl('    ')}\n`,
        `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: cj}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n${tpl('        ')}\n`,
        `apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: x}}\nspec: {containers: [{name: c, image: i, ports: [{containerPort: 9000}]}]}\n`,
        `apiVersion: v1\nkind: Service\nmetadata: {name: svc}\nspec:\n  selector: {app: x}\n  ports: [{port: 80, targetPort: 9000}]\n`,
      ].join('---\n'),
    });
    assert.deepEqual(
      edgeKeys(g),
      [
        'Deployment/default/d',
        'StatefulSet/default/s',
        'DaemonSet/default/ds',
        'ReplicaSet/default/rs',
        'ReplicationController/default/rc',
        'Job/default/j',
        'CronJob/default/cj',
        'Pod/default/p',
      ].map((w) => `selects Service/default/svc -> ${w}`),
    );
    assert.deepEqual(Object.fromEntries(g.nodes.filter((n) => n.kind !== 'Service').map((n) => [n.kind, n.replicas])), {
      Deployment: 3,
      StatefulSet: 1,
      DaemonSet: undefined,
      ReplicaSet: 0,
      ReplicationController: 4,
      Job: 5,
      CronJob: 1,
      Pod: 1,
    });
    for (const e of g.edges)
      assert.deepEqual(e.ports, [{ protocol: 'TCP', port: 80, targetPort: 9000, containerPort: 9000, container: 'c' }]);
  });

  it('matches Services against the pod template labels, not the workload selector (matchExpressions)', () => {
    const g = graphOf({
      'm.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector:
    matchExpressions:
      - {key: app, operator: In, values: [api, api-canary]}
      - {key: track, operator: Exists}
  template:
    metadata: {labels: {app: api, track: stable}}
    spec: {containers: [{name: c, image: i}]}
---
apiVersion: v1
kind: Service
metadata: {name: api}
spec: {selector: {app: api}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: canary}
spec: {selector: {app: api-canary}, ports: [{port: 80}]}
`,
    });
    assert.deepEqual(edgeKeys(g), [
      'selects Service/default/api -> Deployment/default/api',
      'selects Service/default/canary -> missing:Pod/default/app=api-canary BROKEN',
    ]);
  });

  it('draws a Service without selector, and an ExternalName Service, with no selects edge', () => {
    const g = graphOf({
      's.yaml': `apiVersion: v1
kind: Service
metadata: {name: manual}
spec: {ports: [{port: 5432}]}
---
apiVersion: v1
kind: Service
metadata: {name: ext}
spec: {type: ExternalName, externalName: db.example.com}
---
apiVersion: v1
kind: Service
metadata: {name: empty}
spec: {selector: {}, clusterIP: None, ports: [{port: 1}]}
`,
    });
    assert.deepEqual(g.edges, []);
    assert.deepEqual(
      g.nodes.map((n) => [n.name, n.type, n.externalName, n.headless]),
      [
        ['manual', 'ClusterIP', undefined, undefined],
        ['ext', 'ExternalName', 'db.example.com', undefined],
        ['empty', 'ClusterIP', undefined, true],
      ],
    );
  });

  it('keeps the first declaration of an object declared twice; skips Helm templates and non-Kubernetes YAML', () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n';
    const g = graphOf({
      'a.yaml': svc,
      'b.yaml': svc,
      'chart/t.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: {{ .Values.name }}}\n',
      'c.yaml': 'name: not kubernetes\nports: [1]\n',
    });
    assert.deepEqual(
      g.nodes.map((n) => `${n.id} ${n.file}`),
      ['Service/default/web a.yaml'],
    );
  });

  it('draws the objects of the chosen files plus what they refer to elsewhere', () => {
    const g = graphOf(
      {
        'app/ing.yaml':
          'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec: {defaultBackend: {service: {name: web, port: {number: 80}}}}\n',
        'shared/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n',
        'other/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: unrelated}\nspec: {ports: [{port: 80}]}\n',
      },
      { includeFile: (p) => p.startsWith('app/') },
    );
    assert.deepEqual(
      g.nodes.map((n) => n.id),
      ['Ingress/default/i', 'Service/default/web'],
    );
    assert.deepEqual(edgeKeys(g), ['routes Ingress/default/i -> Service/default/web']);
  });

  it('follows a named targetPort by name and protocol into app containers and sidecars, not plain init containers', () => {
    const g = graphOf({
      'p.yaml': `apiVersion: v1
kind: Pod
metadata: {name: with-sidecar, labels: {app: p}}
spec:
  initContainers:
    - {name: proxy, image: envoy, restartPolicy: Always, ports: [{name: proxy, containerPort: 15001}]}
    - {name: setup, image: busybox, ports: [{name: setup, containerPort: 9}]}
  containers:
    - {name: app, image: app, ports: [{name: dns, containerPort: 53, protocol: UDP}]}
---
apiVersion: v1
kind: Service
metadata: {name: p}
spec:
  selector: {app: p}
  ports:
    - {name: a, port: 80, targetPort: proxy}
    - {name: b, port: 53, targetPort: dns, protocol: UDP}
    - {name: c, port: 54, targetPort: dns}
    - {name: d, port: 9, targetPort: setup}
`,
    });
    const e = g.edges[0];
    assert.equal(e.broken, true);
    assert.deepEqual(e.ports, [
      { name: 'a', port: 80, protocol: 'TCP', targetPort: 'proxy', containerPort: 15001, container: 'proxy' },
      { name: 'b', port: 53, protocol: 'UDP', targetPort: 'dns', containerPort: 53, container: 'app' },
      { name: 'c', port: 54, protocol: 'TCP', targetPort: 'dns', broken: true },
      { name: 'd', port: 9, protocol: 'TCP', targetPort: 'setup', broken: true },
    ]);
    assert.equal(e.line, 18, 'the edge points at the first unresolved targetPort');
    assert.equal(e.reason?.split('\n').length, 2, 'one reason per unresolved port');
  });

  it('does not break a named targetPort that another selected workload declares (Kubernetes resolves it per pod)', () => {
    const g = graphOf({
      'two.yaml': `${deployment('v1', 'app: web')}---
apiVersion: apps/v1
kind: Deployment
metadata: {name: v2}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: app, image: i, ports: [{name: web, containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: http}]}
`,
    });
    assert.deepEqual(edgeKeys(g), [
      'selects Service/default/web -> Deployment/default/v1',
      'selects Service/default/web -> Deployment/default/v2',
    ]);
    assert.deepEqual(
      g.edges.map((e) => e.ports?.[0].containerPort),
      [8080, undefined],
    );
  });
});

describe('broken references', () => {
  const files = {
    'ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /cart
            pathType: Prefix
            backend:
              service:
                name: cart
                port:
                  number: 80
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 8080
          - path: /admin
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  name: admin
`,
    'services.yaml': `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: web
---
apiVersion: v1
kind: Service
metadata:
  name: worker
  namespace: shop
spec:
  selector:
    app: worker
  ports:
    - port: 80
`,
    'deploy.yaml': deployment('web', 'app: web', '', 'shop'),
  };
  const g = graphOf(files);
  const diagnostics = check(files);
  const broken = g.edges.filter((e) => e.broken);

  it('draws every kind of dangling reference, to a missing node where the target is absent', () => {
    assert.deepEqual(edgeKeys(g), [
      'routes Ingress/shop/shop -> missing:Service/shop/cart BROKEN',
      'routes Ingress/shop/shop -> Service/shop/web BROKEN',
      'routes Ingress/shop/shop -> Service/shop/web BROKEN',
      'selects Service/shop/web -> Deployment/shop/web BROKEN',
      'selects Service/shop/worker -> missing:Pod/shop/app=worker BROKEN',
    ]);
    const missing = g.nodes
      .filter((n) => n.missing)
      .map((n) => ({ id: n.id, kind: n.kind, name: n.name, file: n.file, line: n.line }));
    assert.deepEqual(missing, [
      { id: 'missing:Service/shop/cart', kind: 'Service', name: 'cart', file: 'ingress.yaml', line: 14 },
      { id: 'missing:Pod/shop/app=worker', kind: 'Pod', name: 'app=worker', file: 'services.yaml', line: 19 },
    ]);
    assert.deepEqual(
      broken.map((e) => `${e.file}:${e.line}`),
      ['ingress.yaml:14', 'ingress.yaml:23', 'ingress.yaml:30', 'services.yaml:11', 'services.yaml:19'],
    );
  });

  it('gives each broken edge the message of the diagnostic on the same line', () => {
    assert.equal(broken.length, 5);
    for (const e of broken) {
      const onLine = diagnostics
        .filter((d) => d.file === e.file && d.range.start.line === e.line)
        .map((d) => d.message);
      assert.ok(e.reason, `${e.from} -> ${e.to} has a reason`);
      assert.ok(
        onLine.includes(e.reason),
        `reason of ${e.from} -> ${e.to} (${e.reason}) is one of the diagnostics there: ${JSON.stringify(onLine)}`,
      );
    }
  });

  it('says in the reason what is missing', () => {
    const reasons = broken.map((e) => e.reason);
    assert.match(reasons[0]!, /Service `cart`/);
    assert.match(reasons[1]!, /8080/);
    assert.match(reasons[2]!, /`admin`/);
    assert.match(reasons[3]!, /targetPort `web`/);
    assert.match(
      reasons[4]!,
      /^Service `worker` selects no pods: no workload in namespace `shop` has labels app=worker/,
    );
  });

  it('follows the rule settings of the diagnostics: a rule turned off explains nothing', () => {
    const ws = new Workspace();
    for (const [name, text] of Object.entries(files)) ws.setText(name, text);
    const ingress = ws.file('ingress.yaml')!.objects[0];
    const all = findingsOf(ws, ingress, 'route').map((f) => f.rule);
    assert.ok(all.includes('ingress-service-missing') && all.includes('ingress-service-port'), JSON.stringify(all));
    const off = findingsOf(ws, ingress, 'route', withDefaults({ rules: { 'ingress-service-missing': 'off' } })).map(
      (f) => f.rule,
    );
    assert.deepEqual(
      off,
      all.filter((r) => r !== 'ingress-service-missing'),
    );
    // The edge to the missing Service still has its reason, in the graph's own words.
    const quiet = graphOf(files, { settings: withDefaults({ rules: { 'ingress-service-missing': 'off' } }) });
    assert.match(
      quiet.edges.find((e) => e.to === 'missing:Service/shop/cart')!.reason!,
      /routes to Service `cart`, which is not in the checked files/,
    );
  });

  it('is not broken when the reference resolves', () => {
    const fixed = graphOf({
      ...files,
      'services.yaml': files['services.yaml'].replace('targetPort: web', 'targetPort: http'),
    });
    const e = fixed.edges.find((x) => x.kind === 'selects' && x.to === 'Deployment/shop/web') as GraphEdge;
    assert.equal(e.broken, false);
    assert.equal(e.reason, undefined);
  });

  it('takes the reason from the rule on the written value when the reference itself is malformed', () => {
    const malformed = {
      'm.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: admin}
spec:
  defaultBackend:
    service:
      name: API
      port: {number: 80}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports:
    - {name: metrics, port: 9113, targetPort: "9113"}
---
${deployment('web', 'app: web')}`,
    };
    const mg = graphOf(malformed);
    const messages = check(malformed).map((d) => d.message);
    const reasons = mg.edges.filter((e) => e.broken).flatMap((e) => e.reason!.split('\n'));
    assert.equal(reasons.length, 2);
    for (const r of reasons) assert.ok(messages.includes(r), `${r} is a diagnostic: ${JSON.stringify(messages)}`);
    assert.match(reasons[0], /`API`/);
    assert.match(reasons[1], /"9113" is quoted/);
  });
});
