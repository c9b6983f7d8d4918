/**
 * Glob patterns as VS Code settings write them (`**` any folders, `*` and `?` within a name, `{a,b}`,
 * `[abc]`), matched against paths relative to a workspace folder with `/` separators.
 */

function escape(c: string): string {
  return /[.+^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

/** Translates one glob into a regular expression source (anchored by the caller). */
function globSource(glob: string): string {
  let out = '';
  let i = 0;
  let braces = 0;
  while (i < glob.length) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` anything at all.
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:[^/]*(?:/|$))*' : '.*';
        i += slash ? 3 : 2;
        continue;
      }
      out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close === -1) out += '\\[';
      else {
        let body = glob.slice(i + 1, close);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        out += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else out += escape(c);
    i++;
  }
  return out;
}

export class GlobSet {
  private readonly patterns: RegExp[];

  constructor(globs: readonly string[]) {
    this.patterns = globs
      .filter((g) => typeof g === 'string' && g.trim() !== '')
      .map((g) => {
        let p = g.trim().replace(/\\/g, '/');
        if (p.startsWith('./')) p = p.slice(2);
        // A pattern without a folder part matches at any depth, as in .gitignore and files.exclude.
        if (!p.includes('/')) p = `**/${p}`;
        return new RegExp(`^${globSource(p)}$`);
      });
  }

  get empty(): boolean {
    return this.patterns.length === 0;
  }

  /** Whether the path itself matches. */
  matches(relPath: string): boolean {
    const p = relPath.replace(/\\/g, '/');
    return this.patterns.some((re) => re.test(p));
  }

  /** Whether the path or one of its parent folders matches (an excluded folder excludes what is in it). */
  matchesOrParent(relPath: string): boolean {
    const p = relPath.replace(/\\/g, '/');
    if (this.matches(p)) return true;
    for (let i = p.indexOf('/'); i !== -1; i = p.indexOf('/', i + 1)) if (this.matches(p.slice(0, i))) return true;
    return false;
  }
}
