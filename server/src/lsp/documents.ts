/**
 * Open documents whose edits are applied when their text is read, not as each `didChange` arrives. The
 * library's document applies an edit by copying the whole text (10-20 ms per keystroke at 3 MB): a burst of
 * 300 edits kept every other message, a hover on another document included, waiting for seconds. Here an
 * edit is queued in constant time; the first read applies the queue in one pass over the lines (one copy of
 * the text for the whole burst), and the server only ever reads the newest text.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextDocumentsConfiguration } from 'vscode-languageserver/node';

export class LazyTextDocument implements TextDocument {
  private doc: TextDocument;
  private pending: TextDocumentContentChangeEvent[] = [];
  private pendingVersion: number;

  constructor(uri: string, languageId: string, version: number, text: string) {
    this.doc = TextDocument.create(uri, languageId, version, text);
    this.pendingVersion = version;
  }

  get uri(): string {
    return this.doc.uri;
  }
  get languageId(): string {
    return this.doc.languageId;
  }
  /** The newest version (known without applying the edits). */
  get version(): number {
    return this.pendingVersion;
  }
  /** Edits received but not applied yet (for tests). */
  get pendingEdits(): number {
    return this.pending.length;
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      // A whole-text change replaces whatever was queued before it.
      if (!('range' in change)) this.pending = [];
      this.pending.push(change);
    }
    this.pendingVersion = version;
  }

  private current(): TextDocument {
    if (this.pending.length === 0) return this.doc;
    const changes = this.pending;
    this.pending = [];
    if (changes.length === 1 || !('range' in changes[0])) {
      // One edit (or a whole text first): the library's own update is as cheap as it gets.
      TextDocument.update(this.doc, changes, this.pendingVersion);
      return this.doc;
    }
    const text = applyByLines(this.doc.getText(), changes);
    if (text !== undefined)
      this.doc = TextDocument.create(this.doc.uri, this.doc.languageId, this.pendingVersion, text);
    else TextDocument.update(this.doc, changes, this.pendingVersion);
    return this.doc;
  }

  getText(range?: Range): string {
    return this.current().getText(range);
  }
  positionAt(offset: number): Position {
    return this.current().positionAt(offset);
  }
  offsetAt(position: Position): number {
    return this.current().offsetAt(position);
  }
  getLineRange(line: number): Range {
    return this.current().getLineRange(line);
  }
  getEOLCharacters(line: number): string {
    return this.current().getEOLCharacters(line);
  }
  get lineCount(): number {
    return this.current().lineCount;
  }
}

export const LAZY_DOCUMENTS: TextDocumentsConfiguration<LazyTextDocument> = {
  create: (uri, languageId, version, content) => new LazyTextDocument(uri, languageId, version, content),
  update(document, changes, version) {
    document.update(changes, version);
    return document;
  },
};

const isEol = (c: number): boolean => c === 10 || c === 13;

/** Splits a text into lines that keep their line break (`\n`, `\r\n` or `\r`, as LSP counts lines). */
function splitLines(text: string, keepLast: boolean): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      out.push(text.slice(start, i + 1));
      start = i + 1;
    } else if (c === 10) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (keepLast || start < text.length) out.push(text.slice(start));
  return out;
}

/**
 * The text after a series of range edits, applied to its lines as the library applies them to the text
 * (positions past a line's end or the text's end are clamped the same way). undefined when an edit joins a
 * `\r` and a `\n` across its start (then the library's update is used).
 */
export function applyByLines(text: string, changes: readonly TextDocumentContentChangeEvent[]): string | undefined {
  let lines = splitLines(text, true);
  /** The index in `lines` and the offset in that line of a position. */
  const locate = (p: Position): [number, number] => {
    if (p.line < 0) return [0, 0];
    if (p.line >= lines.length) return [lines.length - 1, lines[lines.length - 1].length];
    const line = lines[p.line];
    if (p.character <= 0) return [p.line, 0];
    let off = Math.min(p.character, line.length);
    while (off > 0 && isEol(line.charCodeAt(off - 1))) off--;
    return [p.line, off];
  };
  for (const change of changes) {
    if (!('range' in change)) {
      lines = splitLines(change.text, true);
      continue;
    }
    let { start, end } = change.range;
    if (start.line > end.line || (start.line === end.line && start.character > end.character))
      [start, end] = [end, start];
    const [sl, so] = locate(start);
    const [el, eo] = locate(end);
    const replaced = lines[sl].slice(0, so) + change.text + lines[el].slice(eo);
    if (sl > 0 && replaced.charCodeAt(0) === 10 && lines[sl - 1].endsWith('\r')) return undefined;
    const added = splitLines(replaced, el === lines.length - 1);
    if (added.length < 10_000) lines.splice(sl, el - sl + 1, ...added);
    else lines = lines.slice(0, sl).concat(added, lines.slice(el + 1));
  }
  return lines.join('');
}
