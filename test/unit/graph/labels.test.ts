/**
 * What the diagram's edges say (issue 12): an Ingress edge names its host and path, a broken edge says why in
 * words on the picture (not only in its tooltip), and only a broken port is drawn broken, not the whole
 * Service edge.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildGraph } from '../../../server/src/engine/graph/build';
import { layoutGraphSync } from '../../../server/src/engine/graph/layout';
import type { LayoutEdge } from '../../../server/src/engine/graph/layout';
import { renderSvg } from '../../../server/src/engine/graph/render';
import { Workspace } from '../../../server/src/engine/model/workspace';

function edgesOf(text: string): { edges: LayoutEdge[]; svg: string } {
  const ws = new Workspace();
  ws.setText('a.yaml', text);
  const layout = layoutGraphSync(buildGraph(ws));
  return { edges: layout.namespaces.flatMap((ns) => ns.edges), svg: renderSvg(layout) };
}

const label = (e: LayoutEdge | undefined) => e?.label?.lines.map((l, i) => (e.label!.warn[i] ? `! ${l}` : l));

const deployment = (name: string, ports: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: app, image: i, ports: [${ports}]}]}
`;

describe('edge labels', () => {
  it('an Ingress edge says host and path, and a broken one why', () => {
    const { edges, svg } = edgesOf(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: books}
spec:
  defaultBackend: {service: {name: web, port: {number: 80}}}
  rules:
    - host: books.example.com
      http:
        paths:
          - {path: /api, pathType: Prefix, backend: {service: {name: web, port: {number: 8080}}}}
          - {path: /old, pathType: Prefix, backend: {service: {name: web, port: {number: 9999}}}}
          - {path: /gone, pathType: Prefix, backend: {service: {name: nothere, port: {number: 80}}}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: x}, ports: [{name: a, port: 80}, {name: b, port: 8080}]}
`);
    const routes = edges.filter((e) => e.kind === 'routes');
    assert.deepEqual(
      routes.map((e) => [e.to, e.broken, label(e)]),
      [
        ['Service/default/web', false, ['default → :80', 'books.example.com/api → :8080']],
        ['Service/default/web', true, ['books.example.com/old → :9999', '! no port 9999 on Service web']],
        ['missing:Service/default/nothere', true, ['books.example.com/gone → :80', '! no Service nothere']],
      ],
    );
    // The Service selects nothing: said on its edge to the missing pods.
    assert.deepEqual(label(edges.find((e) => e.kind === 'selects')), ['! no pods with app=x']);
    assert.match(svg, /<text class="kw-label-warn" [^>]*>no port 9999 on Service web<\/text>/);
  });

  it('draws only the broken port of a Service edge broken, not the whole edge', () => {
    const svc =
      'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{name: http, port: 80, targetPort: http}, {name: m, port: 9090, targetPort: metrics}]}\n';
    const partly = edgesOf(`${svc}---\n${deployment('web', '{name: http, containerPort: 8080}')}`);
    const edge = partly.edges.find((e) => e.kind === 'selects')!;
    assert.equal(edge.broken, false, 'the http port works: the edge is drawn whole');
    assert.deepEqual(label(edge), ['80 → http:8080', '! 9090 → metrics ✗', '! no port metrics in the pods']);
    assert.match(partly.svg, /<g class="kw-edge kw-selects" [^>]*data-from="Service\/default\/web"/);

    // No port reaches the pods: the edge itself is broken.
    const none = edgesOf(
      `${svc.replace('targetPort: http', 'targetPort: web')}---\n${deployment('web', '{name: other, containerPort: 8080}')}`,
    );
    const all = none.edges.find((e) => e.kind === 'selects')!;
    assert.equal(all.broken, true);
    assert.deepEqual(label(all), [
      '! 80 → web ✗',
      '! 9090 → metrics ✗',
      '! no port web in the pods',
      '! no port metrics in the pods',
    ]);
  });
});
