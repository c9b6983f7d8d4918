import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Connection } from 'vscode-languageserver/node';
import { Workspace } from '../../../server/src/engine/model/workspace';
import {
  GRAPH_CHANGED_NOTIFICATION,
  GRAPH_REQUEST,
  notifyGraphChanged,
  registerGraphRequests,
} from '../../../server/src/lsp/graphRequests';
import type { GraphRequestParams, GraphRequestResult } from '../../../server/src/lsp/graphRequests';

/** Just enough of a connection: the request handler it registers, and the notifications it sends. */
function fakeConnection() {
  const handlers = new Map<string, (params: unknown, token: unknown) => unknown>();
  const sent: string[] = [];
  const connection = {
    onRequest: (method: string, handler: (params: unknown, token: unknown) => unknown) => handlers.set(method, handler),
    sendNotification: async (method: string) => void sent.push(method),
  } as unknown as Connection;
  const request = (params: GraphRequestParams) =>
    handlers.get(GRAPH_REQUEST)!(params, { isCancellationRequested: false }) as Promise<GraphRequestResult>;
  return { connection, request, sent };
}

const svc = (name: string, extra = '') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: {app: ${name}}\n  ports: [{port: 80}]\n${extra}`;

describe('kubeway/graph request', () => {
  const ws = new Workspace();
  ws.setText('shop/svc.yaml', svc('web'));
  ws.setText('blog/svc.yaml', svc('blog'));
  const uriOf = (name: string) => `file:///work/${name}`;
  const { connection, request } = fakeConnection();
  registerGraphRequests(connection, () => ws, { uriOf });

  it('answers the graph of one folder, with URIs, and its picture', async () => {
    const r = await request({ folderUri: 'file:///work/shop' });
    assert.deepEqual(
      r.graph.nodes.map((n) => [n.id, n.file]),
      [
        ['Service/default/web', 'file:///work/shop/svc.yaml'],
        ['missing:Pod/default/app=web', 'file:///work/shop/svc.yaml'],
      ],
    );
    assert.deepEqual(
      r.graph.edges.map((e) => e.file),
      ['file:///work/shop/svc.yaml'],
    );
    assert.match(r.svg, /^<svg /);
    assert.doesNotMatch(r.svg, /<style>/, 'the webview brings the styles');
    assert.match(r.svg, /data-name="web"/);
    assert.deepEqual(r.stale, []);
  });

  it('answers every file without a folder; a prefix of a folder name is not that folder', async () => {
    assert.equal((await request({})).graph.nodes.filter((n) => !n.missing).length, 2);
    assert.equal((await request({ folderUri: 'file:///work/sho' })).graph.nodes.length, 0);
  });

  it('keeps the last good version of a file with a syntax error and reports it', async () => {
    ws.setText('shop/svc.yaml', svc('web', 'oops: [\n'));
    const r = await request({ folderUri: 'file:///work/shop/' });
    assert.deepEqual(
      r.graph.nodes.map((n) => [n.name, n.stale]),
      [
        ['web', true],
        ['app=web', undefined],
      ],
    );
    assert.equal(r.stale.length, 1);
    assert.equal(r.stale[0].file, 'file:///work/shop/svc.yaml');
    assert.equal(r.stale[0].name, 'shop/svc.yaml');
    assert.match(r.stale[0].message, /YAML syntax error/);
    // Files of other folders are not reported.
    assert.deepEqual((await request({ folderUri: 'file:///work/blog' })).stale, []);
  });
});

describe('kubeway/graphChanged notification', () => {
  it('sends one notification for a burst of changes', async () => {
    const { connection, sent } = fakeConnection();
    for (let i = 0; i < 5; i++) notifyGraphChanged(connection);
    await new Promise((r) => setTimeout(r, 60));
    assert.deepEqual(sent, [GRAPH_CHANGED_NOTIFICATION]);
    notifyGraphChanged(connection);
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(sent.length, 2);
  });
});
