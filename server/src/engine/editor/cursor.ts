/**
 * Where the cursor is in a YAML document's structure: the path of keys and item indexes from the document's
 * root, whether a key or a value goes there, and the word being typed. Found from the lines around the cursor
 * (indentation, dashes, keys), so it works on half-typed YAML and costs only the lines of one document.
 */
import type { Position } from '../types';
import { isBlockScalarHeader, keyToken, lineShape } from './lines';
import type { KeyToken, LineShape, LineToken, TextLines } from './lines';

export type PathSegment = string | number;

/** The YAML document (between `---` markers) that holds the cursor, and its identifying root fields. */
export interface DocumentInfo {
  /** First line of the document (after its `---`). */
  startLine: number;
  /** Line after the document's last line (its closing `---`, or the line count). */
  endLine: number;
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
}

export interface CursorContext {
  /** `key`: a key of a map goes at the cursor (a new line, a partial key, an existing key); `value`: the value of `key`. */
  role: 'key' | 'value';
  /** For `key`: path of the map that holds the key. For `value`: path of the key itself (its last segment). */
  path: PathSegment[];
  /** The key under the cursor (an existing key for `key`, the key whose value it is for `value`). */
  key?: string;
  line: number;
  /** The word at the cursor (a key, or a value without quotes): what a completion replaces, what a hover explains. */
  wordStart: number;
  wordEnd: number;
  /** The part of the word before the cursor. */
  prefix: string;
  /** For `key`: the column of the map's keys (for indenting inserted text). */
  keyColumn: number;
  /** For `value`: no space after the colon yet (a completion inserts one). */
  needsSpace: boolean;
  /** For `value`: the value is written in quotes. */
  quoted: boolean;
  /** For `value`: a flow collection (`[...]`, `{...}`) or a block scalar; not completed. */
  structured: boolean;
  doc: DocumentInfo;
}

/** The structural context of a position, or undefined inside comments, block scalars and continuation lines. */
export function cursorContext(lines: TextLines, pos: Position): CursorContext | undefined {
  if (pos.line < 0 || pos.line >= lines.lineCount) return undefined;
  const text = lines.lineText(pos.line);
  const c = Math.min(pos.character, text.length);
  const shape = lineShape(text);
  if (shape.docMarker) return undefined;
  if (shape.comment !== -1 && c > shape.comment) return undefined;
  const doc = documentAt(lines, pos.line);
  const kt = keyToken(shape);
  const dashesBefore = (col: number): LineToken[] => shape.tokens.filter((t) => t.type === 'dash' && t.col < col);

  if (kt && c > shape.colon) {
    // After `key:`: the value.
    const chain = ancestors(lines, doc.startLine, pos.line, shape.tokens, shape.tokens.length - 1);
    if (!chain) return undefined;
    let start = shape.valueStart;
    let end = shape.valueEnd;
    let quoted = false;
    const v = shape.value;
    if (v.startsWith('"') || v.startsWith("'")) {
      quoted = true;
      start++;
      const close = v.length > 1 && v.endsWith(v[0]) ? end - 1 : end;
      end = Math.max(start, close);
    }
    if (c < start) {
      // Cursor between the colon and the value: complete at the cursor.
      start = end = c;
    }
    const structured = v.startsWith('[') || v.startsWith('{') || isBlockScalarHeader(v);
    return {
      role: 'value',
      path: chain,
      key: kt.key,
      line: pos.line,
      wordStart: start,
      wordEnd: Math.max(end, Math.min(c, text.length)),
      prefix: text.slice(start, Math.max(start, c)),
      keyColumn: kt.col,
      needsSpace: c === shape.colon + 1 && (text.length === c || (text[c] !== ' ' && text[c] !== '\t')),
      quoted,
      structured,
      doc,
    };
  }

  let keyCol: number;
  let wordStart: number;
  let wordEnd: number;
  let key: string | undefined;
  if (kt && c >= kt.col) {
    // On an existing key.
    keyCol = kt.col;
    wordStart = kt.col;
    wordEnd = kt.end;
    key = kt.key;
  } else if (!kt && shape.content < text.length && c >= shape.content) {
    // A word being typed where a key goes (no colon yet).
    const word = /^[^\s:#{}[\],]*/.exec(text.slice(shape.content))?.[0] ?? '';
    if (shape.content + word.length < c) return undefined; // a value with spaces: not a key
    keyCol = shape.content;
    wordStart = shape.content;
    wordEnd = shape.content + word.length;
  } else if (c >= shape.content || shape.blank) {
    // Blank (after any dashes): a new key at the cursor's column.
    if (shape.tokens.length && c < shape.content) return undefined;
    keyCol = c;
    wordStart = wordEnd = c;
  } else {
    return undefined;
  }
  const tokens: (LineToken | KeyToken)[] = [
    ...dashesBefore(keyCol),
    { type: 'key', col: keyCol, key: key ?? '', end: wordEnd } as KeyToken,
  ];
  const chain = ancestors(lines, doc.startLine, pos.line, tokens, tokens.length - 1);
  if (!chain) return undefined;
  return {
    role: 'key',
    path: chain.slice(0, -1),
    key,
    line: pos.line,
    wordStart,
    wordEnd,
    prefix: text.slice(wordStart, Math.max(wordStart, c)),
    keyColumn: keyCol,
    needsSpace: false,
    quoted: false,
    structured: false,
    doc,
  };
}

interface TokenRef {
  line: number;
  tokens: (LineToken | KeyToken)[];
  index: number;
}

/**
 * The path of the ancestors of a token (the token's own segment last; a dash's segment is its item index).
 * undefined when the token sits inside a scalar (block scalar or continuation line).
 */
function ancestors(
  lines: TextLines,
  docStart: number,
  line: number,
  tokens: (LineToken | KeyToken)[],
  index: number,
): PathSegment[] | undefined {
  const out: PathSegment[] = [];
  let cur: TokenRef = { line, tokens, index };
  for (let guard = 0; guard < 10_000; guard++) {
    const tok = cur.tokens[cur.index];
    if (cur.index > 0) {
      // The token before it on the same line is a dash: a key there starts the item's map; a dash there, a nested sequence.
      out.push(tok.type === 'key' ? (tok as KeyToken).key : 0);
      cur = { line: cur.line, tokens: cur.tokens, index: cur.index - 1 };
      continue;
    }
    const found =
      tok.type === 'key'
        ? keyParent(lines, docStart, cur.line, tok.col)
        : dashParent(lines, docStart, cur.line, tok.col);
    if (found === 'scalar') return undefined;
    out.push(tok.type === 'key' ? (tok as KeyToken).key : found.index);
    if (!found.parent) break;
    cur = found.parent;
  }
  return out.reverse();
}

type ParentFound = { parent: TokenRef | undefined; index: number } | 'scalar';

/** The innermost token of a line that starts before `col`. */
function innermostBefore(shape: LineShape, col: number): number {
  let found = -1;
  for (let i = 0; i < shape.tokens.length; i++) if (shape.tokens[i].col < col) found = i;
  return found;
}

/** Whether a `key:` line opens a nested block (nothing after the colon but maybe an anchor or tag). */
function opensBlock(shape: LineShape): boolean {
  return shape.value === '' || /^(?:[&!][^\s]*\s*)+$/.test(shape.value);
}

function keyParent(lines: TextLines, docStart: number, line: number, col: number): ParentFound {
  for (let l = line - 1; l >= docStart; l--) {
    const shape = lineShape(lines.lineText(l));
    if (shape.blank || shape.tokens.length === 0) continue;
    if (shape.tokens[0].col > col) continue;
    const last = shape.tokens.length - 1;
    const at = shape.tokens.findIndex((t) => t.col === col);
    if (at !== -1 && shape.tokens[at].type === 'key') {
      // A sibling key; when dashes precede it, the map started on this line as a sequence item.
      if (at > 0) return { parent: { line: l, tokens: shape.tokens, index: at - 1 }, index: 0 };
      continue;
    }
    if (at === 0 && shape.tokens[0].type === 'dash') continue; // an indentless sequence of an earlier sibling key
    const i = innermostBefore(shape, col);
    if (i === -1) continue;
    const t = shape.tokens[i];
    if (t.type === 'key') {
      if (opensBlock(shape)) return { parent: { line: l, tokens: shape.tokens, index: i }, index: 0 };
      return 'scalar';
    }
    if (i === last && shape.value === '') return { parent: { line: l, tokens: shape.tokens, index: i }, index: 0 };
    return 'scalar';
  }
  return { parent: undefined, index: 0 };
}

function dashParent(lines: TextLines, docStart: number, line: number, col: number): ParentFound {
  let index = 0;
  for (let l = line - 1; l >= docStart; l--) {
    const shape = lineShape(lines.lineText(l));
    if (shape.blank || shape.tokens.length === 0) continue;
    if (shape.tokens[0].col > col) continue;
    const at = shape.tokens.findIndex((t) => t.col === col);
    if (at !== -1 && shape.tokens[at].type === 'dash') {
      index++;
      if (at > 0) return { parent: { line: l, tokens: shape.tokens, index: at - 1 }, index };
      continue;
    }
    if (at !== -1 && shape.tokens[at].type === 'key') {
      // `key:` at the dash's own column: an indentless sequence.
      if (opensBlock(shape)) return { parent: { line: l, tokens: shape.tokens, index: at }, index };
      return 'scalar';
    }
    const i = innermostBefore(shape, col);
    if (i === -1) continue;
    const t = shape.tokens[i];
    if (t.type === 'key')
      return opensBlock(shape) ? { parent: { line: l, tokens: shape.tokens, index: i }, index } : 'scalar';
    if (i === shape.tokens.length - 1 && shape.value === '')
      return { parent: { line: l, tokens: shape.tokens, index: i }, index };
    return 'scalar';
  }
  return { parent: undefined, index };
}

/** The document around a line, with its apiVersion, kind, metadata.name and metadata.namespace when written in block style. */
export function documentAt(lines: TextLines, line: number): DocumentInfo {
  let start = Math.min(line, lines.lineCount - 1);
  while (start > 0 && !isDocMarker(lines.lineText(start - 1))) start--;
  if (isDocMarker(lines.lineText(start)) && start < line) start++;
  let end = line + 1;
  while (end < lines.lineCount && !isDocMarker(lines.lineText(end))) end++;
  const info: DocumentInfo = { startLine: start, endLine: end };
  let inMetadata = false;
  let metaIndent = -1;
  for (let l = start; l < end; l++) {
    const text = lines.lineText(l);
    if (text.length === 0) continue;
    const top = text.charCodeAt(0) !== 32 && text.charCodeAt(0) !== 9;
    if (!top && !inMetadata) continue;
    const shape = lineShape(text);
    if (shape.blank) continue;
    const kt = keyToken(shape);
    if (top) {
      inMetadata = false;
      if (!kt || shape.tokens.length !== 1) continue;
      if (kt.key === 'apiVersion') info.apiVersion = scalarText(shape.value);
      else if (kt.key === 'kind') info.kind = scalarText(shape.value);
      else if (kt.key === 'metadata' && shape.value === '') {
        inMetadata = true;
        metaIndent = -1;
      }
      continue;
    }
    if (shape.tokens.length !== 1 || !kt) continue;
    if (metaIndent === -1) metaIndent = kt.col;
    if (kt.col !== metaIndent) continue;
    if (kt.key === 'name') info.name = scalarText(shape.value);
    else if (kt.key === 'namespace') info.namespace = scalarText(shape.value);
  }
  return info;
}

function isDocMarker(text: string): boolean {
  return (
    (text.startsWith('---') || text.startsWith('...')) &&
    (text.length === 3 || text[3] === ' ' || text[3] === '\t' || text[3] === '\r')
  );
}

/** The text of a one-line scalar value (quotes removed). */
export function scalarText(value: string): string | undefined {
  if (value === '') return undefined;
  if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'")))
    return value.length >= 2 ? value.slice(1, -1) : undefined;
  return value;
}

/** Keys already written in the map whose keys sit at `col`, around a line. */
export function siblingKeys(lines: TextLines, ctx: CursorContext): Set<string> {
  const out = new Set<string>();
  const col = ctx.keyColumn;
  const own = lineShape(lines.lineText(ctx.line));
  // Upwards, until the map's first key (or its parent).
  if (!own.tokens.some((t) => t.type === 'dash' && t.col < col)) {
    for (let l = ctx.line - 1; l >= ctx.doc.startLine; l--) {
      const shape = lineShape(lines.lineText(l));
      if (shape.blank || shape.tokens.length === 0) continue;
      const first = shape.tokens[0].col;
      if (first > col) continue;
      if (first === col && shape.tokens[0].type === 'dash') continue; // items of an indentless sequence
      const kt = keyToken(shape);
      if (kt && kt.col === col) {
        out.add(kt.key);
        if (shape.tokens.length > 1) break;
        continue;
      }
      break;
    }
  }
  // Downwards, until a line that leaves the map.
  for (let l = ctx.line + 1; l < ctx.doc.endLine; l++) {
    const shape = lineShape(lines.lineText(l));
    if (shape.blank || shape.tokens.length === 0) continue;
    const first = shape.tokens[0];
    if (first.col > col) continue;
    if (first.col < col || first.type === 'dash') break;
    const kt = keyToken(shape);
    if (kt) out.add(kt.key);
  }
  return out;
}
