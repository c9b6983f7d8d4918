/**
 * The editor answers of issue 12 over LSP, as a client receives them: snippets where an object starts (in the
 * snippet syntax), nothing in other YAML, nothing for indentation spaces, and quick fixes with choices.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, CompletionRequest, InsertTextFormat } from 'vscode-languageserver-protocol/node';
import type { CodeAction, CompletionItem, CompletionList } from 'vscode-languageserver-protocol/node';
import { LspClient, withCursor } from './lspClient';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
    spec:
      containers:
        - name: app
          image: shop:1
          ports:
            - name: http
              containerPort: 8080
`;

describe('editor answers over LSP', () => {
  let c: LspClient;
  before(async () => {
    c = await LspClient.start({
      files: {
        'deploy.yaml': DEPLOY,
        '.github/workflows/ci.yml': 'on: push\n',
        'chart/templates/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n',
      },
    });
    await c.indexed();
  });
  after(async () => {
    await c.stop();
  });
  const items = (r: CompletionList | CompletionItem[] | null): CompletionItem[] =>
    Array.isArray(r) ? r : (r?.items ?? []);
  const completeAt = async (rel: string, text: string, triggerCharacter?: string) => {
    const { text: clean, position } = withCursor(text);
    const uri = c.uri(rel);
    await c.open(uri, clean);
    const r = items(
      await c.conn.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position,
        context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
      }),
    );
    await c.close(uri);
    return r;
  };

  it('an empty manifest file: kinds most used first, the snippets in the snippet syntax, one entry each', async () => {
    const r = await completeAt('new.yaml', '$0');
    const sorted = [...r].sort((a, b) => ((a.sortText ?? '') < (b.sortText ?? '') ? -1 : 1));
    assert.deepEqual(
      sorted.slice(0, 3).map((i) => i.label),
      ['Deployment', 'Deployment + Service + Ingress', 'Service'],
    );
    const dep = r.find((i) => i.label === 'Deployment')!;
    assert.equal(dep.insertTextFormat, InsertTextFormat.Snippet);
    assert.match((dep.textEdit as { newText: string }).newText, /^apiVersion: apps\/v1\nkind: Deployment\n/);
    assert.equal(r.find((i) => i.label === 'ConfigMap')!.insertTextFormat, InsertTextFormat.PlainText);
    assert.equal(new Set(r.map((i) => i.label)).size, r.length, 'one entry per kind or snippet');
  });

  it('nothing in a GitHub workflow; nothing for the spaces that indent a line', async () => {
    assert.deepEqual(await completeAt('.github/workflows/ci.yml', 'on: push\n$0'), []);
    assert.deepEqual(
      await completeAt(
        'deploy2.yaml',
        DEPLOY.replace('name: shop\n', 'name: shop2\n').replace(
          '          image: shop:1\n',
          '          image: shop:1\n          $0\n',
        ),
        ' ',
      ),
      [],
    );
    const keys = await completeAt(
      'deploy3.yaml',
      DEPLOY.replace('name: shop\n', 'name: shop3\n').replace(
        '          image: shop:1\n',
        '          image: shop:1\n          $0\n',
      ),
    );
    assert.ok(
      keys.some((i) => i.label === 'imagePullPolicy'),
      'Ctrl+Space there lists the container keys',
    );
  });

  it('quick fixes with choices: one per container port, none preferred', async () => {
    const svc =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\nspec:\n  selector:\n    app: shop\n  ports:\n    - port: 80\n      targetPort: htpp\n';
    const uri = c.uri('svc.yaml');
    await c.open(uri, svc);
    const p = await c.waitDiagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'service-target-port'), 1);
    const d = p.diagnostics.find((x) => x.code === 'service-target-port')!;
    const actions = (await c.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    await c.close(uri);
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred, a.edit?.changes?.[uri]?.[0].newText]),
      [
        ['Change targetPort to http (container port 8080/TCP of Deployment shop)', false, 'http'],
        ['Change targetPort to 8080 (container port http of Deployment shop)', false, '8080'],
      ],
    );
  });

  it('says what it made of each file: checked, a template skipped, not Kubernetes (kubeway/fileStatus)', async () => {
    const status = (rel: string) =>
      c.conn.sendRequest('kubeway/fileStatus', { uri: c.uri(rel) }) as Promise<{
        kind: string;
        objects: number;
        message: string;
      }>;
    assert.deepEqual(await status('deploy.yaml'), {
      kind: 'manifest',
      objects: 1,
      message: 'Checked: 1 Kubernetes object.',
    });
    const tpl = await status('chart/templates/svc.yaml');
    assert.equal(tpl.kind, 'template');
    assert.match(
      tpl.message,
      /^Skipped: an unrendered Helm\/Go template: `\{\{ … \}\}` stands where YAML structure is, on line 4\.$/,
      "the engine's reason",
    );
    assert.equal((await status('.github/workflows/ci.yml')).kind, 'not-kubernetes');
    assert.equal((await status('nowhere.yaml')).kind, 'unknown');
  });

  it('logs the folder scan: files read, templates skipped, other YAML, time', () => {
    const line = c.logs.find((l) => /kubeway: scanned /.test(l));
    assert.ok(line, c.logs.join('\n'));
    assert.match(
      line,
      /: 3 YAML files selected, 3 read from disk \(1 object\); skipped 1 template \(chart\/templates\/svc\.yaml\); 1 not Kubernetes; \d+ ms$/,
    );
  });
});
