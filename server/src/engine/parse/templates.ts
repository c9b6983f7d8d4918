/**
 * Which files are unrendered templates (not the manifests they will become), and why. Only those are
 * skipped: `{{` in a quoted scalar, a block scalar or inside a plain string value (a Grafana dashboard in a
 * ConfigMap, a Prometheus rule's `{{ $labels.instance }}`) is text and the file is checked.
 */
import { CST, Lexer } from 'yaml';

export interface TemplateReason {
  kind: 'helm-chart' | 'template-structure';
  /** Why the file is skipped, for the CLI's summary and the editor's note (no file name in it). */
  message: string;
  /** Offset of the template that decides it (template-structure only). */
  offset?: number;
}

export interface TemplateContext {
  /**
   * The folder (named like the file's path, '' for the root) of the nearest `Chart.yaml` above the file, when
   * the caller found one: the engine does no I/O.
   */
  chartRoot?: string;
}

/**
 * Why a file is skipped as a template, or undefined when it is checked: it is inside a Helm chart's
 * `templates/` folder, or `{{ … }}` stands where YAML structure is — a key, a whole plain value, a line of its
 * own, a flow or block position — so yaml would read a different shape than the rendered manifest.
 */
export function templateReason(path: string, text: string, context: TemplateContext = {}): TemplateReason | undefined {
  const inChart = context.chartRoot === undefined ? undefined : pathInside(context.chartRoot, path);
  if (inChart?.startsWith('templates/')) {
    const chart = context.chartRoot
      ? `${context.chartRoot.replace(/\\/g, '/').replace(/\/$/, '')}/Chart.yaml`
      : 'Chart.yaml';
    return {
      kind: 'helm-chart',
      message: `in the templates/ folder of the Helm chart ${chart}: render it with \`helm template\` to check it`,
    };
  }
  if (!text.includes('{{')) return undefined;
  const at = structuralTemplate(text);
  if (at === undefined) return undefined;
  return {
    kind: 'template-structure',
    message: `an unrendered Helm/Go template: \`{{ … }}\` stands where YAML structure is, on line ${lineOf(text, at) + 1}`,
    offset: at,
  };
}

/** Lexer markers that stand for no text of their own. */
const MARKERS = new Set([CST.DOCUMENT, CST.SCALAR, CST.FLOW_END]);

/**
 * Offset of the first `{{` that yaml's lexer reads as structure: two flow-map starts in a row (`{{` where a
 * value, a key, an item or a line starts), or a plain key containing `{{`.
 */
function structuralTemplate(text: string): number | undefined {
  let at = 0;
  let previous: { type: string | null; start: number } | undefined;
  let pendingKey: { start: number } | undefined;
  for (const token of new Lexer().lex(text)) {
    if (MARKERS.has(token)) continue;
    const start = at;
    at += token.length;
    const type = CST.tokenType(token);
    if (type === 'flow-map-start' && previous?.type === 'flow-map-start' && previous.start + 1 === start)
      return previous.start;
    if (type === 'space') continue;
    if (pendingKey) {
      if (type === 'map-value-ind') return pendingKey.start + text.slice(pendingKey.start).indexOf('{{');
      pendingKey = undefined;
    }
    if (type === null && token.includes('{{')) pendingKey = { start }; // a plain scalar's text
    previous = { type, start };
  }
  return undefined;
}

/** `path` relative to `folder` (both named alike, `/` or `\\`), or undefined when it is not inside it. */
function pathInside(folder: string, path: string): string | undefined {
  const f = folder.replace(/\\/g, '/').replace(/\/$/, '');
  const p = path.replace(/\\/g, '/');
  if (f === '' || f === '.') return p.startsWith('./') ? p.slice(2) : p;
  return p.startsWith(`${f}/`) ? p.slice(f.length + 1) : undefined;
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
