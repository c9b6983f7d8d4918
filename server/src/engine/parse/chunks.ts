/** Cutting a file's text into pieces yaml parses on its own, and taking unchanged pieces over from the file's previous version. */
import type { ManifestDocument } from './document';
import type { DocumentProblems } from './problems';

/** A piece of a file's text that yaml parses on its own: from a `---` line to the next (or the file's start). */
export interface Chunk {
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
  for (let i = markerAfterLineBreak(text, '\n---', 0); i >= 0; i = markerAfterLineBreak(text, '\n---', i + 4))
    starts.push(i + 1);
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
export function reusableChunks(
  oldLength: number,
  chunks: readonly Chunk[],
  text: string,
  prefix: number,
  suffix: number,
): (start: number, end: number) => Chunk | undefined {
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
export function editedChunkStarts(
  old: number[],
  oldLength: number,
  text: string,
  prefix: number,
  suffix: number,
): number[] | undefined {
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
  for (let m = markerAfterLineBreak(region, '\n---', 0); inChange(m); m = markerAfterLineBreak(region, '\n---', m + 4))
    starts.push(from + m + 1);
  while (i < old.length && old[i] - 1 + shift < to) i++;
  for (; i < old.length; i++) starts.push(old[i] + shift);
  return starts;
}

/** The lengths of the common start and the common end (not overlapping) of two texts. */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
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
  while (
    i + BLOCK <= max &&
    a.slice(a.length - i - BLOCK, a.length - i) === b.slice(b.length - i - BLOCK, b.length - i)
  )
    i += BLOCK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
