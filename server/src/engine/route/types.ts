/**
 * The routing model's plain data: a request, and its trace from the entry point (an Ingress controller, a
 * Service's DNS name, a node port) to the pods. `kubeway route --format json` prints `RouteReport` as is.
 */
import type { Range } from '../types';

export interface HttpRequest {
  scheme: 'http' | 'https';
  /** Lowercase, without the port and without a trailing dot. */
  host: string;
  /** The URL's port, or 80 / 443 for the scheme. */
  port: number;
  /** The URL's path, without the query string (`/` when empty). */
  path: string;
  method: string;
  /** Header names in lowercase. */
  headers: Record<string, string>;
}

export type Via = 'ingress' | 'service' | 'node-port';
export type Outcome = 'routed' | 'redirected' | 'no-route' | 'broken';

/** The rule that took the request: an Ingress path, or an Ingress's default backend. */
export interface RouteRef {
  kind: string;
  namespace: string;
  name: string;
  file: string;
  range: Range;
  host: string | null;
  path: string | null;
  pathType: string | null;
  defaultBackend: boolean;
}

export interface ServiceHop {
  namespace: string;
  name: string;
  /** As the backend writes it (a name or a number); for service / node-port entries the Service port's number. */
  port: number | string | null;
  /** The number of the Service port that receives the request, when it is found. */
  servicePort: number | null;
  targetPort: number | string | null;
  /** Where the Service is declared (for the editor and the diagram). */
  file?: string;
  line?: number;
}

export interface PodHop {
  kind: string;
  namespace: string;
  name: string;
  container: string | null;
  containerPort: number | null;
  protocol: string;
  file?: string;
  line?: number;
}

export interface Trace {
  via: Via;
  /** The IngressClass whose controller routes it; null for the default class and for in-cluster entries. */
  class: string | null;
  outcome: Outcome;
  route: RouteRef | null;
  service: ServiceHop | null;
  pods: PodHop[];
  tls: { secretName: string; namespace?: string } | null;
  why: string[];
}

export interface RouteReport {
  version: 1;
  request: HttpRequest;
  traces: Trace[];
}

/** What lies behind one backend, the same for every request that reaches it (computed once per table). */
export interface BackendTrace {
  outcome: 'routed' | 'redirected' | 'broken';
  service: ServiceHop | null;
  pods: PodHop[];
  why: string[];
}

/** One route of a view: a rule's path (or a default backend), and what lies behind its backend. */
export interface TableRoute {
  route: RouteRef;
  /** `Ingress shop/bookshop`: names the route's object in trace lines. */
  owner: string;
  /** The Ingress asks for regular-expression paths (ingress-nginx `use-regex` / `rewrite-target`). */
  regex?: boolean;
  backend: BackendTrace;
}

export interface TableTls {
  hosts: string[];
  secretName: string | null;
  namespace: string;
  owner: string;
}

/**
 * One controller's set of routes: the Ingresses of one IngressClass (`matcher: 'ingress'`). A later kind of
 * route (the Gateway API's HTTPRoutes of a Gateway) adds a view with its own `matcher` name and fields.
 */
export interface TableView {
  matcher: string;
  via: Via;
  class: string | null;
  /** "class nginx: Ingresses shop/bookshop, shop/admin": the first line of the view's traces. */
  describe: string;
  routes: TableRoute[];
  /** Default backends, in file order: the first serves what no route takes. */
  defaults: TableRoute[];
  tls: TableTls[];
}

/** A Service as the in-cluster entry points see it: its DNS names and node ports. */
export interface TableService {
  namespace: string;
  name: string;
  type: string;
  headless: boolean;
  externalName: string | null;
  ports: {
    port: number | null;
    name: string | null;
    protocol: string;
    nodePort: number | null;
    backend: BackendTrace;
  }[];
}

/**
 * Everything a trace needs, as plain JSON: built once from the workspace (`buildRoutingTable`), matched
 * per request by self-contained functions (`traceTable`, the matchers) that the diagram page runs too.
 */
export interface RoutingTable {
  version: 1;
  views: TableView[];
  services: TableService[];
}

/** One route that matches the request. The highest `precedence` (element by element; equal: the earlier) wins. */
export interface RouteCandidate {
  entry: TableRoute;
  precedence: number[];
  /** `Prefix /api of Ingress shop/bookshop`. */
  label: string;
  /** Lines said when this candidate takes the request (e.g. ImplementationSpecific read as Prefix). */
  notes: string[];
  tls: { tls: Trace['tls']; why: string | null };
}

/** What one view says about a request: the candidates of the chosen host, and what serves the rest. */
export interface ViewMatch {
  /** How the host was chosen (the lines before the path's). */
  why: string[];
  /** `path /api/v1`: the subject of the "longest match" line. */
  subject: string;
  candidates: RouteCandidate[];
  /** What each element of `precedence` means, for "wins over" lines (`longer path`). */
  ranks: string[];
  /** Serves the request when no candidate does (an Ingress's defaultBackend). */
  fallback: RouteCandidate | null;
  /** Said when nothing serves it. */
  noRoute: string;
}

/**
 * A matcher: one kind of route's matching for one view. Must be self-contained (no outer names, plain
 * JavaScript once types are stripped): the diagram page runs its source.
 */
export type RouteMatcherFn = (view: TableView, request: HttpRequest) => ViewMatch;
