/**
 * Renders a laid-out traffic graph as SVG text: pure string building, no DOM, so the CLI and the language
 * server render the same picture. Every text taken from the manifests is escaped; ids, files and lines
 * are carried as data attributes so that the viewer can reveal the source of what is clicked.
 */
import { LABEL_FONT_SIZE, textWidth } from './describe';
import { escapeText, escapeXml } from './escape';
import { LABEL, NAMESPACE, NODE, badgeWidth } from './layout';
import type { GraphLayout, LayoutEdge, LayoutNamespace, LayoutNode, Point } from './layout';
import { GRAPH_CSS } from './style';

export { escapeXml };

export interface RenderOptions {
  /** Embed the styles (a file on its own). Off when the page around the SVG brings them (webview, HTML). */
  standalone?: boolean;
  /** Shown when the graph is empty. */
  emptyText?: string;
}

const num = (n: number): string => String(Math.round(n * 10) / 10);
const NOTICE_LINE = 20;

function kindClass(kind: string): string {
  if (kind === 'Ingress') return 'kw-kind-ingress';
  if (kind === 'Service') return 'kw-kind-service';
  if (kind === 'Pods') return 'kw-kind-pods';
  return `kw-kind-workload kw-kind-${kind.toLowerCase()}`;
}

function renderNode(n: LayoutNode, out: string[]): void {
  const cls = ['kw-node', kindClass(n.missing && n.kind === 'Pod' ? 'Pods' : n.kind)];
  if (n.missing) cls.push('kw-missing');
  if (n.stale) cls.push('kw-stale');
  if (n.group) cls.push('kw-group');
  const g = n.node;
  const search = n.kind === 'Pods' ? `${g.name} pods` : `${g.name} ${g.kind}`;
  out.push(
    `<g class="${cls.join(' ')}" data-id="${escapeXml(n.id)}" data-kind="${escapeXml(n.kind)}" data-name="${escapeXml(g.name)}" data-search="${escapeXml(search.toLowerCase())}" data-file="${escapeXml(g.file)}" data-line="${g.line}"${n.group ? ` data-group="${n.group}"` : ''} transform="translate(${num(n.x)},${num(n.y)})">`,
    `<title>${escapeText(n.text.tooltip)}</title>`,
    `<rect class="kw-box" width="${num(n.width)}" height="${num(n.height)}" rx="4"/>`,
  );
  const bw = badgeWidth(n.text.badge);
  out.push(
    `<rect class="kw-badge" x="${NODE.padX}" y="6" width="${bw}" height="16" rx="3"/>`,
    `<text class="kw-badge-text" x="${NODE.padX + bw / 2}" y="18" text-anchor="middle">${escapeText(n.text.badge)}</text>`,
    `<text class="kw-title" x="${NODE.padX + bw + NODE.badgeGap}" y="19">${escapeText(n.text.title)}</text>`,
  );
  n.text.lines.forEach((l, i) => {
    out.push(
      `<text class="kw-line kw-${l.style}" x="${NODE.padX}" y="${NODE.header + i * NODE.line + 11}">${escapeText(l.text)}</text>`,
    );
  });
  out.push('</g>');
}

function pathOf(points: Point[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${num(p.x)},${num(p.y)}`).join(' ');
}

function renderEdge(e: LayoutEdge, layout: GraphLayout, out: string[]): void {
  if (e.points.length < 2) return;
  const cls = ['kw-edge', `kw-${e.kind}`];
  if (e.broken) cls.push('kw-broken');
  const first = e.edges.length ? layout.graph.edges[e.edges[0]] : undefined;
  const source = first ? ` data-file="${escapeXml(first.file)}" data-line="${first.line}"` : '';
  const d = pathOf(e.points);
  out.push(
    `<g class="${cls.join(' ')}" data-id="${escapeXml(e.id)}" data-edges="${e.edges.join(' ')}" data-from="${escapeXml(e.from)}" data-to="${escapeXml(e.to)}"${e.broken ? ' data-broken="true"' : ''}${source}>`,
    `<title>${escapeText(e.tooltip)}</title>`,
    `<path class="kw-edge-hit" d="${d}"/>`,
    `<path class="kw-edge-line" d="${d}" marker-end="url(#${e.broken ? 'kw-arrow-broken' : 'kw-arrow'})"/>`,
  );
  if (e.label) {
    const { x, y, width, height, lines, warn } = e.label;
    out.push(
      `<g class="kw-edge-label"><rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" rx="2"/>`,
    );
    lines.forEach((l, i) => {
      out.push(
        `<text${warn[i] ? ' class="kw-label-warn"' : ''} x="${num(x + LABEL.padX)}" y="${num(y + LABEL.padY + i * LABEL.line + LABEL_FONT_SIZE)}">${escapeText(l)}</text>`,
      );
    });
    out.push('</g>');
  }
  out.push('</g>');
}

function renderNamespace(ns: LayoutNamespace, layout: GraphLayout, out: string[]): void {
  out.push(
    `<g class="kw-ns" data-ns="${escapeXml(ns.name)}" data-y="${num(ns.y)}" data-h="${num(ns.height)}" data-w="${num(ns.width)}" transform="translate(${num(ns.x)},${num(ns.y)})">`,
    `<rect class="kw-ns-box" width="${num(ns.width)}" height="${num(ns.height)}" rx="6"/>`,
    `<text class="kw-ns-title" x="${NAMESPACE.pad}" y="${NAMESPACE.pad + 4}">namespace <tspan class="kw-ns-name">${escapeText(ns.name)}</tspan></text>`,
    '<g class="kw-edges">',
  );
  // Edges first, so that boxes are drawn over their ends; labels of broken edges last, on top.
  for (const e of ns.edges) renderEdge(e, layout, out);
  out.push('</g><g class="kw-nodes">');
  for (const n of ns.nodes) renderNode(n, out);
  out.push('</g></g>');
}

const DEFS =
  '<defs>' +
  '<marker id="kw-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto"><path class="kw-arrowhead" d="M0,0L10,5L0,10z"/></marker>' +
  '<marker id="kw-arrow-broken" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto"><path class="kw-arrowhead-broken" d="M0,0L10,5L0,10z"/></marker>' +
  '</defs>';

/** The SVG of a laid-out graph. */
export function renderSvg(layout: GraphLayout, opts: RenderOptions = {}): string {
  const empty = layout.namespaces.length === 0;
  const emptyText = opts.emptyText ?? 'No Ingress, Service or workload in these files.';
  const notes = empty ? [] : layout.notes;
  const top = notes.length * NOTICE_LINE;
  const width = Math.max(
    empty ? Math.max(320, textWidth(emptyText) + 40) : Math.ceil(layout.width) + 2,
    ...notes.map((n) => textWidth(n) + 2),
  );
  const height = (empty ? 60 : Math.ceil(layout.height) + 2) + top;
  const nodes = layout.graph.nodes.length;
  const broken = layout.graph.edges.filter((e) => e.broken).length;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="kw-graph" width="${width}" height="${height}" viewBox="-1 ${-1 - top} ${width} ${height}" role="img" aria-label="Traffic diagram: ${nodes} object${nodes === 1 ? '' : 's'}, ${broken} broken reference${broken === 1 ? '' : 's'}" data-width="${width}" data-height="${height - top}">`,
  ];
  if (opts.standalone !== false) out.push(`<style>${GRAPH_CSS}</style>`);
  out.push(DEFS);
  if (notes.length) {
    // Said on the picture itself, above the namespaces (the viewer shows them in its banner instead).
    out.push('<g class="kw-notices">');
    notes.forEach((note, i) =>
      out.push(`<text class="kw-notice" x="0" y="${num(-top + NOTICE_LINE * i + 13)}">${escapeText(note)}</text>`),
    );
    out.push('</g>');
  }
  out.push('<g class="kw-viewport">');
  if (empty) out.push(`<text class="kw-empty" x="20" y="34">${escapeText(emptyText)}</text>`);
  for (const ns of layout.namespaces) renderNamespace(ns, layout, out);
  out.push('</g></svg>');
  return out.join('\n');
}
