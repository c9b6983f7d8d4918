/**
 * The routing table of a workspace: for each IngressClass its routes (host, path, pathType) and what lies
 * behind each backend; for each Service its ports and node ports. Built once; matched per request.
 */
import type { Ingress, IngressBackend, IngressPath, IngressRule } from '../model/ingress';
import { ingressClassOf } from '../model/ingress';
import { resolveBackend } from '../model/references';
import type { Workspace } from '../model/workspace';
import { ALB_USE_ANNOTATION } from '../rules/utils/ingress';
import { followServicePort, objectName, ruleReason } from './backend';
import type { BackendTrace, RouteRef, RoutingTable, TableRoute, TableService, TableView } from './types';

const REGEX_ANNOTATIONS = ['nginx.ingress.kubernetes.io/use-regex', 'nginx.ingress.kubernetes.io/rewrite-target'];

/** The Ingresses of the workspace grouped by class, in file order (the default class as `null`). */
export function ingressesByClass(ws: Workspace): Map<string | null, Ingress[]> {
  const out = new Map<string | null, Ingress[]>();
  for (const ing of ws.allIngresses()) {
    if (ing.obj.doc.broken || ing.obj.name === undefined) continue;
    const cls = ingressClassOf(ing);
    const list = out.get(cls);
    if (list) list.push(ing);
    else out.set(cls, [ing]);
  }
  return out;
}

/** What lies behind an Ingress backend: the Service it names (in the Ingress's namespace), its port, the pods. */
export function ingressBackendTrace(ws: Workspace, ing: Ingress, backend: IngressBackend | undefined): BackendTrace {
  const obj = ing.obj;
  const ns = obj.namespace;
  if (!backend) return { outcome: 'broken', service: null, pods: [], why: ['the path has no backend'] };
  if (backend.resource) {
    const r = obj.reader;
    const res = r.map(r.get(backend.node, 'resource'));
    return {
      outcome: 'routed',
      service: null,
      pods: [],
      why: [
        `backend: resource ${r.text(r.get(res, 'kind')) ?? '?'}/${r.text(r.get(res, 'name')) ?? '?'} (not a Service: the controller serves it; not followed)`,
      ],
    };
  }
  if (backend.portName === ALB_USE_ANNOTATION && backend.serviceName) return albAction(ing, backend.serviceName);
  const written = backend.portName ?? backend.portNumber ?? null;
  const resolution = resolveBackend(ws, ing, backend);
  const head = `backend Service ${ns}/${backend.serviceName ?? '?'} port ${written ?? '(none)'}`;
  const broken = (fallback: string, service: BackendTrace['service'] = null): BackendTrace => ({
    outcome: 'broken',
    service,
    pods: [],
    why: [head, ruleReason(ws, obj, backend.node, 'route', fallback)],
  });
  switch (resolution.status) {
    case 'not-a-service':
      return broken('the backend names no Service');
    case 'missing':
      return broken(
        `Ingress \`${obj.name}\` routes to Service \`${resolution.name}\`, which is not in the checked files for namespace \`${ns}\`.`,
        {
          namespace: ns,
          name: resolution.name,
          port: written,
          servicePort: null,
          targetPort: null,
        },
      );
    case 'no-port':
      return broken(
        `Service \`${resolution.service.obj.name}\` has no port ${backend.portName !== undefined ? `named \`${backend.portName}\`` : backend.portNumber}.`,
        {
          namespace: ns,
          name: resolution.service.obj.name ?? '',
          port: written,
          servicePort: null,
          targetPort: null,
          file: resolution.service.obj.file,
          line: resolution.service.obj.doc.rangeOf(resolution.service.obj.node).start.line,
        },
      );
    default: {
      if (!resolution.port && resolution.service.type !== 'ExternalName')
        return broken('the backend names no Service port');
      const b = followServicePort(ws, resolution.service, resolution.port, written);
      return { ...b, why: [head, ...b.why] };
    }
  }
}

/** An AWS Load Balancer Controller action (`alb.ingress.kubernetes.io/actions.<name>`): a redirect, a fixed response, a forward. */
function albAction(ing: Ingress, name: string): BackendTrace {
  const r = ing.obj.reader;
  const key = `alb.ingress.kubernetes.io/actions.${name}`;
  const text = r.str(r.get(r.get(ing.obj.metadata, 'annotations'), key));
  let type: unknown;
  try {
    type = text === undefined ? undefined : (JSON.parse(text) as { Type?: unknown }).Type;
  } catch {
    type = undefined;
  }
  if (text === undefined)
    return {
      outcome: 'broken',
      service: null,
      pods: [],
      why: [`backend: AWS Load Balancer Controller action \`${name}\`, but the Ingress has no annotation ${key}`],
    };
  const kind = typeof type === 'string' ? type.toLowerCase() : '?';
  return {
    outcome: kind === 'redirect' ? 'redirected' : 'routed',
    service: null,
    pods: [],
    why: [
      `backend: AWS Load Balancer Controller action ${name} (${key}): ${kind === 'redirect' ? 'the load balancer answers with a redirect' : kind === 'fixed-response' ? 'the load balancer answers itself' : `${kind} (not followed)`}`,
    ],
  };
}

function routeRef(
  ing: Ingress,
  node: IngressPath['node'] | IngressBackend['node'],
  rule: IngressRule | undefined,
  path: IngressPath | undefined,
): RouteRef {
  const obj = ing.obj;
  return {
    kind: 'Ingress',
    namespace: obj.namespace,
    name: obj.name ?? '',
    file: obj.file,
    range: obj.doc.rangeOf(node),
    host: rule?.host === undefined || rule.host === '' ? null : rule.host,
    path: path ? (path.path ?? null) : null,
    pathType: path ? (path.pathType ?? null) : null,
    defaultBackend: !path,
  };
}

function describeClass(cls: string | null, ings: Ingress[]): string {
  const names = ings.map((i) => objectName(i.obj));
  const list = `Ingress${names.length === 1 ? '' : 'es'} ${names.slice(0, 5).join(', ')}${names.length > 5 ? `, and ${names.length - 5} more` : ''}`;
  return cls === null ? `default class (no ingressClassName): ${list}` : `class ${cls}: ${list}`;
}

/** The view of one IngressClass's controller: its Ingresses' routes, default backends and tls entries, in file order. */
export function buildIngressView(ws: Workspace, cls: string | null, ings: Ingress[]): TableView {
  const view: TableView = {
    matcher: 'ingress',
    via: 'ingress',
    class: cls,
    describe: describeClass(cls, ings),
    routes: [],
    defaults: [],
    tls: [],
  };
  for (const ing of ings) {
    const owner = `Ingress ${objectName(ing.obj)}`;
    const r = ing.obj.reader;
    const annotations = r.get(ing.obj.metadata, 'annotations');
    const regex = REGEX_ANNOTATIONS.some(
      (a) =>
        r.get(annotations, a) !== undefined &&
        (a.endsWith('rewrite-target') || r.text(r.get(annotations, a)) === 'true'),
    );
    const entry = (route: RouteRef, backend: IngressBackend | undefined): TableRoute => ({
      route,
      owner,
      ...(regex ? { regex } : {}),
      backend: ingressBackendTrace(ws, ing, backend),
    });
    if (ing.defaultBackend)
      view.defaults.push(entry(routeRef(ing, ing.defaultBackend.node, undefined, undefined), ing.defaultBackend));
    for (const rule of ing.rules)
      for (const path of rule.paths) view.routes.push(entry(routeRef(ing, path.node, rule, path), path.backend));
    for (const t of ing.tls)
      view.tls.push({ hosts: t.hosts, secretName: t.secretName ?? null, namespace: ing.obj.namespace, owner });
  }
  return view;
}

/** The routing table of a workspace (see `RoutingTable`). */
export function buildRoutingTable(ws: Workspace): RoutingTable {
  const views: TableView[] = [];
  for (const [cls, ings] of ingressesByClass(ws)) views.push(buildIngressView(ws, cls, ings));
  // Named classes first, by name; the default class last: traces come in a stable order.
  views.sort((a, b) =>
    a.class === null ? 1 : b.class === null ? -1 : a.class < b.class ? -1 : a.class > b.class ? 1 : 0,
  );
  const services: TableService[] = [];
  for (const ns of ws.namespaces()) {
    for (const svc of ws.services(ns)) {
      if (svc.obj.doc.broken || !svc.obj.name) continue;
      services.push({
        namespace: ns,
        name: svc.obj.name,
        type: svc.type,
        headless: svc.clusterIP === 'None',
        externalName: svc.externalName ?? null,
        ports: svc.ports.map((p) => ({
          port: p.port ?? null,
          name: p.name ?? null,
          protocol: p.protocol,
          nodePort: p.nodePort ?? null,
          backend: followServicePort(ws, svc, p, p.port ?? null),
        })),
      });
    }
  }
  return { version: 1, views, services };
}
