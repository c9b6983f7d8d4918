/**
 * The server's lifecycle at the edges (issue 17): a malformed header makes it exit, so that the client
 * restarts it, instead of staying up deaf; after `shutdown`, requests get InvalidRequest as the LSP
 * specification asks, and `exit` ends the process with code 0.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  ErrorCodes,
  ExitNotification,
  HoverRequest,
  ResponseError,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import { LspClient } from './lspClient';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
    - port: 80
`;

function exitCode(c: LspClient, timeoutMs = 10_000): Promise<number | null | 'still running'> {
  if (c.proc.exitCode !== null) return Promise.resolve(c.proc.exitCode);
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve('still running'), timeoutMs);
    c.proc.once('exit', (code) => {
      clearTimeout(t);
      resolve(code);
    });
  });
}

describe('server lifecycle', () => {
  const clients: LspClient[] = [];
  after(async () => {
    for (const c of clients) await c.stop();
  });
  const start = async (): Promise<LspClient> => {
    const c = await LspClient.start();
    clients.push(c);
    return c;
  };

  for (const [what, bytes] of [
    ['a Content-Length that is not a number', 'Content-Length: twelve\r\n\r\n{"jsonrpc":"2.0"}'],
    ['a header without Content-Length', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}'],
    ['a body that is not JSON', 'Content-Length: 5\r\n\r\n{oops'],
  ] as const) {
    it(`exits with code 1 after ${what}`, async () => {
      const c = await start();
      await c.open('file:///lifecycle/web.yaml', SERVICE);
      await c.waitDiagnostics('file:///lifecycle/web.yaml', () => true);
      c.proc.stdin!.write(bytes);
      assert.equal(await exitCode(c), 1);
      assert.match(c.logs.join(''), /cannot read the client's messages/);
    });
  }

  it('answers requests after shutdown with InvalidRequest, then exits with code 0', async () => {
    const c = await start();
    const uri = 'file:///lifecycle/web.yaml';
    await c.open(uri, SERVICE);
    await c.waitDiagnostics(uri, () => true);
    assert.ok(
      await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 2 } }),
    );
    assert.equal(await c.conn.sendRequest(ShutdownRequest.type), null);
    await assert.rejects(
      c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 2 } }),
      (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidRequest,
    );
    await assert.rejects(
      c.conn.sendRequest(ShutdownRequest.type),
      (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidRequest,
    );
    await c.conn.sendNotification(ExitNotification.type);
    assert.equal(await exitCode(c), 0);
  });

  it('exits with code 1 when the client closes the stream without shutdown', async () => {
    const c = await start();
    c.proc.stdin!.end();
    assert.equal(await exitCode(c), 1);
  });
});
