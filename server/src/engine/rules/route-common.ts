/**
 * What the Gateway API reference rules share: the Gateways a route's parentRef names, the listeners it
 * selects, whether a listener admits the route (allowedRoutes: namespaces and kinds), hostname intersection,
 * and the Services its backendRefs name. Only what is certain from the files is judged: a Namespace that is
 * not in the files, an implementation-specific protocol, a Service whose ports cannot be read are unknown.
 */
import type { Node } from 'yaml';
import {
  GATEWAY_GROUP,
  defaultRouteKinds,
  gatewayOf,
  grantAllows,
  isGatewayApi,
  referenceGrantOf,
  routeOf,
} from '../model/gatewayApi';
import type { Gateway, Listener, ParentRef, ReferenceGrant, Route } from '../model/gatewayApi';
import type { K8sObject } from '../model/object';
import type { Workspace } from '../model/workspace';
import { readLabelSelector, readLabels, requirementMatches, requirementText } from '../model/labelSelector';

export function isRoute(obj: K8sObject): boolean {
  return routeOf(obj) !== undefined;
}

/** The Gateways (Gateway API kind, any served version) a parentRef names. */
export function gatewaysNamed(ws: Workspace, ref: ParentRef): Gateway[] {
  if (ref.name === undefined) return [];
  return ws.find('Gateway', ref.namespace, ref.name).flatMap((o) => gatewayOf(o) ?? []);
}

/** The listeners a parentRef selects by sectionName and port (all of them when it gives neither). */
export function selectedListeners(gw: Gateway, ref: ParentRef): Listener[] {
  return gw.listeners.filter(
    (l) =>
      (ref.sectionName === undefined || l.name === ref.sectionName) && (ref.port === undefined || l.port === ref.port),
  );
}

export function listenerName(l: Listener): string {
  return l.name !== undefined ? `\`${l.name}\`` : '(no name)';
}

/** Why a listener refuses a route, or undefined when it admits it (or kubeway cannot tell). */
export function refusal(ws: Workspace, gw: Gateway, l: Listener, route: Route): string | undefined {
  const ns = route.obj.namespace;
  const gwNs = gw.obj.namespace;
  const kinds = l.kinds ?? defaultRouteKinds(l.protocol)?.map((kind) => ({ group: GATEWAY_GROUP, kind }));
  if (kinds && !kinds.some((k) => k.group === GATEWAY_GROUP && k.kind === route.kind)) {
    const what = l.kinds
      ? `allows only ${kinds.map((k) => `\`${k.kind}\``).join(', ')} (allowedRoutes.kinds)`
      : `(protocol ${l.protocol}) carries ${kinds.map((k) => `\`${k.kind}\``).join(', ')}, not ${route.kind}`;
    return `listener ${listenerName(l)} ${what}`;
  }
  switch (l.from) {
    case 'All':
      return undefined;
    case 'Same':
      return ns === gwNs
        ? undefined
        : `listener ${listenerName(l)} admits routes of namespace \`${gwNs}\` only (allowedRoutes.namespaces.from: Same, the default), and this ${route.kind} is in \`${ns}\``;
    case 'Selector': {
      const namespace = ws.find('Namespace', 'default', ns).find((o) => o.apiVersion === 'v1');
      if (!namespace) return undefined;
      const r = namespace.reader;
      const selector = readLabelSelector(gw.obj.reader, l.selector);
      if (selector.broken || selector.empty) return undefined;
      const labels = readLabels(r, namespace.get('metadata', 'labels'));
      // The API server labels every Namespace with its name.
      if (!labels.has('kubernetes.io/metadata.name'))
        labels.set('kubernetes.io/metadata.name', { key: 'kubernetes.io/metadata.name', value: ns });
      const results = selector.requirements.map((req) => requirementMatches(req, labels));
      if (results.includes('unknown') || results.every((x) => x === 'match')) return undefined;
      const failed = selector.requirements.filter((_, i) => results[i] === 'no-match').map(requirementText);
      return `listener ${listenerName(l)} admits routes of namespaces matching its selector, and Namespace \`${ns}\` does not have ${failed.map((f) => `\`${f}\``).join(', ')}`;
    }
    default:
      return undefined;
  }
}

/** The ReferenceGrants of each namespace, gathered once per Workspace version. */
const grantsCache = new WeakMap<Workspace, { version: number; byNs: Map<string, ReferenceGrant[]> }>();

export function referenceGrants(ws: Workspace, namespace: string): ReferenceGrant[] {
  let c = grantsCache.get(ws);
  if (!c || c.version !== ws.version) {
    const byNs = new Map<string, ReferenceGrant[]>();
    for (const o of ws.objects()) {
      const g = referenceGrantOf(o);
      if (!g) continue;
      const list = byNs.get(o.namespace);
      if (list) list.push(g);
      else byNs.set(o.namespace, [g]);
    }
    grantsCache.set(ws, (c = { version: ws.version, byNs }));
  }
  return c.byNs.get(namespace) ?? [];
}

/** Whether a route may refer to a Service in another namespace: a ReferenceGrant there allows it. */
export function crossNamespaceAllowed(ws: Workspace, route: Route, namespace: string, name: string): boolean {
  return referenceGrants(ws, namespace).some((g) => grantAllows(g, route.kind, route.obj.namespace, name));
}

/** Where a parentRef finding goes: the named field, else the ref's first key. */
export function refAnchor(node: Node | undefined, ref: { node: Node }): Node {
  return node ?? ref.node;
}

export { isGatewayApi };
