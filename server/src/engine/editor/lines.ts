/**
 * Line-level reading of YAML text for editor answers. Completion and hover run on text as it is typed, which
 * is often not valid YAML yet (`type: ` with nothing after it, a half-written key), so the position of the
 * cursor in the document's structure is found from indentation, one line at a time, instead of from a parse.
 */
import { LineIndex } from '../parse/lines';

/** The lines of a text, as the editor currently has it. */
export interface TextLines {
  readonly lineCount: number;
  /** A line's text without its line break. */
  lineText(line: number): string;
}

/** TextLines over a string (tests, and the engine's own files). */
export function textLines(text: string | LineIndex): TextLines {
  const index = typeof text === 'string' ? new LineIndex(text) : text;
  return {
    lineCount: index.lineCount,
    lineText: (line) =>
      line < 0 || line >= index.lineCount ? '' : index.text.slice(index.lineStarts[line], index.lineEnd(line)),
  };
}

/** A token that gives a line its place in the block structure: a sequence dash or a mapping key. */
export interface LineToken {
  type: 'dash' | 'key';
  /** Column of the dash, or of the key's first character (its opening quote when quoted). */
  col: number;
}

export interface KeyToken extends LineToken {
  type: 'key';
  /** The key, unquoted. */
  key: string;
  /** End column of the key's text (before the colon). */
  end: number;
}

/** What one line holds, as far as block structure goes. */
export interface LineShape {
  /** Blank, or only a comment. */
  blank: boolean;
  /** `---` or `...` at column 0: a document boundary. */
  docMarker: boolean;
  /** Dashes (in order) and then at most one key. */
  tokens: (LineToken | KeyToken)[];
  /** Column where the content after the dashes starts. */
  content: number;
  /** The value after `key:` (or the whole content when the line has no key): trimmed, comment removed. */
  value: string;
  valueStart: number;
  valueEnd: number;
  /** Column of the colon after the key. */
  colon: number;
  /** Column where a comment starts, or -1. */
  comment: number;
}

const BLOCK_SCALAR = /^(?:[&!][^\s]*\s+)*[|>][-+0-9]*$/;

/** Whether a value starts a block scalar (`|`, `>-`, ...), whose content lines are text, not structure. */
export function isBlockScalarHeader(value: string): boolean {
  return BLOCK_SCALAR.test(value);
}

/** Reads a line's structure: its dashes, key, value and comment. */
export function lineShape(text: string): LineShape {
  const len = text.length;
  let i = 0;
  while (i < len && (text[i] === ' ' || text[i] === '\t')) i++;
  const shape: LineShape = {
    blank: false,
    docMarker: false,
    tokens: [],
    content: i,
    value: '',
    valueStart: i,
    valueEnd: i,
    colon: -1,
    comment: -1,
  };
  if (i === len || text[i] === '#') {
    shape.blank = true;
    shape.comment = i < len ? i : -1;
    return shape;
  }
  if (
    i === 0 &&
    (text.startsWith('---') || text.startsWith('...')) &&
    (len === 3 || text[3] === ' ' || text[3] === '\t')
  ) {
    shape.docMarker = true;
    return shape;
  }
  while (i < len && text[i] === '-' && (i + 1 === len || text[i + 1] === ' ' || text[i + 1] === '\t')) {
    shape.tokens.push({ type: 'dash', col: i });
    i++;
    while (i < len && (text[i] === ' ' || text[i] === '\t')) i++;
  }
  shape.content = i;
  if (i < len && text[i] === '#') {
    shape.comment = i;
    shape.valueStart = shape.valueEnd = i;
    return shape;
  }
  // A key: a quoted scalar or a plain one, followed by `:` and a space or the end of the line.
  let keyEnd = -1;
  let colon = -1;
  let key = '';
  const c = text[i];
  if (c === '"' || c === "'") {
    const close = closingQuote(text, i);
    if (close !== -1) {
      let j = close + 1;
      while (j < len && text[j] === ' ') j++;
      if (text[j] === ':' && (j + 1 === len || text[j + 1] === ' ' || text[j + 1] === '\t')) {
        keyEnd = close + 1;
        colon = j;
        key =
          c === '"' ? text.slice(i + 1, close).replace(/\\(.)/g, '$1') : text.slice(i + 1, close).replace(/''/g, "'");
      }
    }
  } else if (c !== '{' && c !== '[' && c !== '|' && c !== '>' && c !== '&' && c !== '*' && c !== '!' && c !== '?') {
    for (let j = i; j < len; j++) {
      const ch = text[j];
      if (ch === '#' && (text[j - 1] === ' ' || text[j - 1] === '\t')) break;
      if (ch === ':' && (j + 1 === len || text[j + 1] === ' ' || text[j + 1] === '\t')) {
        colon = j;
        let e = j;
        while (e > i && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
        keyEnd = e;
        key = text.slice(i, e);
        break;
      }
    }
  }
  let vStart = i;
  if (colon !== -1) {
    shape.tokens.push({ type: 'key', col: i, key, end: keyEnd } as KeyToken);
    shape.colon = colon;
    vStart = colon + 1;
    while (vStart < len && (text[vStart] === ' ' || text[vStart] === '\t')) vStart++;
  }
  const comment = commentStart(text, vStart);
  shape.comment = comment;
  let vEnd = comment === -1 ? len : comment;
  while (vEnd > vStart && (text[vEnd - 1] === ' ' || text[vEnd - 1] === '\t' || text[vEnd - 1] === '\r')) vEnd--;
  shape.value = text.slice(vStart, vEnd);
  shape.valueStart = vStart;
  shape.valueEnd = vEnd;
  return shape;
}

function closingQuote(text: string, open: number): number {
  const q = text[open];
  for (let j = open + 1; j < text.length; j++) {
    if (q === '"' && text[j] === '\\') {
      j++;
      continue;
    }
    if (text[j] === q) {
      if (q === "'" && text[j + 1] === "'") {
        j++;
        continue;
      }
      return j;
    }
  }
  return -1;
}

/** Where a comment starts in the value part of a line (quotes respected), or -1. */
function commentStart(text: string, from: number): number {
  let j = from;
  if (text[j] === '"' || text[j] === "'") {
    const close = closingQuote(text, j);
    if (close === -1) return -1;
    j = close + 1;
  }
  for (; j < text.length; j++) {
    if (text[j] === '#' && (j === from || text[j - 1] === ' ' || text[j - 1] === '\t')) return j;
  }
  return -1;
}

export function keyToken(shape: LineShape): KeyToken | undefined {
  const last = shape.tokens[shape.tokens.length - 1];
  return last?.type === 'key' ? (last as KeyToken) : undefined;
}
