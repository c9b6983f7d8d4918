/** Where does this request go? The routing model: a routing table of the workspace, matched per request. */
import type { Workspace } from '../model/workspace';
import { matchIngressView, traceTable } from './match';
import { parseRequest } from './request';
import type { RequestOptions } from './request';
import { buildRoutingTable } from './table';
import type { HttpRequest, RouteMatcherFn, RouteReport, RoutingTable } from './types';

export * from './types';
export { parseRequest, parseHeader, parseRequestLine, requestUrl } from './request';
export { formatRouteText } from './format';
export type { RequestOptions } from './request';
export { buildRoutingTable, ingressesByClass } from './table';
export { ingressClassOf } from '../model/ingress';
export { matchIngressView, traceTable } from './match';

/** The matcher of each kind of view. A new kind of route (HTTPRoute) registers its matcher here. */
export const MATCHERS: Record<string, RouteMatcherFn> = { ingress: matchIngressView };

export interface TraceOptions {
  /** Keep only the view of this IngressClass ('' for the Ingresses without one). */
  class?: string;
}

/** Traces a parsed request through a table (built with `buildRoutingTable`). */
export function traceWithTable(table: RoutingTable, request: HttpRequest, opts: TraceOptions = {}): RouteReport {
  return { version: 1, request, traces: traceTable(table, request, MATCHERS, opts) };
}

/** Traces a URL through the workspace; a string is the reason the URL cannot be read. */
export function traceRequest(
  ws: Workspace,
  url: string,
  opts: TraceOptions & RequestOptions = {},
): RouteReport | string {
  const request = parseRequest(url, opts);
  if (typeof request === 'string') return request;
  return traceWithTable(buildRoutingTable(ws), request, opts);
}
