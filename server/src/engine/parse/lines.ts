import type { Position, Range } from '../types';

/**
 * Maps offsets in a text to LSP positions with a binary search over line starts (computed once per text).
 * Lines end at `\n`, `\r\n` or a lone `\r`, as in LSP and in YAML.
 */
export class LineIndex {
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
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
    if (c === 10) return next - 1 > this.lineStarts[line] && this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
    return next - 1; // a lone CR
  }

  /** The range of a whole line's content, for diagnostics that belong to a line. */
  lineRange(line: number): Range {
    const start = this.lineStarts[Math.min(line, this.lineStarts.length - 1)];
    return this.range(start, this.lineEnd(line));
  }
}
