/** Problem detection for one parsed document: syntax errors, control characters, nesting, aliases, duplicate keys. */
import { isMap, isScalar } from 'yaml';
import type { ManifestDocument, YamlProblem } from './document';
import type { LineIndex } from './lines';
import { measure } from './aliases';
import { duplicateKeyProblems } from './duplicateKeys';
import { locateSyntaxError } from './syntaxErrors';
import { MAX_ALIAS_EXPANSION, MAX_NESTING_DEPTH } from './yamlOptions';

/** What reading one document found: its syntax error (if any) and other problems. */
export interface DocumentProblems {
  syntax?: YamlProblem;
  others: YamlProblem[];
}

export function readDocument(md: ManifestDocument, lines: LineIndex): DocumentProblems {
  const doc = md.doc;
  const text = lines.text;
  const out: DocumentProblems = { others: [] };
  if (doc.errors.length) {
    md.worsen('broken');
    out.syntax = locateSyntaxError(doc.errors, doc, lines);
  }
  const control = controlCharacter(text, doc.range[0], Math.min(doc.range[2], out.syntax?.start ?? Infinity));
  if (control !== undefined) {
    md.worsen('broken');
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
      md.worsen('unread');
      return out;
    }
  }
  const shape = measure(doc.contents, md.reader);
  if (shape.ownDepth > MAX_NESTING_DEPTH) {
    md.worsen('unread');
    out.syntax ??= {
      code: 'yaml-syntax',
      start: shape.deepAt,
      end: Math.min(shape.deepAt + 1, text.length),
      message: `YAML syntax error: this document nests maps and lists more than ${MAX_NESTING_DEPTH} levels deep; kubeway does not read it.`,
    };
    return out;
  }
  if (shape.unknownAlias) {
    md.worsen('broken');
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
    md.worsen('unread');
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
    md.worsen('unread');
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

/** go-yaml refuses characters outside YAML's printable set anywhere in a stream (tab, CR and LF are fine). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/;

/** The first control character in text[start, end) (searched within that slice only: files have many documents). */
function controlCharacter(text: string, start: number, end: number): number | undefined {
  if (end <= start) return undefined;
  const i = text.slice(start, end).search(CONTROL);
  return i < 0 ? undefined : start + i;
}

const API_VERSION_LINE = /^[ \t]*["']?apiVersion["']?[ \t]*:/m;
const KIND_LINE = /^[ \t]*["']?kind["']?[ \t]*:/m;
const API_VERSION_JSON = /"apiVersion"[ \t\r\n]*:/;
const KIND_JSON = /"kind"[ \t\r\n]*:/;

/** Whether a document is a Kubernetes object (apiVersion + kind), judged from its text when it is broken. */
export function isKubernetesDocument(md: ManifestDocument, text: string): boolean {
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
