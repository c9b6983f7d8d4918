// Writes the README's rules table from the rule registry (between <!-- rules:start --> and <!-- rules:end -->).
//   node scripts/rules-doc.mjs          rewrite README.md
// test/unit/readme.test.ts fails when the table is out of date.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const out = 'out/rules-doc.cjs';
await build({
  entryPoints: ['server/src/engine/rules/registry.ts'],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  logLevel: 'warning',
});
const { rulesTable } = await import('./rules-table.mjs');
const { ALL_RULES } = createRequire(import.meta.url)(`../${out}`);
const readme = readFileSync('README.md', 'utf8');
const next = readme.replace(/(<!-- rules:start -->\n)[\s\S]*?(<!-- rules:end -->)/, `$1${rulesTable(ALL_RULES)}$2`);
if (next === readme) console.log('README.md rules table is up to date');
else {
  writeFileSync('README.md', next);
  console.log(`README.md rules table rewritten (${ALL_RULES.length} rules)`);
}
