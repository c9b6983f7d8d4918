/** The server answers the diagram's request from its own Workspace, with URIs, and says when the graph may have changed. */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { LspClient } from './lspClient';
import { INGRESS, WEB } from './fixtures';

describe('diagram wiring', () => {
  let c: LspClient | undefined;
  after(async () => {
    await c?.stop();
  });

  it('kubeway/graph draws the files of the folder, unopened ones included; edits send kubeway/graphChanged', async () => {
    c = await LspClient.start({ files: { 'web.yaml': WEB, 'ingress.yaml': INGRESS } });
    let changed = 0;
    c.conn.onNotification('kubeway/graphChanged', () => {
      changed++;
    });
    await c.indexed();
    const result = await c.conn.sendRequest<{ graph: { nodes: { id: string; file: string }[] }; svg: string }>(
      'kubeway/graph',
      { folderUri: c.uri('') },
    );
    const nodes = result.graph.nodes.map((n) => [n.id, n.file]).sort();
    assert.ok(
      nodes.some(([id, file]) => /Ingress/.test(id) && file === c!.uri('ingress.yaml')),
      JSON.stringify(nodes),
    );
    assert.ok(
      nodes.some(([id, file]) => /Service/.test(id) && file === c!.uri('web.yaml')),
      JSON.stringify(nodes),
    );
    assert.match(result.svg, /<svg/);
    const before = changed;
    const uri = c.uri('ingress.yaml');
    await c.open(uri, INGRESS);
    await c.change(uri, INGRESS.replace('name: api', 'name: web'));
    await c.waitFor('a graphChanged notification', () => (changed > before ? true : undefined));
  });
});
