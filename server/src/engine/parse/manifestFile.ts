import { Composer, Parser } from 'yaml';
import type { Document } from 'yaml';
import { LineIndex } from './lines';
import { ManifestDocument } from './document';
import { commonEnds, editedChunkStarts, reusableChunks, chunkStarts } from './chunks';
import type { Chunk } from './chunks';
import { isKubernetesDocument, readDocument } from './problems';
import { YAML_OPTIONS } from './yamlOptions';
import { composeAsGoYaml } from './goYamlCompat';
import { templateReason } from './templates';
import type { TemplateContext, TemplateReason } from './templates';

export { ManifestDocument } from './document';
export type { YamlProblem, DocumentState } from './document';
export { chunkStarts } from './chunks';
import type { YamlProblem } from './document';

export { templateReason } from './templates';
export type { TemplateContext, TemplateReason } from './templates';

/** A parsed manifest file: its text, line index, documents and YAML-level problems. */
export class ManifestFile {
  readonly lines: LineIndex;
  readonly documents: ManifestDocument[] = [];
  /** YAML problems of the file's Kubernetes documents, in text order: at most one syntax error per file. */
  readonly problems: YamlProblem[] = [];
  /** Why the file is an unrendered template (then it has no documents and no problems), or undefined. */
  readonly template: TemplateReason | undefined;
  /** Whether any document is a Kubernetes object (YAML problems are only reported for those). */
  readonly looksLikeKubernetes: boolean;

  /** The text cut at document markers, with what each piece parsed to (kept for the file's next version). */
  private chunks: Chunk[] = [];
  /** Where the pieces start, when the text could be cut (else it was parsed whole). */
  private starts: number[] | undefined;

  /**
   * Parses `text`. With `previous` (an earlier version of the same file), the documents whose text did not
   * change are taken over from it instead of being parsed again; they then belong to this file (previous
   * must not be used any more). `context` says what the caller knows of the file's folder (a Helm chart).
   */
  constructor(
    readonly path: string,
    readonly text: string,
    previous?: ManifestFile,
    context?: TemplateContext,
  ) {
    // What did not change: the text before the first and after the last changed character.
    const edit = previous ? commonEnds(previous.text, text) : undefined;
    this.lines =
      previous && edit ? LineIndex.edited(previous.lines, text, edit.prefix, edit.suffix) : new LineIndex(text);
    this.template = templateReason(path, text, context);
    if (!this.template) this.parse(previous && !previous.template ? previous : undefined, edit);
    this.looksLikeKubernetes = this.documents.some((d) => d.kubernetes);
  }

  private parse(previous: ManifestFile | undefined, edit: { prefix: number; suffix: number } | undefined): void {
    const text = this.text;
    const starts =
      previous?.starts && edit
        ? editedChunkStarts(previous.starts, previous.text.length, text, edit.prefix, edit.suffix)
        : chunkStarts(text);
    this.starts = starts;
    if (starts) {
      const reuse =
        previous && edit && previous.chunks.length
          ? reusableChunks(previous.text.length, previous.chunks, text, edit.prefix, edit.suffix)
          : undefined;
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

  private compose(source: string, start: number, end: number, whole: boolean): Document.Parsed[] {
    return composeAsGoYaml(source, start, (text) => {
      const composer = new Composer(YAML_OPTIONS);
      const parser = new Parser();
      parser.offset = start;
      return [...composer.compose(parser.parse(text), whole, end + text.length - source.length)] as Document.Parsed[];
    });
  }
}
