/** `kubeway graph`: the traffic diagram of a set of manifests, as JSON, a standalone SVG or a self-contained HTML page. */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { buildGraph } from '../engine/graph/build';
import { buildRoutingTable } from '../engine/route/table';
import { renderPage } from '../engine/graph/html';
import { layoutGraphSync } from '../engine/graph/layout';
import { renderSvg } from '../engine/graph/render';
import { UsageError } from './args';
import { InputError, loadWorkspace, reportUnreadable } from './files';
import { escapeJsonControls } from '../engine/text';
import type { ParsedArgs } from './args';

const FORMATS = ['json', 'svg', 'html'];

export function graphCommand(
  args: ParsedArgs,
  out: (s: string) => void,
  err: (s: string) => void = () => undefined,
): number {
  const format = args.options.get('format') ?? 'json';
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format "${format}" (json, svg or html)`);
  if (args.paths.length === 0) throw new UsageError('graph needs at least one file or folder');
  const outFile = args.options.get('out');
  if (outFile === '') throw new UsageError('--out needs a file name');
  const unreadable: string[] = [];
  const ws = loadWorkspace(args.paths, { unreadable, followSymlinks: args.options.has('follow-symlinks') });
  const graph = buildGraph(ws);
  let text: string;
  if (format === 'json') {
    text = escapeJsonControls(JSON.stringify(graph, null, 2));
  } else {
    const layout = layoutGraphSync(graph);
    if (format === 'svg') {
      text = renderSvg(layout, { standalone: true });
    } else {
      const title = `Traffic diagram: ${args.paths.map((p) => basename(p) || p).join(', ')}`;
      text = renderPage({
        nonce: randomBytes(18).toString('base64'),
        title,
        svg: renderSvg(layout, { standalone: false }),
        routes: buildRoutingTable(ws),
      });
    }
  }
  if (outFile !== undefined) {
    try {
      writeFileSync(outFile, text.endsWith('\n') ? text : text + '\n');
    } catch (e) {
      throw new InputError(`cannot write ${outFile}: ${(e as Error).message}`);
    }
  } else out(text);
  return reportUnreadable(unreadable, err) ? 2 : 0;
}
