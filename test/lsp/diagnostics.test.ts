/** Diagnostics over LSP: open and unopened files, cross-file references, edits, file events, settings. */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { INGRESS, WEB } from './fixtures';
import { LspClient } from './lspClient';

const API = `apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
spec:
  ports:
    - port: 80
`;

/** `line:col code message` of each diagnostic, for readable comparisons. */
function shown(p: PublishDiagnosticsParams | undefined): string[] {
  return (p?.diagnostics ?? []).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`);
}

const MISSING_API =
  '21:22 ingress-service-missing Ingress `shop` routes to Service `api`, which is not in the checked files for namespace `shop`.';
const MISSING_WEB =
  '14:22 ingress-service-missing Ingress `shop` routes to Service `web`, which is not in the checked files for namespace `shop`.';
const NODEPORT_CASE =
  '27:8 service-type Service type `nodeport` must be written `NodePort` (the API server is case-sensitive).';

describe('diagnostics over LSP', () => {
  const clients: LspClient[] = [];
  const start = async (...args: Parameters<typeof LspClient.start>) => {
    const c = await LspClient.start(...args);
    clients.push(c);
    return c;
  };
  after(async () => {
    for (const c of clients) await c.stop();
  });

  it('checks the unopened files of the workspace folder, references across files', async () => {
    const c = await start({ files: { 'web.yaml': WEB, 'routes/ingress.yaml': INGRESS } });
    await c.indexed();
    const ing = await c.waitDiagnostics(c.uri('routes/ingress.yaml'), (p) => p.diagnostics.length > 0);
    assert.deepEqual(shown(ing), [MISSING_API]);
    assert.equal(ing.version, undefined);
    const web = await c.waitDiagnostics(c.uri('web.yaml'), (p) => p.diagnostics.length > 0);
    assert.deepEqual(shown(web), [NODEPORT_CASE]);
    assert.equal(web.diagnostics[0].severity, 1);
    assert.equal(web.diagnostics[0].source, 'kubeway');
    assert.deepEqual(web.diagnostics[0].codeDescription, {
      href: `https://github.com/kubeway/kubeway/blob/main/docs/rules/${web.diagnostics[0].code}.md`,
    });
  });

  it('publishes versioned diagnostics for an open document as it is edited', async () => {
    const c = await start({ files: { 'web.yaml': WEB, 'ingress.yaml': INGRESS } });
    await c.indexed();
    const uri = c.uri('ingress.yaml');
    await c.open(uri, INGRESS);
    assert.deepEqual(shown(await c.waitDiagnostics(uri, () => true, 1)), [MISSING_API]);
    const v2 = await c.change(uri, INGRESS.replace('name: api', 'name: apx'));
    const p2 = await c.waitDiagnostics(uri, () => true, v2);
    assert.deepEqual(shown(p2), [MISSING_API.replace('`api`', '`apx`')]);
    // Incremental edit: `apx` → `web`.
    const line = INGRESS.split('\n').findIndex((l) => l.includes('name: api'));
    const v3 = await c.edit(uri, { start: { line, character: 22 }, end: { line, character: 25 } }, 'web');
    assert.deepEqual(shown(await c.waitDiagnostics(uri, () => true, v3)), []);
  });

  it('an edit in one open document re-checks the unopened files that refer to it', async () => {
    const c = await start({ files: { 'web.yaml': WEB, 'ingress.yaml': INGRESS } });
    await c.indexed();
    const ingUri = c.uri('ingress.yaml');
    await c.waitDiagnostics(ingUri, (p) => p.diagnostics.length === 1);
    const webUri = c.uri('web.yaml');
    await c.open(webUri, WEB);
    await c.waitDiagnostics(webUri, () => true, 1);
    // Rename the Service: the Ingress (not open) now routes to a missing `web`.
    const v = await c.change(
      webUri,
      WEB.replace('kind: Service\nmetadata:\n  name: web', 'kind: Service\nmetadata:\n  name: web2'),
    );
    await c.waitDiagnostics(webUri, () => true, v);
    const ing = await c.waitDiagnostics(ingUri, (p) => p.diagnostics.length === 2);
    assert.deepEqual(shown(ing), [`${MISSING_WEB} Did you mean \`web2\`?`, MISSING_API]);
    // Closing the document without saving: the disk text is back.
    await c.close(webUri);
    assert.deepEqual(shown(await c.waitDiagnostics(ingUri, (p) => p.diagnostics.length === 1)), [MISSING_API]);
    assert.deepEqual(shown(await c.waitDiagnostics(webUri, (p) => p.version === undefined)), [NODEPORT_CASE]);
  });

  it('a new file saved while open stays in the workspace once closed', async () => {
    const c = await start({ files: { 'ingress.yaml': INGRESS } });
    await c.indexed();
    const ingUri = c.uri('ingress.yaml');
    await c.waitDiagnostics(ingUri, (p) => p.diagnostics.length === 2);
    const uri = c.uri('api.yaml');
    await c.open(uri, API);
    await c.waitDiagnostics(ingUri, (p) => p.diagnostics.length === 1);
    // Saved: the watcher reports the new file while it is open (the buffer wins), then it is closed.
    c.writeFile('api.yaml', API);
    await c.fileEvents([{ uri, type: FileChangeType.Created }]);
    await c.close(uri);
    // The Ingress, checked again after the close, still finds `api`.
    await c.open(ingUri, INGRESS);
    const v = await c.change(ingUri, `# edited\n${INGRESS}`);
    const p = await c.waitDiagnostics(ingUri, () => true, v);
    assert.deepEqual(
      p.diagnostics.map((d) => d.message),
      [MISSING_WEB.replace(/^\S+ \S+ /, '')],
    );
  });

  it('follows files created and deleted on disk (watched files)', async () => {
    const c = await start({ files: { 'web.yaml': WEB, 'ingress.yaml': INGRESS } });
    await c.indexed();
    assert.ok(
      c.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'),
      'the file watcher is registered',
    );
    const ingUri = c.uri('ingress.yaml');
    await c.waitDiagnostics(ingUri, (p) => p.diagnostics.length === 1);
    c.writeFile('api/service.yaml', API);
    await c.fileEvents([{ uri: c.uri('api/service.yaml'), type: FileChangeType.Created }]);
    await c.waitDiagnostics(ingUri, (p) => p.diagnostics.length === 0);
    rmSync(join(c.folder as string, 'web.yaml'));
    await c.fileEvents([{ uri: c.uri('web.yaml'), type: FileChangeType.Deleted }]);
    assert.deepEqual(shown(await c.waitDiagnostics(ingUri, (p) => p.diagnostics.length === 1)), [MISSING_WEB]);
    // The deleted file's own diagnostics are cleared.
    assert.deepEqual(shown(await c.waitDiagnostics(c.uri('web.yaml'), (p) => p.diagnostics.length === 0)), []);
    // A deleted folder takes its files with it.
    rmSync(join(c.folder as string, 'api'), { recursive: true });
    await c.fileEvents([{ uri: c.uri('api'), type: FileChangeType.Deleted }]);
    assert.deepEqual(shown(await c.waitDiagnostics(ingUri, (p) => p.diagnostics.length === 2)), [
      MISSING_WEB,
      MISSING_API,
    ]);
  });

  it('applies settings: rule levels, open files only, include/exclude globs', async () => {
    const c = await start({
      files: { 'web.yaml': WEB, 'ingress.yaml': INGRESS },
      settings: { rules: { 'service-type': 'warning' } },
    });
    await c.indexed();
    const webUri = c.uri('web.yaml');
    const web = await c.waitDiagnostics(webUri, (p) => p.diagnostics.length === 1);
    assert.equal(web.diagnostics[0].severity, 2);
    const ingUri = c.uri('ingress.yaml');
    await c.waitDiagnostics(ingUri, (p) => p.diagnostics.length === 1);
    await c.changeSettings({ rules: { 'ingress-service-missing': 'off' } });
    await c.waitDiagnostics(ingUri, (p) => p.diagnostics.length === 0);
    assert.equal((await c.waitDiagnostics(webUri, (p) => p.diagnostics[0]?.severity === 1)).diagnostics.length, 1);
    await c.changeSettings({ checkOpenFilesOnly: true });
    await c.waitDiagnostics(webUri, (p) => p.diagnostics.length === 0);
    // The unopened web.yaml still counts for references: only `api` is missing for the open Ingress.
    await c.open(ingUri, readFileSync(join(c.folder as string, 'ingress.yaml'), 'utf8'));
    assert.deepEqual(shown(await c.waitDiagnostics(ingUri, () => true, 1)), [MISSING_API]);
    // Excluding web.yaml takes its Service out of the workspace.
    await c.changeSettings({ checkOpenFilesOnly: true, files: { exclude: ['web.yaml'] } });
    await c.waitDiagnostics(ingUri, (p) => p.diagnostics.length === 2, 1);
  });

  it('survives a malformed setting', async () => {
    const c = await start({
      files: { 'web.yaml': WEB },
      settings: { nodePortRange: 'lots', rules: { 'service-type': 'loud' } },
    });
    await c.indexed();
    assert.deepEqual(shown(await c.waitDiagnostics(c.uri('web.yaml'), (p) => p.diagnostics.length === 1)), [
      NODEPORT_CASE,
    ]);
    assert.ok(c.logs.some((l) => l.includes('kubeway.nodePortRange must be MIN-MAX')));
  });

  it('works without a workspace folder (untitled and loose files)', async () => {
    const c = await start();
    await c.open('untitled:Untitled-1', WEB);
    assert.deepEqual(shown(await c.waitDiagnostics('untitled:Untitled-1', () => true, 1)), [NODEPORT_CASE]);
    await c.close('untitled:Untitled-1');
    await c.waitDiagnostics('untitled:Untitled-1', (p) => p.diagnostics.length === 0);
  });
});
