/** Builds the .vsix with the project's own `npm run package` command line, and reads what is inside it. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { cacheDir, root } from './workbench';

export const VSIX_PATH = join(cacheDir, 'kubeway-e2e.vsix');

/** What does not change the .vsix: not part of any build, or the build's output (dist/ is added by name). */
const NOT_STAGED = new Set([
  '.git',
  'node_modules',
  'out',
  'dist',
  '.vscode-test',
  'test-artifacts',
  '.scratch',
  'test',
  'bench',
  'examples',
]);

export interface VsixBuild {
  path: string;
  bytes: number;
  seconds: number;
  output: string;
}

/**
 * Runs `npm run package` (scripts/package.mjs, which stages the shipped files and runs vsce there) on the
 * dist/ that the test run built, without building again, so that packaging never rewrites the dist/ that
 * other tests are running. The .vsix is reused while no file of the tree has changed.
 */
export function packageVsix(): VsixBuild {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const script: string = pkg.scripts?.package ?? '';
  if (script !== 'node scripts/package.mjs')
    throw new Error(`package.json's "package" script is not scripts/package.mjs: ${script}`);
  for (const f of ['dist/extension.js', 'dist/server.js'])
    if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run npm run build first`);
  const files: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (NOT_STAGED.has(r) || r.endsWith('.vsix')) continue;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) files.push(r);
    }
  };
  walk('');
  for (const f of readdirSync(join(root, 'dist'))) files.push(`dist/${f}`);
  const stat = (f: string) => statSync(join(root, f));
  const key = createHash('sha256')
    .update(script)
    .update(files.map((f) => `${f} ${stat(f).size} ${stat(f).mtimeMs}`).join('\n'))
    .digest('hex');
  const keyFile = `${VSIX_PATH}.key`;
  if (existsSync(VSIX_PATH) && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key) {
    return { path: VSIX_PATH, bytes: statSync(VSIX_PATH).size, seconds: 0, output: '(reused)' };
  }
  rmSync(VSIX_PATH, { force: true });
  const started = Date.now();
  const r = spawnSync(process.execPath, [join(root, 'scripts/package.mjs'), '--no-build', '--out', VSIX_PATH], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
    timeout: 5 * 60_000,
  });
  const output = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0 || !existsSync(VSIX_PATH))
    throw new Error(`npm run package failed (exit ${r.status}):\n${output}`);
  writeFileSync(keyFile, key);
  return { path: VSIX_PATH, bytes: statSync(VSIX_PATH).size, seconds: (Date.now() - started) / 1000, output };
}

export interface ZipEntry {
  name: string;
  size: number;
  read(): Buffer;
}

/** The entries of a zip file (the central directory; stored and deflated entries can be read). */
export function zipEntries(file: string): ZipEntry[] {
  const zip = readFileSync(file);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('bad zip central directory');
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    entries.push({
      name,
      size,
      read: () => {
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const data = new Uint8Array(zip.buffer, zip.byteOffset + start, compressed);
        return method === 0 ? Buffer.from(data) : inflateRawSync(data);
      },
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}
