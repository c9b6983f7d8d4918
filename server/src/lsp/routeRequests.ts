/**
 * The `kubeway/route` request: where a request goes, traced through the server's Workspace ("Kubeway: Trace
 * a Request…"). File names in the answer are URIs, so that the editor can open them.
 */
import type { Connection } from 'vscode-languageserver/node';
import type { Workspace } from '../engine/model/workspace';
import { buildRoutingTable, formatRouteText, parseRequest, parseRequestLine, traceWithTable } from '../engine/route';
import type { RouteReport } from '../engine/route';

export const ROUTE_REQUEST = 'kubeway/route';

export interface RouteRequestParams {
  /** `[METHOD] URL [Name:value]...`, as typed. */
  request: string;
  /** Keep only this IngressClass ('' for the Ingresses without one). */
  class?: string;
}

export interface RouteRequestResult {
  report?: RouteReport;
  /** The report as text, or why the request could not be read. */
  text?: string;
  error?: string;
}

export function traceForEditor(
  ws: Workspace,
  params: RouteRequestParams,
  uriOf: (name: string) => string,
): RouteRequestResult {
  const line = parseRequestLine(params?.request ?? '');
  if (typeof line === 'string') return { error: line };
  const request = parseRequest(line.url, { method: line.method, headers: line.headers });
  if (typeof request === 'string') return { error: request };
  const report = traceWithTable(buildRoutingTable(ws), request, { class: params.class });
  const text = formatRouteText(report);
  for (const t of report.traces) {
    if (t.route) t.route.file = uriOf(t.route.file);
    if (t.service?.file) t.service.file = uriOf(t.service.file);
    for (const p of t.pods) if (p.file) p.file = uriOf(p.file);
  }
  return { report, text };
}

export function registerRouteRequests(
  connection: Connection,
  getWorkspace: () => Workspace,
  uriOf: (name: string) => string = (n) => n,
): void {
  connection.onRequest(ROUTE_REQUEST, (params: RouteRequestParams): RouteRequestResult =>
    traceForEditor(getWorkspace(), params, uriOf),
  );
}
