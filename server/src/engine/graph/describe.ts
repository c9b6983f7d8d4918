/**
 * What each box and edge of the diagram says, as lines of text, and how wide that text is. Layout sizes the
 * boxes from these lines and the renderer draws exactly them, so both agree without a DOM to measure in.
 */
import type { GraphEdge, GraphNode, PortMapping } from './types';

/** Node text is set in the editor's monospace font, so its width follows from the number of characters. */
export const FONT_SIZE = 12;
export const LABEL_FONT_SIZE = 11;
/** Advance width of one monospace column, as a fraction of the font size (Menlo/DejaVu Sans Mono ≈ 0.6). */
const COLUMN_EM = 0.62;

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Monospace columns a text takes (East Asian wide characters and emoji take two). */
export function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return n;
}

export function textWidth(text: string, fontSize = FONT_SIZE): number {
  return Math.ceil(columns(text) * fontSize * COLUMN_EM);
}

/** Cuts a text to at most `max` columns, ending with `…` when cut. */
export function truncate(text: string, max: number): string {
  if (columns(text) <= max) return text;
  let out = '';
  let n = 0;
  for (const ch of text) {
    const w = isWide(ch.codePointAt(0)!) ? 2 : 1;
    if (n + w > max - 1) break;
    out += ch;
    n += w;
  }
  return out + '…';
}

export type LineStyle = 'detail' | 'route' | 'port' | 'warn';

export interface NodeText {
  /** Short kind badge, e.g. `SVC`. */
  badge: string;
  title: string;
  lines: { text: string; style: LineStyle }[];
  /** Shown on hover: the full, untruncated description. */
  tooltip: string;
}

export const BADGES: Record<string, string> = {
  Ingress: 'ING',
  Service: 'SVC',
  Deployment: 'DEPLOY',
  StatefulSet: 'STS',
  DaemonSet: 'DS',
  ReplicaSet: 'RS',
  ReplicationController: 'RC',
  Job: 'JOB',
  CronJob: 'CRON',
  Pod: 'POD',
  Pods: 'PODS',
};

/** At most this many lines of routes, ports or containers per box; the rest is summed up. */
const MAX_LINES = 8;

function capped(lines: NodeText['lines']): NodeText['lines'] {
  if (lines.length <= MAX_LINES) return lines;
  return [...lines.slice(0, MAX_LINES - 1), { text: `+${lines.length - MAX_LINES + 1} more`, style: 'detail' }];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function routeText(r: { host?: string; path?: string; defaultBackend?: true }): string {
  if (r.defaultBackend) return 'default backend';
  return `${r.host ?? '*'}${r.path ?? '/'}`;
}

function servicePortText(p: NonNullable<GraphNode['ports']>[number]): string {
  const port = `${p.port ?? '?'}${p.nodePort !== undefined ? `:${p.nodePort}` : ''}/${p.protocol}`;
  return p.name ? `${p.name} ${port}` : port;
}

/**
 * How a Service is reached (`kubeway route` traces the same entries): its in-cluster DNS name, and for
 * NodePort / LoadBalancer Services the node ports on every node (a load balancer forwards to them).
 */
function entryLines(node: GraphNode, type: string): NodeText['lines'] {
  if (type === 'ExternalName') return [];
  const out: NodeText['lines'] = [
    {
      text: `in cluster: ${node.name}.${node.namespace}.svc${node.headless ? ' (pod addresses)' : ''}`,
      style: 'detail',
    },
  ];
  if (type !== 'NodePort' && type !== 'LoadBalancer') return out;
  const nodePorts = (node.ports ?? []).map((p) => p.nodePort).filter((n): n is number => n !== undefined);
  const where = nodePorts.length ? nodePorts.map((n) => `node:${n}`).join(', ') : 'assigned node ports';
  out.push({
    text: type === 'LoadBalancer' ? `outside: load balancer → ${where}` : `outside: ${where} on every node`,
    style: 'detail',
  });
  return out;
}

export function describeGraphNode(node: GraphNode): NodeText {
  const badge = BADGES[node.kind] ?? node.kind.slice(0, 4).toUpperCase();
  const lines: NodeText['lines'] = [];
  const where = `${node.kind} ${node.name} in namespace ${node.namespace}`;
  if (node.missing) {
    if (node.kind === 'Pod') {
      return {
        badge: 'PODS',
        title: 'no pods',
        lines: [
          { text: node.name, style: 'warn' },
          { text: 'no workload has these labels', style: 'warn' },
        ],
        tooltip: `No workload in namespace ${node.namespace} has labels ${node.name}`,
      };
    }
    return {
      badge,
      title: node.name,
      lines: [{ text: 'not in the checked files', style: 'warn' }],
      tooltip: `${where}: not in the checked files`,
    };
  }
  switch (node.kind) {
    case 'Ingress': {
      if (node.ingressClassName) lines.push({ text: `class ${node.ingressClassName}`, style: 'detail' });
      const tls = new Set(node.tlsHosts ?? []);
      const routes = (node.routes ?? []).map((r) => ({
        text: `${routeText(r)}${r.host !== undefined && tls.has(r.host) ? ' (tls)' : ''}`,
        style: 'route' as const,
      }));
      lines.push(...capped(routes));
      break;
    }
    case 'Service': {
      const type = node.type ?? 'ClusterIP';
      if (type === 'ExternalName') lines.push({ text: `ExternalName → ${node.externalName ?? '?'}`, style: 'detail' });
      else lines.push({ text: node.headless ? `${type}, headless` : type, style: 'detail' });
      lines.push(...capped((node.ports ?? []).map((p) => ({ text: servicePortText(p), style: 'port' as const }))));
      lines.push(...entryLines(node, type));
      break;
    }
    default: {
      const r = node.replicas;
      const count =
        node.kind === 'DaemonSet'
          ? 'one pod per node'
          : node.kind === 'Pod'
            ? 'bare pod'
            : node.kind === 'Job' || node.kind === 'CronJob'
              ? `${plural(r ?? 1, 'pod')} per run`
              : plural(r ?? 1, 'replica');
      lines.push({ text: `${node.kind}, ${count}`, style: 'detail' });
      const ports: NodeText['lines'] = [];
      for (const c of node.containers ?? []) {
        const name = `${c.name ?? '?'}${c.sidecar ? ' (sidecar)' : ''}`;
        if (!c.ports.length) ports.push({ text: name, style: 'port' });
        for (const p of c.ports)
          ports.push({
            text: `${name}: ${p.name ? `${p.name} ` : ''}${p.containerPort ?? '?'}/${p.protocol}`,
            style: 'port',
          });
      }
      lines.push(...capped(ports));
    }
  }
  const annotations = Object.entries(node.annotations ?? {}).map(([k, v]) => `${k}: ${v}`);
  const tooltip = [
    where,
    ...lines.map((l) => l.text),
    ...(annotations.length ? ['annotations:', ...annotations] : []),
  ].join('\n');
  return { badge, title: node.name, lines, tooltip };
}

/** The box after a workload: how many pods it runs, and their labels. */
export function describePods(workload: GraphNode): NodeText {
  const r = workload.replicas;
  const title =
    workload.kind === 'DaemonSet'
      ? 'pod per node'
      : workload.kind === 'Job' || workload.kind === 'CronJob'
        ? `${plural(r ?? 1, 'pod')} per run`
        : plural(r ?? 1, 'pod');
  const labels = Object.entries(workload.labels ?? {}).map(([k, v]) => ({
    text: `${k}=${v}`,
    style: 'detail' as const,
  }));
  return {
    badge: 'PODS',
    title,
    lines: capped(labels),
    tooltip: [`Pods of ${workload.kind} ${workload.name}: ${title}`, ...labels.map((l) => l.text)].join('\n'),
  };
}

function mappingText(m: PortMapping): string {
  const port = m.port ?? m.name ?? '?';
  if (m.broken) return `${port} → ${m.targetPort} ✗`;
  if (typeof m.targetPort === 'string')
    return `${port} → ${m.targetPort}${m.containerPort !== undefined ? `:${m.containerPort}` : ' –'}`;
  return `${port} → ${m.targetPort ?? port}`;
}

/** The name of the object an edge goes to (`Kind/namespace/name`, or `missing:…`). */
function targetName(id: string): string {
  return id
    .replace(/^missing:/, '')
    .split('/')
    .slice(2)
    .join('/');
}

/**
 * Why an edge is broken, in a few words written on the diagram ("no port 9999 on Service web", "no pods with
 * app=x"); the tooltip keeps the full diagnostic.
 */
export function edgeProblems(e: GraphEdge): string[] {
  if (!e.broken) return [];
  const name = targetName(e.to);
  if (e.kind === 'routes')
    return [e.to.startsWith('missing:') ? `no Service ${name}` : `no port ${e.port ?? '?'} on Service ${name}`];
  if (e.to.startsWith('missing:')) return [`no pods with ${name}`];
  return (e.ports ?? []).filter((m) => m.broken).map((m) => `no port ${m.targetPort ?? '?'} in the pods`);
}

/** The lines written on a drawn edge (one or more edges of the graph): routes with their host and path, port chains, and what is broken. */
export function edgeLabelLines(edges: GraphEdge[]): { text: string; warn: boolean }[] {
  const out: { text: string; warn: boolean }[] = [];
  const add = (text: string, warn: boolean) => {
    if (!out.some((l) => l.text === text)) out.push({ text, warn });
  };
  for (const e of edges) {
    if (e.kind === 'routes') {
      const port = e.port !== undefined ? ` → :${e.port}` : '';
      add(`${e.defaultBackend ? 'default' : routeText(e)}${port}`, false);
    } else {
      for (const m of e.ports ?? []) add(mappingText(m), !!m.broken);
    }
  }
  for (const e of edges) for (const p of edgeProblems(e)) add(p, true);
  if (out.length > MAX_LINES)
    return [...out.slice(0, MAX_LINES - 1), { text: `+${out.length - MAX_LINES + 1} more`, warn: false }];
  return out;
}

/** What hovering a drawn edge says: every route or port it stands for, and why it is broken. */
export function edgeTooltip(edges: GraphEdge[]): string {
  const lines: string[] = [];
  for (const e of edges) {
    if (e.kind === 'routes') {
      const route = e.defaultBackend
        ? 'default backend'
        : `${e.host ?? '*'}${e.path ?? '/'}${e.pathType ? ` (${e.pathType})` : ''}`;
      lines.push(
        `${route} → ${e.to
          .replace(/^missing:/, '')
          .split('/')
          .slice(2)
          .join('/')}${e.port !== undefined ? `:${e.port}` : ''}`,
      );
    } else if (e.ports?.length) {
      lines.push(
        ...e.ports.map(
          (m) => `${m.name ? `${m.name} ` : ''}${mappingText(m)}${m.container ? ` (container ${m.container})` : ''}`,
        ),
      );
    } else lines.push('selects');
    if (e.broken && e.reason && !lines.includes(e.reason)) lines.push(e.reason);
  }
  return lines.join('\n');
}
