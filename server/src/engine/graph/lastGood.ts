/**
 * While a file is being typed it is often not valid YAML. The diagram keeps drawing that file's last good
 * version (and says so) instead of dropping its objects: a shadow workspace follows the live one, file by
 * file, except for files that currently have a syntax error.
 */
import type { ManifestFile } from '../parse/manifestFile';
import { Workspace } from '../model/workspace';

export interface StaleFile {
  file: string;
  /** 0-based line of the syntax error. */
  line: number;
  message: string;
}

const SYNTAX_CODES = new Set(['yaml-syntax', 'yaml-tab-indent']);

function syntaxProblem(file: ManifestFile): { line: number; message: string } | undefined {
  const p = file.problems.find((x) => SYNTAX_CODES.has(x.code));
  return p ? { line: file.lines.position(p.start).line, message: p.message } : undefined;
}

export class LastGoodWorkspace {
  private readonly shadow = new Workspace();
  /** The live ManifestFile last looked at, per path (unchanged files are skipped by identity). */
  private readonly seen = new Map<string, ManifestFile>();
  private readonly stale = new Map<string, StaleFile>();
  /** Paths whose shadow version parsed without a syntax error. */
  private readonly good = new Set<string>();

  /** Brings the shadow up to date with the live workspace; returns it with the files drawn from an older version. */
  sync(live: Workspace): { workspace: Workspace; stale: StaleFile[] } {
    const livePaths = new Set<string>();
    for (const model of live.fileModels) {
      const path = model.file.path;
      livePaths.add(path);
      if (this.seen.get(path) === model.file) continue;
      this.seen.set(path, model.file);
      const problem = syntaxProblem(model.file);
      if (problem && this.good.has(path)) {
        this.stale.set(path, { file: path, ...problem });
      } else {
        // Good, or no good version yet: draw what can be read of this one.
        this.shadow.setFile(model.file);
        this.stale.delete(path);
        if (problem) this.good.delete(path);
        else this.good.add(path);
      }
    }
    for (const path of [...this.seen.keys()]) {
      if (livePaths.has(path)) continue;
      this.seen.delete(path);
      this.stale.delete(path);
      this.good.delete(path);
      this.shadow.remove(path);
    }
    return { workspace: this.shadow, stale: [...this.stale.values()] };
  }
}
