/**
 * Label selectors as the API server evaluates them (metav1.LabelSelectorAsSelector): matchLabels and
 * matchExpressions, or a plain map (a ReplicationController's, a Service's), and label maps read from YAML.
 */
import { keyText } from '../parse/nodes';
import type { DocReader } from '../parse/nodes';
import { firstKey, stringOrNull } from '../parse/values';
import type { Node, Pair } from 'yaml';

/** A label map as the API server reads it: key → value, where a non-string value (a type error) is `undefined`. */
export interface LabelEntry {
  key: string;
  /** undefined when the value is not a string (a number, a boolean: the schema check reports those). */
  value: string | undefined;
  pair?: Pair;
}

export function readLabels(r: DocReader, node: unknown): Map<string, LabelEntry> {
  const out = new Map<string, LabelEntry>();
  for (const p of r.pairs(node)) {
    const key = keyText(p.key);
    const v = stringOrNull(r, p.value);
    out.set(key, { key, value: v === null ? '' : v, pair: p });
  }
  return out;
}

export const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

export interface SelectorRequirement {
  key: string;
  operator: 'Equals' | (typeof SELECTOR_OPERATORS)[number];
  values: string[];
  /** Node of the key (matchLabels key, or the expression's `key` value). */
  keyNode: Node;
  /** Node of the value(s): matchLabels value or the expression's `values`. */
  valuesNode: Node | undefined;
  /** The requirement holds a value of the wrong type: it is not evaluated. */
  typeError: boolean;
}

export interface LabelSelector {
  requirements: SelectorRequirement[];
  /** matchLabels and matchExpressions are both empty. */
  empty: boolean;
  /** Some expression has an unknown operator or misses its values: the API server cannot build the selector. */
  broken: boolean;
}

/** Reads a metav1.LabelSelector map (matchLabels + matchExpressions). */
export function readLabelSelector(r: DocReader, node: unknown): LabelSelector {
  const requirements: SelectorRequirement[] = [];
  let broken = false;
  let count = 0;
  for (const p of r.pairs(r.get(node, 'matchLabels'))) {
    count++;
    const v = stringOrNull(r, p.value);
    requirements.push({
      key: keyText(p.key),
      operator: 'Equals',
      values: [v ?? ''],
      keyNode: p.key as Node,
      valuesNode: (p.value as Node | null) ?? undefined,
      typeError: v === undefined,
    });
  }
  for (const item of r.items(r.get(node, 'matchExpressions'))) {
    count++;
    const m = r.map(item);
    if (!m) {
      broken = true;
      continue;
    }
    const key = r.str(r.get(m, 'key'));
    const op = r.str(r.get(m, 'operator'));
    const valuesNode = r.get(m, 'values');
    const values: string[] = [];
    let typeError = key === undefined;
    for (const v of r.items(valuesNode)) {
      const s = r.str(v);
      if (s === undefined) typeError = true;
      else values.push(s);
    }
    if (!(SELECTOR_OPERATORS as readonly string[]).includes(op ?? '')) {
      broken = true;
      continue;
    }
    if ((op === 'In' || op === 'NotIn') && r.items(valuesNode).length === 0) broken = true;
    if ((op === 'Exists' || op === 'DoesNotExist') && r.items(valuesNode).length > 0) broken = true;
    requirements.push({
      key: key ?? '',
      operator: op as SelectorRequirement['operator'],
      values,
      keyNode: (r.get(m, 'key') ?? firstKey(m)) as Node,
      valuesNode,
      typeError,
    });
  }
  return { requirements, empty: count === 0, broken };
}

/** Reads a plain key/value selector (a ReplicationController's, a Service's) as equality requirements. */
export function readMapSelector(r: DocReader, node: unknown): LabelSelector {
  const requirements: SelectorRequirement[] = [];
  for (const p of r.pairs(node)) {
    const v = stringOrNull(r, p.value);
    requirements.push({
      key: keyText(p.key),
      operator: 'Equals',
      values: [v ?? ''],
      keyNode: p.key as Node,
      valuesNode: (p.value as Node | null) ?? undefined,
      typeError: v === undefined,
    });
  }
  return { requirements, empty: requirements.length === 0, broken: false };
}

export type MatchResult = 'match' | 'no-match' | 'unknown';

/** Whether one requirement holds for a label set (`unknown` when a value has the wrong type). */
export function requirementMatches(req: SelectorRequirement, labels: Map<string, LabelEntry>): MatchResult {
  if (req.typeError) return 'unknown';
  const label = labels.get(req.key);
  if (label && label.value === undefined) return 'unknown';
  const has = label !== undefined;
  const value = label?.value ?? '';
  switch (req.operator) {
    case 'Equals':
    case 'In':
      return has && req.values.includes(value) ? 'match' : 'no-match';
    case 'NotIn':
      return !has || !req.values.includes(value) ? 'match' : 'no-match';
    case 'Exists':
      return has ? 'match' : 'no-match';
    case 'DoesNotExist':
      return has ? 'no-match' : 'match';
  }
}

/** A requirement as people write it: `app=web`, `tier in (a, b)`, `!canary`. */
export function requirementText(req: SelectorRequirement): string {
  switch (req.operator) {
    case 'Equals':
      return `${req.key}=${req.values[0]}`;
    case 'In':
      return `${req.key} in (${req.values.join(', ')})`;
    case 'NotIn':
      return `${req.key} notin (${req.values.join(', ')})`;
    case 'Exists':
      return req.key;
    case 'DoesNotExist':
      return `!${req.key}`;
  }
}
