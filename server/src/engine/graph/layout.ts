/**
 * Places the traffic graph with elkjs (layered, left to right: Ingress → Service → workload → Pods).
 *
 * Edges never leave a namespace, so every namespace is a box of its own; inside it, each connected group
 * of objects is laid out by ELK on its own (ELK's cost grows much faster than linearly with graph size) and
 * the groups are stacked with their first column aligned. Group layouts are cached by shape, so a live
 * update re-lays out only the groups whose boxes changed.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import {
  FONT_SIZE,
  LABEL_FONT_SIZE,
  columns,
  describeGraphNode,
  describePods,
  edgeLabelLines,
  edgeTooltip,
  textWidth,
  truncate,
} from './describe';
import type { NodeText } from './describe';
import { describeFold, findFolds } from './aggregate';
import { elkLayoutSync } from './elk';
import type { GraphEdge, GraphNode, GraphNodeKind, TrafficGraph } from './types';

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayoutNode extends Box {
  /** The graph node's id; `pods:<workload id>` for the Pods box after a workload. */
  id: string;
  kind: GraphNodeKind | 'Pods';
  text: NodeText;
  missing: boolean;
  stale: boolean;
  /** The graph node drawn (for a Pods box: its workload; for a folded fan: its first member). */
  node: GraphNode;
  /** A folded fan (see aggregate.ts): how many siblings this one box stands for. */
  group?: number;
}

export interface LayoutEdge {
  id: string;
  kind: 'routes' | 'selects' | 'runs';
  from: string;
  to: string;
  broken: boolean;
  /** Indexes into graph.edges of the edges this line stands for (parallel edges are drawn once). */
  edges: number[];
  points: Point[];
  /** The label's lines; `warn`: which say what is broken (drawn in the error colour). */
  label?: Box & { lines: string[]; warn: boolean[] };
  tooltip: string;
}

export interface LayoutNamespace extends Box {
  name: string;
  /** Node and edge coordinates are relative to the namespace box. */
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

export interface GraphLayout {
  width: number;
  height: number;
  namespaces: LayoutNamespace[];
  graph: TrafficGraph;
  /** What the picture leaves out or simplifies, said on the diagram (folded fans, the layout budget). */
  notes: string[];
}

// Box metrics, shared with the renderer.
export const NODE = {
  padX: 10,
  header: 28,
  line: 16,
  padBottom: 8,
  minWidth: 150,
  maxWidth: 380,
  badgeGap: 8,
  badgePadX: 5,
};
export const LABEL = { line: 14, padX: 4, padY: 2 };
export const NAMESPACE = { pad: 16, title: 26, gap: 28 };
const GROUP_GAP = 28;
const COLUMN_GAP = 64;
const PARTITION: Record<string, number> = { Ingress: 0, Service: 1, Pods: 3 };

function partitionOf(kind: string, missing: boolean): number {
  if (kind === 'Pod' && missing) return 2;
  return PARTITION[kind] ?? 2;
}

export function badgeWidth(badge: string): number {
  return textWidth(badge, 10) + 2 * NODE.badgePadX;
}

function sizeNode(text: NodeText): { width: number; height: number; text: NodeText } {
  const maxCols = Math.floor((NODE.maxWidth - 2 * NODE.padX) / (FONT_SIZE * 0.62));
  const titleCols = Math.max(8, maxCols - Math.ceil((badgeWidth(text.badge) + NODE.badgeGap) / (FONT_SIZE * 0.62)));
  const fitted: NodeText = {
    ...text,
    title: truncate(text.title, titleCols),
    lines: text.lines.map((l) => ({ ...l, text: truncate(l.text, maxCols) })),
  };
  const header = badgeWidth(fitted.badge) + NODE.badgeGap + textWidth(fitted.title);
  const body = Math.max(0, ...fitted.lines.map((l) => textWidth(l.text)));
  // Widths on a 10 px grid: boxes of similar names get the same shape, so group layouts are reused more.
  const width = Math.min(NODE.maxWidth, Math.ceil((Math.max(NODE.minWidth, header, body) + 2 * NODE.padX) / 10) * 10);
  const height = NODE.header + fitted.lines.length * NODE.line + (fitted.lines.length ? NODE.padBottom : 2);
  return { width, height, text: fitted };
}

interface DrawnEdge {
  id: string;
  kind: LayoutEdge['kind'];
  from: string;
  to: string;
  broken: boolean;
  edges: number[];
  lines: string[];
  warn: boolean[];
  tooltip: string;
}

interface PreparedNamespace {
  name: string;
  nodes: LayoutNode[];
  edges: DrawnEdge[];
  groups: { nodes: LayoutNode[]; edges: DrawnEdge[] }[];
}

type SourcedEdge = DrawnEdge & { source: GraphEdge[] };

/**
 * Whether an edge is drawn broken: a Service edge only when none of its ports reaches the pods (a broken
 * port among working ones is marked on its label line, not on the whole edge).
 */
function drawnBroken(e: GraphEdge): boolean {
  if (!e.broken) return false;
  return !(e.kind === 'selects' && e.ports?.some((m) => !m.broken));
}

/**
 * Folds the large fans of one namespace into one box each (aggregate.ts); edges to and from folded objects
 * are drawn from the box, edges inside it are only counted.
 */
function foldFans(
  nodes: LayoutNode[],
  edges: SourcedEdge[],
  opts: LayoutOptions,
  notes: string[],
): { nodes: LayoutNode[]; edges: SourcedEdge[] } {
  const folds = findFolds(nodes, edges, opts.expand ?? new Set());
  if (!folds.length) return { nodes, edges };
  const foldOf = new Map<string, (typeof folds)[number]>();
  for (const f of folds) for (const id of f.folded) foldOf.set(id, f);
  const brokenInside = new Map<string, number>();
  const merged = new Map<string, SourcedEdge>();
  const outEdges: SourcedEdge[] = [];
  for (const e of edges) {
    const f = foldOf.get(e.from);
    const t = foldOf.get(e.to);
    if (f && f === t) {
      if (e.broken) brokenInside.set(f.id, (brokenInside.get(f.id) ?? 0) + e.edges.length);
      continue;
    }
    if (!f && !t) {
      outEdges.push(e);
      continue;
    }
    if (e.broken) brokenInside.set((f ?? t)!.id, (brokenInside.get((f ?? t)!.id) ?? 0) + e.edges.length);
    const from = f ? f.id : e.from;
    const to = t ? t.id : e.to;
    const key = `${e.kind}\u0000${from}\u0000${to}\u0000${e.broken}`;
    let d = merged.get(key);
    if (!d) {
      d = { ...e, from, to, edges: [], source: [] };
      merged.set(key, d);
      outEdges.push(d);
    }
    d.edges.push(...e.edges);
    d.source.push(...e.source);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const outNodes: LayoutNode[] = [];
  const placed = new Set<string>();
  for (const n of nodes) {
    const f = foldOf.get(n.id);
    if (!f) outNodes.push(n);
    else if (!placed.has(f.id)) {
      placed.add(f.id);
      const { width, height, text } = sizeNode(describeFold(f, byId, brokenInside.get(f.id) ?? 0, !!opts.expandable));
      const first = f.members[0];
      const stale = f.members.some((m) => m.stale);
      outNodes.push({
        id: f.id,
        kind: first.kind,
        text,
        missing: first.missing,
        stale,
        node: first.node,
        group: f.members.length,
        x: 0,
        y: 0,
        width,
        height,
      });
      notes.push(
        `${text.title} behind ${f.hub.kind} ${f.hub.node.name} are drawn as one box${opts.expandable ? ' (click it to draw them all)' : ''}.`,
      );
    }
  }
  return { nodes: outNodes, edges: outEdges };
}

/** At most this many lines in an edge's tooltip (a folded fan's edge stands for thousands). */
const TOOLTIP_LINES = 30;

/** Nodes with their boxes, edges merged per (from, to, kind, broken), grouped by namespace and connected group. */
function prepare(graph: TrafficGraph, opts: LayoutOptions, notes: string[]): PreparedNamespace[] {
  const byNs = new Map<string, { nodes: LayoutNode[]; edges: SourcedEdge[] }>();
  const nsOf = (ns: string) => {
    let e = byNs.get(ns);
    if (!e) byNs.set(ns, (e = { nodes: [], edges: [] }));
    return e;
  };
  const nodeNs = new Map<string, string>();
  const workloads = new Set([
    'Deployment',
    'StatefulSet',
    'DaemonSet',
    'ReplicaSet',
    'ReplicationController',
    'Job',
    'CronJob',
  ]);
  for (const n of graph.nodes) {
    const { width, height, text } = sizeNode(describeGraphNode(n));
    const ns = nsOf(n.namespace);
    ns.nodes.push({
      id: n.id,
      kind: n.kind,
      text,
      missing: !!n.missing,
      stale: !!n.stale,
      node: n,
      x: 0,
      y: 0,
      width,
      height,
    });
    nodeNs.set(n.id, n.namespace);
    if (!n.missing && workloads.has(n.kind)) {
      const pods = sizeNode(describePods(n));
      const id = `pods:${n.id}`;
      ns.nodes.push({
        id,
        kind: 'Pods',
        text: pods.text,
        missing: false,
        stale: !!n.stale,
        node: n,
        x: 0,
        y: 0,
        width: pods.width,
        height: pods.height,
      });
      ns.edges.push({
        id: `runs:${n.id}`,
        kind: 'runs',
        from: n.id,
        to: id,
        broken: false,
        edges: [],
        lines: [],
        warn: [],
        tooltip: `${n.kind} ${n.name} runs these pods`,
        source: [],
      });
    }
  }
  const merged = new Map<string, SourcedEdge>();
  graph.edges.forEach((e, i) => {
    const ns = nodeNs.get(e.from);
    if (ns === undefined || nodeNs.get(e.to) !== ns) return;
    const broken = drawnBroken(e);
    const key = `${e.kind}\u0000${e.from}\u0000${e.to}\u0000${broken}`;
    let d = merged.get(key);
    if (!d) {
      d = {
        id: `e${i}`,
        kind: e.kind,
        from: e.from,
        to: e.to,
        broken,
        edges: [],
        lines: [],
        warn: [],
        tooltip: '',
        source: [],
      };
      merged.set(key, d);
      nsOf(ns).edges.push(d);
    }
    d.edges.push(i);
    d.source.push(e);
  });
  return [...byNs.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, all]) => {
      const { nodes, edges } = foldFans(all.nodes, all.edges, opts, notes);
      for (const d of edges) {
        if (!d.source.length) continue;
        const label = edgeLabelLines(d.source);
        d.lines = label.map((l) => truncate(l.text, 40));
        d.warn = label.map((l) => l.warn);
        const tip = edgeTooltip(d.source).split('\n');
        d.tooltip =
          tip.length > TOOLTIP_LINES
            ? [...tip.slice(0, TOOLTIP_LINES - 1), `… and ${tip.length - TOOLTIP_LINES + 1} more`].join('\n')
            : tip.join('\n');
      }
      return { name, nodes, edges, groups: connectedGroups(nodes, edges) };
    });
}

/** Connected groups of nodes, in the order their first node appears (file order). */
function connectedGroups(nodes: LayoutNode[], edges: DrawnEdge[]): { nodes: LayoutNode[]; edges: DrawnEdge[] }[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let c = x;
    while (c !== r) {
      const next = parent.get(c)!;
      parent.set(c, r);
      c = next;
    }
    return r;
  };
  for (const n of nodes) parent.set(n.id, n.id);
  for (const e of edges) {
    const a = find(e.from);
    const b = find(e.to);
    if (a !== b) parent.set(b, a);
  }
  const groups = new Map<string, { nodes: LayoutNode[]; edges: DrawnEdge[] }>();
  for (const n of nodes) {
    const r = find(n.id);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = { nodes: [], edges: [] }));
    g.nodes.push(n);
  }
  for (const e of edges) groups.get(find(e.from))!.edges.push(e);
  return [...groups.values()];
}

const ELK_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  // Every edge goes from one column to the next (Ingress → Service → workload → Pods), so with the kind as
  // partition each ELK layer is exactly one column. Labels are placed afterwards, at the arrow: ELK's label
  // dummies would add layers of their own that boxes could slip into.
  'elk.partitioning.activate': 'true',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  'elk.spacing.nodeNode': '18',
  'elk.spacing.edgeNode': '12',
  'elk.spacing.edgeEdge': '10',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
  // Each group is one connected component already.
  'elk.separateConnectedComponents': 'false',
};

/** Room between two columns: the widest label in the group, and space for the bends before it. */
const MIN_COLUMN_GAP = 48;
const LABEL_ROOM = 28;

interface GroupShape {
  width: number;
  height: number;
  nodes: Point[];
  edges: { points: Point[] }[];
}

/** Group layouts by shape (sizes, partitions, connections, label sizes): ELK gives the same answer for the same shape. */
const shapeCache = new Map<string, GroupShape>();
const SHAPE_CACHE_MAX = 5000;

/** Forgets every cached group layout (for benchmarks that measure ELK itself). */
export function clearLayoutCache(): void {
  shapeCache.clear();
}

function labelSize(lines: string[]): { width: number; height: number } {
  if (!lines.length) return { width: 0, height: 0 };
  return {
    width: Math.max(...lines.map((l) => textWidth(l, LABEL_FONT_SIZE))) + 2 * LABEL.padX,
    height: lines.length * LABEL.line + 2 * LABEL.padY,
  };
}

export interface LayoutOptions {
  /** Reuse group layouts of the same shape (default true; off only to measure ELK itself). */
  cache?: boolean;
  /** Folded fans (`group:…` ids) to draw in full. */
  expand?: ReadonlySet<string>;
  /** The viewer can expand a folded fan when it is clicked (the box says so). */
  expandable?: boolean;
  /**
   * Milliseconds of ELK work allowed for the whole picture: once spent, the remaining groups are placed in
   * plain columns and the diagram says so. Default 5000; 0 places every group in columns.
   */
  budgetMs?: number;
}

/** Groups larger than this are placed in plain columns: ELK would take seconds (150 boxes: about 2 s). */
export const ELK_MAX_NODES = 60;
const ELK_MAX_EDGES = 120;
const DEFAULT_BUDGET_MS = 5000;

/** Counts the ELK time of one picture against its budget. */
class Budget {
  private spent = 0;
  skipped = 0;
  constructor(private readonly ms: number) {}
  get left(): boolean {
    return this.spent < this.ms;
  }
  charge(ms: number): void {
    this.spent += ms;
  }
}

function layoutGroup(
  group: { nodes: LayoutNode[]; edges: DrawnEdge[] },
  opts: LayoutOptions,
  budget: Budget,
): GroupShape {
  const index = new Map(group.nodes.map((n, i) => [n.id, i]));
  const gap = Math.max(MIN_COLUMN_GAP, ...group.edges.map((e) => labelSize(e.lines).width + LABEL_ROOM));
  const key = JSON.stringify([
    gap,
    group.nodes.map((n) => [n.width, n.height, partitionOf(n.kind, n.missing)]),
    group.edges.map((e) => [index.get(e.from), index.get(e.to)]),
  ]);
  const useCache = opts.cache !== false;
  const cached = useCache ? shapeCache.get(key) : undefined;
  if (cached) return cached;
  // A lone box has nothing to arrange; a very large group would cost ELK seconds and gigabytes.
  if (group.nodes.length === 1 || group.nodes.length > ELK_MAX_NODES || group.edges.length > ELK_MAX_EDGES)
    return columnShape(group, index, gap);
  if (!budget.left) {
    budget.skipped++;
    return columnShape(group, index, gap);
  }
  let shape: GroupShape;
  const t0 = Date.now();
  try {
    shape = elkShape(group, index, gap);
  } catch {
    shape = columnShape(group, index, gap);
  }
  budget.charge(Date.now() - t0);
  if (!useCache) return shape;
  if (shapeCache.size >= SHAPE_CACHE_MAX) shapeCache.delete(shapeCache.keys().next().value!);
  shapeCache.set(key, shape);
  return shape;
}

function elkShape(
  group: { nodes: LayoutNode[]; edges: DrawnEdge[] },
  index: Map<string, number>,
  gap: number,
): GroupShape {
  const graph: ElkNode = {
    id: 'g',
    layoutOptions: { ...ELK_OPTIONS, 'elk.layered.spacing.nodeNodeBetweenLayers': String(gap) },
    children: group.nodes.map((n, i) => ({
      id: `n${i}`,
      width: n.width,
      height: n.height,
      layoutOptions: { 'elk.partitioning.partition': String(partitionOf(n.kind, n.missing)) },
    })),
    edges: group.edges.map((e, i): ElkExtendedEdge => ({
      id: `e${i}`,
      sources: [`n${index.get(e.from)}`],
      targets: [`n${index.get(e.to)}`],
    })),
  };
  const out = elkLayoutSync(graph);
  return {
    width: out.width ?? 0,
    height: out.height ?? 0,
    nodes: (out.children ?? []).map((c) => ({ x: c.x ?? 0, y: c.y ?? 0 })),
    edges: (out.edges ?? []).map((e) => {
      const s = (e as ElkExtendedEdge).sections?.[0];
      return { points: s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => ({ x: p.x, y: p.y })) : [] };
    }),
  };
}

/**
 * A plain column placement (one column per kind, boxes in file order), for groups too large for ELK, after
 * the budget, or if ELK fails on a group: the picture is still complete.
 */
function columnShape(
  group: { nodes: LayoutNode[]; edges: DrawnEdge[] },
  index: Map<string, number>,
  gap: number,
): GroupShape {
  const cols: LayoutNode[][] = [[], [], [], []];
  for (const n of group.nodes) cols[partitionOf(n.kind, n.missing)].push(n);
  const pos: Point[] = new Array(group.nodes.length);
  let x = 0;
  let height = 0;
  for (const col of cols) {
    if (!col.length) continue;
    let y = 0;
    for (const n of col) {
      pos[index.get(n.id)!] = { x, y };
      y += n.height + 18;
    }
    height = Math.max(height, y - 18);
    x += Math.max(...col.map((n) => n.width)) + gap;
  }
  const side = (i: number, right: boolean): Point => {
    const n = group.nodes[i];
    return { x: pos[i].x + (right ? n.width : 0), y: pos[i].y + n.height / 2 };
  };
  return {
    width: x - gap,
    height,
    nodes: pos,
    edges: group.edges.map((e) => ({ points: [side(index.get(e.from)!, true), side(index.get(e.to)!, false)] })),
  };
}

/**
 * Lays out one namespace: its groups stacked (in several stacks when tall), with every column lined up
 * across groups. Each column of a group is moved right to the namespace's column; an edge keeps its bends
 * with its source and only its last, horizontal segment grows, so its route stays orthogonal.
 */
function placeNamespace(ns: PreparedNamespace, shapes: GroupShape[]): LayoutNamespace {
  const groups = ns.groups.map((g, i) => {
    const shape = shapes[i];
    const part = g.nodes.map((n) => partitionOf(n.kind, n.missing));
    const left: (number | undefined)[] = [undefined, undefined, undefined, undefined];
    part.forEach((p, j) => (left[p] = Math.min(left[p] ?? Infinity, shape.nodes[j].x)));
    return { g, shape, part, left };
  });
  const widest = [0, 0, 0, 0];
  for (const { g, part } of groups) g.nodes.forEach((n, j) => (widest[part[j]] = Math.max(widest[part[j]], n.width)));
  const colX = [0, 0, 0, 0];
  for (let p = 1; p < 4; p++) {
    let step = 0;
    for (const { left } of groups)
      if (left[p - 1] !== undefined && left[p] !== undefined) step = Math.max(step, left[p]! - left[p - 1]!);
    colX[p] = colX[p - 1] + (step || (widest[p - 1] ? widest[p - 1] + COLUMN_GAP : 0));
  }
  // Every group, with its columns moved into place (relative to the group's top left).
  const placed = groups.map(({ g, shape, part, left }) => {
    const shift = left.map((l, p) => (l === undefined ? 0 : colX[p] - l));
    // Boxes are left-aligned in their column (ELK centres them in their layer); edge ends follow their box.
    const nodes = g.nodes.map((n, j) => ({ x: colX[part[j]], y: shape.nodes[j].y }));
    const inward = g.nodes.map((n, j) => shape.nodes[j].x + shift[part[j]] - colX[part[j]]);
    const at = new Map(g.nodes.map((n, j) => [n.id, j]));
    const edges = g.edges.map((e, k) => {
      const pts = shape.edges[k].points;
      const from = at.get(e.from)!;
      const to = at.get(e.to)!;
      return pts.map((pt, i) => {
        if (i === pts.length - 1) return { x: pt.x + shift[part[to]] - inward[to], y: pt.y };
        return { x: pt.x + shift[part[from]] - (i === 0 ? inward[from] : 0), y: pt.y };
      });
    });
    const width = Math.max(0, ...g.nodes.map((n, j) => nodes[j].x + n.width));
    return { g, nodes, edges, width, height: shape.height };
  });
  const stackWidth = Math.max(...placed.map((p) => p.width));
  const total = placed.reduce((s, p) => s + p.height + GROUP_GAP, 0);
  // Enough stacks side by side for a picture about 16:10 (like a screen), not a ribbon.
  const aspectOff = (k: number) => Math.abs(Math.log((k * (stackWidth + COLUMN_GAP)) / (total / k) / 1.6));
  const ideal = Math.sqrt((1.6 * total) / (stackWidth + COLUMN_GAP));
  const k = aspectOff(Math.floor(ideal)) <= aspectOff(Math.ceil(ideal)) ? Math.floor(ideal) : Math.ceil(ideal);
  const stacks = Math.max(1, Math.min(placed.length, k));
  const perStack = total / stacks;
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  const left = NAMESPACE.pad;
  const top = NAMESPACE.pad + NAMESPACE.title;
  let stack = 0;
  let y = 0;
  let maxY = 0;
  for (const p of placed) {
    if (y > 0 && y + p.height / 2 > perStack && stack < stacks - 1) {
      stack++;
      y = 0;
    }
    const ox = left + stack * (stackWidth + COLUMN_GAP);
    const oy = top + y;
    p.g.nodes.forEach((n, j) => nodes.push({ ...n, x: ox + p.nodes[j].x, y: oy + p.nodes[j].y }));
    const labels: Box[] = [];
    p.g.edges.forEach((e, k) => {
      const points = p.edges[k].map((pt) => ({ x: ox + pt.x, y: oy + pt.y }));
      const le: LayoutEdge = {
        id: e.id,
        kind: e.kind,
        from: e.from,
        to: e.to,
        broken: e.broken,
        edges: e.edges,
        points,
        tooltip: e.tooltip,
      };
      if (e.lines.length && points.length) {
        // Just above the arrow, moved up past the labels already there (edges converging on one box).
        const end = points[points.length - 1];
        const size = labelSize(e.lines);
        const box: Box = {
          x: end.x - 10 - size.width,
          y: end.y - 3 - size.height,
          width: size.width,
          height: size.height,
        };
        for (let tries = 0; tries < 50; tries++) {
          const hit = labels.find(
            (l) =>
              box.x < l.x + l.width &&
              l.x < box.x + box.width &&
              box.y < l.y + l.height + 2 &&
              l.y < box.y + box.height + 2,
          );
          if (!hit) break;
          box.y = hit.y - box.height - 2;
        }
        labels.push(box);
        le.label = { ...box, lines: e.lines, warn: e.warn };
      }
      edges.push(le);
    });
    y += p.height + GROUP_GAP;
    maxY = Math.max(maxY, y - GROUP_GAP);
  }
  const titleWidth = columns(`namespace ${ns.name}`) * 8 + 2 * NAMESPACE.pad;
  const width = Math.max(titleWidth, left + (stack + 1) * stackWidth + stack * COLUMN_GAP + NAMESPACE.pad);
  return { name: ns.name, x: 0, y: 0, width, height: top + maxY + NAMESPACE.pad, nodes, edges };
}

function stackNamespaces(
  graph: TrafficGraph,
  namespaces: LayoutNamespace[],
  notes: string[],
  budget: Budget,
): GraphLayout {
  if (budget.skipped)
    notes.push(
      `The layout took longer than its budget: ${budget.skipped} group${budget.skipped === 1 ? ' is' : 's are'} placed in plain columns.`,
    );
  let y = 0;
  let width = 0;
  for (const ns of namespaces) {
    ns.y = y;
    y += ns.height + NAMESPACE.gap;
    width = Math.max(width, ns.width);
  }
  return { width, height: Math.max(0, y - NAMESPACE.gap), namespaces, graph, notes };
}

/** Lays the graph out synchronously (the CLI). */
export function layoutGraphSync(graph: TrafficGraph, opts: LayoutOptions = {}): GraphLayout {
  const notes: string[] = [];
  const budget = new Budget(opts.budgetMs ?? DEFAULT_BUDGET_MS);
  const prepared = prepare(graph, opts, notes);
  return stackNamespaces(
    graph,
    prepared.map((ns) =>
      placeNamespace(
        ns,
        ns.groups.map((g) => layoutGroup(g, opts, budget)),
      ),
    ),
    notes,
    budget,
  );
}

const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

/**
 * Lays the graph out, giving the event loop a turn every few milliseconds, so that a language server
 * drawing thousands of objects still answers other requests meanwhile.
 */
export async function layoutGraph(graph: TrafficGraph, opts: LayoutOptions = {}): Promise<GraphLayout> {
  const notes: string[] = [];
  const budget = new Budget(opts.budgetMs ?? DEFAULT_BUDGET_MS);
  const prepared = prepare(graph, opts, notes);
  const out: LayoutNamespace[] = [];
  let slice = Date.now();
  for (const ns of prepared) {
    const shapes: GroupShape[] = [];
    for (const g of ns.groups) {
      shapes.push(layoutGroup(g, opts, budget));
      if (Date.now() - slice > 15) {
        await yieldToEventLoop();
        slice = Date.now();
      }
    }
    out.push(placeNamespace(ns, shapes));
  }
  return stackNamespaces(graph, out, notes, budget);
}
