/**
 * The public sample apps in ../shared/real-world deploy as they are: the schema rules must find nothing
 * there but the one real mistake (an env value written as a YAML boolean in an ingress-nginx doc example,
 * which kubectl refuses to decode). Skipped when that folder is not present.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { it } from 'node:test';
import { SCHEMA_RULES } from '../../../server/src/engine/rules/schema';
import { check, repoRoot } from '../../harness';

const root = join(repoRoot(), '..', 'shared', 'real-world');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return yamlFiles(p);
      return /\.ya?ml$/i.test(name) ? [p] : [];
    });
}

it('schema: no false positives on the real-world sample apps', (t) => {
  if (!existsSync(root)) {
    t.skip(`${root} is not there`);
    return;
  }
  const found: string[] = [];
  for (const app of readdirSync(root).filter((a) => statSync(join(root, a)).isDirectory())) {
    const files: Record<string, string> = {};
    for (const f of yamlFiles(join(root, app))) files[relative(root, f)] = readFileSync(f, 'utf8');
    for (const d of check(files, { rules: SCHEMA_RULES }))
      found.push(`${d.file}:${d.range.start.line + 1} ${d.code}: ${d.message}`);
  }
  assert.deepEqual(found, [
    'kubernetes__ingress-nginx/docs/examples/auth/oauth-external-auth/vouch-proxy.yaml:21 schema-type: `value` must be a string, but `true` is read as a boolean: quote it ("true").',
  ]);
});
