import { isAlias, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { Alias, Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { MAX_NESTING_DEPTH } from './yamlOptions';

export type YNode = Node;
export type { Pair, Scalar, YAMLMap, YAMLSeq };
export { isMap, isPair, isScalar, isSeq, isAlias };

/** A merge key `<<` (YAML 1.1) is parsed as a scalar whose value is a symbol. */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol';
}

/**
 * Reads one parsed YAML document: follows aliases (to the most recent anchor of that name before them)
 * and merge keys, so that rules see the values kubectl would see.
 */
export class DocReader {
  private anchors: Map<Alias, Node> | undefined;

  constructor(readonly doc: Document.Parsed) {}

  /** The node an alias points at (or the node itself). Cycles and missing anchors give undefined. */
  resolve(node: unknown): Node | undefined {
    let n = node as Node | undefined | null;
    for (let hops = 0; n && isAlias(n); hops++) {
      if (hops > 64) return undefined;
      n = this.aliasTarget(n);
    }
    return n ?? undefined;
  }

  private aliasTarget(alias: Alias): Node | undefined {
    if (!this.anchors) {
      const anchors = new Map<Alias, Node>();
      const latest = new Map<string, Node>();
      visit(this.doc, (_key, node) => {
        if (isAlias(node)) {
          const target = latest.get(node.source);
          if (target) anchors.set(node, target);
        } else if (node && typeof node === 'object' && 'anchor' in node && (node as Node).anchor) {
          latest.set((node as Node).anchor as string, node as Node);
        }
      });
      this.anchors = anchors;
    }
    return this.anchors.get(alias);
  }

  /** The map a node is, after aliases; undefined for anything else. */
  map(node: unknown): YAMLMap | undefined {
    const n = this.resolve(node);
    return n && isMap(n) ? n : undefined;
  }

  seq(node: unknown): YAMLSeq | undefined {
    const n = this.resolve(node);
    return n && isSeq(n) ? n : undefined;
  }

  scalar(node: unknown): Scalar | undefined {
    const n = this.resolve(node);
    return n && isScalar(n) ? n : undefined;
  }

  /** Items of a sequence, aliases resolved. */
  items(node: unknown): Node[] {
    const s = this.seq(node);
    if (!s) return [];
    const out: Node[] = [];
    for (const item of s.items) {
      const r = this.resolve(item);
      if (r) out.push(r);
    }
    return out;
  }

  /**
   * The effective key/value pairs of a map as kubectl (go-yaml v2) sees them: keys are applied in document
   * order and a later one wins, including a `<<` merge written after an explicit key (which then loses); in
   * a merge list `<<: [*a, *b]` the earlier source wins.
   */
  pairs(node: unknown, depth = 0): Pair[] {
    const m = this.map(node);
    if (!m) return [];
    let hasMerge = false;
    for (const p of m.items)
      if (isMergeKey(p.key)) {
        hasMerge = true;
        break;
      }
    // Merges are followed as deep as aliases may nest: a deeper document is not read at all (measure()
    // reports it), so no merge is ever dropped from a document the rules see.
    if (!hasMerge || depth > MAX_NESTING_DEPTH) return m.items.filter((p) => !isMergeKey(p.key)) as Pair[];
    const effective = new Map<string, Pair>();
    const apply = (p: Pair): void => {
      const k = keyText(p.key);
      effective.delete(k);
      effective.set(k, p);
    };
    for (const p of m.items) {
      if (!isMergeKey(p.key)) {
        apply(p as Pair);
        continue;
      }
      const v = this.resolve(p.value);
      const sources = v && isSeq(v) ? v.items.map((i) => this.resolve(i)).reverse() : [v];
      for (const src of sources) for (const sp of this.pairs(src, depth + 1)) apply(sp);
    }
    return [...effective.values()];
  }

  /** The pair for a key, own or merged (the one kubectl keeps: the last one written). */
  pair(node: unknown, key: string): Pair | undefined {
    const m = this.map(node);
    if (!m) return undefined;
    let merge = false;
    let found: Pair | undefined;
    for (const p of m.items) {
      const k = p.key;
      if (isScalar(k)) {
        if (k.value === key || (typeof k.value !== 'string' && typeof k.value !== 'symbol' && String(k.value) === key))
          found = p as Pair;
        else if (typeof k.value === 'symbol') merge = true;
      }
    }
    if (!merge) return found;
    return this.pairs(m).find((p) => keyText(p.key) === key);
  }

  /** The value node of a key, aliases resolved. */
  get(node: unknown, key: string): Node | undefined {
    const p = this.pair(node, key);
    return p ? this.resolve(p.value) : undefined;
  }

  /** Walks a path of keys. */
  at(node: unknown, ...path: string[]): Node | undefined {
    let n: Node | undefined = this.resolve(node);
    for (const k of path) {
      if (!n) return undefined;
      n = this.get(n, k);
    }
    return n;
  }

  /** A scalar's value when it is a string (a YAML string, as kubectl decodes it). */
  str(node: unknown): string | undefined {
    const s = this.scalar(node);
    return s && typeof s.value === 'string' ? s.value : undefined;
  }

  /** A scalar's value when it is an integer (not a quoted number). */
  int(node: unknown): number | undefined {
    const s = this.scalar(node);
    if (!s) return undefined;
    const v = s.value as unknown;
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    if (typeof v === 'bigint') return Number(v);
    return undefined;
  }

  /** A scalar's value as text, whatever its type (null, numbers and booleans included). */
  text(node: unknown): string | undefined {
    const s = this.scalar(node);
    if (!s) return undefined;
    const v = s.value as unknown;
    if (v === null || v === undefined) return undefined;
    return typeof v === 'symbol' ? '<<' : String(v);
  }

  /** Map of string keys to string values (labels, selectors); non-string values are skipped. */
  stringMap(node: unknown): Map<string, string> | undefined {
    const m = this.map(node);
    if (!m) return undefined;
    const out = new Map<string, string>();
    for (const p of this.pairs(m)) {
      const k = this.text(p.key);
      const v = this.text(p.value);
      if (k !== undefined && v !== undefined) out.set(k, v);
    }
    return out;
  }
}

/** The text of a map key (keys are nearly always plain scalars). */
export function keyText(key: unknown): string {
  if (isScalar(key)) {
    const v = key.value;
    if (typeof v === 'symbol') return '<<';
    return v === null || v === undefined ? '' : String(v);
  }
  return '';
}

/** A node's source span [start, end) within its document's text. */
export function nodeSpan(node: unknown): [number, number] | undefined {
  const r = (node as Node | undefined)?.range;
  return r ? [r[0], r[1]] : undefined;
}
