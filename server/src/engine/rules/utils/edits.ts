/** Ranges and text edits of quick fixes, in the style of the map they go into (block or flow, JSON, CRLF). */
import type { K8sObject } from '../../model/object';
import { YAML_OPTIONS } from '../../parse/yamlOptions';
import type { Fix, Range, TextEdit } from '../../types';
import { isMap, isScalar, parse } from 'yaml';
import type { Node, Pair, Scalar, YAMLMap } from 'yaml';

/** A fix that replaces a node's text. */
export function replaceFix(obj: K8sObject, node: Node, newText: string, title?: string): Fix {
  return { title: title ?? `Change to ${newText}`, edits: [{ range: obj.doc.rangeOf(node), newText }] };
}

/**
 * Where a finding about a whole map item (a path item that lacks a field) goes: the item itself when it is
 * on one line, otherwise its first line (the first pair), so the squiggle does not cover the whole block.
 */
export function itemHeadRange(obj: K8sObject, map: YAMLMap): Range {
  const doc = obj.doc;
  const full = doc.rangeOf(map);
  const first = map.items[0];
  if (map.flow || !first) return full;
  const start = full.start;
  const firstEnd = pairEnd(first);
  if (firstEnd === undefined) return full;
  const end = doc.file.lines.position(doc.base + firstEnd);
  if (end.line === start.line) return { start, end };
  const keyEnd = (first.key as Node | undefined)?.range?.[1];
  return keyEnd !== undefined ? { start, end: doc.file.lines.position(doc.base + keyEnd) } : full;
}

function pairEnd(p: Pair): number | undefined {
  const v = p.value as Node | null | undefined;
  if (v && v.range) return v.range[1];
  return (p.key as Node | undefined)?.range?.[1];
}

/** The file's line break, so that inserted lines keep CRLF files CRLF. */
export function eolOf(obj: K8sObject): string {
  return obj.doc.file.text.includes('\r\n') ? '\r\n' : '\n';
}

/** Whether a map is written as JSON (flow style with quoted keys), so that inserted text matches. */
function jsonStyle(map: YAMLMap): boolean {
  const k = map.items[0]?.key;
  return !!map.flow && isScalar(k) && (k as Scalar).type === 'QUOTE_DOUBLE';
}

/** Renders `key: value` in the style of the map it goes into. */
export function renderPair(map: YAMLMap, key: string, value: string | number): string {
  if (jsonStyle(map)) return `"${key}": ${typeof value === 'number' ? value : JSON.stringify(value)}`;
  return `${key}: ${typeof value === 'number' ? value : plainOrQuoted(value)}`;
}

/** A string as a plain YAML scalar when kubectl would read it back as the same string, else double-quoted. */
export function plainOrQuoted(s: string): string {
  if (/^[A-Za-z0-9_/.][A-Za-z0-9_./-]*$/.test(s)) {
    try {
      if (parse(s, YAML_OPTIONS) === s) return s;
    } catch {
      // not plain-safe
    }
  }
  return JSON.stringify(s);
}

/** An edit that replaces a scalar's value with a string, keeping its quoting style where it can. */
export function replaceScalarEdit(obj: K8sObject, node: Node, value: string): TextEdit {
  const range = obj.doc.rangeOf(node);
  const type = isScalar(node) ? (node as Scalar).type : undefined;
  if (type === 'QUOTE_DOUBLE') return { range, newText: JSON.stringify(value) };
  if (type === 'QUOTE_SINGLE') return { range, newText: `'${value.replace(/'/g, "''")}'` };
  // An empty value (`key:`) sits right after the colon: keep a space before the new one.
  const empty = range.start.line === range.end.line && range.start.character === range.end.character;
  return { range, newText: `${empty ? ' ' : ''}${plainOrQuoted(value)}` };
}

/**
 * An edit that adds `key: value` to a map that is an own node of the document: after the pair `after` when
 * given (on a new line for block maps), otherwise before the first pair. Undefined when the map cannot
 * take it cleanly (empty map, pairs without ranges).
 */
export function insertPairEdit(
  obj: K8sObject,
  map: YAMLMap,
  key: string,
  value: string | number,
  after?: Pair,
): TextEdit | undefined {
  const doc = obj.doc;
  const lines = doc.file.lines;
  const first = map.items[0];
  const firstKey = first?.key as Node | undefined;
  if (!first || !firstKey?.range || !isMap(map)) return undefined;
  const text = renderPair(map, key, value);
  if (map.flow) {
    if (after) {
      const end = pairEnd(after);
      if (end === undefined) return undefined;
      const pos = lines.position(doc.base + end);
      return { range: { start: pos, end: pos }, newText: `, ${text}` };
    }
    const pos = lines.position(doc.base + firstKey.range[0]);
    return { range: { start: pos, end: pos }, newText: `${text}, ` };
  }
  const keyPos = lines.position(doc.base + firstKey.range[0]);
  const indent = ' '.repeat(keyPos.character);
  const eol = eolOf(obj);
  if (after) {
    const end = pairEnd(after);
    const akey = after.key as Node | undefined;
    if (end === undefined || !akey?.range) return undefined;
    const endLine = lines.position(doc.base + end).line;
    // Only after a pair that ends on its key's line: a multi-line value would need its own indentation.
    if (endLine !== lines.position(doc.base + akey.range[0]).line) return undefined;
    const at = lines.position(lines.lineEnd(endLine));
    return { range: { start: at, end: at }, newText: `${eol}${indent}${text}` };
  }
  return { range: { start: keyPos, end: keyPos }, newText: `${text}${eol}${indent}` };
}

/** Whether a node is written inside this map (not brought in by an alias or a `<<` merge). */
export function ownPair(map: YAMLMap, p: Pair | undefined): boolean {
  return !!p && map.items.includes(p as never);
}

/** The text range from a pair's key to the end of its value. */
export function pairRange(obj: K8sObject, p: Pair): Range | undefined {
  const k = p.key as Node | undefined;
  const end = pairEnd(p);
  if (!k?.range || end === undefined) return undefined;
  return obj.doc.file.lines.range(obj.doc.base + k.range[0], obj.doc.base + end);
}

/** The later of two pairs in the text: where a "both are set" finding goes (a duplicate on its second occurrence). */
export function laterPair(a: Pair, b: Pair): Pair {
  const ra = (a.key as Node | undefined)?.range?.[0] ?? 0;
  const rb = (b.key as Node | undefined)?.range?.[0] ?? 0;
  return rb >= ra ? b : a;
}
