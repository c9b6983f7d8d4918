/**
 * Matching a request against a routing table. Every function here is self-contained (no outer names): the
 * diagram page (`graph/tryRequest.ts`) runs the very same source, so the CLI, the editor and the diagram
 * cannot disagree. Semantics: the Kubernetes Ingress specification (networking.k8s.io/v1) and the docs'
 * "Ingress" page with its path-matching table (test/unit/route/ingress-paths.test.ts).
 */
import type {
  HttpRequest,
  RouteCandidate,
  RouteMatcherFn,
  RoutingTable,
  TableRoute,
  TableView,
  Trace,
  ViewMatch,
} from './types';

/**
 * The Ingress matcher for one IngressClass's view. Host: an exact rule beats a wildcard rule (`*.foo.com`
 * covers exactly one DNS label), which beats the rules without host. Path, among the chosen host's paths of
 * all the class's Ingresses: the longest match, `Exact` over `Prefix` when equally long; Prefix matches
 * element by element on `/`, ignoring a trailing slash; ImplementationSpecific is read as Prefix.
 */
export function matchIngressView(view: TableView, req: HttpRequest): ViewMatch {
  function hostMatch(ruleHost: string, host: string): 'exact' | 'wildcard' | null {
    const rule = ruleHost.toLowerCase();
    if (rule === host) return 'exact';
    if (rule.slice(0, 2) !== '*.') return null;
    const suffix = rule.slice(1);
    if (host.length <= suffix.length || host.slice(host.length - suffix.length) !== suffix) return null;
    return host.slice(0, host.length - suffix.length).indexOf('.') < 0 ? 'wildcard' : null;
  }
  function elements(p: string): string[] {
    return p.split('/').filter((e) => e !== '');
  }
  function prefixMatches(rulePath: string, path: string): boolean {
    const want = elements(rulePath);
    const have = elements(path);
    if (want.length > have.length) return false;
    for (let i = 0; i < want.length; i++) if (want[i] !== have[i]) return false;
    return true;
  }
  function owners(routes: TableRoute[]): string {
    const names: string[] = [];
    for (const r of routes) if (names.indexOf(r.owner) < 0) names.push(r.owner);
    return names.join(', ');
  }
  function tlsFor(owner: string): { tls: Trace['tls']; why: string | null } {
    if (req.scheme !== 'https') return { tls: null, why: null };
    // The route's own Ingress first, then the class's others (controllers merge tls blocks per host).
    let best: { t: TableView['tls'][number]; rank: number } | null = null;
    for (const t of view.tls) {
      let rank = 0;
      for (const h of t.hosts) {
        const m = hostMatch(h, req.host);
        rank = Math.max(rank, m === 'exact' ? 4 : m === 'wildcard' ? 2 : 0);
      }
      if (rank === 0) continue;
      if (t.owner === owner) rank += 1;
      if (!best || rank > best.rank) best = { t, rank };
    }
    if (!best)
      return {
        tls: null,
        why: `TLS: no tls entry of the class lists ${req.host}: the controller's default certificate`,
      };
    if (best.t.secretName === null)
      return {
        tls: null,
        why: `TLS: ${best.t.owner} lists ${req.host} without a secretName: the controller's default certificate`,
      };
    return {
      tls: { secretName: best.t.secretName, namespace: best.t.namespace },
      why: `TLS: Secret ${best.t.namespace}/${best.t.secretName} of ${best.t.owner}`,
    };
  }

  const why: string[] = [];
  const exact: TableRoute[] = [];
  const wildcard: TableRoute[] = [];
  const anyHost: TableRoute[] = [];
  for (const r of view.routes) {
    const h = r.route.host;
    if (h === null || h === '') anyHost.push(r);
    else {
      const m = hostMatch(h, req.host);
      if (m === 'exact') exact.push(r);
      else if (m === 'wildcard') wildcard.push(r);
    }
  }
  const headers = Object.keys(req.headers);
  const ignored: string[] = [];
  if (req.method !== 'GET') ignored.push(`method ${req.method}`);
  if (headers.length) ignored.push(`header${headers.length > 1 ? 's' : ''} ${headers.join(', ')}`);
  if (ignored.length) why.push(`Ingress rules match host and path only, not ${ignored.join(' and ')}`);
  let chosen: TableRoute[] = [];
  if (exact.length) {
    chosen = exact;
    why.push(`host ${req.host}: exact rule of ${owners(exact)}`);
  } else if (wildcard.length) {
    chosen = wildcard;
    why.push(`host ${req.host}: wildcard rule ${wildcard[0].route.host} of ${owners(wildcard)}`);
  } else if (anyHost.length) {
    chosen = anyHost;
    why.push(`host ${req.host}: no rule of the class names it; the rules without host of ${owners(anyHost)} serve it`);
  } else {
    why.push(
      view.routes.length
        ? `host ${req.host}: no rule of the class names it, and no rule is without host`
        : 'the class has no rules, only default backends',
    );
  }
  const candidates: RouteCandidate[] = [];
  for (const r of chosen) {
    const type = r.route.pathType;
    const path = r.route.path === null || r.route.path === '' ? '/' : r.route.path;
    const notes: string[] = [];
    let matches: boolean;
    let length: number;
    if (type === 'Exact') {
      matches = req.path === path;
      length = path.length;
    } else if (type === 'Prefix' || type === 'ImplementationSpecific' || type === null) {
      matches = prefixMatches(path, req.path);
      length = path.replace(/\/+$/, '').length;
      if (type !== 'Prefix')
        notes.push(
          `${type ?? 'no pathType'} ${path}: matched as Prefix, as ingress-nginx does without regex annotations`,
        );
      if (r.regex)
        notes.push(
          `${r.owner} asks for regular-expression paths (nginx.ingress.kubernetes.io/use-regex or rewrite-target): the controller matches ${path} as a regular expression, kubeway as a Prefix`,
        );
    } else continue; // a pathType the API server rejects: no controller serves it
    if (!matches) continue;
    candidates.push({
      entry: r,
      precedence: [length, type === 'Exact' ? 1 : 0],
      label: `${type ?? 'ImplementationSpecific'} ${path} of ${r.owner}`,
      notes,
      tls: tlsFor(r.owner),
    });
  }
  const def = view.defaults.length ? view.defaults[0] : null;
  const fallback: RouteCandidate | null = def
    ? {
        entry: def,
        precedence: [],
        label: `default backend of ${def.owner}`,
        notes:
          view.defaults.length > 1
            ? [
                `${view.defaults
                  .slice(1)
                  .map((d) => d.owner)
                  .join(', ')} also set a default backend: the first in file order is taken (the controller decides)`,
              ]
            : [],
        tls: tlsFor(def.owner),
      }
    : null;
  return {
    why,
    subject: `path ${req.path}`,
    candidates,
    ranks: ['longer path', 'Exact over Prefix'],
    fallback,
    noRoute: 'no route: the controller answers 404',
  };
}

/**
 * Traces a request through a routing table: one trace per view (an IngressClass's controller), or, for a
 * Service's DNS name or `node`, the in-cluster entry only. `matchers` maps a view's `matcher` to its function.
 */
export function traceTable(
  table: RoutingTable,
  req: HttpRequest,
  matchers: Record<string, RouteMatcherFn>,
  only?: { class?: string },
): Trace[] {
  const traces: Trace[] = [];
  function copy<T>(x: T): T {
    return JSON.parse(JSON.stringify(x)) as T;
  }
  function compare(a: number[], b: number[]): number {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = (b[i] || 0) - (a[i] || 0);
      if (d) return d;
    }
    return 0;
  }
  const dns = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.svc(\.cluster\.local)?$/.exec(
    req.host,
  );
  if (dns || req.host === 'node') {
    const trace: Trace = {
      via: dns ? 'service' : 'node-port',
      class: null,
      outcome: 'no-route',
      route: null,
      service: null,
      pods: [],
      tls: null,
      why: [],
    };
    traces.push(trace);
    let svc: RoutingTable['services'][number] | undefined;
    let port: RoutingTable['services'][number]['ports'][number] | undefined;
    if (dns) {
      const name = dns[1];
      const ns = dns[3];
      svc = table.services.filter((s) => s.name === name && s.namespace === ns)[0];
      if (!svc) {
        trace.outcome = 'broken';
        trace.why.push(`${req.host}: no Service ${ns}/${name} in the checked files, so the name does not resolve`);
        return traces;
      }
      trace.why.push(
        `${req.host}: the in-cluster DNS name of Service ${ns}/${name} (${svc.type}${svc.headless ? ', headless' : ''}), reachable from inside the cluster only`,
      );
      if (svc.headless)
        trace.why.push(
          `headless Service: the name resolves to the pods' own addresses, so port ${req.port} is taken as the Service port that maps to it`,
        );
      port = svc.ports.filter((p) => p.port === req.port && p.protocol === 'TCP')[0];
      if (!port && svc.type === 'ExternalName' && svc.ports.length === 0) {
        trace.outcome = 'routed';
        trace.service = { namespace: ns, name, port: req.port, servicePort: null, targetPort: null };
        trace.why.push(
          `Service ${ns}/${name} is ExternalName: the name is an alias of ${svc.externalName ?? '(no externalName)'}, port ${req.port}`,
        );
        return traces;
      }
      if (!port) {
        trace.outcome = 'broken';
        trace.service = { namespace: ns, name, port: req.port, servicePort: null, targetPort: null };
        trace.why.push(
          `Service ${ns}/${name} has no TCP port ${req.port} (it has ${svc.ports.map((p) => `${p.port}${p.name ? ` (${p.name})` : ''}`).join(', ') || 'no ports'})`,
        );
        return traces;
      }
    } else {
      for (const s of table.services) {
        if (s.type !== 'NodePort' && s.type !== 'LoadBalancer') continue;
        const p = s.ports.filter((x) => x.nodePort === req.port)[0];
        if (p && !svc) {
          svc = s;
          port = p;
        }
      }
      if (!svc || !port) {
        trace.why.push(
          `node port ${req.port}: no NodePort or LoadBalancer Service in the checked files has nodePort ${req.port} (a node port set by the cluster cannot be known from the files)`,
        );
        return traces;
      }
      trace.why.push(
        `node port ${req.port} on any node: Service ${svc.namespace}/${svc.name} (${svc.type}${svc.type === 'LoadBalancer' ? ': the cloud\u2019s load balancer forwards to this node port on every node' : ''}) port ${port.port}${port.name ? ` (${port.name})` : ''}`,
      );
    }
    const b = copy(port.backend);
    trace.outcome = b.outcome;
    trace.service = b.service;
    if (trace.service) trace.service.port = port.port;
    trace.pods = b.pods;
    trace.why.push(...b.why);
    return traces;
  }
  const views = table.views.filter((v) => !only || only.class === undefined || (v.class ?? '') === only.class);
  if (views.length === 0) {
    const what =
      only && only.class !== undefined
        ? only.class === ''
          ? 'without an IngressClass'
          : `of class ${only.class}`
        : '';
    traces.push({
      via: 'ingress',
      class: only && only.class ? only.class : null,
      outcome: 'no-route',
      route: null,
      service: null,
      pods: [],
      tls: null,
      why: [`no Ingress ${what ? `${what} ` : ''}in the checked files routes it`],
    });
    return traces;
  }
  for (const view of views) {
    const matcher = matchers[view.matcher];
    const trace: Trace = {
      via: view.via,
      class: view.class,
      outcome: 'no-route',
      route: null,
      service: null,
      pods: [],
      tls: null,
      why: [view.describe],
    };
    traces.push(trace);
    if (!matcher) {
      trace.why.push(`no matcher for ${view.matcher} routes`);
      continue;
    }
    const m = matcher(view, req);
    trace.why.push(...m.why);
    const sorted = m.candidates
      .map((c, i) => ({ c, i }))
      .sort((a, b) => compare(a.c.precedence, b.c.precedence) || a.i - b.i)
      .map((x) => x.c);
    let winner = sorted.length ? sorted[0] : null;
    if (winner) {
      trace.why.push(`${m.subject}: ${sorted.length > 1 ? 'longest match' : 'matches'} ${winner.label}`);
      for (const other of sorted.slice(1, 4)) {
        const a = winner.precedence;
        const b = other.precedence;
        let rank = -1;
        for (let i = 0; i < Math.max(a.length, b.length); i++)
          if ((a[i] || 0) !== (b[i] || 0)) {
            rank = i;
            break;
          }
        trace.why.push(
          rank < 0
            ? `also matches ${other.label}, equally: the first in file order is taken (the controller decides)`
            : `also matches ${other.label}: ${m.ranks[rank] ?? 'lower precedence'} wins`,
        );
      }
      if (sorted.length > 4) trace.why.push(`and ${sorted.length - 4} more matching routes`);
    } else if (m.fallback) {
      winner = m.fallback;
      trace.why.push(`${m.subject}: no route matches; the ${winner.label} serves it`);
    } else {
      trace.why.push(`${m.subject}: ${m.noRoute}`);
      continue;
    }
    trace.why.push(...winner.notes);
    trace.route = copy(winner.entry.route);
    if (winner.tls.why) trace.why.push(winner.tls.why);
    trace.tls = winner.tls.tls;
    const b = copy(winner.entry.backend);
    trace.outcome = b.outcome;
    trace.service = b.service;
    trace.pods = b.pods;
    trace.why.push(...b.why);
  }
  return traces;
}
