/**
 * Symbolic links in the language server's folder indexing (issue 17): the same policy as `kubeway check`
 * (test/unit/cli/symlinks.test.ts), on the same folder: links inside are followed once, links leading
 * outside are named in the output channel and followed only with `kubeway.files.followSymlinks`.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { linkedFolder } from '../linkedFolder';
import { LspClient } from './lspClient';

/** The regular files of a folder (not through links), relative path → text. */
function filesOf(dir: string, root = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) Object.assign(out, filesOf(p, root));
    else if (e.isFile() && statSync(p).isFile()) out[relative(root, p)] = readFileSync(p, 'utf8');
  }
  return out;
}

describe('language server and symbolic links', () => {
  const { dir, outside } = linkedFolder();
  const clients: LspClient[] = [];
  after(async () => {
    for (const c of clients) await c.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });
  const start = async (settings: Record<string, unknown>): Promise<LspClient> => {
    const c = await LspClient.start({
      files: filesOf(dir),
      links: { linked: join('base'), loop: '.', shared: outside, 'ext.yaml': join(outside, 'ext.yaml') },
      settings,
    });
    clients.push(c);
    await c.indexed();
    return c;
  };
  const diagnosed = async (c: LspClient): Promise<string[]> => {
    await c.waitDiagnostics(c.uri('base/web.yaml'), (p) => p.diagnostics.length > 0);
    await new Promise((r) => setTimeout(r, 500));
    const uris = new Set(c.publishes.filter((p) => p.diagnostics.length > 0).map((p) => p.uri));
    return [...uris].map((u) => relative(c.folder!, new URL(u).pathname)).sort();
  };

  it('follows links inside the folder once, names the links leading outside and leaves them', async () => {
    const c = await start({});
    assert.deepEqual(await diagnosed(c), ['base/web.yaml']);
    const warning = c.logs.find((l) => l.includes('symbolic link'));
    assert.equal(
      warning,
      `kubeway: not following 2 symbolic links that lead outside the folders given (the setting kubeway.files.followSymlinks follows them): ${join(c.folder!, 'ext.yaml')} → ${join(outside, 'ext.yaml')}, ${join(c.folder!, 'shared')} → ${outside}`,
    );
  });

  it('kubeway.files.followSymlinks follows them, as --follow-symlinks does', async () => {
    const c = await start({ files: { followSymlinks: true } });
    assert.deepEqual(await diagnosed(c), ['base/web.yaml', 'ext.yaml', 'shared/ext.yaml', 'shared/svc.yaml']);
    assert.equal(
      c.logs.find((l) => l.includes('symbolic link')),
      undefined,
    );
  });
});
