/**
 * The Gateway API objects as routing sees them (gateway.networking.k8s.io): a Gateway's listeners, an
 * HTTPRoute's or GRPCRoute's parentRefs, hostnames and backendRefs, and ReferenceGrants. Defaults are the
 * API's own: a parentRef is a Gateway in the route's namespace, a backendRef a Service in it, a listener
 * admits routes of its own namespace and of the kinds its protocol carries.
 */
import type { Node } from 'yaml';
import type { K8sObject } from './object';

export const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/** Whether an object is of a Gateway API kind (any version of the group). */
export function isGatewayApi(obj: K8sObject, kind?: string): boolean {
  return obj.apiVersion.startsWith(`${GATEWAY_GROUP}/`) && (kind === undefined || obj.kind === kind);
}

export interface Listener {
  name: string | undefined;
  port: number | undefined;
  protocol: string | undefined;
  hostname: string | undefined;
  /** allowedRoutes.namespaces.from: Same (default), All or Selector. */
  from: string;
  /** allowedRoutes.namespaces.selector (a LabelSelector map), for `from: Selector`. */
  selector: Node | undefined;
  /** allowedRoutes.kinds as group/kind; undefined: the kinds the protocol carries. */
  kinds: { group: string; kind: string }[] | undefined;
  node: Node;
}

export interface Gateway {
  obj: K8sObject;
  listeners: Listener[];
}

export interface ParentRef {
  group: string;
  kind: string;
  namespace: string;
  name: string | undefined;
  sectionName: string | undefined;
  port: number | undefined;
  node: Node;
  nameNode: Node | undefined;
  namespaceNode: Node | undefined;
  sectionNameNode: Node | undefined;
  portNode: Node | undefined;
}

export interface BackendRef {
  group: string;
  kind: string;
  namespace: string;
  name: string | undefined;
  port: number | undefined;
  node: Node;
  nameNode: Node | undefined;
  namespaceNode: Node | undefined;
  portNode: Node | undefined;
}

export interface Route {
  obj: K8sObject;
  kind: 'HTTPRoute' | 'GRPCRoute';
  hostnames: { value: string; node: Node }[];
  parentRefs: ParentRef[];
  backendRefs: BackendRef[];
}

const gateways = new WeakMap<K8sObject, Gateway | null>();
const routes = new WeakMap<K8sObject, Route | null>();

export function gatewayOf(obj: K8sObject): Gateway | undefined {
  if (!isGatewayApi(obj, 'Gateway')) return undefined;
  let g = gateways.get(obj);
  if (g === undefined) {
    const r = obj.reader;
    const listeners: Listener[] = [];
    for (const l of r.items(obj.get('spec', 'listeners'))) {
      if (!r.map(l)) continue;
      const allowed = r.get(l, 'allowedRoutes');
      const kindsNode = r.get(allowed, 'kinds');
      const kinds =
        r.seq(kindsNode) && r.items(kindsNode).length > 0
          ? r
              .items(kindsNode)
              .map((k) => ({ group: r.text(r.get(k, 'group')) ?? GATEWAY_GROUP, kind: r.text(r.get(k, 'kind')) ?? '' }))
          : undefined;
      listeners.push({
        name: r.text(r.get(l, 'name')),
        port: r.int(r.get(l, 'port')),
        protocol: r.text(r.get(l, 'protocol')),
        hostname: r.text(r.get(l, 'hostname')) || undefined,
        from: r.text(r.at(allowed, 'namespaces', 'from')) ?? 'Same',
        selector: r.at(allowed, 'namespaces', 'selector'),
        kinds,
        node: l,
      });
    }
    g = { obj, listeners };
    gateways.set(obj, g);
  }
  return g ?? undefined;
}

export function routeOf(obj: K8sObject): Route | undefined {
  if (!isGatewayApi(obj) || (obj.kind !== 'HTTPRoute' && obj.kind !== 'GRPCRoute')) return undefined;
  let route = routes.get(obj);
  if (route === undefined) {
    const r = obj.reader;
    const spec = obj.get('spec');
    const hostnames: Route['hostnames'] = [];
    for (const h of r.items(r.get(spec, 'hostnames'))) {
      const v = r.str(h);
      if (v !== undefined) hostnames.push({ value: v, node: h });
    }
    const parentRefs: ParentRef[] = [];
    for (const p of r.items(r.get(spec, 'parentRefs'))) {
      if (!r.map(p)) continue;
      parentRefs.push({
        group: r.text(r.get(p, 'group')) ?? GATEWAY_GROUP,
        kind: r.text(r.get(p, 'kind')) ?? 'Gateway',
        namespace: r.text(r.get(p, 'namespace')) || obj.namespace,
        name: r.text(r.get(p, 'name')),
        sectionName: r.text(r.get(p, 'sectionName')) || undefined,
        port: r.int(r.get(p, 'port')),
        node: p,
        nameNode: r.get(p, 'name'),
        namespaceNode: r.get(p, 'namespace'),
        sectionNameNode: r.get(p, 'sectionName'),
        portNode: r.get(p, 'port'),
      });
    }
    const backendRefs: BackendRef[] = [];
    for (const rule of r.items(r.get(spec, 'rules'))) {
      for (const b of r.items(r.get(rule, 'backendRefs'))) {
        if (!r.map(b)) continue;
        backendRefs.push({
          group: r.text(r.get(b, 'group')) ?? '',
          kind: r.text(r.get(b, 'kind')) ?? 'Service',
          namespace: r.text(r.get(b, 'namespace')) || obj.namespace,
          name: r.text(r.get(b, 'name')),
          port: r.int(r.get(b, 'port')),
          node: b,
          nameNode: r.get(b, 'name'),
          namespaceNode: r.get(b, 'namespace'),
          portNode: r.get(b, 'port'),
        });
      }
    }
    route = { obj, kind: obj.kind, hostnames, parentRefs, backendRefs };
    routes.set(obj, route);
  }
  return route ?? undefined;
}

/** A parentRef naming a Gateway (the default kind), as opposed to a Service (GAMMA mesh) or a ListenerSet. */
export function refersToGateway(ref: ParentRef): boolean {
  return ref.group === GATEWAY_GROUP && ref.kind === 'Gateway';
}

/** A backendRef naming a core Service (the default), as opposed to an implementation's own backend kinds. */
export function refersToService(ref: BackendRef): boolean {
  return ref.group === '' && ref.kind === 'Service';
}

/** The route kinds a listener admits when `allowedRoutes.kinds` is not set: those its protocol carries. */
export function defaultRouteKinds(protocol: string | undefined): string[] | undefined {
  switch (protocol) {
    case 'HTTP':
    case 'HTTPS':
      return ['HTTPRoute', 'GRPCRoute'];
    case 'TLS':
      return ['TLSRoute'];
    case 'TCP':
      return ['TCPRoute'];
    case 'UDP':
      return ['UDPRoute'];
    default:
      // An implementation-specific protocol (`example.com/x`): its kinds are the implementation's.
      return undefined;
  }
}

/**
 * Whether a route hostname and a listener hostname intersect (Gateway API hostname matching): equal, or a
 * wildcard `*.example.com` on either side matching one or more labels of the other, or two wildcards of
 * which one's suffix ends with the other's.
 */
export function hostnamesIntersect(listener: string, route: string): boolean {
  const l = listener.toLowerCase();
  const r = route.toLowerCase();
  if (l === r) return true;
  const lw = l.startsWith('*.');
  const rw = r.startsWith('*.');
  if (lw && rw) return l.slice(1).endsWith(r.slice(1)) || r.slice(1).endsWith(l.slice(1));
  if (lw) return r.endsWith(l.slice(1)) && r.length > l.length - 1;
  if (rw) return l.endsWith(r.slice(1)) && l.length > r.length - 1;
  return false;
}

/** The ReferenceGrants of a namespace, read once per Workspace version. */
export interface ReferenceGrant {
  obj: K8sObject;
  from: { group: string; kind: string; namespace: string | undefined }[];
  to: { group: string; kind: string; name: string | undefined }[];
}

const grants = new WeakMap<K8sObject, ReferenceGrant | null>();

export function referenceGrantOf(obj: K8sObject): ReferenceGrant | undefined {
  if (!isGatewayApi(obj, 'ReferenceGrant')) return undefined;
  let g = grants.get(obj);
  if (g === undefined) {
    const r = obj.reader;
    g = {
      obj,
      from: r.items(obj.get('spec', 'from')).map((f) => ({
        group: r.text(r.get(f, 'group')) ?? '',
        kind: r.text(r.get(f, 'kind')) ?? '',
        namespace: r.text(r.get(f, 'namespace')),
      })),
      to: r.items(obj.get('spec', 'to')).map((t) => ({
        group: r.text(r.get(t, 'group')) ?? '',
        kind: r.text(r.get(t, 'kind')) ?? '',
        name: r.text(r.get(t, 'name')) || undefined,
      })),
    };
    grants.set(obj, g);
  }
  return g ?? undefined;
}

/** Whether a ReferenceGrant lets a route of kind `fromKind` in `fromNs` refer to the Service `name`. */
export function grantAllows(grant: ReferenceGrant, fromKind: string, fromNs: string, name: string): boolean {
  return (
    grant.from.some((f) => f.group === GATEWAY_GROUP && f.kind === fromKind && f.namespace === fromNs) &&
    grant.to.some((t) => t.group === '' && t.kind === 'Service' && (t.name === undefined || t.name === name))
  );
}
