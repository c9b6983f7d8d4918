/**
 * Where Helm charts are: the folder of the nearest `Chart.yaml` above a file. The CLI and the language
 * server both ask it (one search, so that a chart's templates/ are skipped in both); the engine does no I/O
 * and is given the answer as `chartRoot`.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export class ChartFolders {
  /** Folder → the chart folder found for it (checked once per folder). */
  private readonly found = new Map<string, string | undefined>();

  /**
   * The nearest folder at or above `dir` (an absolute path) that holds a `Chart.yaml`, not looking above
   * `top` when given; undefined when there is none.
   */
  chartFolderOf(dir: string, top?: string): string | undefined {
    if (this.found.has(dir)) return this.found.get(dir);
    const parent = dirname(dir);
    const atTop = parent === dir || (top !== undefined && !isInside(top, parent));
    const chart = existsSync(join(dir, 'Chart.yaml')) ? dir : atTop ? undefined : this.chartFolderOf(parent, top);
    this.found.set(dir, chart);
    return chart;
  }

  /** Forgets what was found (a Chart.yaml came or went). */
  clear(): void {
    this.found.clear();
  }
}

/** Whether `path` is `folder` or inside it. */
function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !/^([a-zA-Z]:|[\\/])/.test(rel));
}
