// Writes each rule's documentation page, docs/rules/<id>.md, from the rule's declaration (see
// server/src/engine/ruleDocs.ts), and removes pages of rules that no longer exist.
//   npm run docs
// test/unit/rules/docs.test.ts fails when a committed page is out of date.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const out = 'out/rule-pages.cjs';
await build({
  stdin: {
    contents:
      "export { ALL_RULES } from './server/src/engine/rules/registry'; export { rulePage } from './server/src/engine/ruleDocs';",
    resolveDir: '.',
    loader: 'ts',
  },
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  logLevel: 'warning',
});
const { ALL_RULES, rulePage } = createRequire(import.meta.url)(`../${out}`);
const dir = join('docs', 'rules');
mkdirSync(dir, { recursive: true });
let written = 0;
const pages = new Set();
for (const rule of ALL_RULES) {
  const file = join(dir, `${rule.id}.md`);
  pages.add(`${rule.id}.md`);
  const text = rulePage(rule);
  if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
  writeFileSync(file, text);
  written++;
}
let removed = 0;
for (const name of readdirSync(dir)) {
  if (name.endsWith('.md') && !pages.has(name)) {
    rmSync(join(dir, name));
    removed++;
  }
}
console.log(
  `docs/rules: ${ALL_RULES.length} rules, ${written} page${written === 1 ? '' : 's'} written, ${removed} removed`,
);
