/** Lists the manifest files of the workspace folders (include/exclude globs), without blocking the server. */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { GlobSet } from './glob';

/** Folders never worth reading, whatever the settings say. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.vscode-test']);

export interface ManifestFileEntry {
  path: string;
  size: number;
}

/** The files under a folder that the globs select, with their sizes, in a stable order. */
export async function listManifestFiles(root: string, include: GlobSet, exclude: GlobSet, isCancelled: () => boolean = () => false): Promise<ManifestFileEntry[]> {
  const out: ManifestFileEntry[] = [];
  const walk = async (dir: string): Promise<void> => {
    if (isCancelled()) return;
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
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED.has(entry.name) || exclude.matches(rel) || exclude.matches(`${rel}/`)) continue;
        await walk(path);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && include.matches(rel) && !exclude.matchesOrParent(rel)) {
        try {
          const st = await stat(path);
          if (st.isFile()) out.push({ path, size: st.size });
        } catch {
          // a dangling link, or gone meanwhile
        }
      }
    }
  };
  await walk(root);
  return out;
}
