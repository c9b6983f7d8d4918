import type { Document, Node } from 'yaml';
import { DocReader } from './nodes';
import type { ManifestFile } from './manifestFile';
import type { Range } from '../types';

/** A problem found while reading YAML (before any Kubernetes rule runs). */
export interface YamlProblem {
  code: 'yaml-syntax' | 'yaml-duplicate-key' | 'yaml-tab-indent' | 'yaml-alias-limit';
  /** Offsets in the file's text. */
  start: number;
  end: number;
  message: string;
}

/**
 * How far a document could be read:
 * - `read`: no problem;
 * - `broken`: a syntax error; rules skip it, but its objects still resolve references;
 * - `unread`: not read at all (an alias bomb, nesting beyond the limit, yaml gave up): it yields no objects.
 */
export type DocumentState = 'read' | 'broken' | 'unread';

/** One YAML document of a file. */
export class ManifestDocument {
  readonly reader: DocReader;
  state: DocumentState = 'read';
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

  /** A syntax error (or worse): rules skip the document. */
  get broken(): boolean {
    return this.state !== 'read';
  }

  /** Not read at all: the document yields no objects. */
  get unread(): boolean {
    return this.state === 'unread';
  }

  /** Marks the document as at least this badly off (a state never improves). */
  worsen(state: DocumentState): void {
    if (state === 'unread' || this.state === 'read') this.state = state;
  }

  get contents(): Node | null {
    return this.doc.contents as Node | null;
  }

  /** The LSP range of a node's value, e.g. for a wrong value. */
  rangeOf(node: unknown): Range {
    const r = (node as Node | undefined)?.range;
    if (!r)
      return this.file.lines.range(this.base + (this.doc.range?.[0] ?? 0), this.base + (this.doc.range?.[0] ?? 0));
    return this.file.lines.range(this.base + r[0], this.base + r[1]);
  }

  /** Absolute offsets of a node's value. */
  span(node: unknown): [number, number] | undefined {
    const r = (node as Node | undefined)?.range;
    return r ? [this.base + r[0], this.base + r[1]] : undefined;
  }
}
