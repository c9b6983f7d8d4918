/**
 * Symbolic links in `kubeway check` (issue 17): followed inside the folders given, each folder read once;
 * links leading outside are named on stderr and not followed unless `--follow-symlinks`. The language server
 * treats the same folder the same way (test/lsp/symlinks.test.ts).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { repoRoot } from '../../harness';
import { linkedFolder } from '../../linkedFolder';

function check(args: string[], cwd: string): { status: number | null; files: string[]; stderr: string } {
  const r = spawnSync(process.execPath, [join(repoRoot(), 'dist', 'cli.js'), 'check', '--format', 'json', ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const files = (JSON.parse(r.stdout) as { diagnostics: { file: string; code: string }[] }).diagnostics.map(
    (d) => `${d.file} ${d.code}`,
  );
  return { status: r.status, files, stderr: r.stderr };
}

describe('kubeway check and symbolic links', () => {
  const { dir, outside } = linkedFolder();
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('follows links inside the folder once, names the links leading outside and leaves them', () => {
    const r = check(['.'], dir);
    assert.equal(r.status, 1);
    assert.deepEqual(r.files, ['base/web.yaml service-type']);
    assert.equal(
      r.stderr,
      `kubeway: not following 2 symbolic links that lead outside the folders given (--follow-symlinks follows them): ext.yaml → ${join(outside, 'ext.yaml')}, shared → ${outside}\n`,
    );
  });

  it('--follow-symlinks follows them (before a path too: it takes no value)', () => {
    const r = check(['--follow-symlinks', '.'], dir);
    assert.deepEqual(r.files.sort(), [
      'base/web.yaml service-type',
      'ext.yaml service-type',
      'shared/ext.yaml service-type',
      'shared/svc.yaml service-type',
    ]);
    assert.equal(r.stderr, '');
  });

  it('a link named explicitly is read: it is what the user asked for', () => {
    const r = check(['ext.yaml'], dir);
    assert.deepEqual(r.files, ['ext.yaml service-type']);
  });
});
