/**
 * The diagram's look. Every colour is a VS Code theme variable, so the webview follows light, dark and
 * high-contrast themes; the fallbacks make a standalone SVG or HTML page look right outside VS Code too
 * (light by default, dark when the viewer prefers dark).
 */

const LIGHT = `
  --kw-bg: var(--vscode-editor-background, #ffffff);
  --kw-fg: var(--vscode-editor-foreground, #1f1f1f);
  --kw-muted: var(--vscode-descriptionForeground, #5f6368);
  --kw-box: var(--vscode-editorWidget-background, #f7f7f7);
  --kw-border: var(--vscode-contrastBorder, var(--vscode-editorWidget-border, #c4c4c4));
  --kw-edge: var(--vscode-editorLineNumber-activeForeground, #6b6b6b);
  --kw-broken: var(--vscode-errorForeground, #d21f1f);
  --kw-warn: var(--vscode-editorWarning-foreground, #a86b00);
  --kw-ns-border: var(--vscode-contrastBorder, var(--vscode-panel-border, #d0d0d0));
  --kw-ns-bg: var(--vscode-sideBar-background, #fbfbfb);
  --kw-focus: var(--vscode-focusBorder, #0078d4);
  --kw-match: var(--vscode-editor-findMatchHighlightBackground, #ffd54f99);
  --kw-ingress: var(--vscode-charts-purple, #8e44ad);
  --kw-service: var(--vscode-charts-blue, #1a73e8);
  --kw-workload: var(--vscode-charts-green, #2e7d32);
  --kw-pods: var(--vscode-charts-orange, #c26a00);`;

const DARK = `
  --kw-bg: var(--vscode-editor-background, #1e1e1e);
  --kw-fg: var(--vscode-editor-foreground, #d4d4d4);
  --kw-muted: var(--vscode-descriptionForeground, #a0a0a0);
  --kw-box: var(--vscode-editorWidget-background, #252526);
  --kw-border: var(--vscode-contrastBorder, var(--vscode-editorWidget-border, #454545));
  --kw-edge: var(--vscode-editorLineNumber-activeForeground, #a0a0a0);
  --kw-broken: var(--vscode-errorForeground, #f48771);
  --kw-warn: var(--vscode-editorWarning-foreground, #cca700);
  --kw-ns-border: var(--vscode-contrastBorder, var(--vscode-panel-border, #3c3c3c));
  --kw-ns-bg: var(--vscode-sideBar-background, #222223);
  --kw-focus: var(--vscode-focusBorder, #3794ff);
  --kw-match: var(--vscode-editor-findMatchHighlightBackground, #ea5c0055);
  --kw-ingress: var(--vscode-charts-purple, #b180d7);
  --kw-service: var(--vscode-charts-blue, #4fa3ff);
  --kw-workload: var(--vscode-charts-green, #89d185);
  --kw-pods: var(--vscode-charts-orange, #e8a24a);`;

/** Styles of the SVG itself (classes `kw-*`); embedded in a standalone SVG, given to the page otherwise. */
export const GRAPH_CSS = `
.kw-graph {${LIGHT}
  background: var(--kw-bg);
  color: var(--kw-fg);
}
@media (prefers-color-scheme: dark) {
  .kw-graph {${DARK}
  }
}
.kw-graph text {
  font-family: var(--vscode-editor-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace);
  font-size: 12px;
  fill: var(--kw-fg);
  white-space: pre;
}
.kw-ns-box { fill: var(--kw-ns-bg); stroke: var(--kw-ns-border); stroke-width: 1; }
.kw-graph text.kw-ns-title { font-size: 12px; fill: var(--kw-muted); }
.kw-graph text.kw-ns-title .kw-ns-name { font-weight: 600; fill: var(--kw-fg); }
.kw-box { fill: var(--kw-box); stroke: var(--kw-border); stroke-width: 1; }
.kw-node { cursor: pointer; }
.kw-node:hover .kw-box, .kw-node.kw-selected .kw-box { stroke: var(--kw-focus); stroke-width: 2; }
.kw-node.kw-match .kw-box { fill: var(--kw-match); stroke: var(--kw-focus); stroke-width: 2; }
.kw-dim { opacity: 0.35; }
.kw-stale { opacity: 0.6; }
.kw-stale .kw-box { stroke-dasharray: 2 3; }
.kw-missing .kw-box { fill: none; stroke: var(--kw-broken); stroke-dasharray: 5 4; stroke-width: 1.5; }
.kw-badge { fill: var(--kw-workload); }
.kw-kind-ingress .kw-badge { fill: var(--kw-ingress); }
.kw-kind-service .kw-badge { fill: var(--kw-service); }
.kw-kind-pods .kw-badge { fill: var(--kw-pods); }
.kw-missing .kw-badge { fill: var(--kw-broken); }
.kw-graph text.kw-badge-text { font-size: 10px; font-weight: 700; fill: var(--kw-bg); letter-spacing: 0.04em; }
.kw-graph text.kw-title { font-weight: 600; }
.kw-graph text.kw-detail { fill: var(--kw-muted); }
.kw-graph text.kw-warn { fill: var(--kw-broken); }
.kw-edge { cursor: pointer; }
.kw-edge-line { fill: none; stroke: var(--kw-edge); stroke-width: 1.5; }
.kw-edge-hit { fill: none; stroke: transparent; stroke-width: 12; }
.kw-runs .kw-edge-line { stroke-dasharray: 1 3; stroke-linecap: round; }
.kw-arrowhead { fill: var(--kw-edge); }
.kw-arrowhead-broken { fill: var(--kw-broken); }
.kw-broken .kw-edge-line { stroke: var(--kw-broken); stroke-dasharray: 6 4; stroke-width: 2; }
.kw-edge:hover .kw-edge-line, .kw-edge.kw-selected .kw-edge-line { stroke-width: 3; }
.kw-edge-label rect { fill: var(--kw-bg); opacity: 0.9; }
.kw-graph .kw-edge-label text { font-size: 11px; fill: var(--kw-muted); }
.kw-graph .kw-broken .kw-edge-label text, .kw-graph .kw-edge-label text.kw-label-warn { fill: var(--kw-broken); }
.kw-graph text.kw-empty { fill: var(--kw-muted); }
.kw-graph text.kw-notice { fill: var(--kw-warn); }
.kw-group .kw-box { stroke-width: 2; stroke-dasharray: 8 2; }
`;

/** Puts the diagram's styles into an SVG rendered without them (for writing it to a file). */
export function withEmbeddedStyle(svg: string): string {
  if (svg.includes('<style>')) return svg;
  const end = svg.indexOf('>', svg.indexOf('<svg'));
  if (end < 0) return svg;
  return `${svg.slice(0, end + 1)}\n<style>${GRAPH_CSS}</style>${svg.slice(end + 1)}`;
}
