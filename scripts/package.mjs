// `npm run package`: builds the .vsix from a staging folder that holds only what the extension ships, so that
// vsce (which walks every file under its working folder before applying .vscodeignore) never walks
// .vscode-test/, node_modules/ or test output. The staged README is the user-facing one (docs/extension/README.md
// with the settings and rules tables of README.md), its pictures inlined as data: URLs: VS Code's extension page
// shows only https: and data: images, and the package has no public repository to point https links at.
//   node scripts/package.mjs [--out file.vsix] [--no-build]   (--no-build: package the dist/ as it is)
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = outAt !== -1 ? resolve(args[outAt + 1]) : join(root, `${pkg.name}-${pkg.version}.vsix`);

/** The files the .vsix holds: the `!` lines of .vscodeignore (a file, or `dir/*.ext`). */
export function shippedFiles() {
  const patterns = readFileSync(join(root, '.vscodeignore'), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('!'))
    .map((l) => l.slice(1));
  const files = [];
  for (const p of patterns) {
    const star = p.lastIndexOf('*');
    if (star === -1) {
      if (existsSync(join(root, p))) files.push(p);
      continue;
    }
    const dir = p.slice(0, p.lastIndexOf('/', star));
    const re = new RegExp(
      `^${p
        .slice(dir.length + 1)
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')}$`,
    );
    if (!existsSync(join(root, dir))) continue;
    for (const name of readdirSync(join(root, dir)).sort()) if (re.test(name)) files.push(`${dir}/${name}`);
  }
  return files;
}

/** A section of README.md between two markers or from a heading to the next heading of its level. */
function readmeSection(readme, heading) {
  const start = readme.indexOf(`${heading}\n`);
  if (start === -1) throw new Error(`package: README.md has no "${heading}" section`);
  const level = heading.match(/^#+/)[0];
  const rest = readme.slice(start + heading.length + 1);
  const next = rest.search(new RegExp(`^#{1,${level.length}} `, 'm'));
  return next === -1 ? rest : rest.slice(0, next);
}

/** The user-facing README: its pictures as data: URLs, the settings and rules tables taken from README.md. */
export function packageReadme() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8').replace(/\r\n/g, '\n');
  const settings = readmeSection(readme, '### Settings').trim();
  const rules = readme
    .slice(readme.indexOf('<!-- rules:start -->') + '<!-- rules:start -->'.length, readme.indexOf('<!-- rules:end -->'))
    .trim();
  const source = join(root, 'docs/extension/README.md');
  let text = readFileSync(source, 'utf8').replace('<!-- settings -->', settings).replace('<!-- rules -->', rules);
  text = text.replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (all, alt, src) => {
    if (/^[a-z]+:/i.test(src)) return all;
    const file = resolve(dirname(source), src);
    const type = /\.png$/i.test(file) ? 'image/png' : /\.jpe?g$/i.test(file) ? 'image/jpeg' : undefined;
    if (!type) throw new Error(`package: ${src}: only PNG and JPEG pictures can be inlined`);
    return `![${alt}](data:${type};base64,${readFileSync(file).toString('base64')})`;
  });
  // Links to files of the repository (the rules' pages) cannot be followed from the extension page: their text stays.
  text = text.replace(/(?<!!)\[([^\]]*)\]\((?![a-z]+:|#)[^)\s]+\)/gi, '$1');
  return text;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!args.includes('--no-build')) {
    const built = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const stage = mkdtempSync(join(tmpdir(), 'kubeway-package-'));
  let status;
  try {
    for (const f of shippedFiles()) {
      if (f === 'README.md') continue;
      mkdirSync(dirname(join(stage, f)), { recursive: true });
      copyFileSync(join(root, f), join(stage, f));
    }
    writeFileSync(join(stage, 'README.md'), packageReadme());
    // Built above: the staged manifest has no prepublish step (the stage has no sources to build).
    const staged = {
      ...pkg,
      scripts: Object.fromEntries(Object.entries(pkg.scripts ?? {}).filter(([k]) => k !== 'vscode:prepublish')),
    };
    writeFileSync(join(stage, 'package.json'), `${JSON.stringify(staged, null, 2)}\n`);
    writeFileSync(join(stage, '.vscodeignore'), readFileSync(join(root, '.vscodeignore')));
    symlinkSync(join(root, 'node_modules'), join(stage, 'node_modules'));
    mkdirSync(dirname(out), { recursive: true });
    const r = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/@vscode/vsce/vsce'),
        'package',
        '--no-dependencies',
        '--allow-missing-repository',
        '--no-rewrite-relative-links',
        '--out',
        out,
      ],
      {
        cwd: stage,
        stdio: 'inherit',
        env: { ...process.env, npm_config_update_notifier: 'false' },
      },
    );
    status = r.status ?? 1;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  process.exit(status);
}
