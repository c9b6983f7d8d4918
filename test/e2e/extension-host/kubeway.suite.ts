/// <reference types="mocha" />
/**
 * kubeway inside a real VS Code extension host, through the public `vscode` API, on the multi-file fixture
 * workspace test/e2e/workspace (a copy of it: the tests edit files). The tests run in order and build on each
 * other the way a user's session would: open a file, read the problems, fix one, complete, navigate, draw.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { metrics } from './metrics';

const EXTENSION_ID = 'kubeway.kubeway';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the fixture workspace is open');
  return f.uri;
}
const fileUri = (rel: string) => vscode.Uri.joinPath(folder(), rel);

/** Polls until `probe` returns something other than undefined; fails with `what` and the last value seen. */
async function until<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(rel));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** The range of `text` on the first line containing `lineText` (searching from line `from`). */
function rangeOf(doc: vscode.TextDocument, lineText: string, text: string, from = 0): vscode.Range {
  for (let i = from; i < doc.lineCount; i++) {
    const line = doc.lineAt(i).text;
    if (line.includes(lineText)) {
      const start = line.indexOf(text, line.indexOf(lineText));
      assert.ok(start >= 0, `"${text}" on line ${i}: ${line}`);
      return new vscode.Range(i, start, i, start + text.length);
    }
  }
  throw new Error(`no line containing "${lineText}" in ${doc.uri.path}`);
}

const codeOf = (d: vscode.Diagnostic) =>
  typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
const severityName = (s: vscode.DiagnosticSeverity) => ['error', 'warning', 'information', 'hint'][s];
/** Diagnostics as comparable strings: `line:start-end severity code`. */
const shown = (ds: readonly vscode.Diagnostic[]) =>
  ds
    .map(
      (d) =>
        `${d.range.start.line}:${d.range.start.character}-${d.range.end.line === d.range.start.line ? d.range.end.character : `${d.range.end.line}:${d.range.end.character}`} ${severityName(d.severity)} ${codeOf(d)}`,
    )
    .sort();
const expected = (r: vscode.Range, severity: string, code: string) =>
  `${r.start.line}:${r.start.character}-${r.end.character} ${severity} ${code}`;

const kubeway = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'kubeway');

/** Waits until the kubeway diagnostics of `uri` are exactly `want` (sorted strings from `shown`). */
async function diagnosticsBecome(uri: vscode.Uri, want: string[], timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  const sorted = [...want].sort();
  let last: string[] = [];
  try {
    return await until(
      `diagnostics of ${uri.path.split('/').slice(-2).join('/')}`,
      () => {
        const ds = kubeway(uri);
        last = shown(ds);
        return JSON.stringify(last) === JSON.stringify(sorted) ? ds : undefined;
      },
      timeoutMs,
    );
  } catch {
    assert.deepEqual(last, sorted, `diagnostics of ${uri.path}`);
    throw new Error('unreachable');
  }
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}
async function completionsAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    uri,
    position,
  );
  return list?.items ?? [];
}
const docText = (d: vscode.CompletionItem) =>
  [d.detail, typeof d.documentation === 'string' ? d.documentation : d.documentation?.value].filter(Boolean).join(' ');

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** Writes a new file into the workspace and opens it. */
async function createFile(rel: string, text: string): Promise<vscode.TextEditor> {
  await vscode.workspace.fs.writeFile(fileUri(rel), new TextEncoder().encode(text));
  return open(rel);
}

/** The end of the line containing `lineText` (where a user's cursor is after typing it). */
function endOf(doc: vscode.TextDocument, lineText: string): vscode.Position {
  const r = rangeOf(doc, lineText, lineText);
  return new vscode.Position(r.start.line, doc.lineAt(r.start.line).text.length);
}

suite('kubeway in VS Code', () => {
  test('activates when the first YAML file opens, not before', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    assert.equal(ext.isActive, false, 'not active before any YAML file is open');
    await open('README.md');
    await sleep(1000);
    assert.equal(ext.isActive, false, 'opening a Markdown file does not activate it');

    const t0 = performance.now();
    await open('shop/admin.yaml');
    await until('the extension to activate', () => (ext.isActive ? true : undefined), 20_000, 5);
    const activeAt = Date.now();
    metrics.openToActiveMs = Math.round(performance.now() - t0);
    // The extension host logs when it starts activating an extension: from there to isActive is the activation
    // itself (loading dist/extension.js, activate(), the language server's start and initialize handshake).
    const started = activationLogTime(EXTENSION_ID);
    if (started !== undefined) metrics.activationMs = activeAt - started;
    await ext.activate();
    await until('the first kubeway diagnostic of shop/admin.yaml', () =>
      kubeway(fileUri('shop/admin.yaml')).length ? true : undefined,
    );
    metrics.openToFirstDiagnosticsMs = Math.round(performance.now() - t0);
  });

  test('diagnostics of one file at exact ranges', async () => {
    const doc = (await open('shop/admin.yaml')).document;
    const ds = await diagnosticsBecome(doc.uri, [
      expected(rangeOf(doc, 'type: nodeport', 'nodeport'), 'error', 'service-type'),
      expected(rangeOf(doc, 'targetPort: htpp', 'htpp'), 'error', 'service-target-port'),
    ]);
    const type = ds.find((d) => codeOf(d) === 'service-type');
    assert.match(type?.message ?? '', /`nodeport`.*`NodePort`/);
    const target = ds.find((d) => codeOf(d) === 'service-target-port');
    assert.match(target?.message ?? '', /`htpp`/);
    assert.match(target?.message ?? '', /`http`/, 'the message names the container ports that exist');
  });

  test('files that are not manifests, and Helm templates, get no diagnostics', async () => {
    for (const rel of ['ci/workflow.yaml', 'chart/templates/deployment.yaml']) await open(rel);
    // shop/admin.yaml has diagnostics by now, so the server has processed the workspace; give these a moment more
    await sleep(1500);
    assert.deepEqual(shown(kubeway(fileUri('ci/workflow.yaml'))), []);
    assert.deepEqual(shown(kubeway(fileUri('chart/templates/deployment.yaml'))), []);
  });

  test('cross-file diagnostics: a route to a Service that no file declares, cleared by a WorkspaceEdit adding it', async () => {
    // shop/ingress.yaml is not open: the server checks the workspace's manifests from disk
    const ingressText = readFileText(fileUri('shop/ingress.yaml'));
    const ingressApi = lineRange(ingressText, 'name: api', 'api');
    const [warning] = await diagnosticsBecome(fileUri('shop/ingress.yaml'), [
      expected(ingressApi, 'warning', 'ingress-service-missing'),
    ]);
    assert.match(warning.message, /Service `api`/);

    const api = (await open('shop/api.yaml')).document;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(
      api.uri,
      new vscode.Position(api.lineCount, 0),
      [
        '---',
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  name: api',
        '  namespace: shop',
        'spec:',
        '  selector:',
        '    app: api',
        '  ports:',
        '    - name: rest',
        '      port: 8081',
        '      targetPort: rest',
        '',
      ].join('\n'),
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsBecome(fileUri('shop/ingress.yaml'), []);
    await diagnosticsBecome(api.uri, []);
  });

  test('diagnostics follow edits: fixing the targetPort with a WorkspaceEdit removes its error only', async () => {
    const doc = (await open('shop/admin.yaml')).document;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, rangeOf(doc, 'targetPort: htpp', 'htpp'), 'http');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsBecome(doc.uri, [expected(rangeOf(doc, 'type: nodeport', 'nodeport'), 'error', 'service-type')]);
  });

  test('a quick fix applied: Service type `nodeport` → `NodePort`', async () => {
    const doc = (await open('shop/admin.yaml')).document;
    const range = rangeOf(doc, 'type: nodeport', 'nodeport');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = (actions ?? []).find((a) => /NodePort/.test(a.title));
    assert.ok(fix, `a quick fix to NodePort among: ${(actions ?? []).map((a) => a.title).join(' | ')}`);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), 'it is a quick fix');
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit));
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.equal(doc.lineAt(range.start.line).text, '  type: NodePort');
    await diagnosticsBecome(doc.uri, []);
  });

  test('completion: Service type values, each with an explanation', async () => {
    const doc = (
      await createFile(
        'shop/checkout.yaml',
        [
          'apiVersion: v1',
          'kind: Service',
          'metadata:',
          '  name: checkout',
          '  namespace: shop',
          'spec:',
          '  type: ',
          '  selector:',
          '    app: web',
          '  ports:',
          '    - name: http',
          '      port: 8080',
          '      targetPort: ',
          '',
        ].join('\n'),
      )
    ).document;
    const items = await completionsAt(doc.uri, endOf(doc, '  type: '));
    const byLabel = new Map(items.map((i) => [labelOf(i), i]));
    for (const type of ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']) {
      const item = byLabel.get(type);
      assert.ok(item, `${type} offered; got ${[...byLabel.keys()].slice(0, 30).join(', ')}`);
      assert.ok(docText(item).length > 10, `${type} is explained`);
    }
    // (VS Code adds words of open files as Text items: not kubeway's)
    const wrongCase = items.filter((i) => labelOf(i) === 'nodeport' && i.kind !== vscode.CompletionItemKind.Text);
    assert.deepEqual(
      wrongCase.map((i) => `${labelOf(i)} (kind ${i.kind})`),
      [],
      'only the exact spelling is offered, and no snippet is named like a value',
    );
  });

  test('completion: targetPort offers the ports of the containers the Service selects', async () => {
    const doc = (await open('shop/checkout.yaml')).document;
    const labels = (await completionsAt(doc.uri, endOf(doc, '      targetPort: '))).map(labelOf);
    for (const want of ['http', 'metrics', '8080', '9090'])
      assert.ok(labels.includes(want), `${want} offered; got ${labels.slice(0, 30).join(', ')}`);
    for (const other of ['grpc', 'rest'])
      assert.ok(!labels.includes(other), `${other} belongs to pods this Service does not select`);
  });

  test('completion: an Ingress backend offers the Services of its namespace', async () => {
    const doc = (
      await createFile(
        'shop/ingress-admin.yaml',
        [
          'apiVersion: networking.k8s.io/v1',
          'kind: Ingress',
          'metadata:',
          '  name: admin',
          '  namespace: shop',
          'spec:',
          '  rules:',
          '    - http:',
          '        paths:',
          '          - path: /admin',
          '            pathType: Prefix',
          '            backend:',
          '              service:',
          '                name: ',
          '',
        ].join('\n'),
      )
    ).document;
    const labels = (await completionsAt(doc.uri, endOf(doc, '                name: '))).map(labelOf);
    for (const want of ['web', 'admin', 'api'])
      assert.ok(labels.includes(want), `Service ${want} offered; got ${labels.slice(0, 30).join(', ')}`);
    assert.ok(!labels.includes('ledger'), 'a Service of another namespace is not offered');
  });

  test('hover: a targetPort shows the container port it resolves to; a key shows its documentation', async () => {
    const doc = (await open('shop/web.yaml')).document;
    const target = rangeOf(doc, 'targetPort: http', 'http');
    const onTarget = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        target.start.translate(0, 1),
      ),
    );
    assert.match(onTarget, /8080/, `hover on targetPort: ${onTarget}`);
    const replicas = rangeOf(doc, 'replicas: 2', 'replicas');
    const onKey = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        replicas.start.translate(0, 2),
      ),
    );
    assert.match(onKey, /pods/i, `hover on replicas: ${onKey}`);
  });

  test('go to definition: from an Ingress backend to its Service', async () => {
    const doc = (await open('shop/ingress.yaml')).document;
    const at = rangeOf(doc, 'name: web', 'web').start.translate(0, 1);
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      doc.uri,
      at,
    );
    const targets = (found ?? []).map((l) =>
      'targetUri' in l ? { uri: l.targetUri, range: l.targetSelectionRange ?? l.targetRange } : l,
    );
    assert.equal(targets.length >= 1, true, 'a definition is found');
    const web = await vscode.workspace.openTextDocument(fileUri('shop/web.yaml'));
    const serviceStart = rangeOf(web, 'kind: Service', 'kind').start.line - 1;
    const t = targets[0];
    assert.equal(t.uri.toString(), web.uri.toString(), 'it is in shop/web.yaml');
    assert.ok(
      t.range.start.line >= serviceStart,
      `line ${t.range.start.line} is inside the Service (from line ${serviceStart}), not the Deployment`,
    );
  });

  test('snippets: the server offers "Deployment + Service + Ingress" in an empty file; it inserts objects that kubeway checks clean', async () => {
    const editor = await createFile('stack.yaml', '');
    const offered = await completionsAt(editor.document.uri, new vscode.Position(0, 0));
    const stack = offered.find((i) => labelOf(i) === 'Deployment + Service + Ingress');
    assert.ok(stack, `the stack snippet is offered; got ${offered.map(labelOf).slice(0, 40).join(', ')}`);
    assert.ok(stack.insertText instanceof vscode.SnippetString, 'in the snippet syntax (tab stops)');
    assert.equal(
      offered.filter((i) => labelOf(i) === 'Deployment').length,
      1,
      'one Deployment entry (no contributed snippets beside it)',
    );
    await editor.insertSnippet(stack.insertText);
    const doc = editor.document;
    assert.match(doc.getText(), /kind: Deployment[\s\S]*kind: Service[\s\S]*kind: Ingress/);
    await vscode.commands.executeCommand('leaveSnippet');
    // Make the server prove it has seen this text: a known mistake must appear, and go when it is undone.
    const type = rangeOf(doc, 'type: ClusterIP', 'ClusterIP');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, type, 'clusterip');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsBecome(doc.uri, [
      expected(new vscode.Range(type.start, type.start.translate(0, 'clusterip'.length)), 'error', 'service-type'),
    ]);
    const undo = new vscode.WorkspaceEdit();
    undo.replace(doc.uri, new vscode.Range(type.start, type.start.translate(0, 'clusterip'.length)), 'ClusterIP');
    assert.ok(await vscode.workspace.applyEdit(undo));
    await diagnosticsBecome(doc.uri, []);
  });

  test('the diagram command opens a webview panel', async () => {
    await open('shop/web.yaml');
    await vscode.commands.executeCommand('kubeway.showDiagram');
    const tab = await until('a kubeway webview tab', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && /kubeway/i.test(t.input.viewType)),
    );
    assert.match(tab.label, /diagram|traffic|kubeway/i);
  });

  test('no errors in the extension’s output channel, nor about it in the extension host log', async () => {
    const logs = process.env.KUBEWAY_E2E_LOGS;
    assert.ok(logs, 'the runner passes the window’s logs folder in KUBEWAY_E2E_LOGS');
    const files = findLogs(logs);
    const channels = files.filter((f) =>
      /kubeway\.kubeway\/[^/]+\.log$|output_logging_[^/]+\/\d+-Kubeway[^/]*\.log$/i.test(f),
    );
    assert.ok(
      channels.length > 0,
      `the Kubeway output channel's log is found under ${logs}; logs there: ${files.join(', ')}`,
    );
    const hostLogs = files.filter((f) => /exthost\.log$/i.test(f));
    assert.ok(hostLogs.length > 0, 'the extension host log is found');
    const bad = /\[error\]|\[Error - |Unhandled|Uncaught|\bthrew\b|ERR_/i;
    const errors = [
      ...channels.flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .filter((l) => bad.test(l))
          .map((l) => `${f.split('/').pop()}: ${l}`),
      ),
      ...hostLogs.flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .filter((l) => /\[error\]/i.test(l) && /kubeway/i.test(l))
          .map((l) => `${f.split('/').pop()}: ${l}`),
      ),
    ];
    assert.deepEqual(errors, []);
  });

  // Last, because a crash rightly leaves errors in the output channel.
  test('the language server is restarted after it crashes, and diagnostics follow edits again', async () => {
    const server = serverProcesses();
    assert.equal(
      server.length,
      1,
      `one kubeway server process is a child of the extension host (${process.pid}): ${JSON.stringify(server)}`,
    );
    process.kill(server[0], 'SIGKILL');
    const restarted = await until(
      'a new kubeway server process',
      () => {
        const now = serverProcesses();
        return now.length === 1 && now[0] !== server[0] ? now[0] : undefined;
      },
      30_000,
      200,
    );
    assert.notEqual(restarted, server[0]);
    const doc = (await open('shop/admin.yaml')).document;
    const range = rangeOf(doc, 'type: NodePort', 'NodePort');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, range, 'nodeport');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsBecome(
      doc.uri,
      [expected(rangeOf(doc, 'type: nodeport', 'nodeport'), 'error', 'service-type')],
      30_000,
    );
  });
});

/** Pids of this extension host's child processes that run kubeway's dist/server.js (read from /proc). */
function serverProcesses(): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ');
      if (/dist[\\/]server\.js/.test(cmd)) out.push(Number(name));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

function readFileText(uri: vscode.Uri): string {
  return readFileSync(uri.fsPath, 'utf8');
}
function lineRange(text: string, lineText: string, part: string): vscode.Range {
  const lines = text.split(/\r?\n/);
  const i = lines.findIndex((l) => l.includes(lineText));
  assert.ok(i >= 0, `"${lineText}" in the file`);
  const start = lines[i].indexOf(part, lines[i].indexOf(lineText));
  return new vscode.Range(i, start, i, start + part.length);
}

/** When the extension host began activating `id` (its log line `_doActivateExtension <id>`), as epoch ms. */
function activationLogTime(id: string): number | undefined {
  const logs = process.env.KUBEWAY_E2E_LOGS;
  if (!logs) return undefined;
  for (const f of findLogs(logs).filter((p) => /exthost\.log$/.test(p))) {
    const line = readFileSync(f, 'utf8')
      .split('\n')
      .find((l) => l.includes(`_doActivateExtension ${id}`));
    const m = line && /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3})/.exec(line);
    if (m) return new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], +m[7]).getTime();
  }
  return undefined;
}

function findLogs(dir: string, depth = 0): string[] {
  if (depth > 6 || !existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? findLogs(p, depth + 1) : p.endsWith('.log') ? [p] : [];
  });
}
