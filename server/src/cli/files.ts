import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const MANIFEST = /\.ya?ml$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

/** Thrown for paths that cannot be read; the CLI turns it into exit code 2. */
export class InputError extends Error {}

/** Expands files and folders into the list of manifest files (folders: *.yaml / *.yml, recursively). */
export function collectFiles(args: string[]): string[] {
  const out = new Set<string>();
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new InputError(`cannot read folder ${dir}: ${(e as Error).message}`);
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(p);
      } else if (MANIFEST.test(entry.name) && (entry.isFile() || entry.isSymbolicLink())) {
        out.add(p);
      }
    }
  };
  for (const arg of args) {
    let st;
    try {
      st = statSync(arg);
    } catch {
      throw new InputError(`no such file or folder: ${arg}`);
    }
    if (st.isDirectory()) walk(arg);
    else out.add(arg);
  }
  return [...out];
}

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${(e as Error).message}`);
  }
}

/** A path as shown to the user: relative to the working folder when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const abs = resolve(path);
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') ? rel : abs;
}
