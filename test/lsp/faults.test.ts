/**
 * A throwing rule or request must not take the server down: it is logged, that rule's findings (or that
 * answer) are dropped, and the server keeps serving. The server runs in-process here, over real LSP framing
 * on a pair of streams, so that a rule and an editor answer that throw can be put into it.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, describe, it } from 'node:test';
import { createConnection } from 'vscode-languageserver/node';
import {
  CompletionRequest,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { CompletionList, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { ALL_RULES } from '../../server/src/engine';
import type { Rule } from '../../server/src/engine';
import { startServer } from '../../server/src/lsp/session';

const throwing: Rule = {
  id: 'test-throws',
  description: 'Throws on objects named boom.',
  severity: 'error',
  checkObject(obj, ctx) {
    ctx.report({ at: obj.anchor, message: 'reported before throwing' });
    if (obj.name === 'boom') throw new Error('kaboom');
  },
};

const TEXT = `apiVersion: v1
kind: Service
metadata:
  name: boom
spec:
  type: nodeport
  ports:
    - port: 80
`;

describe('faults', () => {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(server, {
    rules: [...ALL_RULES, throwing],
    editor: {
      hover: () => {
        throw new Error('hover exploded');
      },
    },
  });
  server.listen();
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const logs: string[] = [];
  const publishes: PublishDiagnosticsParams[] = [];
  const waiters: (() => void)[] = [];
  client.onNotification(LogMessageNotification.type, (p) => {
    logs.push(p.message);
    waiters.forEach((w) => w());
  });
  client.onNotification(PublishDiagnosticsNotification.type, (p) => {
    publishes.push(p);
    waiters.forEach((w) => w());
  });
  client.listen();
  const until = (test: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`timed out; logs: ${logs.join('\n')}`)), 5000);
      const check = () => {
        if (test()) {
          clearTimeout(t);
          resolve();
        }
      };
      waiters.push(check);
      check();
    });
  after(() => {
    client.dispose();
    server.dispose();
  });

  it('a throwing rule loses only its own findings, and is logged', async () => {
    await client.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {} });
    await client.sendNotification(InitializedNotification.type, {});
    await client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: 'untitled:boom', languageId: 'yaml', version: 1, text: TEXT },
    });
    await until(() => publishes.some((p) => p.uri === 'untitled:boom'));
    const p = publishes.find((x) => x.uri === 'untitled:boom')!;
    assert.deepEqual(
      p.diagnostics.map((d) => d.code),
      ['service-type'],
    );
    await until(() => logs.some((l) => l.includes('rule test-throws failed on untitled:boom') && l.includes('kaboom')));
  });

  it('a throwing request is answered empty and logged; the next request is served', async () => {
    const hover = await client.sendRequest(HoverRequest.type, {
      textDocument: { uri: 'untitled:boom' },
      position: { line: 5, character: 3 },
    });
    assert.equal(hover, null);
    await until(() => logs.some((l) => l.includes('hover failed') && l.includes('hover exploded')));
    const completion = (await client.sendRequest(CompletionRequest.type, {
      textDocument: { uri: 'untitled:boom' },
      position: { line: 5, character: 8 },
    })) as CompletionList;
    assert.deepEqual(
      completion.items.map((i) => i.label),
      ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
    );
  });
});
