import type { Position, Range } from '../types';

/**
 * Maps offsets in a text to LSP positions with a binary search over line starts (computed once per text).
 * Lines end at `\n`, `\r\n` or a lone `\r`, as in LSP and in YAML.
 */
export class LineIndex {
  readonly lineStarts: number[];

  constructor(
    readonly text: string,
    /** Line starts already known (LineIndex.edited). */
    lineStarts?: number[],
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    const starts = [0];
    scanLineStarts(text, 0, text.length, starts);
    this.lineStarts = starts;
  }

  /**
   * The index of a new version of a text that has `prefix` characters at its start and `suffix` at its end in
   * common with the previous one: the line starts there are taken over (shifted after the change), and only
   * the changed part is scanned.
   */
  static edited(previous: LineIndex, text: string, prefix: number, suffix: number): LineIndex {
    const old = previous.lineStarts;
    const shift = text.length - previous.text.length;
    const starts: number[] = [0];
    // A line start depends on the character before it and (after a CR) the one at it.
    let i = 1;
    while (i < old.length && old[i] < prefix) starts.push(old[i++]);
    scanLineStarts(text, Math.max(0, prefix - 1), text.length - suffix, starts);
    const keepFrom = previous.text.length - suffix + 1;
    while (i < old.length && old[i] < keepFrom) i++;
    for (; i < old.length; i++) starts.push(old[i] + shift);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): Position {
    if (offset <= 0) return { line: 0, character: 0 };
    if (offset > this.text.length) offset = this.text.length;
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    // An offset between the CR and the LF of a CRLF belongs to the end of the line's content.
    return { line: lo, character: Math.min(offset, this.lineEnd(lo)) - starts[lo] };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  offset(pos: Position): number {
    if (pos.line >= this.lineStarts.length) return this.text.length;
    if (pos.line < 0) return 0;
    return Math.min(this.lineStarts[pos.line] + pos.character, this.lineEnd(pos.line));
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    const next = this.lineStarts[line + 1];
    const c = this.text.charCodeAt(next - 1);
    if (c === 10)
      return next - 1 > this.lineStarts[line] && this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
    return next - 1; // a lone CR
  }

  /** The range of a whole line's content, for diagnostics that belong to a line. */
  lineRange(line: number): Range {
    const start = this.lineStarts[Math.min(line, this.lineStarts.length - 1)];
    return this.range(start, this.lineEnd(line));
  }
}

/**
 * Pushes the starts (at most `to`) of the lines that the line breaks at text[from, to) begin (a CR LF pair
 * counts once, at its LF).
 */
function scanLineStarts(text: string, from: number, to: number, starts: number[]): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      if (i + 1 <= to) starts.push(i + 1);
    }
  }
}
