/**
 * What one Ingress path receives, and what it loses to other rules of its class: example requests traced
 * through the class's view (for the hover on a path). The examples are the path's own (`/api`, `/api/x`)
 * and the other rules' (a longer path under it, a host named elsewhere), each traced for real.
 */
import type { Ingress, IngressPath } from '../model/ingress';
import { ingressClassOf } from '../model/ingress';
import type { Workspace } from '../model/workspace';
import { matchIngressView, traceTable } from './match';
import { buildIngressView, ingressesByClass } from './table';
import type { HttpRequest, TableRoute, TableView, Trace } from './types';

export interface PathExamples {
  /** The class whose controller serves the path (null: the default class). */
  class: string | null;
  /** URLs this path takes. */
  receives: string[];
  /** URLs this path matches but another route (or the default backend, or the 404) takes. */
  loses: { url: string; to: string }[];
}

const LIMIT = 5;
/** A host no rule names (`.example` is reserved for examples, RFC 2606). */
const ANY_HOST = 'any-host.example';

function exampleHost(host: string | null): string {
  if (host === null || host === '') return ANY_HOST;
  return host.startsWith('*.') ? `app${host.slice(1)}` : host.toLowerCase();
}

function examplePaths(r: TableRoute): string[] {
  const path = r.route.path === null || r.route.path === '' ? '/' : r.route.path;
  if (r.route.pathType === 'Exact') return [path];
  const base = path.replace(/\/+$/, '');
  return base === '' ? ['/', '/any/path'] : [base, `${base}/any`];
}

function sameRoute(a: TableRoute, b: TableRoute): boolean {
  return (
    a.route.file === b.route.file &&
    a.route.range.start.line === b.route.range.start.line &&
    a.route.range.start.character === b.route.range.start.character
  );
}

function request(host: string, path: string, https: boolean): HttpRequest {
  return { scheme: https ? 'https' : 'http', host, port: https ? 443 : 80, path, method: 'GET', headers: {} };
}

function takerText(t: Trace): string {
  if (!t.route) return 'no route: the controller answers 404';
  if (t.route.defaultBackend) return `the default backend of Ingress ${t.route.namespace}/${t.route.name}`;
  return `${t.route.pathType ?? 'ImplementationSpecific'} ${t.route.path ?? '/'}${t.route.host ? ` (host ${t.route.host})` : ''} of Ingress ${t.route.namespace}/${t.route.name}`;
}

/** The example requests of one path of an Ingress, traced through its class's view. */
export function pathExamples(ws: Workspace, ing: Ingress, path: IngressPath): PathExamples | undefined {
  const cls = ingressClassOf(ing);
  const ings = ingressesByClass(ws).get(cls);
  if (!ings) return undefined;
  const view = buildIngressView(ws, cls, ings);
  const range = ing.obj.doc.rangeOf(path.node);
  const mine = view.routes.find(
    (r) =>
      r.route.file === ing.obj.file &&
      r.route.range.start.line === range.start.line &&
      r.route.range.start.character === range.start.character,
  );
  if (!mine) return undefined;
  const alone: TableView = { ...view, routes: [mine], defaults: [] };
  const table = { version: 1 as const, views: [view], services: [] };
  const https = (host: string): boolean =>
    view.tls.some((t) =>
      t.hosts.some((h) => h.toLowerCase() === host || (h.startsWith('*.') && host.endsWith(h.slice(1)))),
    );
  // Own examples first, then the other routes' (under this path, on hosts this rule also covers).
  const hosts = [exampleHost(mine.route.host)];
  if (mine.route.host === null || mine.route.host.startsWith('*.'))
    for (const r of view.routes) if (r.route.host !== null) hosts.push(exampleHost(r.route.host));
  const tried: HttpRequest[] = [];
  for (const p of examplePaths(mine)) tried.push(request(hosts[0], p, https(hosts[0])));
  for (const r of view.routes) {
    if (sameRoute(r, mine)) continue;
    const host = r.route.host === null ? hosts[0] : exampleHost(r.route.host);
    for (const p of examplePaths(r)) tried.push(request(host, p, https(host)));
  }
  for (const h of hosts.slice(1)) for (const p of examplePaths(mine)) tried.push(request(h, p, https(h)));
  const out: PathExamples = { class: cls, receives: [], loses: [] };
  const seen = new Set<string>();
  for (const req of tried) {
    const url = `${req.scheme}://${req.host}${req.path}`;
    if (seen.has(url)) continue;
    seen.add(url);
    if (matchIngressView(alone, req).candidates.length === 0) continue; // not a request this path matches
    const [t] = traceTable(table, req, { ingress: matchIngressView });
    if (t.route && !t.route.defaultBackend && sameRoute({ ...mine, route: t.route }, mine)) {
      if (out.receives.length < LIMIT) out.receives.push(url);
    } else if (out.loses.length < LIMIT) out.loses.push({ url, to: takerText(t) });
  }
  return out;
}
