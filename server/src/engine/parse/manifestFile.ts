import { Composer, Parser, isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node } from 'yaml';
import { LineIndex } from './lines';
import { DocReader } from './nodes';
import { MAX_ALIAS_EXPANSION, YAML_OPTIONS } from './yamlOptions';
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

  constructor(
    readonly file: ManifestFile,
    readonly index: number,
    readonly doc: Document.Parsed,
    /** Offset of this document's text within the file (node ranges are relative to it). */
    readonly base: number,
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

const K8S_HINT = /^[ \t]*["']?apiVersion["']?[ \t]*:/m;
const KIND_HINT = /^[ \t]*["']?kind["']?[ \t]*:/m;

/** A parsed manifest file: its text, line index, documents and YAML-level problems. */
export class ManifestFile {
  readonly lines: LineIndex;
  readonly documents: ManifestDocument[] = [];
  readonly problems: YamlProblem[] = [];
  /** Unrendered template: no documents, no problems. */
  readonly template: boolean;
  /** Whether the text looks like a Kubernetes manifest at all (decides whether syntax errors are worth showing). */
  readonly looksLikeKubernetes: boolean;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.lines = new LineIndex(text);
    this.template = isTemplateText(text);
    this.looksLikeKubernetes = !this.template && K8S_HINT.test(text) && KIND_HINT.test(text);
    if (this.template) return;
    this.parse();
  }

  private parse(): void {
    const text = this.text;
    const composer = new Composer(YAML_OPTIONS);
    const parser = new Parser();
    let index = 0;
    let syntaxReported = false;
    for (const doc of composer.compose(parser.parse(text), true, text.length)) {
      const md = new ManifestDocument(this, index++, doc as Document.Parsed, 0);
      this.documents.push(md);
      for (const err of doc.errors) {
        const [start, end] = err.pos;
        if (err.code === 'DUPLICATE_KEY') {
          this.problems.push({ code: 'yaml-duplicate-key', start, end, message: duplicateKeyMessage(text, start, end) });
          continue;
        }
        md.broken = true;
        if (syntaxReported) continue; // one syntax error per file: the rest are usually follow-ups
        syntaxReported = true;
        if (err.code === 'TAB_AS_INDENT') {
          this.problems.push({ code: 'yaml-tab-indent', start, end, message: 'Tabs are not allowed as indentation in YAML: indent with spaces.' });
        } else {
          this.problems.push({ code: 'yaml-syntax', start, end, message: `YAML syntax error: ${firstLine(err.message)}` });
        }
      }
      if (hasAliases(doc) && expandedSize(doc.contents, md.reader) > MAX_ALIAS_EXPANSION) {
        md.aliasBomb = true;
        md.broken = true;
        const start = doc.range[0];
        this.problems.push({
          code: 'yaml-alias-limit',
          start,
          end: Math.min(doc.range[1], this.lines.lineEnd(this.lines.position(start).line)),
          message: `YAML aliases in this document expand to more than ${MAX_ALIAS_EXPANSION} nodes; kubeway does not read it (likely an alias bomb).`,
        });
      }
    }
  }
}

function firstLine(message: string): string {
  const line = message.split('\n')[0];
  return line.replace(/ at line \d+, column \d+:?$/, '').replace(/\.?$/, '.');
}

function duplicateKeyMessage(text: string, start: number, end: number): string {
  const key = text.slice(start, end).replace(/\s*:.*$/s, '').trim();
  return key ? `Duplicate key \`${key}\`: kubectl rejects a map that sets a key twice. Remove one of them.` : 'Duplicate key: kubectl rejects a map that sets a key twice. Remove one of them.';
}

function hasAliases(doc: Document.Parsed): boolean {
  // Cheap pre-check: only documents with an anchor can have aliases worth counting.
  let found = false;
  const stack: unknown[] = [doc.contents];
  while (stack.length && !found) {
    const n = stack.pop();
    if (!n) continue;
    if (isAlias(n)) found = true;
    else if (isMap(n)) for (const p of n.items) stack.push(p.key, p.value);
    else if (isSeq(n)) for (const i of n.items) stack.push(i);
  }
  return found;
}

/** The number of nodes a document would have with every alias expanded, memoised per node (linear). */
function expandedSize(root: unknown, reader: DocReader): number {
  const memo = new Map<unknown, number>();
  const visiting = new Set<unknown>();
  const size = (node: unknown): number => {
    if (!node || typeof node !== 'object') return 0;
    const target = isAlias(node) ? reader.resolve(node) : node;
    if (!target) return 1;
    const cached = memo.get(target);
    if (cached !== undefined) return cached;
    if (visiting.has(target)) return MAX_ALIAS_EXPANSION + 1; // a cycle never ends
    visiting.add(target);
    let n = 1;
    if (isMap(target)) for (const p of target.items) { n += size(p.key) + size(p.value); if (n > MAX_ALIAS_EXPANSION) break; }
    else if (isSeq(target)) for (const i of target.items) { n += size(i); if (n > MAX_ALIAS_EXPANSION) break; }
    else if (!isScalar(target)) n = 1;
    visiting.delete(target);
    memo.set(target, n);
    return n;
  };
  return size(root);
}
