/**
 * The sample apps in ../shared/real-world deploy as they are: the workload, container, pod and object rules
 * must find nothing in them. Skipped (with the reason printed) when that folder is not there.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Workspace, checkWorkspace, withDefaults } from '../../../server/src/engine';
import { WORKLOAD_RULES } from '../../../server/src/engine/rules/workload';
import { repoRoot } from '../../harness';

const root = join(repoRoot(), '..', 'shared', 'real-world');

function manifests(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...manifests(p));
    else if (/\.ya?ml$/i.test(name)) out.push(p);
  }
  return out;
}

describe('workload rules on real-world apps', () => {
  if (!existsSync(root)) {
    it('real-world manifests', (t) => t.skip(`${root} does not exist`));
    return;
  }
  for (const app of readdirSync(root).filter((a) => statSync(join(root, a)).isDirectory())) {
    it(app, () => {
      const ws = new Workspace();
      for (const f of manifests(join(root, app))) ws.setText(f, readFileSync(f, 'utf8'));
      const found = checkWorkspace(ws, { rules: WORKLOAD_RULES, settings: withDefaults() });
      assert.deepEqual(
        found.map((d) => `${d.file}:${d.range.start.line + 1}: ${d.code}: ${d.message}`),
        [],
      );
    });
  }
});
