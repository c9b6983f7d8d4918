/**
 * kubectl decodes manifests with go-yaml (sigs.k8s.io/yaml over gopkg.in/yaml.v2; kustomize: yaml.v3). Where
 * the yaml library is stricter than go-yaml, the text is read here as go-yaml reads it, so that kubeway never
 * reports a syntax error kubectl would not:
 *
 * - The continuation lines of a quoted scalar or of a flow collection may sit at or left of the indentation
 *   of the block they are in: go-yaml's `yaml_parser_scan_flow_scalar` checks no indentation (only document
 *   markers at column 0 and the end of the stream), and `yaml_parser_unroll_indent` does nothing in the flow
 *   context. yaml ends the scalar or collection there. Such lines are indented, in a copy of the text, before
 *   yaml parses it again, and every range is mapped back to the text. Folding drops the leading white space
 *   of continuation lines, so no value changes.
 * - `\'` in a double-quoted scalar is an escape in go-yaml's table (`yaml_parser_scan_flow_scalar`: `case
 *   '\''`), not in YAML 1.2's: the error is dropped and the scalar's value read as go-yaml reads it.
 *
 * Where the text is found is taken from yaml itself: the error it reports, the node it stopped in, and its
 * Lexer run on the scalar or collection alone (at the top level, where it checks no indentation either).
 */
import { CST, Lexer, isScalar, parseDocument } from 'yaml';
import type { Document, Node, Scalar, YAMLError } from 'yaml';
import { allNodes, openingQuote, unclosedFlowAt } from './nodeSearch';
import { YAML_OPTIONS } from './yamlOptions';

/** Scalars and collections re-indented in one piece of text, at most (each one costs a parse of the piece). */
const MAX_REINDENTED = 64;
/** Characters parsed again, at most, beyond twice the piece's length (hostile input has many errors). */
const REPARSE_BUDGET = 1 << 20;

/**
 * The documents of `source` (which starts at offset `offset` of its file), read as go-yaml reads them:
 * `compose` parses a text of the same shape (its ranges counted from `offset`); it is called again, on a
 * re-indented copy, only when yaml reports an error that go-yaml does not.
 */
export function composeAsGoYaml(
  source: string,
  offset: number,
  compose: (source: string) => Document.Parsed[],
): Document.Parsed[] {
  let docs = compose(source);
  if (!docs.some((d) => d.errors.length)) return docs;
  const shifts = new Shifts();
  const done = new Set<number>();
  const budget = REPARSE_BUDGET + 2 * source.length;
  for (let round = 0, spent = 0; round < MAX_REINDENTED && spent < budget; round++, spent += source.length) {
    const region = unindentedRegion(docs, source, offset);
    if (!region || done.has(region.start)) break;
    done.add(region.start);
    if (!shifts.indent(source, region.start, region.end)) break;
    docs = compose(shifts.apply(source));
    for (const d of docs) shifts.mapDocument(d, offset);
    if (!docs.some((d) => d.errors.length)) break;
  }
  for (const d of docs) acceptGoEscapes(d, source, offset);
  return docs;
}

/**
 * The quoted scalar or flow collection (offsets in `source`) that yaml stopped reading at a line indented too
 * little, when go-yaml reads it whole.
 */
function unindentedRegion(
  docs: readonly Document.Parsed[],
  source: string,
  offset: number,
): { start: number; end: number } | undefined {
  for (const doc of docs) {
    // Only the document's first error: those after it may come from reading the rest of a cut scalar.
    const err = doc.errors.find((e) => !isGoEscape(e, source, offset));
    if (err) {
      const pos = err.pos[0];
      let start: number | undefined;
      const quote = err.code === 'MISSING_CHAR' ? /^Missing closing (["'])quote/.exec(err.message) : null;
      if (quote) start = openingQuote(doc, pos, quote[1], source, offset);
      const flow =
        err.code === 'BAD_INDENT'
          ? /^Flow (map|sequence) in block collection must be sufficiently indented/.exec(err.message)
          : null;
      if (flow) start = unclosedFlowAt(doc, pos, flow[1] === 'map' ? '{' : '[', source, offset)?.range?.[0];
      if (start === undefined) continue;
      const end = goExtent(source, start - offset);
      if (end !== undefined) return { start: start - offset, end };
    }
  }
  return undefined;
}

/** Lexer markers that stand for no text of their own. */
const MARKERS = new Set([CST.DOCUMENT, CST.SCALAR, CST.FLOW_END]);
const CLOSED_SINGLE = /^'(?:[^']|'')*'$/;
const CLOSED_DOUBLE = /^"(?:[^"\\]|\\[\s\S])*"$/;

/**
 * Where the quoted scalar or flow collection at `start` ends when it is read on its own (as go-yaml reads it:
 * to its closing quote or bracket, whatever the indentation), or undefined when it is not closed.
 */
function goExtent(source: string, start: number): number | undefined {
  let at = start;
  let depth = 0;
  for (const token of new Lexer().lex(source.slice(start))) {
    if (MARKERS.has(token)) continue;
    at += token.length;
    switch (CST.tokenType(token)) {
      case 'single-quoted-scalar':
        if (depth === 0) return CLOSED_SINGLE.test(token) ? at : undefined;
        break;
      case 'double-quoted-scalar':
        if (depth === 0) return CLOSED_DOUBLE.test(token) ? at : undefined;
        break;
      case 'flow-map-start':
      case 'flow-seq-start':
        depth++;
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        if (--depth === 0) return at;
        break;
      case 'doc-start':
      case 'doc-end':
        return undefined;
      default:
        if (depth === 0) return undefined;
    }
  }
  return undefined;
}

/** Spaces inserted into a text (at offsets of the original), and the mapping of offsets back to it. */
class Shifts {
  private readonly added = new Map<number, number>();
  private at: number[] = [];
  /** Where each insertion starts in the new text, and how many characters were inserted up to and including it. */
  private newAt: number[] = [];
  private total: number[] = [];

  /**
   * Indents the lines of source[start, end) after the first so that they are indented more than the column
   * of `start`; false when none needed it.
   */
  indent(source: string, start: number, end: number): boolean {
    const need = start - (source.lastIndexOf('\n', start - 1) + 1) + 1;
    let changed = false;
    for (let nl = source.indexOf('\n', start); nl >= 0 && nl < end; nl = source.indexOf('\n', nl + 1)) {
      const line = nl + 1;
      let spaces = 0;
      while (source.charCodeAt(line + spaces) === 32) spaces++;
      const next = source.charCodeAt(line + spaces);
      if (next === 10 || next === 13 || spaces >= need) continue; // blank lines need no indentation
      this.added.set(line, Math.max(this.added.get(line) ?? 0, need - spaces));
      changed = true;
    }
    return changed;
  }

  apply(source: string): string {
    this.at = [...this.added.keys()].sort((a, b) => a - b);
    this.newAt = [];
    this.total = [];
    const parts: string[] = [];
    let from = 0;
    let sum = 0;
    for (const p of this.at) {
      parts.push(source.slice(from, p));
      this.newAt.push(p + sum);
      const n = this.added.get(p) as number;
      parts.push(' '.repeat(n));
      sum += n;
      this.total.push(sum);
      from = p;
    }
    parts.push(source.slice(from));
    return parts.join('');
  }

  /** The offset in the original text of an offset in the new one (inserted spaces map to where they were inserted). */
  private back(n: number): number {
    let lo = 0;
    let hi = this.newAt.length - 1;
    let i = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.newAt[mid] <= n) {
        i = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (i < 0) return n;
    const before = i > 0 ? this.total[i - 1] : 0;
    if (n < this.newAt[i] + (this.total[i] - before)) return this.at[i];
    return n - this.total[i];
  }

  /** Maps the ranges of a document parsed from the new text (counted from `offset`) back to the original. */
  mapDocument(doc: Document.Parsed, offset: number): void {
    const map = (n: number): number => offset + this.back(n - offset);
    doc.range = [map(doc.range[0]), map(doc.range[1]), map(doc.range[2])];
    for (const e of [...doc.errors, ...doc.warnings]) e.pos = [map(e.pos[0]), map(e.pos[1])];
    for (const n of allNodes(doc.contents)) {
      const r = n.range;
      if (r) n.range = [map(r[0]), map(r[1]), map(r[2])];
    }
  }
}

/**
 * Escapes go-yaml's scanner accepts in double-quoted scalars (`yaml_parser_scan_flow_scalar`); `x`, `u` and
 * `U` take hex digits, which both check.
 */
const GO_ESCAPES = new Set([
  '0',
  'a',
  'b',
  't',
  '\t',
  'n',
  'v',
  'f',
  'r',
  'e',
  ' ',
  '"',
  "'",
  '\\',
  'N',
  '_',
  'L',
  'P',
]);

/** Drops yaml's errors for escapes go-yaml accepts, and gives their scalars the value go-yaml reads. */
function acceptGoEscapes(doc: Document.Parsed, source: string, offset: number): void {
  if (!doc.errors.some((e) => e.code === 'BAD_DQ_ESCAPE')) return;
  const fixed = new Set<Scalar>();
  doc.errors = doc.errors.filter((e) => {
    if (e.code !== 'BAD_DQ_ESCAPE') return true;
    if (!isGoEscape(e, source, offset)) return true;
    const scalar = doubleQuotedAt(doc, e.pos[0]);
    if (!scalar) return true;
    if (fixed.has(scalar)) return false;
    const value = goDoubleQuoted(
      source.slice(
        (scalar.range as [number, number, number])[0] - offset,
        (scalar.range as [number, number, number])[1] - offset,
      ),
    );
    if (value === undefined) return true;
    scalar.value = value;
    fixed.add(scalar);
    return false;
  });
}

/** yaml's error for an escape go-yaml accepts. */
function isGoEscape(e: YAMLError, source: string, offset: number): boolean {
  if (e.code !== 'BAD_DQ_ESCAPE') return false;
  const at = e.pos[0] - offset;
  return source[at] === '\\' && GO_ESCAPES.has(source[at + 1]);
}

function doubleQuotedAt(doc: Document.Parsed, pos: number): Scalar | undefined {
  let best: Scalar | undefined;
  for (const n of allNodes(doc.contents) as Iterable<Node>) {
    if (!isScalar(n) || n.type !== 'QUOTE_DOUBLE' || !n.range) continue;
    if (n.range[0] < pos && pos < n.range[1] && (!best || n.range[0] > (best.range as [number, number, number])[0]))
      best = n;
  }
  return best;
}

/**
 * The value go-yaml reads from a double-quoted scalar's source: its go-only escapes written as the YAML
 * escapes that mean the same (`\'` is `\x27`), then read by yaml on its own.
 */
function goDoubleQuoted(raw: string): string | undefined {
  const yamlText = raw.replace(/\\([\s\S])/g, (m, c: string) => (c === "'" ? '\\x27' : m));
  const doc = parseDocument(yamlText, YAML_OPTIONS);
  const v = doc.errors.length ? undefined : (doc.contents as Scalar | null)?.value;
  return typeof v === 'string' ? v : undefined;
}
