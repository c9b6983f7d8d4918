/**
 * Builds the traffic graph of a workspace: Ingress —routes→ Service —selects→ workload. References that
 * lead nowhere are still drawn, to a node marked `missing`, on an edge marked `broken` whose reason is the
 * diagnostic's message.
 */
import { isWorkload } from '../model/apiVersions';
import { ingressOf, serviceBackends } from '../model/ingress';
import type { Ingress, IngressBackend } from '../model/ingress';
import type { K8sObject } from '../model/object';
import { podTemplateOf, servingContainers } from '../model/podTemplate';
import type { PodTemplate } from '../model/podTemplate';
import { resolveBackend, resolveTargetPort, selectedTemplates, selectorText, selectsPods } from '../model/references';
import { serviceOf } from '../model/service';
import type { Service } from '../model/service';
import type { Workspace } from '../model/workspace';
import type { EngineSettings } from '../settings';
import { findingsOf, reasonWithin } from '../reasons';
import type {
  ContainerInfo,
  GraphEdge,
  GraphNode,
  GraphNodeKind,
  IngressRoute,
  PortMapping,
  ServicePortInfo,
  TrafficGraph,
} from './types';

export interface BuildOptions {
  /** Only objects of these files are drawn (plus what they refer to); all files when absent. */
  includeFile?: (path: string) => boolean;
  /** Files whose objects come from their last good version (see LastGoodWorkspace). */
  staleFiles?: ReadonlySet<string>;
  /** The rule settings the diagnostics use (a rule turned off gives no reason either); the defaults when absent. */
  settings?: EngineSettings;
}

export function nodeId(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}

export function buildGraph(ws: Workspace, opts: BuildOptions = {}): TrafficGraph {
  return new GraphBuilder(ws, opts).build();
}

class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly missing = new Map<string, GraphNode>();
  private readonly edges: GraphEdge[] = [];
  private readonly drawn = new Map<K8sObject, string>();

  constructor(
    private readonly ws: Workspace,
    private readonly opts: BuildOptions,
  ) {}

  build(): TrafficGraph {
    const roots: K8sObject[] = [];
    for (const path of [...this.ws.paths].sort()) {
      if (this.opts.includeFile && !this.opts.includeFile(path)) continue;
      for (const obj of this.ws.file(path)?.objects ?? []) if (this.addObject(obj)) roots.push(obj);
    }
    for (const obj of roots) {
      const ing = ingressOf(obj);
      if (ing) this.ingressEdges(ing);
      const svc = serviceOf(obj);
      if (svc) this.serviceEdges(svc);
    }
    return {
      version: 1,
      nodes: [...this.nodes.values(), ...this.missing.values()],
      edges: this.edges.map(inDocumentedOrder),
    };
  }

  /** Adds the node of an Ingress, Service or workload; false for other objects and repeated declarations. */
  private addObject(obj: K8sObject): boolean {
    if (obj.name === undefined || obj.name === '') return false;
    const ing = ingressOf(obj);
    const svc = serviceOf(obj);
    const tpl = podTemplateOf(obj);
    if (!ing && !svc && !tpl) return false;
    const id = nodeId(obj.kind, obj.namespace, obj.name);
    if (this.nodes.has(id)) return false; // a second declaration of the same object: the first one is drawn
    const node: GraphNode = {
      id,
      kind: obj.kind as GraphNodeKind,
      name: obj.name,
      namespace: obj.namespace,
      file: obj.file,
      line: obj.doc.rangeOf(obj.node).start.line,
    };
    if (this.opts.staleFiles?.has(obj.file)) node.stale = true;
    if (ing) describeIngress(node, ing);
    if (svc) describeService(node, svc);
    if (tpl) describeWorkload(node, obj, tpl);
    this.nodes.set(id, node);
    this.drawn.set(obj, id);
    return true;
  }

  /** The node id of an object, adding it when it lies outside the files drawn (it is still a target). */
  private idOf(obj: K8sObject): string | undefined {
    const known = this.drawn.get(obj);
    if (known) return known;
    if (obj.name === undefined || obj.name === '') return undefined;
    const id = nodeId(obj.kind, obj.namespace, obj.name);
    if (this.nodes.has(id)) return id;
    return this.addObject(obj) ? id : undefined;
  }

  private missingNode(
    kind: GraphNodeKind,
    namespace: string,
    name: string,
    file: string,
    line: number,
    extra: Partial<GraphNode> = {},
  ): string {
    const id = `missing:${nodeId(kind, namespace, name)}`;
    if (!this.missing.has(id)) this.missing.set(id, { id, kind, name, namespace, file, line, missing: true, ...extra });
    return id;
  }

  private ingressEdges(ing: Ingress): void {
    const from = this.drawn.get(ing.obj);
    if (!from) return;
    const doc = ing.obj.doc;
    const findings = findingsOf(this.ws, ing.obj, 'route', this.opts.settings);
    for (const { backend, rule, path } of serviceBackends(ing)) {
      const resolution = resolveBackend(this.ws, ing, backend);
      if (resolution.status === 'not-a-service') continue;
      const at = backend.serviceNameNode ?? backend.node;
      const line = doc.rangeOf(at).start.line;
      const edge: GraphEdge = { from, to: '', kind: 'routes', broken: false, file: ing.obj.file, line };
      const port = backend.portName ?? backend.portNumber;
      if (port !== undefined) edge.port = port;
      if (rule?.host !== undefined) edge.host = rule.host;
      if (path) {
        if (path.path !== undefined) edge.path = path.path;
        if (path.pathType !== undefined) edge.pathType = path.pathType;
      } else edge.defaultBackend = true;
      const reason = reasonWithin(findings, doc.rangeOf(backend.node));
      if (resolution.status === 'missing') {
        edge.to = this.missingNode('Service', ing.obj.namespace, resolution.name, ing.obj.file, line);
        edge.broken = true;
        edge.reason =
          reason ??
          `Ingress \`${ing.obj.name}\` routes to Service \`${resolution.name}\`, which is not in the checked files for namespace \`${ing.obj.namespace}\`.`;
      } else {
        const to = this.idOf(resolution.service.obj);
        if (!to) continue;
        edge.to = to;
        if (resolution.status === 'no-port') {
          edge.broken = true;
          if (backend.portNode) edge.line = doc.rangeOf(backend.portNode).start.line;
          edge.reason =
            reason ??
            `Service \`${resolution.service.obj.name}\` has no port ${backend.portName !== undefined ? `named \`${backend.portName}\`` : backend.portNumber}.`;
        }
      }
      this.edges.push(edge);
    }
  }

  private serviceEdges(svc: Service): void {
    const from = this.drawn.get(svc.obj);
    if (!from || !selectsPods(svc) || !svc.selector) return;
    const obj = svc.obj;
    const doc = obj.doc;
    const selectorNode = obj.reader.pair(obj.reader.map(obj.get('spec')), 'selector')?.key ?? obj.node;
    const selectorLine = doc.rangeOf(selectorNode).start.line;
    const templates = selectedTemplates(this.ws, svc);
    if (templates.length === 0) {
      const wanted = selectorText(svc.selector);
      const to = this.missingNode('Pod', obj.namespace, wanted, obj.file, selectorLine, {
        selector: Object.fromEntries(svc.selector),
      });
      const reason = findingsOf(this.ws, obj, 'selection', this.opts.settings)[0]?.message;
      this.edges.push({
        from,
        to,
        kind: 'selects',
        broken: true,
        reason:
          reason ??
          `Service \`${obj.name}\` selects no pods: no workload in namespace \`${obj.namespace}\` has labels ${wanted}.`,
        file: obj.file,
        line: selectorLine,
      });
      return;
    }
    const findings = findingsOf(this.ws, obj, 'target-port', this.opts.settings);
    // A named targetPort is broken only when no selected workload has it: Kubernetes resolves it per pod,
    // so one Service may front different workloads on different ports.
    const unresolved = svc.ports.map((p) => {
      const target = resolveTargetPort(templates[0], p).target;
      return typeof target === 'string' && !templates.some((t) => resolveTargetPort(t, p).containerPort);
    });
    for (const tpl of templates) {
      const to = this.idOf(tpl.owner);
      if (!to) continue;
      const edge: GraphEdge = {
        from,
        to,
        kind: 'selects',
        broken: false,
        file: obj.file,
        line: selectorLine,
        ports: [],
      };
      const reasons: string[] = [];
      svc.ports.forEach((p, i) => {
        const { target, containerPort } = resolveTargetPort(tpl, p);
        const m: PortMapping = { protocol: p.protocol };
        if (p.name !== undefined) m.name = p.name;
        if (p.port !== undefined) m.port = p.port;
        if (target !== undefined) m.targetPort = target;
        if (containerPort?.containerPort !== undefined) m.containerPort = containerPort.containerPort;
        if (containerPort?.container.name !== undefined) m.container = containerPort.container.name;
        if (unresolved[i]) {
          m.broken = true;
          const targetNode = obj.reader.get(p.node, 'targetPort') ?? p.node;
          const range = doc.rangeOf(targetNode);
          if (!edge.broken) edge.line = range.start.line;
          edge.broken = true;
          reasons.push(
            reasonWithin(findings, doc.rangeOf(p.node), range) ??
              `targetPort \`${target}\` matches no container port named \`${target}\` (${p.protocol}) in the pods Service \`${obj.name}\` selects.`,
          );
        }
        edge.ports!.push(m);
      });
      if (reasons.length) edge.reason = reasons.join('\n');
      this.edges.push(edge);
    }
  }
}

const EDGE_KEYS: (keyof GraphEdge)[] = [
  'from',
  'to',
  'kind',
  'port',
  'broken',
  'reason',
  'host',
  'path',
  'pathType',
  'defaultBackend',
  'ports',
  'file',
  'line',
];

/** The edge's keys in the documented order, so that the JSON reads the way the docs show it. */
function inDocumentedOrder(edge: GraphEdge): GraphEdge {
  const out: Record<string, unknown> = {};
  for (const k of EDGE_KEYS) if (edge[k] !== undefined) out[k] = edge[k];
  return out as unknown as GraphEdge;
}

function backendText(ing: Ingress, b: IngressBackend): string {
  if (b.resource) {
    const r = ing.obj.reader;
    const res = r.map(r.get(b.node, 'resource'));
    return `resource ${r.text(r.get(res, 'kind')) ?? '?'}/${r.text(r.get(res, 'name')) ?? '?'}`;
  }
  const port = b.portName ?? b.portNumber;
  return `${b.serviceName ?? '?'}${port !== undefined ? `:${port}` : ''}`;
}

function describeIngress(node: GraphNode, ing: Ingress): void {
  if (ing.ingressClassName !== undefined) node.ingressClassName = ing.ingressClassName;
  const r = ing.obj.reader;
  const annotations = r.stringMap(r.get(ing.obj.metadata, 'annotations'));
  if (annotations?.size) node.annotations = Object.fromEntries(annotations);
  const tls = ing.tls.flatMap((t) => t.hosts);
  if (tls.length) node.tlsHosts = tls;
  const routes: IngressRoute[] = [];
  if (ing.defaultBackend) routes.push({ backend: backendText(ing, ing.defaultBackend), defaultBackend: true });
  for (const rule of ing.rules) {
    for (const p of rule.paths) {
      const route: IngressRoute = { backend: p.backend ? backendText(ing, p.backend) : '?' };
      if (rule.host !== undefined) route.host = rule.host;
      if (p.path !== undefined) route.path = p.path;
      if (p.pathType !== undefined) route.pathType = p.pathType;
      routes.push(route);
    }
  }
  node.routes = routes;
}

function describeService(node: GraphNode, svc: Service): void {
  node.type = svc.type;
  node.ports = svc.ports.map((p) => {
    const out: ServicePortInfo = { protocol: p.protocol };
    if (p.name !== undefined) out.name = p.name;
    if (p.port !== undefined) out.port = p.port;
    if (p.targetPort !== undefined) out.targetPort = p.targetPort;
    if (p.nodePort !== undefined) out.nodePort = p.nodePort;
    return out;
  });
  if (svc.selector && svc.selector.size) node.selector = Object.fromEntries(svc.selector);
  if (svc.externalName !== undefined) node.externalName = svc.externalName;
  if (svc.clusterIP === 'None') node.headless = true;
}

function describeWorkload(node: GraphNode, obj: K8sObject, tpl: PodTemplate): void {
  if (!isWorkload(obj.apiVersion, obj.kind)) return;
  const r = obj.reader;
  const count = (...path: string[]): number => {
    const n = r.int(obj.get(...path));
    return n !== undefined && n >= 0 ? n : 1;
  };
  switch (obj.kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet':
    case 'ReplicationController':
      node.replicas = count('spec', 'replicas');
      break;
    case 'Job':
      node.replicas = count('spec', 'parallelism');
      break;
    case 'CronJob':
      node.replicas = count('spec', 'jobTemplate', 'spec', 'parallelism');
      break;
    case 'Pod':
      node.replicas = 1;
      break;
    default: // DaemonSet: one pod per node
  }
  if (tpl.labels.size) node.labels = Object.fromEntries(tpl.labels);
  node.containers = servingContainers(tpl).map((c) => {
    const info: ContainerInfo = {
      ports: c.ports.map((p) => ({
        ...(p.name !== undefined ? { name: p.name } : {}),
        ...(p.containerPort !== undefined ? { containerPort: p.containerPort } : {}),
        protocol: p.protocol,
      })),
    };
    if (c.name !== undefined) info.name = c.name;
    if (c.sidecar) info.sidecar = true;
    return info;
  });
}
