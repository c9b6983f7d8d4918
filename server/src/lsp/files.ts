/**
 * Names of files in the engine's Workspace. A file inside a workspace folder is named by its path relative
 * to that folder (prefixed by the folder's name when there are several), as `kubeway check` run in the
 * folder names it, so that messages and the CLI's output agree; other files by their file system path, and
 * documents that are not files (untitled) by their URI.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeManifestBytes } from '../engine/parse/decode';
import { ChartFolders } from '../charts';

/** A manifest file's text from disk, decoded as kubectl decodes it (UTF-8, or UTF-16 by its byte order mark), as the CLI reads it. */
export async function readManifestText(path: string): Promise<string> {
  return decodeManifestBytes(await readFile(path));
}

export interface WorkspaceFolderInfo {
  uri: string;
  name: string;
  /** File system path of the folder. */
  path: string;
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class FileNames {
  private folders: WorkspaceFolderInfo[] = [];
  private readonly uriByName = new Map<string, string>();
  private readonly charts = new ChartFolders();

  setFolders(folders: { uri: string; name?: string }[]): void {
    this.charts.clear();
    this.folders = folders.flatMap((f) => {
      const path = uriToPath(f.uri);
      return path ? [{ uri: f.uri, name: f.name || basename(path), path }] : [];
    });
  }

  get workspaceFolders(): readonly WorkspaceFolderInfo[] {
    return this.folders;
  }

  /** The folder holding a file system path, and the path relative to it (with `/`). */
  folderOf(path: string): { folder: WorkspaceFolderInfo; rel: string } | undefined {
    let best: { folder: WorkspaceFolderInfo; rel: string } | undefined;
    for (const folder of this.folders) {
      const rel = relative(folder.path, path);
      if (
        rel === '' ||
        rel.startsWith('..') ||
        rel.startsWith(sep + sep) ||
        /^[a-zA-Z]:/.test(rel) ||
        rel.startsWith('/')
      )
        continue;
      // The innermost folder wins (nested workspace folders).
      if (!best || folder.path.length > best.folder.path.length) best = { folder, rel: rel.split(sep).join('/') };
    }
    return best;
  }

  /** The Workspace name of a document URI. */
  nameOf(uri: string): string {
    const path = uriToPath(uri);
    let name: string;
    if (!path) name = uri;
    else {
      const inFolder = this.folderOf(path);
      if (!inFolder) name = path;
      else {
        const rel = inFolder.rel.split('/').join(sep);
        name = this.folders.length > 1 ? `${inFolder.folder.name}${sep}${rel}` : rel;
      }
    }
    this.uriByName.set(name, uri);
    return name;
  }

  /** The name of a file found on disk. */
  nameOfPath(path: string): string {
    return this.nameOf(pathToFileURL(path).href);
  }

  /**
   * The folder of the nearest `Chart.yaml` above a file, not above its workspace folder (as `kubeway check`
   * run in that folder finds it), named like files are ('' for the folder itself), or undefined: the engine
   * skips a chart's templates/.
   */
  chartRootOf(name: string): string | undefined {
    const path = uriToPath(this.uriOf(name));
    if (!path) return undefined;
    const inFolder = this.folderOf(path);
    if (!inFolder) return this.charts.chartFolderOf(dirname(path));
    const dir = this.charts.chartFolderOf(dirname(path), inFolder.folder.path);
    if (dir === undefined) return undefined;
    const rel = relative(inFolder.folder.path, dir);
    if (this.folders.length === 1) return rel;
    return rel ? `${inFolder.folder.name}${sep}${rel}` : inFolder.folder.name;
  }

  /** A Chart.yaml came or went: the charts are looked for again. */
  forgetCharts(): void {
    this.charts.clear();
  }

  /** The URI of a Workspace name (the one the client used when it named the document). */
  uriOf(name: string): string {
    const known = this.uriByName.get(name);
    if (known) return known;
    return name.includes(':') && !/^[a-zA-Z]:[\\/]/.test(name) ? name : pathToFileURL(name).href;
  }

  /** Remembers the URI the client uses for a document (it may encode characters differently). */
  rememberUri(name: string, uri: string): void {
    this.uriByName.set(name, uri);
  }
}
