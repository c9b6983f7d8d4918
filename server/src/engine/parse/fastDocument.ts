/**
 * A fast reader for the plain block YAML that nearly every manifest is written in: block maps and sequences
 * (indentless ones too), one-line plain and quoted scalars, `{}` and `[]`, comments where they do not change
 * any node's range. It builds exactly the nodes, values and ranges that yaml's Composer builds for the same
 * text (test/unit/parse/fastDocument.test.ts compares them), in a fraction of the time: no lexer tokens, no
 * CST, one pass over the lines.
 *
 * Anything else (anchors, aliases, tags, block scalars, flow collections with items, multi-line scalars,
 * escapes, explicit keys, comments in places that extend a node, any syntax error) makes it give up
 * (undefined): the document is then parsed by yaml as usual. Giving up is always correct, only slower.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Node, ScalarTag, Schema } from 'yaml';
import { YAML_OPTIONS } from './yamlOptions';

/** The tags yaml tries on a plain scalar, in order, and the string tag (as the Composer uses them). */
interface Tags {
  plain: ScalarTag[];
  key: ScalarTag[];
  string: ScalarTag;
}

let tags: Tags | undefined | null;

function schemaTags(): Tags | undefined {
  if (tags === undefined) {
    const schema = new Document(undefined, YAML_OPTIONS).schema as Schema & { compat: unknown; [k: symbol]: unknown };
    const all = schema.tags as (ScalarTag & { collection?: string })[];
    const string = schema[Symbol.for('yaml.scalar')] as ScalarTag | undefined;
    // Compatibility warnings would need yaml's own logic: then this reader is not used.
    tags =
      schema.compat || !string
        ? null
        : {
            plain: all.filter((t) => !t.collection && t.default === true && t.test),
            key: all.filter((t) => !t.collection && (t.default === true || t.default === 'key') && t.test),
            string,
          };
  }
  return tags ?? undefined;
}

/** Short scalar texts seen so far: one string per text, and the tag it resolves with as a value and as a key. */
interface Known {
  text: string;
  plainTag?: ScalarTag;
  keyTag?: ScalarTag;
}
const SHORT = 32;
const MAX_KNOWN = 1 << 16;
const knownTexts = new Map<string, Known>();

function short(text: string): Known | undefined {
  let k = knownTexts.get(text);
  if (!k && knownTexts.size < MAX_KNOWN) knownTexts.set(text, (k = { text }));
  return k;
}

let resolveFailed = false;
const onResolveError = (): void => {
  resolveFailed = true;
};

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

/** One line of the text: [start, end) without its line break; `next` is where the next line starts. */
interface Line {
  start: number;
  end: number;
  next: number;
  /** Spaces before the first other character (-1 for a blank line). */
  indent: number;
  comment: boolean;
}

/**
 * What the reader found, besides the document. A document it read has no syntax error, no alias, no control
 * character and nests at most MAX_DEPTH levels: the checks for those can be skipped.
 */
export interface FastRead {
  doc: Document.Parsed;
  /** Some map sets a key twice. */
  duplicateKeys: boolean;
}

/** Deeper nesting is left to yaml (and to the nesting limit's check). */
const MAX_DEPTH = 100;

/**
 * Reads `source` (one document: an optional `---` line, then its content), with node ranges counted from
 * `base`. undefined when the document is not in the subset this reader handles.
 */
export function fastDocument(source: string, base: number): FastRead | undefined {
  const t = schemaTags();
  if (!t || UNUSUAL.test(source)) return undefined;
  try {
    const reader = new Reader(source, base, t);
    const doc = reader.document();
    return { doc, duplicateKeys: reader.duplicateKeys };
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
}

/** Tabs (indentation rules), lone CRs, control characters, byte order marks: left to yaml. */
const UNUSUAL = /[\t\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffe\uffff]|\r(?!\n)/;

class Reader {
  private readonly lines: Line[] = [];
  private i = 0;
  /** Whether comment lines were skipped since the last content line was read. */
  private gapHadComments = false;
  /** Where the line after the last content line read starts. */
  private lastContentEnd = 0;
  /** Nesting depth of the collection being read. */
  private depth = 0;
  /** Some map sets a key twice (as kubectl compares keys: their text). */
  duplicateKeys = false;
  private readonly doc: Document.Parsed;

  constructor(
    private readonly text: string,
    private readonly base: number,
    private readonly tags: Tags,
  ) {
    const to = text.length;
    for (let start = 0; start < to; ) {
      let nl = text.indexOf('\n', start);
      if (nl < 0) nl = to;
      let end = nl;
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
      let k = start;
      while (k < end && text.charCodeAt(k) === 32) k++;
      this.lines.push({ start, end, next: nl < to ? nl + 1 : to, indent: k === end ? -1 : k - start, comment: text.charCodeAt(k) === 35 /* # */ });
      start = nl + 1;
    }
    this.doc = new Document(undefined, YAML_OPTIONS) as Document.Parsed;
  }

  document(): Document.Parsed {
    const lines = this.lines;
    let docStart: number | undefined;
    const first = lines[0];
    if (first && this.text.startsWith('---', first.start) && (first.end === first.start + 3 || this.text.charCodeAt(first.start + 3) === 32)) {
      const rest = this.text.slice(first.start + 3, first.end).trimStart();
      if (rest !== '' && !rest.startsWith('#')) giveUp(); // content on the `---` line
      docStart = this.base + first.start;
      this.i = 1;
    }
    // Before the content: blank lines and comments at column 0.
    this.skipGap(true);
    const line = lines[this.i];
    if (!line || line.indent !== 0) giveUp();
    const contents = this.isSeqItem(line, 0) ? this.seq(0) : this.map(0, line.start);
    // yaml ends the document's content with its last line (an empty last value ends before it: left to yaml).
    if (contents.range![2] !== this.base + this.lastContentEnd) giveUp();
    // After it: blank lines and comments at column 0 only.
    for (; this.i < lines.length; this.i++) {
      const l = lines[this.i];
      if (l.indent !== -1 && !(l.comment && l.indent === 0)) giveUp();
    }
    const doc = this.doc;
    if (docStart !== undefined) doc.directives.docStart = true;
    doc.contents = contents as never;
    doc.range = [docStart ?? contents.range![0], contents.range![2], this.base + this.text.length];
    return doc;
  }

  /**
   * Skips blank lines and comment lines before the next content line. Comments are allowed only where yaml
   * attaches them to the next node without changing any range: at the indentation of the next content line
   * (or at column 0 before the content / at the end of the document).
   */
  private skipGap(atStart = false): void {
    const lines = this.lines;
    let sawComment = -1;
    let j = this.i;
    while (j < lines.length && (lines[j].indent === -1 || lines[j].comment)) {
      if (lines[j].comment && sawComment === -1) sawComment = lines[j].indent;
      if (lines[j].comment && lines[j].indent !== sawComment) giveUp();
      j++;
    }
    if (sawComment !== -1) {
      const next = lines[j];
      if (atStart || !next) {
        if (sawComment !== 0) giveUp();
      } else if (next.indent !== sawComment) giveUp();
    }
    if (sawComment !== -1) this.gapHadComments = true;
    this.i = j;
  }

  /** Moves past the current content line. */
  private nextLine(): void {
    this.lastContentEnd = this.lines[this.i].next;
    this.i++;
    this.gapHadComments = false;
  }

  private isSeqItem(line: Line, indent: number): boolean {
    const at = line.start + indent;
    if (this.text.charCodeAt(at) !== 45 /* - */) return false;
    const c = this.text.charCodeAt(at + 1);
    return at + 1 === line.end || c === 32;
  }

  /** A block map whose keys are at `indent`; the first key starts at `firstKey` on the current line. */
  /** Enters a nested collection (hostile nesting is left to yaml). */
  private enter(): void {
    if (++this.depth > MAX_DEPTH) giveUp();
  }

  /** Notes a key of a map; a second one with the same text is a duplicate. */
  private noteKey(keys: Set<string>, key: Scalar): void {
    const v = key.value;
    if (typeof v === 'symbol') return; // `<<` merges are not keys of their own
    const name = v === null || v === undefined ? 'null' : String(v);
    if (keys.has(name)) this.duplicateKeys = true;
    else keys.add(name);
  }

  private map(indent: number, firstKey: number): YAMLMap {
    this.enter();
    const map = new YAMLMap(this.doc.schema);
    const keys = new Set<string>();
    let keyAt = firstKey;
    let offset = 0;
    for (;;) {
      const line = this.lines[this.i];
      const pair = this.pair(line, keyAt, indent);
      this.noteKey(keys, pair.key as Scalar);
      map.items.push(pair);
      offset = (pair.value as Node).range![2];
      this.skipGap();
      const next = this.lines[this.i];
      if (!next || next.indent < indent) break;
      if (next.indent > indent) giveUp(); // more indented content that belongs to nothing: a syntax error
      if (this.isSeqItem(next, indent)) giveUp(); // `- ` where a key should be: a syntax error
      keyAt = next.start + indent;
    }
    map.range = [this.base + firstKey, offset, offset];
    this.depth--;
    return map;
  }

  /** `key: value` (or `key:` and the value on the following lines) starting at `at` on `line`. */
  private pair(line: Line, at: number, indent: number): Pair {
    const text = this.text;
    const { key, colon } = this.key(line, at);
    // The value on the key's line, after `: `.
    let v = colon + 1;
    while (v < line.end && text.charCodeAt(v) === 32) v++;
    if (v < line.end) {
      if (text.charCodeAt(v) === 35 /* # */) giveUp(); // `key: # comment`: the comment goes into the value
      const value = this.inlineValue(line, v);
      this.nextLine();
      this.noContinuation(indent);
      return new Pair(key, value);
    }
    // The value on the following lines: a nested block, an indentless sequence, or nothing.
    this.nextLine();
    let j = this.i;
    while (j < this.lines.length && this.lines[j].indent === -1) j++;
    const next = this.lines[j];
    if (next?.comment) giveUp(); // a comment right after `key:` goes into the (empty or nested) value
    if (next && next.indent > indent) {
      this.i = j;
      return new Pair(key, this.block(next, next.indent));
    }
    if (next && next.indent === indent && this.isSeqItem(next, indent)) {
      this.i = j;
      return new Pair(key, this.seq(indent));
    }
    // Nothing: an empty value, placed after the `:` and any spaces (as yaml places it).
    return new Pair(key, this.scalar('', v, v, v, 'PLAIN', false));
  }

  /** A nested block (map or sequence) whose first line is `line`, at `indent`. */
  private block(line: Line, indent: number): YAMLMap | YAMLSeq {
    return this.isSeqItem(line, indent) ? this.seq(indent) : this.map(indent, line.start + indent);
  }

  /** A block sequence whose `-` are at `indent`. */
  private seq(indent: number): YAMLSeq {
    this.enter();
    const seq = new YAMLSeq(this.doc.schema);
    const first = this.lines[this.i];
    const start = first.start + indent;
    let offset = 0;
    for (;;) {
      const line = this.lines[this.i];
      let v = line.start + indent + 1;
      while (v < line.end && this.text.charCodeAt(v) === 32) v++;
      if (v >= line.end) giveUp(); // `-` alone: the item is on the following lines (or empty)
      const c = this.text.charCodeAt(v);
      if (c === 35 /* # */) giveUp();
      if (c === 45 /* - */ && (v + 1 === line.end || this.text.charCodeAt(v + 1) === 32)) giveUp(); // `- - x`
      let item: Node;
      if (this.keyColon(line, v) >= 0) {
        // A map in the item: its keys are at the column of the first one.
        item = this.map(v - line.start, v);
      } else {
        item = this.inlineValue(line, v);
        this.nextLine();
        this.noContinuation(indent);
      }
      seq.items.push(item);
      offset = item.range![2];
      this.skipGap();
      const next = this.lines[this.i];
      if (!next || next.indent < indent) break;
      if (next.indent === indent && this.isSeqItem(next, indent)) continue;
      // A key of the parent map after an indentless sequence; comments before it may belong to either.
      if (next.indent === indent && !this.gapHadComments) break;
      giveUp();
    }
    seq.range = [this.base + start, offset, offset];
    this.depth--;
    return seq;
  }

  /** After a one-line value at `indent`: a more indented line would continue it (a multi-line scalar). */
  private noContinuation(indent: number): void {
    let j = this.i;
    while (j < this.lines.length && (this.lines[j].indent === -1 || this.lines[j].comment)) j++;
    const next = this.lines[j];
    if (next && next.indent > indent) giveUp();
  }

  /** The offset of the `:` that ends a key starting at `at`, or -1 when the rest of the line is not `key: ...`. */
  private keyColon(line: Line, at: number): number {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const close = this.closingQuote(line, at);
      if (close < 0) return -1;
      let k = close + 1;
      while (k < line.end && text.charCodeAt(k) === 32) k++;
      if (k < line.end && text.charCodeAt(k) === 58 /* : */ && (k + 1 === line.end || text.charCodeAt(k + 1) === 32)) {
        if (k !== close + 1) giveUp(); // `"key" :`
        return k;
      }
      return -1;
    }
    for (let k = at; k < line.end; k++) {
      const ch = text.charCodeAt(k);
      if (ch === 58 /* : */ && (k + 1 === line.end || text.charCodeAt(k + 1) === 32)) return k;
      if (ch === 35 /* # */ && k > at && text.charCodeAt(k - 1) === 32) return -1; // a comment before any `: `
    }
    return -1;
  }

  private key(line: Line, at: number): { key: Scalar; colon: number } {
    const text = this.text;
    const colon = this.keyColon(line, at);
    if (colon < 0) giveUp(); // not `key: value`: a syntax error, or something this reader does not handle
    const c = text.charCodeAt(at);
    if (c === 34 || c === 39) {
      const close = colon - 1;
      return { key: this.quoted(at, close, close + 1, true), colon };
    }
    const end = colon;
    if (text.charCodeAt(end - 1) === 32) giveUp(); // `key :`
    const source = text.slice(at, end);
    this.checkPlain(source);
    return { key: this.plain(source, at, end, end, true), colon };
  }

  /** A value that fits on the rest of its line: a plain or quoted scalar, `{}` or `[]`. */
  private inlineValue(line: Line, v: number): Node {
    const text = this.text;
    const c = text.charCodeAt(v);
    const lineEnd = line.next;
    if (c === 34 || c === 39) {
      const close = this.closingQuote(line, v);
      if (close < 0) giveUp();
      this.onlyCommentAfter(line, close + 1);
      return this.quoted(v, close, lineEnd, false);
    }
    if (c === 123 /* { */ || c === 91 /* [ */) {
      const coll = this.flow(line, v);
      this.onlyCommentAfter(line, coll.range![1] - this.base);
      coll.range![2] = this.base + lineEnd;
      return coll;
    }
    // A plain scalar: up to a comment (` #`) or the end of the line, trailing spaces trimmed.
    let end = line.end;
    for (let k = v + 1; k < end; k++) {
      if (text.charCodeAt(k) === 35 /* # */ && text.charCodeAt(k - 1) === 32) {
        end = k - 1;
        break;
      }
    }
    while (end > v && text.charCodeAt(end - 1) === 32) end--;
    const source = text.slice(v, end);
    this.checkPlain(source);
    if (source.includes(': ') || source.endsWith(':')) giveUp(); // a nested map on one line: a syntax error
    return this.plain(source, v, end, lineEnd, false);
  }

  /**
   * A flow sequence or map that closes on its line, of one-line scalars: `[a, "b"]`, `{k: v}`, `[]`. Its
   * items end where their text ends (yaml keeps the spaces after them out of their ranges).
   */
  private flow(line: Line, open: number): YAMLMap | YAMLSeq {
    const text = this.text;
    const isMap = text.charCodeAt(open) === 123;
    const close = isMap ? 125 : 93;
    const coll = isMap ? new YAMLMap(this.doc.schema) : new YAMLSeq(this.doc.schema);
    coll.flow = true;
    const keys = new Set<string>();
    if (this.depth + 1 > MAX_DEPTH) giveUp();
    let k = this.spaces(line, open + 1);
    if (text.charCodeAt(k) !== close) {
      for (;;) {
        if (isMap) {
          const key = this.flowScalar(line, k, true, true);
          k = key.range![1] - this.base;
          if (text.charCodeAt(k) !== 58 /* : */ || text.charCodeAt(k + 1) !== 32) giveUp();
          const value = this.flowScalar(line, this.spaces(line, k + 1), false, true);
          this.noteKey(keys, key);
          (coll as YAMLMap).items.push(new Pair(key, value));
          k = this.spaces(line, value.range![1] - this.base);
          value.range![2] = this.base + k; // an item's node ends where the next indicator starts
        } else {
          const item = this.flowScalar(line, k, false, false);
          (coll as YAMLSeq).items.push(item);
          k = this.spaces(line, item.range![1] - this.base);
          item.range![2] = this.base + k;
        }
        const ch = text.charCodeAt(k);
        if (ch === close) break;
        if (ch !== 44 /* , */) giveUp();
        k = this.spaces(line, k + 1);
        if (k >= line.end || text.charCodeAt(k) === close || text.charCodeAt(k) === 44) giveUp(); // trailing or empty item
      }
    }
    if (k >= line.end) giveUp();
    coll.range = [this.base + open, this.base + k + 1, this.base + k + 1];
    return coll;
  }

  private spaces(line: Line, k: number): number {
    while (k < line.end && this.text.charCodeAt(k) === 32) k++;
    return k;
  }

  /** A scalar inside a flow collection: quoted, or plain up to `,` `[` `]` `{` `}` (and `: ` in a map). */
  private flowScalar(line: Line, at: number, atKey: boolean, inMap: boolean): Scalar {
    const text = this.text;
    if (at >= line.end) giveUp();
    const c = text.charCodeAt(at);
    if (c === 34 || c === 39) {
      const q = this.closingQuote(line, at);
      if (q < 0) giveUp();
      return this.quoted(at, q, q + 1, true);
    }
    let end = at;
    for (; end < line.end; end++) {
      const ch = text.charCodeAt(end);
      if (ch === 44 || ch === 91 || ch === 93 || ch === 123 || ch === 125) break;
      if (ch === 35 /* # */) giveUp();
      if (ch === 58 /* : */) {
        const next = text.charCodeAt(end + 1);
        if (next === 32 || next === 44 || next === 93 || next === 125 || end + 1 >= line.end) {
          if (inMap && atKey) break;
          giveUp(); // `a: b` inside a flow sequence, or a second `:`
        }
      }
    }
    let valueEnd = end;
    while (valueEnd > at && text.charCodeAt(valueEnd - 1) === 32) valueEnd--;
    const source = text.slice(at, valueEnd);
    this.checkPlain(source);
    return this.plain(source, at, valueEnd, valueEnd, atKey);
  }

  /** A plain scalar this reader takes as yaml does: no indicator at its start, no tab. */
  private checkPlain(source: string): void {
    if (source === '') giveUp();
    const c = source.charCodeAt(0);
    switch (c) {
      case 45: // -
      case 63: // ?
      case 58: // :
        if (source.length === 1 || source.charCodeAt(1) === 32) giveUp();
        break;
      case 44: // ,
      case 91: // [
      case 93: // ]
      case 123: // {
      case 125: // }
      case 35: // #
      case 38: // &
      case 42: // *
      case 33: // !
      case 124: // |
      case 62: // >
      case 39: // '
      case 34: // "
      case 37: // %
      case 64: // @
      case 96: // `
        giveUp();
    }
  }

  /** Only spaces and a comment may follow a quoted scalar or `{}` on its line. */
  private onlyCommentAfter(line: Line, k: number): void {
    const text = this.text;
    if (k < line.end && text.charCodeAt(k) !== 32) giveUp();
    while (k < line.end && text.charCodeAt(k) === 32) k++;
    if (k < line.end && text.charCodeAt(k) !== 35) giveUp();
  }

  /** The closing quote of a one-line quoted scalar opened at `at` (-1 when it is not on the line, or it has escapes). */
  private closingQuote(line: Line, at: number): number {
    const text = this.text;
    const q = text.charCodeAt(at);
    for (let k = at + 1; k < line.end; k++) {
      const ch = text.charCodeAt(k);
      if (q === 34 && ch === 92 /* \ */) giveUp(); // escapes: yaml's job
      if (ch === q) {
        if (q === 39 && text.charCodeAt(k + 1) === 39) {
          k++; // '' inside single quotes
          continue;
        }
        return k;
      }
    }
    return -1;
  }

  private quoted(open: number, close: number, nodeEnd: number, atKey: boolean): Scalar {
    const raw = this.text.slice(open + 1, close);
    const single = this.text.charCodeAt(open) === 39;
    const value = single ? raw.replace(/''/g, "'") : raw;
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) giveUp();
    return this.scalar(value, open, close + 1, atKey ? close + 1 : nodeEnd, single ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE', atKey, this.tags.string);
  }

  private plain(source: string, start: number, valueEnd: number, nodeEnd: number, atKey: boolean): Scalar {
    return this.scalar(source, start, valueEnd, nodeEnd, 'PLAIN', atKey);
  }

  /** A scalar resolved as yaml's composeScalar resolves it (the first default tag whose test matches). */
  private scalar(value: string, start: number, valueEnd: number, nodeEnd: number, type: Scalar.Type, atKey: boolean, fixed?: ScalarTag): Scalar {
    let tag = fixed;
    // Short scalars repeat (keys, ports, protocols): one string each, and the tag tests run once per text.
    const known = value.length <= SHORT ? short(value) : undefined;
    if (known) value = known.text;
    if (!tag) {
      tag = known ? (atKey ? known.keyTag : known.plainTag) : undefined;
      if (!tag) {
        tag = this.tags.string;
        for (const t of atKey ? this.tags.key : this.tags.plain) {
          if (t.test!.test(value)) {
            tag = t;
            break;
          }
        }
        if (known) {
          if (atKey) known.keyTag = tag;
          else known.plainTag = tag;
        }
      }
    }
    resolveFailed = false;
    const res = tag.resolve(value, onResolveError, YAML_OPTIONS as never) as unknown;
    if (resolveFailed) giveUp();
    const scalar = res instanceof Scalar ? res : new Scalar(res);
    scalar.range = [this.base + start, this.base + valueEnd, this.base + nodeEnd];
    scalar.source = value;
    scalar.type = type;
    if (tag.format) scalar.format = tag.format;
    return scalar;
  }
}
