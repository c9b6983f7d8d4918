/** Edits that quick fixes share, written so that the YAML keeps its style (indentation, flow or block, comments). */
import type { Node, Pair, YAMLMap } from 'yaml';
import type { K8sObject } from '../model/object';
import { keyText } from '../parse/nodes';
import type { TextEdit } from '../types';

function pairEnd(p: Pair): number | undefined {
  const v = p.value as Node | null | undefined;
  return v?.range ? v.range[1] : (p.key as Node | undefined)?.range?.[1];
}

/**
 * An edit that removes the pair `key` from a map. In block style, the pair's whole lines go (with the comment
 * on them); when the pair follows an item's dash (`- nodePort: 1`), the next pair moves up after the dash. In
 * flow style, the pair and its comma go. Undefined when the map has no other pair (removing it would leave an
 * empty item) or the text is not where the nodes say.
 */
export function removePairEdit(obj: K8sObject, map: YAMLMap, key: string): TextEdit | undefined {
  const items = map.items as Pair[];
  const i = items.findIndex((p) => keyText(p.key) === key);
  if (i === -1 || items.length < 2) return undefined;
  const doc = obj.doc;
  const lines = doc.file.lines;
  const text = doc.file.text;
  const at = (offset: number) => lines.position(doc.base + offset);
  const keyStart = (p: Pair) => (p.key as Node | undefined)?.range?.[0];
  const start = keyStart(items[i]);
  const end = pairEnd(items[i]);
  if (start === undefined || end === undefined) return undefined;
  if (map.flow) {
    if (i > 0) {
      const prevEnd = pairEnd(items[i - 1]);
      return prevEnd === undefined ? undefined : { range: { start: at(prevEnd), end: at(end) }, newText: '' };
    }
    const next = keyStart(items[1]);
    return next === undefined ? undefined : { range: { start: at(start), end: at(next) }, newText: '' };
  }
  const first = at(start);
  const lineStart = lines.lineStarts[first.line];
  const before = text.slice(lineStart, doc.base + start);
  if (/^[ \t]*$/.test(before)) {
    // Whole lines, up to the start of the line after the value.
    const last = at(end).line;
    const after = last + 1 < lines.lineCount ? { line: last + 1, character: 0 } : at(end);
    return { range: { start: { line: first.line, character: 0 }, end: after }, newText: '' };
  }
  // After a dash: the next pair takes this one's place on the dash's line.
  if (i !== 0) return undefined;
  const next = keyStart(items[1]);
  return next === undefined ? undefined : { range: { start: first, end: at(next) }, newText: '' };
}
