/**
 * The diagram through the real language server (dist/server.js over stdio, built by `npm test`): the
 * `kubeway/graph` request for a folder and a sub-folder, `kubeway/graphChanged` after an edit, and the last
 * good version of a file while it has a syntax error.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { GraphRequestResult } from '../../../server/src/lsp/graphRequests';
import { repoRoot } from '../../harness';
import { LspClient } from '../../lsp/lspClient';
import { serviceFan } from './fans';

const fixture = (name: string) => readFileSync(join(repoRoot(), 'test/browser/fixture', name), 'utf8');

describe('diagram through the language server', () => {
  it('answers kubeway/graph per folder, notifies changes, and keeps the last good version of a broken file', async () => {
    const files = { 'shop.yaml': fixture('shop.yaml'), 'sub/data.yaml': fixture('data.yaml') };
    const c = await LspClient.start({ files });
    try {
      await c.indexed();
      let changed = 0;
      c.conn.onNotification('kubeway/graphChanged', () => {
        changed++;
      });

      const all = await c.conn.sendRequest<GraphRequestResult>('kubeway/graph', { folderUri: c.uri('') });
      assert.equal(all.graph.nodes.filter((n) => !n.missing).length, 12);
      assert.deepEqual([...new Set(all.graph.nodes.map((n) => n.file))].sort(), [
        c.uri('shop.yaml'),
        c.uri('sub/data.yaml'),
      ]);
      assert.equal(all.graph.edges.filter((e) => e.broken).length, 3);
      assert.match(all.svg, /^<svg /);
      assert.deepEqual(all.stale, []);

      const sub = await c.conn.sendRequest<GraphRequestResult>('kubeway/graph', { folderUri: c.uri('sub') });
      assert.deepEqual([...new Set(sub.graph.nodes.map((n) => n.file))], [c.uri('sub/data.yaml')]);

      await c.open(c.uri('shop.yaml'), files['shop.yaml']);
      await c.change(
        c.uri('shop.yaml'),
        files['shop.yaml'].replace('    - host: shop.example.com', '    - host: [shop.example.com'),
      );
      await c.waitDiagnostics(c.uri('shop.yaml'), (p) => p.diagnostics.some((d) => d.code === 'yaml-syntax'));
      const deadline = Date.now() + 5000;
      while (changed === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.ok(changed > 0, 'kubeway/graphChanged after the edit');

      const broken = await c.conn.sendRequest<GraphRequestResult>('kubeway/graph', { folderUri: c.uri('') });
      assert.equal(broken.stale.length, 1);
      assert.equal(broken.stale[0].file, c.uri('shop.yaml'));
      assert.equal(broken.stale[0].name, 'shop.yaml');
      assert.match(broken.stale[0].message, /^YAML syntax error/);
      assert.deepEqual(
        broken.graph.nodes.filter((n) => n.stale).map((n) => n.name),
        all.graph.nodes.filter((n) => n.file === c.uri('shop.yaml') && !n.missing).map((n) => n.name),
        'every object of the broken file is still drawn, from its last good version',
      );
    } finally {
      await c.stop();
    }
  });

  it('draws 2000 Deployments behind one Service without holding other requests, and expands them on request', async () => {
    // Before: 37 s of ELK in the request for 500 Deployments, every other request waiting; 2000 ran the server
    // out of memory.
    const files = { 'fan.yaml': serviceFan(2000), 'small.yaml': fixture('shop.yaml') };
    const c = await LspClient.start({ files });
    try {
      await c.indexed();
      await c.open(c.uri('small.yaml'), files['small.yaml']);
      const t0 = Date.now();
      const graph = c.conn.sendRequest<GraphRequestResult>('kubeway/graph', { folderUri: c.uri('') });
      const symbols = await c.conn.sendRequest<unknown[]>('textDocument/documentSymbol', {
        textDocument: { uri: c.uri('small.yaml') },
      });
      assert.ok(symbols.length > 0);
      const r = await graph;
      // Generous for a busy machine: before, the server ran out of memory and never answered.
      assert.ok(Date.now() - t0 < 60_000, `the graph took ${Date.now() - t0} ms`);
      assert.match(r.svg, /data-id="group:Service\/default\/web:out:Deployment"[^>]* data-group="2000"/);
      const full = await c.conn.sendRequest<GraphRequestResult>('kubeway/graph', {
        folderUri: c.uri(''),
        expand: ['group:Service/default/web:out:Deployment'],
      });
      assert.equal(full.svg.match(/class="kw-node kw-kind-workload kw-kind-deployment"/g)?.length, 2000 + 2);
    } finally {
      await c.stop();
    }
  });
});
