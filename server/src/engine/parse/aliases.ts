/** Aliases and nesting of a document, measured without recursion (documents may be hostile). */
import { isAlias, isMap, isSeq } from 'yaml';
import type { Alias, Node } from 'yaml';
import type { DocReader } from './nodes';
import { MAX_ALIAS_EXPANSION, MAX_NESTING_DEPTH } from './yamlOptions';

export interface Shape {
  /** Nodes of the tree itself, and with every alias expanded. */
  ownNodes: number;
  expandedNodes: number;
  /** Nesting depth of the tree itself, and with aliases followed. */
  ownDepth: number;
  expandedDepth: number;
  /** Where the tree itself first goes deeper than the limit. */
  deepAt: number;
  unknownAlias?: Alias;
  /** An alias inside the node it refers to. */
  cycle?: Alias;
}

interface Measured {
  nodes: number;
  depth: number;
}

function childrenOf(n: Node): unknown[] {
  if (isMap(n)) {
    const out: unknown[] = [];
    for (const p of n.items) out.push(p.key, p.value);
    return out;
  }
  if (isSeq(n)) return n.items;
  return [];
}

export function measure(root: unknown, reader: DocReader): Shape {
  const shape: Shape = { ownNodes: 0, expandedNodes: 0, ownDepth: 0, expandedDepth: 0, deepAt: 0 };
  if (!root || typeof root !== 'object') return shape;
  // The tree itself: node count, depth, unknown aliases.
  let hasAliases = false;
  const own: [unknown, number][] = [[root, 1]];
  while (own.length) {
    const [n, depth] = own.pop() as [unknown, number];
    if (!n || typeof n !== 'object') continue;
    shape.ownNodes++;
    if (depth > shape.ownDepth) {
      shape.ownDepth = depth;
      if (depth > MAX_NESTING_DEPTH) {
        shape.deepAt = (n as Node).range?.[0] ?? 0;
        return shape;
      }
    }
    if (isAlias(n)) {
      hasAliases = true;
      if (!reader.resolve(n) && !shape.unknownAlias) shape.unknownAlias = n;
      continue;
    }
    for (const c of childrenOf(n as Node)) own.push([c, depth + 1]);
  }
  shape.expandedNodes = shape.ownNodes;
  shape.expandedDepth = shape.ownDepth;
  if (!hasAliases) return shape;
  // With aliases followed: post-order over the graph, memoised per node (linear in the tree's size).
  const memo = new Map<Node, Measured>();
  const onPath = new Set<Node>();
  interface Frame {
    node: Node;
    children: Node[];
    next: number;
    nodes: number;
    depth: number;
  }
  const targetOf = (n: unknown): Node | undefined =>
    n && typeof n === 'object' ? (isAlias(n) ? reader.resolve(n) : (n as Node)) : undefined;
  const limitHit = (m: Measured) => m.nodes > MAX_ALIAS_EXPANSION + shape.ownNodes || m.depth > MAX_NESTING_DEPTH;
  const open = (node: Node): Frame => {
    onPath.add(node);
    const children: Node[] = [];
    for (const c of childrenOf(node)) {
      if (!c || typeof c !== 'object') continue;
      if (isAlias(c) && !reader.resolve(c)) continue;
      children.push(c as Node);
    }
    return { node, children, next: 0, nodes: 1, depth: 1 };
  };
  const stack: Frame[] = [open(root as Node)];
  let result: Measured = { nodes: 1, depth: 1 };
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.next < top.children.length) {
      const child = top.children[top.next++];
      const target = targetOf(child) as Node;
      if (onPath.has(target)) {
        if (isAlias(child)) shape.cycle = child;
        shape.expandedNodes = Infinity;
        return shape;
      }
      const done = memo.get(target);
      if (done) {
        top.nodes += done.nodes;
        top.depth = Math.max(top.depth, done.depth + 1);
        if (limitHit(top)) {
          result = { nodes: top.nodes, depth: top.depth };
          break;
        }
        continue;
      }
      stack.push(open(target));
      continue;
    }
    stack.pop();
    onPath.delete(top.node);
    const m = { nodes: top.nodes, depth: top.depth };
    memo.set(top.node, m);
    result = m;
    if (limitHit(m)) break;
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.nodes += m.nodes;
      parent.depth = Math.max(parent.depth, m.depth + 1);
      if (limitHit(parent)) {
        result = { nodes: parent.nodes, depth: parent.depth };
        break;
      }
    }
  }
  shape.expandedNodes = result.nodes;
  shape.expandedDepth = Math.max(shape.ownDepth, result.depth);
  return shape;
}
