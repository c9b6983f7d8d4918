import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Workspace } from '../../../server/src/engine/model/workspace';
import { buildGraph } from '../../../server/src/engine/graph/build';
import { NODE, layoutGraph, layoutGraphSync } from '../../../server/src/engine/graph/layout';
import type { Box, GraphLayout, LayoutNamespace } from '../../../server/src/engine/graph/layout';

function layoutOf(files: Record<string, string>): GraphLayout {
  const ws = new Workspace();
  for (const [name, text] of Object.entries(files)) ws.setText(name, text);
  return layoutGraphSync(buildGraph(ws));
}

const app = (ns: string, name: string, extraPaths = '') => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ${name}, namespace: ${ns}}
spec:
  rules:
    - host: ${name}.example.com
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: ${name}, port: {number: 80}}}}
          - {path: /api, pathType: Prefix, backend: {service: {name: ${name}, port: {name: http}}}}${extraPaths}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {app: ${name}}
  ports: [{name: http, port: 80, targetPort: 8080}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  replicas: 2
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: app, image: i, ports: [{containerPort: 8080}]}]}
`;

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function node(ns: LayoutNamespace, id: string) {
  const n = ns.nodes.find((x) => x.id === id);
  assert.ok(n, `${id} is laid out`);
  return n;
}

describe('graph layout', () => {
  const layout = layoutOf({
    'a.yaml': app('shop', 'web') + '---\n' + app('shop', 'api'),
    'b.yaml':
      app('blog', 'blog') +
      '---\napiVersion: v1\nkind: Service\nmetadata: {name: lonely, namespace: blog}\nspec: {ports: [{port: 1}]}\n',
  });

  it('puts each namespace in its own box, sorted and stacked without overlap', () => {
    assert.deepEqual(
      layout.namespaces.map((n) => n.name),
      ['blog', 'shop'],
    );
    const [blog, shop] = layout.namespaces;
    assert.ok(blog.y + blog.height <= shop.y, 'blog above shop');
    assert.ok(layout.height >= shop.y + shop.height && layout.width >= Math.max(blog.width, shop.width));
  });

  it('places columns left to right: Ingress, Service, workload, Pods; aligned across groups', () => {
    const shop = layout.namespaces[1];
    for (const name of ['web', 'api']) {
      const xs = [
        `Ingress/shop/${name}`,
        `Service/shop/${name}`,
        `Deployment/shop/${name}`,
        `pods:Deployment/shop/${name}`,
      ].map((id) => node(shop, id));
      for (let i = 1; i < xs.length; i++)
        assert.ok(xs[i - 1].x + xs[i - 1].width < xs[i].x, `${xs[i - 1].id} left of ${xs[i].id}`);
    }
    // A Service without an Ingress still sits in the Service column.
    const blog = layout.namespaces[0];
    assert.equal(node(blog, 'Service/blog/lonely').x, node(blog, 'Service/blog/blog').x);
  });

  it('keeps boxes inside their namespace and apart from each other', () => {
    for (const ns of layout.namespaces) {
      for (const n of ns.nodes) {
        assert.ok(
          n.x >= 0 && n.y >= 0 && n.x + n.width <= ns.width && n.y + n.height <= ns.height,
          `${n.id} inside namespace ${ns.name}`,
        );
        for (const m of ns.nodes) if (m !== n) assert.ok(!overlaps(n, m), `${n.id} and ${m.id} do not overlap`);
      }
    }
  });

  it('draws parallel routes once, runs every edge from box to box, and adds a Pods box per workload', () => {
    const shop = layout.namespaces[1];
    const routes = shop.edges.filter((e) => e.kind === 'routes' && e.from === 'Ingress/shop/web');
    assert.equal(routes.length, 1);
    assert.equal(routes[0].edges.length, 2);
    assert.deepEqual(routes[0].label?.lines, ['web.example.com/ → :80', 'web.example.com/api → :http']);
    const selects = shop.edges.find((e) => e.kind === 'selects' && e.from === 'Service/shop/web');
    assert.deepEqual(selects?.label?.lines, ['80 → 8080']);
    for (const e of shop.edges) {
      const from = node(shop, e.from);
      const to = node(shop, e.to);
      const [start, end] = [e.points[0], e.points[e.points.length - 1]];
      assert.ok(
        Math.abs(start.x - (from.x + from.width)) <= 1 && start.y >= from.y && start.y <= from.y + from.height,
        `${e.id} starts on ${from.id}`,
      );
      assert.ok(Math.abs(end.x - to.x) <= 1 && end.y >= to.y && end.y <= to.y + to.height, `${e.id} ends on ${to.id}`);
    }
    assert.deepEqual(
      shop.nodes.filter((n) => n.kind === 'Pods').map((n) => n.text.title),
      ['2 pods', '2 pods'],
    );
  });

  it('truncates long names to the widest box, and keeps the full name for the tooltip', () => {
    const long = 'a'.repeat(120);
    const l = layoutOf({
      's.yaml': `apiVersion: v1\nkind: Service\nmetadata: {name: ${long}}\nspec: {ports: [{port: 80}]}\n`,
    });
    const n = l.namespaces[0].nodes[0];
    assert.ok(n.width <= NODE.maxWidth && n.width > NODE.maxWidth - 12, `width ${n.width} close to the maximum`);
    assert.ok(n.text.title.endsWith('…') && n.text.title.length < long.length);
    assert.match(n.text.tooltip, new RegExp(long));
  });

  it('gives the same picture synchronously and asynchronously', async () => {
    const ws = new Workspace();
    ws.setText('a.yaml', app('shop', 'web'));
    const graph = buildGraph(ws);
    const a = await layoutGraph(graph);
    assert.deepEqual(
      JSON.parse(JSON.stringify(a)),
      JSON.parse(JSON.stringify(layoutGraphSync(graph, { cache: false }))),
    );
  });

  it('keeps the labels of edges that converge on one box apart', () => {
    const services = ['a', 'b', 'c', 'd'].map(
      (n) =>
        `apiVersion: v1\nkind: Service\nmetadata: {name: ${n}}\nspec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}, {port: 443, targetPort: 8443}]}\n`,
    );
    const l = layoutOf({ 'w.yaml': [...services, app('default', 'web').split('---\n')[2]].join('---\n') });
    const labels = l.namespaces[0].edges.flatMap((e) => (e.label ? [e.label] : []));
    assert.equal(labels.length, 4);
    for (const a of labels)
      for (const b of labels)
        if (a !== b) assert.ok(!overlaps(a, b), `labels ${JSON.stringify(a)} and ${JSON.stringify(b)} do not overlap`);
  });
});
