/**
 * The snippets the server offers where an object can start, read once from snippets/kubernetes.json next to
 * the bundle (dist/../snippets in the .vsix, or the checkout's snippets/ when run from out/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ObjectSnippet } from '../engine/editor/objectStart';

let loaded: readonly ObjectSnippet[] | undefined;

/** The snippet file: the first snippets/kubernetes.json found from this module's folder upwards. */
export function snippetFile(from: string = __dirname): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const p = join(dir, 'snippets', 'kubernetes.json');
    if (existsSync(p)) return p;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Reads the snippets (once); a missing or unreadable file gives none and a logged reason. */
export function objectSnippets(log: (message: string) => void = () => undefined): readonly ObjectSnippet[] {
  if (loaded) return loaded;
  const file = snippetFile();
  try {
    if (!file) throw new Error('snippets/kubernetes.json not found');
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, ObjectSnippet>;
    loaded = Object.values(data).filter(
      (s) => typeof s.prefix === 'string' && (typeof s.body === 'string' || Array.isArray(s.body)),
    );
  } catch (error) {
    log(`kubeway: no snippets: ${(error as Error).message}`);
    loaded = [];
  }
  return loaded;
}
