import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { decodeManifestBytes } from '../engine/parse/decode';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Workspace } from '../engine/model/workspace';
import { LinkPolicy } from '../symlinks';
import { ChartFolders } from '../charts';
import type { SkippedLink } from '../symlinks';
import { escapeControls } from '../engine/text';

const MANIFEST = /\.ya?ml$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

/** The path that stands for standard input (`helm template . | kubeway check -`). */
export const STDIN = '-';

/** Thrown for paths that cannot be read; the CLI turns it into exit code 2. */
export class InputError extends Error {}

export interface CollectOptions {
  /** Follow symbolic links that lead outside the folders given too (`--follow-symlinks`). */
  followSymlinks?: boolean;
  /** Receives the links that were not followed because they lead outside the folders given. */
  skippedLinks?: SkippedLink[];
  /** Receives the files and folders that cannot be read (the others are still read). */
  unreadable?: string[];
}

/**
 * Expands files and folders into the list of manifest files (folders: *.yaml / *.yml, recursively). Links
 * are treated as the language server treats them (../symlinks.ts): followed inside the folders given, each
 * folder walked once. A file named explicitly is read whatever its extension, link or not. A folder that cannot
 * be read is added to `options.unreadable` (when given; else it is an InputError) and the others are still scanned.
 */
export function collectFiles(args: string[], options: CollectOptions = {}): string[] {
  const unreadable = options.unreadable;
  const out = new Map<string, string>();
  const add = (p: string): void => {
    const key = p === STDIN ? STDIN : resolve(p);
    if (!out.has(key)) out.set(key, p);
  };
  const roots: string[] = [];
  for (const arg of args) {
    try {
      if (arg !== STDIN && statSync(arg).isDirectory()) roots.push(realpathSync(arg));
    } catch {
      // reported below, in the order given
    }
  }
  const links = new LinkPolicy(roots, options.followSymlinks);
  const walk = (dir: string): void => {
    let real: string;
    let entries;
    try {
      real = realpathSync(dir);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      const message = `cannot read folder ${dir}: ${(e as Error).message}`;
      if (!unreadable) throw new InputError(message);
      unreadable.push(message);
      return;
    }
    if (!links.enter(real)) return;
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          const st = statSync(p);
          isDir = st.isDirectory();
          isFile = st.isFile();
          target = realpathSync(p);
        } catch {
          continue; // a dangling link found while scanning is not something the user asked for
        }
        const wanted = isDir ? !SKIP_DIRS.has(entry.name) : isFile && MANIFEST.test(entry.name);
        if (!wanted || !links.follow(p, target)) continue;
      }
      if (isDir) {
        if (!SKIP_DIRS.has(entry.name)) walk(p);
      } else if (isFile && MANIFEST.test(entry.name)) {
        add(p);
      }
    }
  };
  for (const arg of args) {
    if (arg === STDIN) {
      add(STDIN);
      continue;
    }
    let st;
    try {
      st = statSync(arg);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new InputError(
        code === 'ENOENT' || code === 'ENOTDIR'
          ? `no such file or folder: ${arg}`
          : `cannot read ${arg}: ${(e as Error).message}`,
      );
    }
    if (st.isDirectory()) walk(arg);
    else add(arg);
  }
  options.skippedLinks?.push(...links.outside);
  return [...out.values()];
}

/** A file's text as kubectl decodes it (UTF-8, or UTF-16 by its byte order mark), without the mark. */
export function readText(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path === STDIN ? 0 : path);
  } catch (e) {
    throw new InputError(`cannot read ${path === STDIN ? 'standard input' : path}: ${(e as Error).message}`);
  }
  return decodeManifestBytes(bytes);
}

/** A path as shown to the user: relative to the working folder when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  if (path === STDIN) return '<stdin>';
  const abs = resolve(path);
  const rel = relative(cwd, abs);
  return rel && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel) ? rel : abs;
}

const charts = new ChartFolders();

/**
 * The folder of the nearest `Chart.yaml` above a file (a Helm chart), named like displayPath names files
 * ('' for the working folder), or undefined when there is none: the engine skips the chart's templates/.
 */
export function chartRootOf(path: string, cwd = process.cwd()): string | undefined {
  if (path === STDIN) return undefined;
  const dir = charts.chartFolderOf(dirname(resolve(path)));
  if (dir === undefined) return undefined;
  const rel = relative(cwd, dir);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel) ? rel : dir;
}

/** Loads every file given into one workspace; paths are stored as the user will see them. */
/**
 * Files and folders that cannot be read are listed in `options.unreadable` (the others are still read and
 * reported: the caller names these on stderr and exits 2); without the list, the first one is an InputError.
 */
export function loadWorkspace(paths: string[], options: CollectOptions = {}): Workspace {
  const ws = new Workspace();
  const unreadable = options.unreadable;
  for (const f of collectFiles(paths, options)) {
    let text: string;
    try {
      text = readText(f);
    } catch (e) {
      if (!unreadable || !(e instanceof InputError)) throw e;
      unreadable.push(e.message);
      continue;
    }
    ws.setText(displayPath(f), text, { chartRoot: chartRootOf(f) });
  }
  return ws;
}

/** Names the files that could not be read, after the report of the others; true when there were any (exit code 2). */
export function reportUnreadable(unreadable: string[], err: (s: string) => void): boolean {
  for (const message of unreadable) err(`kubeway: ${escapeControls(message)}`);
  const s = unreadable.length === 1 ? '' : 's';
  if (unreadable.length)
    err(`kubeway: ${unreadable.length} file${s} or folder${s} could not be read; the report covers the others`);
  return unreadable.length > 0;
}
