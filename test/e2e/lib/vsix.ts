/** Builds the .vsix with the project's own `npm run package` command line, and reads what is inside it. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { cacheDir, root } from './workbench';

export const VSIX_PATH = join(cacheDir, 'kubeway-e2e.vsix');

/** The files the .vsix is made of: when none is newer than the last package, it is reused. */
function inputs(): string[] {
  const dirs = ['dist', 'snippets', 'syntaxes', 'images'].map((d) => join(root, d));
  const files = ['package.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE'].map((f) => join(root, f));
  const walk = (d: string): string[] =>
    existsSync(d) ? readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)])) : [];
  return [...files.filter(existsSync), ...dirs.flatMap(walk)];
}

export interface VsixBuild {
  path: string;
  bytes: number;
  seconds: number;
  output: string;
}

/** `npm run package`'s command, writing to .vscode-test/ (vsce's prepublish step runs `npm run build` first). */
export function packageVsix(): VsixBuild {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const script: string = pkg.scripts?.package ?? '';
  if (!/^vsce package\b/.test(script)) throw new Error(`package.json's "package" script is not a vsce package command: ${script}`);
  if (existsSync(VSIX_PATH)) {
    const built = statSync(VSIX_PATH).mtimeMs;
    if (inputs().every((f) => statSync(f).mtimeMs <= built)) return { path: VSIX_PATH, bytes: statSync(VSIX_PATH).size, seconds: 0, output: '(reused)' };
  }
  mkdirSync(cacheDir, { recursive: true });
  rmSync(VSIX_PATH, { force: true });
  const args = script.split(/\s+/).slice(1); // package --no-dependencies ...
  const started = Date.now();
  const r = spawnSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), ...args, '--out', VSIX_PATH], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
    timeout: 5 * 60_000,
  });
  const output = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0 || !existsSync(VSIX_PATH)) throw new Error(`vsce package failed (exit ${r.status}):\n${output}`);
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
