/**
 * The diagram's layout off the language server's request path (issue 17): 500 Deployments behind one
 * Service held the server for 37 s, 2000 took it down with a heap out-of-memory. The layout runs in a
 * worker thread (dist/layoutWorker.js, built by `node esbuild.mjs`) with a deadline and a memory limit,
 * and a summary is drawn when it gives up.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Connection } from 'vscode-languageserver/node';
import { buildGraph } from '../../../server/src/engine/graph/build';
import { Workspace } from '../../../server/src/engine/model/workspace';
import { registerGraphRequests, summarySvg } from '../../../server/src/lsp/graphRequests';
import type { GraphRequestParams, GraphRequestResult } from '../../../server/src/lsp/graphRequests';
import { LayoutFailed, LayoutRunner } from '../../../server/src/lsp/layoutRunner';
import { repoRoot } from '../../harness';
import { serviceFan } from './fans';

const script = join(repoRoot(), 'dist/layoutWorker.js');
const FAN = 'group:Service/default/web:out:Deployment';

function fanWorkspace(n: number): Workspace {
  const ws = new Workspace();
  ws.setText('a.yaml', serviceFan(n));
  return ws;
}

/** The longest time the event loop was held while `work` ran. */
async function longestBlock<T>(work: () => Promise<T>): Promise<[T, number]> {
  let last = performance.now();
  let longest = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 2);
  try {
    const r = await work();
    return [r, Math.max(longest, performance.now() - last)];
  } finally {
    clearInterval(probe);
  }
}

describe('layout thread', () => {
  const graph = buildGraph(fanWorkspace(2000));

  it('lays out 2000 Deployments behind one Service in the worker, and expands them on request, leaving the event loop free', async () => {
    const runner = new LayoutRunner({ script });
    try {
      assert.ok(runner.threaded, `${script} is built`);
      const [svg, block] = await longestBlock(() => runner.render(graph, [], ''));
      assert.match(svg, /data-id="group:Service\/default\/web:out:Deployment"[^>]* data-group="2000"/);
      assert.match(svg, /click to draw them all/);
      const [full, block2] = await longestBlock(() => runner.render(graph, [FAN], ''));
      assert.equal(full.match(/class="kw-node kw-kind-workload kw-kind-deployment"/g)?.length, 2000);
      // Without the worker, the layout held the event loop for all of its seconds.
      assert.ok(Math.max(block, block2) < 500, `the event loop was held for ${Math.max(block, block2).toFixed(0)} ms`);
    } finally {
      runner.dispose();
    }
  });

  it('stops a layout past its deadline, and one that runs out of memory, and lays out again afterwards', async () => {
    const slow = new LayoutRunner({ script, deadlineMs: 1 });
    await assert.rejects(
      slow.render(graph, [FAN], ''),
      (e: Error) => e instanceof LayoutFailed && e.message === 'the layout took longer than 1 ms',
    );
    slow.dispose();
    const small = new LayoutRunner({ script, heapMb: 2 });
    await assert.rejects(
      small.render(graph, [FAN], ''),
      (e: Error) => e instanceof LayoutFailed && e.message === 'the layout ran out of its 2 MB of memory',
    );
    small.dispose();
    // A fresh runner (and a fresh worker after a failure) works.
    const ok = new LayoutRunner({ script });
    try {
      assert.match(await ok.render(graph, [], ''), /data-group="2000"/);
    } finally {
      ok.dispose();
    }
  });

  it('answers kubeway/graph with a summary that says why when the layout gives up', async () => {
    let handler: ((params: unknown, token: unknown) => unknown) | undefined;
    const connection = {
      onRequest: (_: string, h: typeof handler) => (handler = h),
      sendNotification: async () => undefined,
    } as unknown as Connection;
    registerGraphRequests(connection, () => fanWorkspace(2000), { layout: { script, deadlineMs: 1 } });
    const r = (await handler!({ expand: [FAN] } satisfies GraphRequestParams, {
      isCancellationRequested: false,
    })) as GraphRequestResult;
    assert.match(
      r.svg,
      /<text class="kw-notice" [^>]*>The layout took longer than 1 ms: this is a summary, every group placed in plain columns\.<\/text>/,
    );
    // The summary folds the fan again: it is drawn without ELK, in time linear in the graph.
    assert.match(r.svg, /data-group="2000"/);
    assert.equal(r.graph.nodes.length, 2001);
    assert.match(summarySvg(graph, 'the layout stopped'), /The layout stopped: this is a summary/);
  });
});
