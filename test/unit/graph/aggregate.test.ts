/**
 * Large fans (issue 17): a Service selecting 2000 Deployments ran ELK out of memory after 30 s; at 500 it
 * took 37 s. Fans are folded into one box, large groups are placed in columns, and ELK has a time budget.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildGraph } from '../../../server/src/engine/graph/build';
import { ELK_MAX_NODES, layoutGraphSync } from '../../../server/src/engine/graph/layout';
import type { GraphLayout } from '../../../server/src/engine/graph/layout';
import { renderSvg } from '../../../server/src/engine/graph/render';
import { FAN_MAX } from '../../../server/src/engine/graph/aggregate';
import { Workspace } from '../../../server/src/engine/model/workspace';
import { ingressFan, serviceFan } from './fans';

function graphOf(text: string) {
  const ws = new Workspace();
  ws.setText('a.yaml', text);
  return buildGraph(ws);
}

/** The result and the CPU time it took (the machine running the tests may be busy with others). */
const timed = <T>(f: () => T): [T, number] => {
  const c0 = process.cpuUsage();
  const r = f();
  const c = process.cpuUsage(c0);
  return [r, (c.user + c.system) / 1000];
};

const allNodes = (l: GraphLayout) => l.namespaces.flatMap((ns) => ns.nodes);
const allEdges = (l: GraphLayout) => l.namespaces.flatMap((ns) => ns.edges);

describe('large fans in the diagram', () => {
  it('draws 2000 Deployments behind one Service as one box, in well under a second of layout', () => {
    // The Service's targetPort names a port no Deployment declares: every edge is broken.
    const graph = graphOf(serviceFan(2000, 'metrics'));
    const [layout, ms] = timed(() => layoutGraphSync(graph, { cache: false, expandable: true }));
    assert.ok(ms < 8000, `layout took ${ms.toFixed(0)} ms`);
    const nodes = allNodes(layout);
    assert.deepEqual(
      nodes.map((n) => [n.id, n.text.title, n.group]),
      [
        ['Service/default/web', 'web', undefined],
        ['group:Service/default/web:out:Deployment', '2000 Deployments', 2000],
      ],
    );
    const box = nodes[1];
    assert.deepEqual(
      box.text.lines.map((l) => l.text),
      ['web-0, web-1, web-2, …', 'with their pods', '2000 broken references', 'click to draw them all'],
    );
    // The Service's 2000 edges are drawn as one, to the box, and it is drawn broken.
    assert.deepEqual(
      allEdges(layout).map((e) => [e.from, e.to, e.broken, e.edges.length]),
      [['Service/default/web', 'group:Service/default/web:out:Deployment', true, 2000]],
    );
    assert.deepEqual(layout.notes, [
      '2000 Deployments behind Service web are drawn as one box (click it to draw them all).',
    ]);
    const svg = renderSvg(layout);
    assert.match(
      svg,
      /<g class="kw-node kw-kind-workload kw-kind-deployment kw-group" data-id="group:Service\/default\/web:out:Deployment"[^>]* data-group="2000"/,
    );
    assert.match(svg, /<text class="kw-notice" [^>]*>2000 Deployments behind Service web are drawn as one box/);
    assert.match(svg, /aria-label="Traffic diagram: 2001 objects, 2000 broken references"/);
  });

  it('draws the fan in full, in plain columns, when it is expanded', () => {
    const graph = graphOf(serviceFan(2000));
    const id = 'group:Service/default/web:out:Deployment';
    const [layout, ms] = timed(() => layoutGraphSync(graph, { cache: false, expand: new Set([id]) }));
    assert.ok(ms < 8000, `layout took ${ms.toFixed(0)} ms`);
    const nodes = allNodes(layout);
    assert.equal(nodes.filter((n) => n.kind === 'Deployment').length, 2000);
    assert.equal(nodes.filter((n) => n.kind === 'Pods').length, 2000);
    // One column per kind: every Deployment at the same x, right of the Service.
    assert.equal(new Set(nodes.filter((n) => n.kind === 'Deployment').map((n) => n.x)).size, 1);
    assert.deepEqual(layout.notes, []);
  });

  it('folds an Ingress routing to 1000 Services with what only they lead to', () => {
    const [layout, ms] = timed(() => layoutGraphSync(graphOf(ingressFan(1000)), { cache: false }));
    assert.ok(ms < 8000, `layout took ${ms.toFixed(0)} ms`);
    const nodes = allNodes(layout);
    assert.deepEqual(
      nodes.map((n) => n.text.title),
      ['big', '1000 Services'],
    );
    assert.deepEqual(
      nodes[1].text.lines.map((l) => l.text),
      ['svc-0, svc-1, svc-2, …', 'with 1000 Deployments, their pods'],
    );
    const [edge] = allEdges(layout);
    assert.equal(edge.edges.length, 1000);
    assert.ok(edge.tooltip.split('\n').length <= 30, 'the tooltip of 1000 routes is cut short');
    assert.match(edge.tooltip, /… and 971 more$/);
  });

  it('leaves a fan of at most FAN_MAX siblings as it is', () => {
    const layout = layoutGraphSync(graphOf(serviceFan(FAN_MAX)));
    assert.equal(allNodes(layout).filter((n) => n.kind === 'Deployment').length, FAN_MAX);
    assert.ok(allNodes(layout).every((n) => !n.group));
  });

  it('places a group too large for ELK in columns, and groups after the budget too, and says so', () => {
    // Two Services selecting the same 40 Deployments: no fan to fold (each Deployment has two sources).
    let text = serviceFan(40);
    text +=
      '---\napiVersion: v1\nkind: Service\nmetadata: {name: web2}\nspec: {selector: {app: web}, ports: [{port: 81, targetPort: http}]}\n';
    const [big, ms] = timed(() => layoutGraphSync(graphOf(text), { cache: false }));
    assert.ok(allNodes(big).length > ELK_MAX_NODES);
    assert.ok(ms < 8000, `layout took ${ms.toFixed(0)} ms`);
    assert.equal(
      new Set(
        allNodes(big)
          .filter((n) => n.kind === 'Deployment')
          .map((n) => n.x),
      ).size,
      1,
    );

    const small = (name: string) =>
      `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec: {selector: {app: ${name}}, ports: [{port: 80}]}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template: {metadata: {labels: {app: ${name}}}, spec: {containers: [{name: a, image: i}]}}\n`;
    const layout = layoutGraphSync(graphOf([small('a'), small('b')].join('---\n')), { cache: false, budgetMs: 0 });
    assert.deepEqual(layout.notes, ['The layout took longer than its budget: 2 groups are placed in plain columns.']);
    assert.equal(allNodes(layout).length, 6);
    assert.match(renderSvg(layout), /<text class="kw-notice" [^>]*>The layout took longer than its budget/);
  });
});
