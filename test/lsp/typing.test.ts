/**
 * Typing into a big document (issue 17): a burst of edits must not leave a backlog of versions to parse and
 * check one after the other. The server works on the newest text only and publishes for it; a request on
 * another document is answered without waiting for the big one.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { PassThrough } from 'node:stream';
import {
  DidChangeTextDocumentNotification,
  HoverRequest,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type { NotificationMessage } from 'vscode-languageserver-protocol/node';
import { LspClient } from './lspClient';

/** A Deployment and the Service selecting it, named by `i` (one of them in error: a bad port name). */
function group(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      containers:
        - name: app
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: app-${i}
spec:
  selector:
    app: app-${i}
  ports:
    - port: 80
      targetPort: ${i % 100 === 0 ? 'Http_Port' : 'http'}
`;
}

const SMALL = `apiVersion: v1
kind: Service
metadata:
  name: small
spec:
  ports:
    - port: 80
`;

describe('typing bursts', () => {
  const clients: LspClient[] = [];
  after(async () => {
    for (const c of clients) await c.stop();
  });

  it(
    'a burst of edits to a big document is checked once, for its newest version; other requests do not wait',
    { timeout: 120_000 },
    async () => {
      const groups = Array.from({ length: 2500 }, (_, i) => group(i));
      const big = groups.join('---\n');
      assert.ok(big.length > 1_000_000);
      const c = await LspClient.start({ settings: {} });
      clients.push(c);
      const bigUri = 'file:///typing/big.yaml';
      const smallUri = 'file:///typing/small.yaml';
      await c.open(smallUri, SMALL);
      await c.open(bigUri, big);
      const opened = await c.waitDiagnostics(bigUri, () => true, 1, 60_000);
      assert.equal(opened.diagnostics.length, 25);
      await new Promise((r) => setTimeout(r, 300));

      // Typing into a comment line in the middle: every version differs, the findings stay.
      const line = big.slice(0, big.length / 2).split('\n').length;
      const before = c.publishes.length;
      // The edits reach the server in one write, as keystrokes queued behind a long check do (framed by the
      // protocol library into a buffer), and the hover right behind them.
      const framed = new PassThrough();
      const chunks: Uint8Array[] = [];
      framed.on('data', (b: Uint8Array) => chunks.push(b));
      const writer = new StreamMessageWriter(framed);
      const edit = (version: number, character: number, text: string) =>
        writer.write({
          jsonrpc: '2.0',
          method: DidChangeTextDocumentNotification.method,
          params: {
            textDocument: { uri: bigUri, version },
            contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text }],
          },
        } as NotificationMessage);
      await edit(2, 0, '#\n');
      for (let i = 1; i < 200; i++) await edit(2 + i, i, 'x');
      const newest = 201;
      c.proc.stdin!.write(Buffer.concat(chunks));
      const hover = c.conn.sendRequest(HoverRequest.type, {
        textDocument: { uri: smallUri },
        position: { line: 1, character: 2 },
      });
      const answered = await hover;
      assert.ok(answered, 'the small document was hovered');
      // The hover on the other document is answered before the big document's newest version is checked.
      assert.equal(
        c.publishes.slice(before).filter((p) => p.uri === bigUri && p.version === newest).length,
        0,
        'the hover waited for the check of the big document',
      );

      const last = await c.waitDiagnostics(bigUri, () => true, newest, 60_000);
      assert.equal(last.diagnostics.length, 25);
      await new Promise((r) => setTimeout(r, 500));
      // Not one check per version: the newest is published, at most a couple of others (a pause of the loaded
      // machine between two messages looks like a pause in typing). Before: a publish for nearly every version.
      const versions = c.publishes
        .slice(before)
        .filter((p) => p.uri === bigUri)
        .map((p) => p.version);
      assert.ok(versions.length <= 3 && versions.at(-1) === newest, `published versions: ${versions.join(', ')}`);
    },
  );
});
