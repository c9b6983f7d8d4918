// Bundles the extension, the language server and the CLI into dist/: one file each, no node_modules needed.
import { build, context } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  define: { KUBEWAY_VERSION: JSON.stringify(pkg.version) },
  // yaml's CommonJS build (what `node` resolves) reads `process.env.LOG_TOKENS` on every token and
  // `LOG_STREAM` on every document through `require('process')`, which `define` cannot reach; process.env
  // reads are slow in Node (about a quarter of the parse time). Its ES module build is the same code
  // without those debugging hooks, and esbuild links its functions directly instead of through getters.
  alias: { yaml: fileURLToPath(new URL('./node_modules/yaml/browser/dist/index.js', import.meta.url)) },
  minifyWhitespace: false,
};

const bundles = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  // The diagram's layout runs in a worker thread of the server (server/src/lsp/layoutRunner.ts).
  { ...common, entryPoints: ['server/src/lsp/layoutWorker.ts'], outfile: 'dist/layoutWorker.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
];

// `npm run watch` (node esbuild.mjs --watch): rebuilds a bundle whenever one of its sources changes.
if (process.argv.includes('--watch')) {
  for (const options of bundles) await (await context({ ...options, logLevel: 'info' })).watch();
  console.log('watching for changes (Ctrl+C to stop)');
} else {
  await Promise.all(bundles.map((options) => build(options)));
  // The debugging hooks must stay out of the server and the CLI (a yaml upgrade could bring them back).
  for (const out of ['dist/server.js', 'dist/cli.js']) {
    if (/LOG_TOKENS|LOG_STREAM/.test(readFileSync(out, 'utf8')))
      throw new Error(`${out}: yaml's process.env debugging hooks are bundled`);
  }
}
