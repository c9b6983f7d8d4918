import { Composer, Parser, isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Alias, Document, Node, YAMLError } from 'yaml';
import { LineIndex } from './lines';
import { DocReader, isMergeKey } from './nodes';
import { MAX_ALIAS_EXPANSION, MAX_NESTING_DEPTH, YAML_OPTIONS } from './yamlOptions';
import type { Range } from '../types';

/** A problem found while reading YAML (before any Kubernetes rule runs). */
export interface YamlProblem {
  code: 'yaml-syntax' | 'yaml-duplicate-key' | 'yaml-tab-indent' | 'yaml-alias-limit';
  /** Offsets in the file's text. */
  start: number;
  end: number;
  message: string;
}

/** One YAML document of a file. */
export class ManifestDocument {
  readonly reader: DocReader;
  /** Set when the document itself has a syntax error (rules skip it; its objects still resolve references). */
  broken = false;
  /** Set when aliases expand beyond the limit: the document is not read at all. */
  aliasBomb = false;
  /** Not read at all (alias bomb, nesting beyond the limit): the document yields no objects. */
  unread = false;
  /**
   * A Kubernetes document: its root map has `apiVersion` and `kind` (or, when it is broken, its text has
   * both keys). YAML problems are reported only in Kubernetes documents.
   */
  kubernetes = false;

  constructor(
    /** The file the document belongs to (an unchanged document is handed on to the file's next version). */
    public file: ManifestFile,
    /** Position among the file's documents. */
    public index: number,
    readonly doc: Document.Parsed,
    /**
     * Added to node ranges to get offsets in the file's text: 0 when the document was parsed from this text,
     * the distance it moved when it was kept from an earlier version of the file.
     */
    public base: number,
  ) {
    this.reader = new DocReader(doc);
  }

  get contents(): Node | null {
    return this.doc.contents as Node | null;
  }

  /** The LSP range of a node's value, e.g. for a wrong value. */
  rangeOf(node: unknown): Range {
    const r = (node as Node | undefined)?.range;
    if (!r) return this.file.lines.range(this.base + (this.doc.range?.[0] ?? 0), this.base + (this.doc.range?.[0] ?? 0));
    return this.file.lines.range(this.base + r[0], this.base + r[1]);
  }

  /** Absolute offsets of a node's value. */
  span(node: unknown): [number, number] | undefined {
    const r = (node as Node | undefined)?.range;
    return r ? [this.base + r[0], this.base + r[1]] : undefined;
  }
}

/** Text that is an unrendered Helm / Go template: never diagnosed. */
export function isTemplateText(text: string): boolean {
  return text.includes('{{');
}

const API_VERSION_LINE = /^[ \t]*["']?apiVersion["']?[ \t]*:/m;
const KIND_LINE = /^[ \t]*["']?kind["']?[ \t]*:/m;
const API_VERSION_JSON = /"apiVersion"[ \t\r\n]*:/;
const KIND_JSON = /"kind"[ \t\r\n]*:/;

/** A parsed manifest file: its text, line index, documents and YAML-level problems. */
export class ManifestFile {
  readonly lines: LineIndex;
  readonly documents: ManifestDocument[] = [];
  /** YAML problems of the file's Kubernetes documents, in text order: at most one syntax error per file. */
  readonly problems: YamlProblem[] = [];
  /** Unrendered template: no documents, no problems. */
  readonly template: boolean;
  /** Whether any document is a Kubernetes object (YAML problems are only reported for those). */
  readonly looksLikeKubernetes: boolean;

  /** The text cut at document markers, with what each piece parsed to (kept for the file's next version). */
  private chunks: Chunk[] = [];
  /** Where the pieces start, when the text could be cut (else it was parsed whole). */
  private starts: number[] | undefined;

  /**
   * Parses `text`. With `previous` (an earlier version of the same file), the documents whose text did not
   * change are taken over from it instead of being parsed again; they then belong to this file (previous
   * must not be used any more).
   */
  constructor(
    readonly path: string,
    readonly text: string,
    previous?: ManifestFile,
  ) {
    // What did not change: the text before the first and after the last changed character.
    const edit = previous ? commonEnds(previous.text, text) : undefined;
    this.lines = previous && edit ? LineIndex.edited(previous.lines, text, edit.prefix, edit.suffix) : new LineIndex(text);
    this.template = isTemplateText(text);
    if (!this.template) this.parse(previous && !previous.template ? previous : undefined, edit);
    this.looksLikeKubernetes = this.documents.some((d) => d.kubernetes);
  }

  private parse(previous: ManifestFile | undefined, edit: { prefix: number; suffix: number } | undefined): void {
    const text = this.text;
    const starts = previous?.starts && edit ? editedChunkStarts(previous.starts, previous.text.length, text, edit.prefix, edit.suffix) : chunkStarts(text);
    this.starts = starts;
    if (starts) {
      const reuse = previous && edit && previous.chunks.length ? reusableChunks(previous.text.length, previous.chunks, text, edit.prefix, edit.suffix) : undefined;
      for (let i = 0; i < starts.length; i++) {
        const start = starts[i];
        const end = i + 1 < starts.length ? starts[i + 1] : text.length;
        this.chunks.push(reuse?.(start, end) ?? this.parseChunk(start, end));
      }
    }
    // No document at all (or text the cut does not apply to): the whole text as one stream, as yaml reads
    // it, so that an empty file still has its one empty document.
    if (!starts || !this.chunks.some((c) => c.docs.length)) this.chunks = [this.parseChunk(0, text.length, true)];
    let syntaxReported = false;
    for (const chunk of this.chunks) {
      for (let i = 0; i < chunk.docs.length; i++) {
        const md = chunk.docs[i];
        md.file = this;
        md.index = this.documents.length;
        md.base = chunk.start - chunk.parsedAt;
        this.documents.push(md);
        if (!md.kubernetes) continue;
        const found = chunk.found[i];
        // One syntax error per file: what follows the first is usually a consequence of it.
        if (found.syntax && !syntaxReported) {
          syntaxReported = true;
          this.problems.push(found.syntax);
        }
        this.problems.push(...found.others);
      }
    }
    this.problems.sort((a, b) => a.start - b.start);
  }

  /** Parses text[start, end) on its own, with node ranges counted from the start of the file. */
  private parseChunk(start: number, end: number, whole = false): Chunk {
    // A copy of the piece: nodes keep slices of the text they were parsed from, and a document kept for
    // later versions of the file must not keep this whole version alive.
    let source = whole ? this.text : (' ' + this.text.slice(start, end)).slice(1);
    // YAML (and go-yaml) end a line at a lone CR, the yaml library does not: same length, same offsets.
    if (source.includes('\r')) source = source.replace(/\r(?!\n)/g, '\n');
    const chunk: Chunk = { start, end, parsedAt: start, docs: [], found: [], reusable: true };
    for (const doc of this.compose(source, start, end, whole)) {
      const md = new ManifestDocument(this, 0, doc as Document.Parsed, 0);
      const found = readDocument(md, this.lines);
      md.kubernetes = isKubernetesDocument(md, this.text);
      chunk.docs.push(md);
      chunk.found.push(found);
      // Problems carry offsets and line numbers of this text: a piece with any is parsed again next time.
      if (md.broken || found.syntax || found.others.length) chunk.reusable = false;
    }
    return chunk;
  }

  private *compose(source: string, start: number, end: number, whole: boolean): Generator<Document.Parsed> {
    const composer = new Composer(YAML_OPTIONS);
    const parser = new Parser();
    parser.offset = start;
    yield* composer.compose(parser.parse(source), whole, end) as Generator<Document.Parsed>;
  }
}

/** A piece of a file's text that yaml parses on its own: from a `---` line to the next (or the file's start). */
interface Chunk {
  start: number;
  end: number;
  /** Where the piece was when it was parsed (its nodes' ranges count from there). */
  parsedAt: number;
  docs: ManifestDocument[];
  /** What reading each document found. */
  found: DocumentProblems[];
  /** Whether a later version of the file may take it over when its text is unchanged. */
  reusable: boolean;
}

/**
 * Where the pieces of a text start: at 0 and at every document-start marker line (`---` at column 0, then a
 * space, tab, line break or the end). YAML forbids those three characters at column 0 inside any content,
 * quoted or not, so yaml ends whatever it reads there and starts a new document: each piece is one document
 * (the first may hold none). undefined when the text has directives (`%YAML`, which belong to the next
 * document) or document-end markers (`...`, after which a document may start without `---`): such a text is
 * parsed whole.
 */
export function chunkStarts(text: string): number[] | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.charCodeAt(body) === 37 /* % */ || text.includes('\n%')) return undefined;
  if (markerAt(text, body, '...') || markerAfterLineBreak(text, '\n...', 0) >= 0) return undefined;
  const starts = [0];
  for (let i = markerAfterLineBreak(text, '\n---', 0); i >= 0; i = markerAfterLineBreak(text, '\n---', i + 4)) starts.push(i + 1);
  return starts;
}

/** Offset of the next `\n` + marker (at or after `from`) that is followed by white space or the end, or -1. */
function markerAfterLineBreak(text: string, marker: string, from: number): number {
  for (let i = text.indexOf(marker, from); i >= 0; i = text.indexOf(marker, i + 4)) {
    if (markerAt(text, i + 1, marker.slice(1))) return i;
  }
  return -1;
}

function markerAt(text: string, at: number, marker: string): boolean {
  if (!text.startsWith(marker, at)) return false;
  const c = text.charCodeAt(at + 3);
  return Number.isNaN(c) || c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * For a new version of a file: finds, for a piece [start, end) of the new text, a piece of the previous
 * version with the same text (before the first changed character, or after the last one), so that it is
 * taken over rather than parsed again.
 */
function reusableChunks(oldLength: number, chunks: readonly Chunk[], text: string, prefix: number, suffix: number): (start: number, end: number) => Chunk | undefined {
  const shift = text.length - oldLength;
  const byStart = new Map<number, Chunk>();
  for (const c of chunks) if (c.reusable) byStart.set(c.start, c);
  return (start, end) => {
    let c: Chunk | undefined;
    if (end <= prefix) c = byStart.get(start);
    else if (start >= text.length - suffix) c = byStart.get(start - shift);
    if (!c || c.end - c.start !== end - start) return undefined;
    return { ...c, start, end };
  };
}

/**
 * chunkStarts for a new version of a text, from the previous version's (which could be cut): markers in
 * the unchanged start and end are taken over, only the changed part is searched (a marker depends on the
 * line break before it and the character after it).
 */
function editedChunkStarts(old: number[], oldLength: number, text: string, prefix: number, suffix: number): number[] | undefined {
  const from = Math.max(0, prefix - 5);
  const to = text.length - suffix; // markers whose line break is at or after this are in the common end
  if (from === 0) return chunkStarts(text);
  const shift = text.length - oldLength;
  // The changed part, with the characters after its last possible marker (searches stay inside it).
  const region = text.slice(from, Math.min(text.length, to + 5));
  const inChange = (i: number): boolean => i >= 0 && i < to - from;
  if (inChange(region.indexOf('\n%')) || inChange(markerAfterLineBreak(region, '\n...', 0))) return undefined;
  const starts: number[] = [];
  let i = 0;
  while (i < old.length && old[i] - 1 < from) starts.push(old[i++]);
  for (let m = markerAfterLineBreak(region, '\n---', 0); inChange(m); m = markerAfterLineBreak(region, '\n---', m + 4)) starts.push(from + m + 1);
  while (i < old.length && old[i] - 1 + shift < to) i++;
  for (; i < old.length; i++) starts.push(old[i] + shift);
  return starts;
}

/** The lengths of the common start and the common end (not overlapping) of two texts. */
function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const prefix = commonPrefix(a, b);
  return { prefix, suffix: commonSuffix(a, b, Math.min(a.length, b.length) - prefix) };
}

const BLOCK = 4096;

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= n && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common end of a and b, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + BLOCK <= max && a.slice(a.length - i - BLOCK, a.length - i) === b.slice(b.length - i - BLOCK, b.length - i)) i += BLOCK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** What reading one document found: its syntax error (if any) and other problems. */
interface DocumentProblems {
  syntax?: YamlProblem;
  others: YamlProblem[];
}

function readDocument(md: ManifestDocument, lines: LineIndex): DocumentProblems {
  const doc = md.doc;
  const text = lines.text;
  const out: DocumentProblems = { others: [] };
  if (doc.errors.length) {
    md.broken = true;
    out.syntax = locateSyntaxError(doc.errors, doc, lines);
  }
  const control = controlCharacter(text, doc.range[0], Math.min(doc.range[2], out.syntax?.start ?? Infinity));
  if (control !== undefined) {
    md.broken = true;
    const code = text.charCodeAt(control).toString(16).toUpperCase().padStart(4, '0');
    out.syntax = {
      code: 'yaml-syntax',
      start: control,
      end: control + 1,
      message: `YAML syntax error: control character U+${code} is not allowed in YAML (kubectl rejects the file): remove it.`,
    };
  }
  if (doc.errors.length) {
    if (doc.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION')) {
      md.unread = true;
      return out;
    }
  }
  const shape = measure(doc.contents, md.reader);
  if (shape.ownDepth > MAX_NESTING_DEPTH) {
    md.broken = md.unread = true;
    out.syntax ??= {
      code: 'yaml-syntax',
      start: shape.deepAt,
      end: Math.min(shape.deepAt + 1, text.length),
      message: `YAML syntax error: this document nests maps and lists more than ${MAX_NESTING_DEPTH} levels deep; kubeway does not read it.`,
    };
    return out;
  }
  if (shape.unknownAlias) {
    md.broken = true;
    const a = shape.unknownAlias;
    const [start, end] = a.range ?? [0, 0];
    out.syntax ??= {
      code: 'yaml-syntax',
      start,
      end,
      message: `YAML syntax error: unknown alias \`*${a.source}\`: no anchor \`&${a.source}\` is defined before it in this document.`,
    };
  }
  if (shape.cycle) {
    md.broken = md.unread = md.aliasBomb = true;
    const a = shape.cycle;
    const [start, end] = a.range ?? [0, 0];
    out.syntax ??= {
      code: 'yaml-syntax',
      start,
      end,
      message: `YAML syntax error: alias \`*${a.source}\` is used inside the node anchored \`&${a.source}\`, so it would contain itself.`,
    };
    return out;
  }
  if (shape.expandedNodes - shape.ownNodes > MAX_ALIAS_EXPANSION || shape.expandedDepth > MAX_NESTING_DEPTH) {
    md.aliasBomb = md.unread = md.broken = true;
    const start = doc.range[0];
    out.others.push({
      code: 'yaml-alias-limit',
      start,
      end: Math.max(start, Math.min(doc.range[1], lines.lineEnd(lines.position(start).line))),
      message:
        shape.expandedDepth > MAX_NESTING_DEPTH
          ? `YAML aliases in this document nest more than ${MAX_NESTING_DEPTH} levels deep; kubeway does not read it.`
          : `YAML aliases in this document expand to more than ${MAX_ALIAS_EXPANSION} nodes; kubeway does not read it (likely an alias bomb).`,
    });
    return out;
  }
  // Duplicate keys after a syntax error are often artefacts of it: only those before it are reported.
  const limit = doc.errors.length ? Math.min(doc.errors[0].pos[0], out.syntax?.start ?? Infinity) : Infinity;
  out.others.push(...duplicateKeyProblems(doc, lines, limit));
  return out;
}

/** The document's duplicate keys that start before `limit`. */
function duplicateKeyProblems(doc: Document.Parsed, lines: LineIndex, limit: number): YamlProblem[] {
  const out: YamlProblem[] = [];
  for (const dup of duplicateKeys(doc.contents)) {
    if (!dup.key.range) continue;
    const [start, end] = dup.key.range;
    if (start >= limit) continue;
    out.push({
      code: 'yaml-duplicate-key',
      start,
      end,
      message: `Duplicate key \`${dup.name}\`: it is already set on line ${lines.position(dup.first.range?.[0] ?? 0).line + 1}. YAML allows a key only once per map, and kubectl would silently keep only the last value. Remove one of them.`,
    });
  }
  return out;
}

/** go-yaml refuses characters outside YAML's printable set anywhere in a stream (tab, CR and LF are fine). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/;

/** The first control character in text[start, end) (searched within that slice only: files have many documents). */
function controlCharacter(text: string, start: number, end: number): number | undefined {
  if (end <= start) return undefined;
  const i = text.slice(start, end).search(CONTROL);
  return i < 0 ? undefined : start + i;
}

/** Whether a document is a Kubernetes object (apiVersion + kind), judged from its text when it is broken. */
function isKubernetesDocument(md: ManifestDocument, text: string): boolean {
  const root = md.contents;
  if (root && isMap(root)) {
    let apiVersion = false;
    let kind = false;
    for (const p of root.items) {
      if (!isScalar(p.key)) continue;
      if (p.key.value === 'apiVersion') apiVersion = true;
      else if (p.key.value === 'kind') kind = true;
    }
    if (apiVersion && kind) return true;
    if (!md.unread && md.reader.get(root, 'apiVersion') && md.reader.get(root, 'kind')) return true;
  }
  if (!md.broken) return false;
  const r = md.doc.range;
  const own = text.slice(r[0], r[2]);
  return (API_VERSION_LINE.test(own) && KIND_LINE.test(own)) || (API_VERSION_JSON.test(own) && KIND_JSON.test(own));
}

// ---------------------------------------------------------------------------------------------------------
// Syntax errors: the yaml library's first error of a document, moved to where a person would look and
// reworded for the common mistakes.

function locateSyntaxError(errors: readonly YAMLError[], doc: Document.Parsed, lines: LineIndex): YamlProblem {
  const text = lines.text;
  const err = errors[0];
  const [pos, posEnd] = err.pos;
  const raw = firstLine(err.message);
  const lineRest = (start: number): YamlProblem['end'] => Math.max(start + 1, lines.lineEnd(lines.position(start).line));
  const problem = (start: number, end: number, message: string): YamlProblem => ({
    code: 'yaml-syntax',
    start,
    end: Math.min(Math.max(end, start), text.length),
    message: `YAML syntax error: ${message}`,
  });
  switch (err.code) {
    case 'TAB_AS_INDENT':
      return { code: 'yaml-tab-indent', start: pos, end: posEnd, message: 'Tabs are not allowed as indentation in YAML: indent with spaces.' };
    case 'RESOURCE_EXHAUSTION':
      return problem(pos, pos + 1, 'this document nests maps and lists too deeply for kubeway to read; it is not checked.');
    case 'MISSING_CHAR': {
      const quote = /^Missing closing (["'])quote/.exec(raw);
      if (quote) {
        const open = openingQuote(doc, pos, quote[1], text);
        if (open !== undefined) return problem(open, lineRest(open), `missing closing ${quote[1]}: the quoted string that starts here runs to the end of the document. Close it with ${quote[1]}.`);
        break;
      }
      const flow = /flow (map|sequence)/i.exec(raw);
      if (flow && /end with/.test(raw)) {
        const found = unclosedFlow(doc, pos, flow[1] === 'map', text, lines, problem);
        if (found) return found;
        break;
      }
      if (raw.startsWith('Implicit map keys need to be followed by map values')) {
        const start = skipSpace(text, pos);
        const key = text.slice(start, lines.lineEnd(lines.position(start).line)).trim();
        if (key.startsWith('- ') || key === '-') return problem(start, lineRest(start), 'a list item (`- `) cannot start here: indent it under the key it belongs to.');
        if (GLUED_COLON.test(key)) return problem(start, lineRest(start), gluedColonMessage(key));
        return problem(start, lineRest(start), `\`${clip(key)}\` is not a \`key: value\` pair: add the missing \`:\`, or indent this line to continue the value above it.`);
      }
      break;
    }
    case 'BAD_INDENT': {
      const flow = /^Flow (map|sequence) in block collection must be sufficiently indented and end with/.exec(raw);
      if (flow) {
        const found = unclosedFlow(doc, pos, flow[1] === 'map', text, lines, problem, ' (and the lines inside it must be indented more than its key)');
        if (found) return found;
      }
      break;
    }
    case 'BLOCK_AS_IMPLICIT_KEY': {
      const next = errors[1];
      if (next?.code === 'MULTILINE_IMPLICIT_KEY' && next.pos[0] === pos) {
        const last = lines.position(next.pos[1]).line;
        if (last > lines.position(pos).line) {
          // `name: a` then `   namespace: b` indented deeper: the second line continues the first value.
          const start = skipSpace(text, lines.lineStarts[last]);
          return problem(start, lineRest(start), 'this line is indented further than the line above it, so YAML reads it as part of that value: line it up with the keys it belongs with.');
        }
      }
      if (raw.startsWith('Nested mappings are not allowed in compact mappings')) {
        return problem(pos, lineRest(pos), 'a plain value cannot contain `: `: quote the value, or put the nested map on its own indented lines.');
      }
      if (raw.startsWith('A block sequence may not be used as an implicit map key')) {
        const start = skipSpace(text, pos);
        return problem(start, lineRest(start), 'a list item (`- `) cannot start here: indent it under the key it belongs to.');
      }
      break;
    }
    case 'MULTILINE_IMPLICIT_KEY': {
      const start = skipSpace(text, pos);
      const line = lines.position(start).line;
      const first = text.slice(start, lines.lineEnd(line)).trim();
      if (GLUED_COLON.test(first)) return problem(start, lineRest(start), gluedColonMessage(first));
      if (lines.position(posEnd).line > line && !first.includes(':')) {
        return problem(start, lineRest(start), `missing \`:\` after \`${clip(first)}\`: the lines below are indented under it as if it were a key.`);
      }
      return problem(start, lineRest(start), 'a key must fit on one line: add the missing `:` or fix the indentation.');
    }
  }
  if (err.code === 'UNEXPECTED_TOKEN' && / at node end\.$/.test(raw)) {
    // `a: 'it's'`, `a: "x" y` or `a: [b] c`: the value ended and more text follows on the line.
    const start = skipSpace(text, pos);
    let before = pos - 1;
    while (before > 0 && (text[before] === ' ' || text[before] === '\t')) before--;
    if (text[before] === "'" || text[before] === '"') {
      return problem(start, lineRest(start), 'text after the end of a quoted value: quote the whole value (inside single quotes write a quote as `\'\'`, inside double quotes as `\\"`).');
    }
    if (text[before] === ']' || text[before] === '}') {
      return problem(start, lineRest(start), `text after the closing \`${text[before]}\`: quote the whole value, or move the text inside the brackets.`);
    }
  }
  const start = skipSpace(text, pos);
  return problem(start, Math.min(Math.max(posEnd, start + 1), lineRest(start)), `${raw.charAt(0).toLowerCase()}${raw.slice(1)}`);
}

/** `name:web` (a key glued to its value): YAML needs a space after the `:`. */
const GLUED_COLON = /^[\w.\/-]+:[^\s:]/;

function gluedColonMessage(line: string): string {
  const i = line.indexOf(':');
  return `missing space after \`:\` in \`${clip(line)}\`: write \`${clip(`${line.slice(0, i)}: ${line.slice(i + 1)}`)}\`.`;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0];
  return line.replace(/ at line \d+, column \d+:?$/, '').replace(/\.?$/, '.');
}

/** A piece of the user's text for a message: short, control characters shown as `?`. */
function clip(s: string): string {
  const shown = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return shown.length > 40 ? `${shown.slice(0, 37)}...` : shown;
}

/** The first offset at or after `pos` that is not white space (or `pos` when there is none). */
function skipSpace(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return i;
  }
  return pos;
}

/** Every node of a document's tree (aliases not followed), iteratively. */
function* allNodes(root: unknown): Generator<Node> {
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    yield n as Node;
    if (isMap(n)) for (const p of n.items) stack.push(p.key, p.value);
    else if (isSeq(n)) for (const i of n.items) stack.push(i);
  }
}

/** Offset of the opening quote of the quoted string that runs on to `pos` (an unclosed quote). */
function openingQuote(doc: Document.Parsed, pos: number, quote: string, text: string): number | undefined {
  let best: number | undefined;
  for (const n of allNodes(doc.contents)) {
    if (!isScalar(n) || !n.range) continue;
    const [s, e] = n.range;
    if (text[s] === quote && s < pos && e >= pos - 1 && (best === undefined || s > best)) best = s;
  }
  return best;
}

/** The innermost flow collection (`{` or `[`) that is never closed before `pos`. */
function unclosedFlow(
  doc: Document.Parsed,
  pos: number,
  map: boolean,
  text: string,
  lines: LineIndex,
  problem: (start: number, end: number, message: string) => YamlProblem,
  hint = '',
): YamlProblem | undefined {
  const [open, close] = map ? ['{', '}'] : ['[', ']'];
  let best: number | undefined;
  for (const n of allNodes(doc.contents)) {
    if (!(isMap(n) || isSeq(n)) || !n.flow || !n.range) continue;
    // An unclosed collection runs on to where the parser gave up; a closed one ends before it.
    const [s, e] = n.range;
    if (text[s] !== open || s >= pos || e < pos) continue;
    if (best === undefined || s > best) best = s;
  }
  if (best === undefined) return undefined;
  const what = map ? 'flow map' : 'flow sequence';
  return problem(best, Math.max(best + 1, lines.lineEnd(lines.position(best).line)), `this ${what} \`${open}\` is never closed: add the missing \`${close}\`${hint}.`);
}

// ---------------------------------------------------------------------------------------------------------
// Aliases and nesting, measured without recursion (documents may be hostile).

interface Shape {
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

function measure(root: unknown, reader: DocReader): Shape {
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
  const targetOf = (n: unknown): Node | undefined => (n && typeof n === 'object' ? (isAlias(n) ? reader.resolve(n) : (n as Node)) : undefined);
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

// ---------------------------------------------------------------------------------------------------------
// Duplicate keys: every key that repeats an earlier key of its map (as the API server sees keys: as JSON
// strings). `<<` merges are not keys of their own; values brought in by a merge may be overridden.

function* duplicateKeys(root: unknown): Generator<{ key: Node; first: Node; name: string }> {
  for (const n of allNodes(root)) {
    if (!isMap(n) || n.items.length < 2) continue;
    const seen = new Map<string, Node>();
    for (const p of n.items) {
      const k = p.key;
      if (!isScalar(k) || isMergeKey(k) || !k.range) continue;
      const v = k.value;
      const name = v === null || v === undefined ? 'null' : String(v);
      const first = seen.get(name);
      if (first) yield { key: k, first, name };
      else seen.set(name, k);
    }
  }
}
