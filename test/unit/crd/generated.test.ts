/**
 * The committed bundled-CRD module is exactly what scripts/build-crds.mjs makes from the CRD copies in
 * server/src/engine/crd/bundled/: after changing them (or the generator) run
 * `node scripts/build-crds.mjs --force` and commit server/src/engine/crd/generated/bundled-crds.ts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { repoRoot } from '../../harness';

it('bundled CRDs: the generated module is current', () => {
  const root = repoRoot();
  const dir = mkdtempSync(join(tmpdir(), 'kubeway-crds-'));
  try {
    const out = join(dir, 'bundled-crds.ts');
    const r = spawnSync(process.execPath, [join(root, 'scripts/build-crds.mjs'), '--force', '--out', out], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const fresh = readFileSync(out, 'utf8');
    const committed = readFileSync(join(root, 'server/src/engine/crd/generated/bundled-crds.ts'), 'utf8');
    assert.ok(
      fresh === committed,
      'server/src/engine/crd/generated/bundled-crds.ts is stale: run `node scripts/build-crds.mjs --force` and commit it',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
