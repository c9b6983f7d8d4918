/**
 * Large fans folded into one box. A Service selecting 2000 Deployments, or an Ingress routing to 10 000
 * Services, makes a group that no layered layout places in reasonable time or memory (ELK's cost grows much
 * faster than the group), and that nobody reads box by box. Siblings of one kind that hang off the same
 * object, and only off it, become one box "2000 Deployments" (with what only they lead to: their pods, their
 * own workloads); the viewer asks for it to be drawn in full when it is clicked.
 */
import type { NodeText } from './describe';
import type { GraphNode } from './types';

/** More siblings than this hanging off one object are folded. */
export const FAN_MAX = 12;

export interface FoldNode {
  id: string;
  kind: string;
  missing: boolean;
  node: GraphNode;
  text: NodeText;
}

export interface FoldEdge {
  id: string;
  kind: string;
  from: string;
  to: string;
  broken: boolean;
  edges: number[];
}

export interface Fold<N extends FoldNode> {
  /** `group:<hub id>:<kind>`, stable across updates: what the viewer sends back to have it expanded. */
  id: string;
  /** The object the siblings hang off. */
  hub: N;
  /** The siblings themselves. */
  members: N[];
  /** Everything folded: the members and what only they lead to. */
  folded: Set<string>;
}

const PLURAL: Record<string, string> = { Ingress: 'Ingresses', Pods: 'pod sets' };
export function kindPlural(kind: string, n: number): string {
  return `${n} ${n === 1 ? kind : (PLURAL[kind] ?? `${kind}s`)}`;
}

/**
 * The fans to fold in one namespace. A fan is out of a hub (its targets of one kind, each with no other
 * source) or into one (its sources of one kind, each with no source of its own and no other target).
 * Aggregates named in `expand` are left as they are.
 */
export function findFolds<N extends FoldNode>(nodes: N[], edges: FoldEdge[], expand: ReadonlySet<string>): Fold<N>[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const preds = new Map<string, Set<string>>();
  const succs = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, v: string) => {
    let s = m.get(k);
    if (!s) m.set(k, (s = new Set()));
    s.add(v);
  };
  for (const e of edges) {
    add(succs, e.from, e.to);
    add(preds, e.to, e.from);
  }
  const folds: Fold<N>[] = [];
  const taken = new Set<string>();
  const tryFold = (hub: N, candidates: Iterable<string>, direction: 'out' | 'in') => {
    const byKind = new Map<string, N[]>();
    for (const id of candidates) {
      const n = byId.get(id);
      if (!n || taken.has(id)) continue;
      const ok = direction === 'out' ? preds.get(id)?.size === 1 : !preds.has(id) && succs.get(id)?.size === 1;
      if (!ok) continue;
      const kind = n.missing ? `missing ${n.kind}` : n.kind;
      let list = byKind.get(kind);
      if (!list) byKind.set(kind, (list = []));
      list.push(n);
    }
    for (const [kind, members] of byKind) {
      if (members.length <= FAN_MAX) continue;
      const id = `group:${hub.id}:${direction}:${kind}`;
      if (expand.has(id)) continue;
      const folded = new Set(members.map((m) => m.id));
      // What only the members lead to (their pods, a workload of a Service of an Ingress fan), to any depth.
      const queue = members.map((m) => m.id);
      while (queue.length) {
        for (const next of succs.get(queue.pop()!) ?? []) {
          if (folded.has(next) || taken.has(next) || next === hub.id) continue;
          if ([...preds.get(next)!].every((p) => folded.has(p))) {
            folded.add(next);
            queue.push(next);
          }
        }
      }
      for (const f of folded) taken.add(f);
      folds.push({ id, hub, members, folded });
    }
  };
  for (const hub of nodes) {
    if (taken.has(hub.id)) continue;
    if ((succs.get(hub.id)?.size ?? 0) > FAN_MAX) tryFold(hub, succs.get(hub.id)!, 'out');
    if ((preds.get(hub.id)?.size ?? 0) > FAN_MAX) tryFold(hub, preds.get(hub.id)!, 'in');
  }
  return folds;
}

/** What the folded box says: how many, which, what else is inside, and what is broken in there. */
export function describeFold<N extends FoldNode>(
  fold: Fold<N>,
  byId: Map<string, N>,
  brokenInside: number,
  expandable: boolean,
): NodeText {
  const first = fold.members[0];
  const kind = first.kind;
  const title = kindPlural(first.missing ? `missing ${kind}` : kind, fold.members.length);
  const names = fold.members.map((m) => m.node.name);
  const others = new Map<string, number>();
  const memberIds = new Set(fold.members.map((m) => m.id));
  for (const id of fold.folded) {
    const n = byId.get(id);
    if (!n || memberIds.has(id)) continue;
    others.set(n.kind, (others.get(n.kind) ?? 0) + 1);
  }
  const lines: NodeText['lines'] = [
    { text: `${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}`, style: 'detail' },
  ];
  const withText = [...others].filter(([k]) => k !== 'Pods').map(([k, n]) => kindPlural(k, n));
  if (others.has('Pods')) withText.push('their pods');
  if (withText.length) lines.push({ text: `with ${withText.join(', ')}`, style: 'detail' });
  if (brokenInside)
    lines.push({ text: `${brokenInside} broken reference${brokenInside === 1 ? '' : 's'}`, style: 'warn' });
  if (expandable) lines.push({ text: 'click to draw them all', style: 'route' });
  const listed = names.slice(0, 50);
  const tooltip = [
    `${title} ${fold.id.includes(':in:') ? 'leading to' : 'behind'} ${fold.hub.kind} ${fold.hub.node.name}, drawn as one box:`,
    ...listed,
    ...(names.length > listed.length ? [`… and ${names.length - listed.length} more`] : []),
  ].join('\n');
  return { badge: first.text.badge, title, lines, tooltip };
}
