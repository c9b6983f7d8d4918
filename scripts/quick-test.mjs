// Runs chosen test files straight from TypeScript, without type-checking the whole project:
//   node scripts/quick-test.mjs test/unit/rules/service-type.test.ts [more.test.ts ...]
// Each file is bundled with esbuild into out/quick/ and run with node's test runner. `npm test` is the full run.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: node scripts/quick-test.mjs <test.ts>...');
  process.exit(2);
}
const outs = [];
for (const f of files) {
  const outfile = join('out/quick', f.replace(/[\\/]/g, '__').replace(/\.ts$/, '.js'));
  await build({
    entryPoints: [f],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
    external: ['vscode'],
  });
  outs.push(outfile);
}
const r = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-reporter=spec', ...outs], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
