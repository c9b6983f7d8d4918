import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ALL_RULES } from '../../server/src/engine';
import { repoRoot } from '../harness';

test('README lists every rule with its severity and description (run `node scripts/rules-doc.mjs` to update)', async () => {
  const { rulesTable } = (await import(join(repoRoot(), 'scripts/rules-table.mjs'))) as {
    rulesTable: (r: typeof ALL_RULES) => string;
  };
  const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
  const m = /<!-- rules:start -->\n([\s\S]*?)<!-- rules:end -->/.exec(readme);
  assert.ok(m, 'README.md has a <!-- rules:start --> … <!-- rules:end --> block');
  const want = rulesTable(ALL_RULES).split('\n');
  const have = m[1].split('\n');
  const missing = want.filter((l) => !have.includes(l));
  const stale = have.filter((l) => !want.includes(l));
  assert.deepEqual(
    { missing, stale },
    { missing: [], stale: [] },
    'README rules table is out of date: run `node scripts/rules-doc.mjs`',
  );
  assert.equal(m[1], rulesTable(ALL_RULES), 'README rules table is out of order: run `node scripts/rules-doc.mjs`');
});

test('rule ids are unique and named like their files', () => {
  const ids = ALL_RULES.map((r) => r.id);
  assert.deepEqual(
    ids.filter((id, i) => ids.indexOf(id) !== i),
    [],
  );
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
});
