/** Finding nodes of a parsed document by where they are (for placing and recovering from syntax errors). */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node, YAMLMap, YAMLSeq } from 'yaml';

/** Every node of a document's tree (aliases not followed), iteratively. */
export function* allNodes(root: unknown): Generator<Node> {
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    yield n as Node;
    if (isMap(n)) for (const p of n.items) stack.push(p.key, p.value);
    else if (isSeq(n)) for (const i of n.items) stack.push(i);
  }
}

/**
 * Offset of the opening quote of the quoted string that runs on to `pos` (an unclosed quote). `text` holds
 * the characters from offset `base` on.
 */
export function openingQuote(
  doc: Pick<Document.Parsed, 'contents'>,
  pos: number,
  quote: string,
  text: string,
  base = 0,
): number | undefined {
  let best: number | undefined;
  for (const n of allNodes(doc.contents)) {
    if (!isScalar(n) || !n.range) continue;
    const [s, e] = n.range;
    if (text[s - base] === quote && s < pos && e >= pos - 1 && (best === undefined || s > best)) best = s;
  }
  return best;
}

/** The innermost flow collection opened with `open` (`{` or `[`) before `pos` that runs on to `pos` (never closed before it). */
export function unclosedFlowAt(
  doc: Pick<Document.Parsed, 'contents'>,
  pos: number,
  open: string,
  text: string,
  base = 0,
): YAMLMap | YAMLSeq | undefined {
  let best: YAMLMap | YAMLSeq | undefined;
  for (const n of allNodes(doc.contents)) {
    if (!(isMap(n) || isSeq(n)) || !n.flow || !n.range) continue;
    // An unclosed collection runs on to where the parser gave up; a closed one ends before it.
    const [s, e] = n.range;
    if (text[s - base] !== open || s >= pos || e < pos) continue;
    if (!best || s > (best.range as [number, number, number])[0]) best = n;
  }
  return best;
}
