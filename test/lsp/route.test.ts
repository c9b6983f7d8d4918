/** "Trace a Request…" over LSP: `kubeway/route` answers from the server's Workspace (unopened files too, edits followed), and the hover on an Ingress path. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HoverRequest } from 'vscode-languageserver-protocol';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient';
import { INGRESS, WEB } from './fixtures';

interface RouteResult {
  report?: {
    request: { method: string; headers: Record<string, string> };
    traces: {
      via: string;
      outcome: string;
      route: { file: string; path: string } | null;
      service: { name: string; file?: string } | null;
      pods: { name: string; file?: string }[];
      why: string[];
    }[];
  };
  text?: string;
  error?: string;
}

describe('kubeway/route', () => {
  let c: LspClient;
  before(async () => {
    c = await LspClient.start({ files: { 'web.yaml': WEB, 'ingress.yaml': INGRESS } });
    await c.indexed();
  });
  after(async () => {
    await c?.stop();
  });

  it('traces a URL through the Ingress to the pods, with URIs', async () => {
    const r = await c.conn.sendRequest<RouteResult>('kubeway/route', {
      request: 'POST https://shop.example.com/cart X-Canary:yes',
    });
    assert.equal(r.error, undefined);
    const [t] = r.report!.traces;
    assert.deepEqual(
      [
        t.via,
        t.outcome,
        t.route?.path,
        t.route?.file,
        t.service?.name,
        t.service?.file,
        t.pods.map((p) => [p.name, p.file]),
      ],
      ['ingress', 'routed', '/', c.uri('ingress.yaml'), 'web', c.uri('web.yaml'), [['web', c.uri('web.yaml')]]],
    );
    assert.deepEqual([r.report!.request.method, r.report!.request.headers], ['POST', { 'x-canary': 'yes' }]);
    assert.match(
      r.text!,
      /^POST https:\/\/shop\.example\.com\/cart\n\ndefault class: routed: Ingress shop\/shop \(shop\.example\.com Prefix \/\) → Service shop\/web port http \(80\) → targetPort http → Deployment shop\/web app:8080\/TCP\n {2}at ingress\.yaml:/,
    );
  });

  it('follows edits; a broken backend says why; bad input is a message', async () => {
    let r = await c.conn.sendRequest<RouteResult>('kubeway/route', { request: 'shop.example.com/api/v1' });
    assert.equal(r.report!.traces[0].outcome, 'broken');
    assert.equal(
      r.report!.traces[0].why.at(-1),
      'Ingress `shop` routes to Service `api`, which is not in the checked files for namespace `shop`.',
    );
    const uri = c.uri('ingress.yaml');
    await c.open(uri, INGRESS);
    await c.change(uri, INGRESS.replace('name: api', 'name: web'));
    // The server puts an edit into its Workspace after a short pause: ask until the trace follows it.
    for (let i = 0; i < 100 && (r.report!.traces[0].outcome as string) !== 'routed'; i++) {
      await new Promise((done) => setTimeout(done, 100));
      r = await c.conn.sendRequest<RouteResult>('kubeway/route', { request: 'shop.example.com/api/v1' });
    }
    assert.equal(r.report!.traces[0].outcome, 'routed');
    await c.close(uri);
    assert.deepEqual(await c.conn.sendRequest<RouteResult>('kubeway/route', { request: 'ftp://x' }), {
      error: '`ftp://` is not HTTP: use http:// or https://',
    });
  });

  it('hovers an Ingress path with the requests it receives and loses', async () => {
    const uri = c.uri('ingress.yaml');
    await c.open(uri, INGRESS);
    const line = INGRESS.split('\n').findIndex((l) => l.includes('- path: /') && !l.includes('/api'));
    const h = (await c.conn.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line, character: 18 },
    })) as Hover;
    const text = (h.contents as MarkupContent).value;
    assert.match(
      text,
      /\*\*Requests this path receives\*\* \(the default class\):\n\n- `http:\/\/shop\.example\.com\/`\n- `http:\/\/shop\.example\.com\/any\/path`\n\n\*\*Requests it matches but loses:\*\*\n\n- `http:\/\/shop\.example\.com\/api` → Prefix \/api \(host shop\.example\.com\) of Ingress shop\/shop/,
    );
    await c.close(uri);
  });
});
