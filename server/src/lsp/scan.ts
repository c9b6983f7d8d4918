/** Lists the manifest files of the workspace folders (include/exclude globs), without blocking the server. */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { LinkPolicy } from '../symlinks';
import type { GlobSet } from './glob';

/** Folders never worth reading, whatever the settings say. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.vscode-test']);

export interface ManifestFileEntry {
  path: string;
  size: number;
}

/**
 * The files under a folder that the globs select, with their sizes, in a stable order. Symbolic links are
 * followed as `links` says (the CLI's policy, ../symlinks.ts); without it, a fresh policy for this folder alone.
 */
export async function listManifestFiles(
  root: string,
  include: GlobSet,
  exclude: GlobSet,
  isCancelled: () => boolean = () => false,
  links?: LinkPolicy,
): Promise<ManifestFileEntry[]> {
  const out: ManifestFileEntry[] = [];
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return out; // the folder is gone
  }
  const policy = links ?? new LinkPolicy([realRoot]);
  const skippedDir = (name: string, rel: string): boolean =>
    ALWAYS_SKIPPED.has(name) || exclude.matches(rel) || exclude.matches(`${rel}/`);
  const selectedFile = (rel: string): boolean => include.matches(rel) && !exclude.matchesOrParent(rel);
  const walk = async (dir: string, realDir: string): Promise<void> => {
    if (isCancelled() || !policy.enter(realDir)) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable or vanished: nothing to index there
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const rel = relative(root, path).split(sep).join('/');
      let isDir = entry.isDirectory();
      let real = join(realDir, entry.name);
      if (entry.isSymbolicLink()) {
        try {
          const st = await stat(path);
          isDir = st.isDirectory();
          if (isDir ? skippedDir(entry.name, rel) : !(st.isFile() && selectedFile(rel))) continue;
          real = await realpath(path);
        } catch {
          continue; // a dangling link, or gone meanwhile
        }
        if (!policy.follow(path, real)) continue;
      }
      if (isDir) {
        if (!skippedDir(entry.name, rel)) await walk(path, real);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && selectedFile(rel)) {
        try {
          const st = await stat(path);
          if (st.isFile()) out.push({ path, size: st.size });
        } catch {
          // gone meanwhile
        }
      }
    }
  };
  await walk(root, realRoot);
  return out;
}
