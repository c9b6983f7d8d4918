/** `kubeway route <url> <file|dir>...`: where a request goes, from the Ingress controllers (or a Service name, a node port) to the pods. */
import { buildRoutingTable, formatRouteText, parseHeader, parseRequest, traceWithTable } from '../engine/route';
import { UsageError, rejectUnknownOptions } from './args';
import type { ParsedArgs } from './args';
import { loadWorkspace } from './files';

const FORMATS = ['text', 'json'];

export function routeCommand(args: ParsedArgs, out: (s: string) => void, err: (s: string) => void): number {
  rejectUnknownOptions(args, ['class', 'header', 'method', 'format']);
  const format = args.options.get('format') ?? 'text';
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format "${format}" (text or json)`);
  const [url, ...paths] = args.paths;
  if (url === undefined)
    throw new UsageError('route needs a URL, e.g. kubeway route https://shop.example.com/cart k8s/');
  if (paths.length === 0) throw new UsageError('route needs at least one file or folder after the URL');
  const headers: [string, string][] = [];
  for (const [name, value] of args.optionList) {
    if (name !== 'header') continue;
    const h = parseHeader(value);
    if (!h) throw new UsageError(`--header takes NAME:VALUE (got "${value}")`);
    headers.push(h);
  }
  const method = args.options.get('method');
  if (method === '') throw new UsageError('--method needs a method, e.g. --method POST');
  const request = parseRequest(url, { method, headers });
  if (typeof request === 'string') throw new UsageError(`cannot trace ${url}: ${request}`);
  const ws = loadWorkspace(paths);
  if (ws.paths.length === 0) err(`kubeway: no *.yaml or *.yml files in ${paths.join(', ')}`);
  const report = traceWithTable(buildRoutingTable(ws), request, { class: args.options.get('class') });
  out(format === 'json' ? JSON.stringify(report, null, 2) : formatRouteText(report));
  return report.traces.every((t) => t.outcome === 'routed' || t.outcome === 'redirected') ? 0 : 1;
}
