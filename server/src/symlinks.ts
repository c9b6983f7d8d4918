/**
 * How the CLI and the language server treat symbolic links while they walk the folders they are given (one
 * policy, so that a folder gives the same findings in both): a link whose target is inside one of those
 * folders is followed; a link leading outside is not, unless asked (`--follow-symlinks`,
 * `kubeway.files.followSymlinks`), and is reported; a folder reached twice (a link back up the tree, two
 * links to one folder) is walked once.
 */
import { relative, sep } from 'node:path';

export interface SkippedLink {
  /** The link as found in the walk. */
  path: string;
  /** Where it leads (its real path). */
  target: string;
}

export class LinkPolicy {
  /** Links not followed because they lead outside the folders given. */
  readonly outside: SkippedLink[] = [];
  private readonly seenDirs = new Set<string>();

  /**
   * @param roots real paths (fs.realpath) of the folders given
   * @param followOutside follow links that lead outside them too
   */
  constructor(
    private readonly roots: readonly string[],
    private readonly followOutside = false,
  ) {}

  /** Whether a real path is one of the roots or inside one. */
  inside(real: string): boolean {
    return this.roots.some((root) => {
      const rel = relative(root, real);
      return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !/^([a-zA-Z]:|[\\/])/.test(rel));
    });
  }

  /** Whether to follow a link (to a file or a folder) found at `path` whose real target is `target`. */
  follow(path: string, target: string): boolean {
    if (this.followOutside || this.inside(target)) return true;
    this.outside.push({ path, target });
    return false;
  }

  /** Whether to walk a folder (by its real path): false when it was walked already. */
  enter(realDir: string): boolean {
    if (this.seenDirs.has(realDir)) return false;
    this.seenDirs.add(realDir);
    return true;
  }
}

/** One line naming the links that were not followed (undefined when there are none). */
export function describeSkippedLinks(skipped: readonly SkippedLink[], how: string): string | undefined {
  if (skipped.length === 0) return undefined;
  const shown = skipped.slice(0, 5).map((l) => `${l.path} → ${l.target}`);
  const more = skipped.length > 5 ? `, and ${skipped.length - 5} more` : '';
  return `not following ${skipped.length} symbolic link${skipped.length === 1 ? '' : 's'} that lead${skipped.length === 1 ? 's' : ''} outside the folders given (${how} follows them): ${shown.join(', ')}${more}`;
}
