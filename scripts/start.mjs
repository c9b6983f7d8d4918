// `npm start`: the main job on a fresh machine. Builds kubeway, checks the example app in examples/ and
// shows what it finds (the examples contain mistakes on purpose, so errors there do not fail this script),
// writes the traffic diagram of examples/ as an HTML page, and says how to install the VS Code extension.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const cli = join(root, 'dist', 'cli.js');
const bold = (s) => (process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[1m${s}\x1b[0m` : s);

function step(title) {
  console.log(`\n${bold(`== ${title}`)}`);
}

function run(args, options = {}) {
  return spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', ...options });
}

step('Building (esbuild → dist/extension.js, dist/server.js, dist/cli.js)');
const build = run([join(root, 'esbuild.mjs')]);
if (build.status !== 0) {
  console.error('The build failed: see the messages above.');
  process.exit(build.status ?? 1);
}

step('Checking examples/ — a small app with five deliberate mistakes (see examples/README.md)');
console.log(`$ kubeway check examples/\n`);
const check = run([cli, 'check', 'examples/']);
// 1 = errors found, which is expected here; 2 = kubeway could not run.
if (check.status === 2 || check.status === null) {
  console.error('kubeway check could not run: see the message above.');
  process.exit(2);
}

step('Drawing the traffic diagram of examples/ (Ingress → Service → pods)');
const diagram = join(root, 'out', 'examples-diagram.html');
mkdirSync(dirname(diagram), { recursive: true });
const graph = spawnSync(process.execPath, [cli, 'graph', 'examples/', '--format', 'html', '--out', diagram], {
  cwd: root,
  encoding: 'utf8',
});
if (graph.status === 0) {
  console.log(`Written to ${relative(process.cwd(), diagram) || diagram}`);
  console.log(`Open it in a browser: ${pathToFileURL(diagram).href}`);
} else if (/unknown command "graph"/.test(graph.stderr)) {
  console.log('(this build has no `graph` command yet: no diagram)');
} else {
  process.stderr.write(graph.stderr);
  console.log('The diagram could not be drawn: see the message above.');
}

step('Using kubeway');
console.log(`In VS Code: build the extension package and install it:
  npm run package
  code --install-extension kubeway-${pkg.version}.vsix
Then open a folder of Kubernetes manifests: mistakes are underlined as you type.

On the command line (also in CI):
  node dist/cli.js check <files or folders> [--format text|json|sarif]`);
