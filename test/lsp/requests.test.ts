/** Requests over LSP on a multi-file workspace: completion at `$0`, hover, definition, references, symbols, quick fixes. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  ReferencesRequest,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol/node';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  Hover,
  Location,
  MarkupContent,
  SymbolInformation,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import { LspClient, withCursor } from './lspClient';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: app
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: http
`;

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  name: http
`;

describe('requests over LSP', () => {
  let c: LspClient;
  before(async () => {
    c = await LspClient.start({ files: { 'deploy.yaml': DEPLOY, 'service.yaml': SERVICE, 'ingress.yaml': INGRESS } });
    await c.indexed();
  });
  after(async () => {
    await c.stop();
  });

  /** Opens a scratch document of the workspace folder with a `$0` cursor; returns its URI and the cursor. */
  let scratch = 0;
  const openAt = async (text: string) => {
    const { text: clean, position } = withCursor(text);
    const uri = c.uri(`scratch-${++scratch}.yaml`);
    await c.open(uri, clean);
    await c.waitDiagnostics(uri, () => true, 1);
    return { uri, position };
  };
  const items = (r: CompletionList | CompletionItem[] | null): CompletionItem[] =>
    Array.isArray(r) ? r : (r?.items ?? []);

  it('completes targetPort from the ports of the containers the Service selects', async () => {
    const { uri, position } = await openAt(
      SERVICE.replace('name: web\n', 'name: web2\n').replace('targetPort: http', 'targetPort: $0'),
    );
    const r = items(await c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }));
    await c.close(uri);
    assert.deepEqual(
      r.map((i) => i.label),
      ['http', '8080'],
    );
    assert.deepEqual(r[0].textEdit, { range: { start: position, end: position }, newText: 'http' });
  });

  it('completes Service types on a half-typed line, and Ingress backend Services from unopened files', async () => {
    const typed = await openAt(
      SERVICE.replace('name: web\n', 'name: typed\n').replace('spec:\n', 'spec:\n  type: $0\n'),
    );
    const types = items(
      await c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: typed.uri }, position: typed.position }),
    );
    await c.close(typed.uri);
    assert.deepEqual(
      types.map((i) => i.label),
      ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
    );
    assert.match((types[1].documentation as MarkupContent).value, /every node/);
    const backend = await openAt(
      INGRESS.replace('name: shop\n', 'name: shop2\n').replace('                name: web', '                name: $0'),
    );
    const services = items(
      await c.conn.sendRequest(CompletionRequest.type, {
        textDocument: { uri: backend.uri },
        position: backend.position,
      }),
    );
    await c.close(backend.uri);
    assert.deepEqual(
      services.map((i) => [i.label, i.detail]),
      [['web', 'Service · 80/http']],
    );
  });

  it('completes keys of a Service port item', async () => {
    const { uri, position } = await openAt(
      SERVICE.replace('name: web\n', 'name: web3\n').replace('      targetPort: http\n', '      $0\n'),
    );
    const r = items(await c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }));
    await c.close(uri);
    assert.deepEqual(
      r.map((i) => i.label),
      ['targetPort', 'protocol', 'appProtocol'],
    );
    assert.equal((r[0].textEdit as TextEdit).newText, 'targetPort: ');
  });

  it('hovers a targetPort with the container port it resolves to', async () => {
    const uri = c.uri('service.yaml');
    await c.open(uri, SERVICE);
    const line = SERVICE.split('\n').findIndex((l) => l.includes('targetPort'));
    const h = (await c.conn.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line, character: 9 },
    })) as Hover;
    const text = (h.contents as MarkupContent).value;
    const portLine = DEPLOY.split('\n').findIndex((l) => l.includes('- name: http')) + 1;
    assert.equal(
      text.split('\n')[0],
      `targetPort \`http\` → container port 8080/TCP of Deployment \`web\`, deploy.yaml:${portLine}`,
      'what kubeway resolves leads',
    );
    assert.match(text, /\n---\n\n\*\*targetPort\*\* `IntOrString`/, 'the API documentation follows');
    assert.deepEqual(h.range, { start: { line, character: 6 }, end: { line, character: 16 } });
    await c.close(uri);
  });

  it('goes from an Ingress backend to the Service, and finds the Ingresses routing to a Service', async () => {
    const ingUri = c.uri('ingress.yaml');
    await c.open(ingUri, INGRESS);
    const line = INGRESS.split('\n').findIndex((l) => l.includes('                name: web'));
    const defs = (await c.conn.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: ingUri },
      position: { line, character: 23 },
    })) as Location[];
    assert.deepEqual(defs, [
      { uri: c.uri('service.yaml'), range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } } },
    ]);
    const svcUri = c.uri('service.yaml');
    const refs = (await c.conn.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: svcUri },
      position: { line: 3, character: 9 },
      context: { includeDeclaration: false },
    })) as Location[];
    assert.deepEqual(refs, [{ uri: ingUri, range: { start: { line, character: 22 }, end: { line, character: 25 } } }]);
    await c.close(ingUri);
  });

  it('outlines a document and finds objects by name across the workspace', async () => {
    const uri = c.uri('deploy.yaml');
    const syms = (await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(
      syms.map((s) => [s.name, s.detail, s.selectionRange.start.line]),
      [['Deployment/web', 'apps/v1 · shop', 3]],
    );
    const found = (await c.conn.sendRequest(WorkspaceSymbolRequest.type, { query: 'shop' })) as SymbolInformation[];
    assert.deepEqual(
      found.map((s) => [s.name, s.location.uri]),
      [['Ingress/shop', c.uri('ingress.yaml')]],
    );
  });

  it('offers the quick fix of a diagnostic, as an edit', async () => {
    const text = SERVICE.replace('name: web\n', 'name: web4\n').replace('spec:\n', 'spec:\n  type: loadbalancer\n');
    const uri = c.uri('fixme.yaml');
    await c.open(uri, text);
    const p = await c.waitDiagnostics(uri, (d) => d.diagnostics.length > 0, 1);
    const d = p.diagnostics.find((x) => x.code === 'service-type');
    assert.ok(d, 'the wrong-case type is reported');
    const actions = (await c.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.edit?.changes?.[uri]]),
      [
        [
          'Change to LoadBalancer',
          'quickfix',
          [{ range: { start: { line: 6, character: 8 }, end: { line: 6, character: 20 } }, newText: 'LoadBalancer' }],
        ],
      ],
    );
    // Once the text has moved on, fixes of the old version are not offered.
    const v = await c.change(uri, `\n${text}`);
    const stale = (await c.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[] | null;
    assert.ok(!stale || stale.length === 0);
    await c.waitDiagnostics(uri, () => true, v);
    const fresh = (await c.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 7, character: 9 }, end: { line: 7, character: 9 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    assert.deepEqual(
      fresh.map((a) => a.edit?.changes?.[uri]?.[0].range.start.line),
      [7],
    );
    await c.close(uri);
  });
});
