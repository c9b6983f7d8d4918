/**
 * The page around the diagram: toolbar, canvas and the viewer script, under a strict Content-Security-
 * Policy (no network, styles and scripts only with the page's nonce). Used for `kubeway graph --format
 * html` (SVG inline, self-contained) and, with the webview's CSP, for the VS Code panel.
 */
import { escapeText, escapeXml } from './escape';
import { GRAPH_CSS } from './style';
import { VIEWER_SCRIPT } from './viewer';
import { TRY_REQUEST_CSS, TRY_REQUEST_SCRIPT, routesStatement } from './tryRequest';
import type { RoutingTable } from '../route/types';

export interface PageOptions {
  /** A fresh random value per page: the only key that lets the page's own style and script run. */
  nonce: string;
  title: string;
  /** The SVG (rendered without embedded styles); empty in the webview, which receives it by message. */
  svg?: string;
  /** The routing table for "Try a request" (the webview receives it by message instead). */
  routes?: RoutingTable;
  /** The Content-Security-Policy; by default nothing may be loaded at all. */
  csp?: string;
}

const PAGE_CSS = `
html, body { height: 100%; margin: 0; padding: 0; overflow: hidden; }
body.kw-page {
  display: flex; flex-direction: column;
  background: var(--vscode-editor-background, #ffffff);
  color: var(--vscode-foreground, #1f1f1f);
  font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Ubuntu, sans-serif);
  font-size: var(--vscode-font-size, 13px);
}
@media (prefers-color-scheme: dark) {
  body.kw-page { background: var(--vscode-editor-background, #1e1e1e); color: var(--vscode-foreground, #cccccc); }
}
.kw-toolbar { display: flex; gap: 6px; align-items: center; padding: 6px 8px; border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,0.35)); flex-wrap: wrap; }
.kw-toolbar input, .kw-toolbar select {
  background: var(--vscode-input-background, transparent); color: var(--vscode-input-foreground, inherit);
  border: 1px solid var(--vscode-input-border, var(--vscode-dropdown-border, rgba(128,128,128,0.5))); border-radius: 2px;
  padding: 3px 6px; font: inherit;
}
.kw-toolbar select { background: var(--vscode-dropdown-background, transparent); color: var(--vscode-dropdown-foreground, inherit); }
.kw-toolbar input { width: 14em; }
.kw-toolbar input:focus, .kw-toolbar select:focus, .kw-toolbar button:focus-visible { outline: 1px solid var(--vscode-focusBorder, #0078d4); outline-offset: -1px; }
.kw-toolbar button {
  background: var(--vscode-button-secondaryBackground, rgba(128,128,128,0.15)); color: var(--vscode-button-secondaryForeground, inherit);
  border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: 3px 9px; font: inherit; cursor: pointer; min-width: 2.2em;
}
.kw-toolbar button:hover { background: var(--vscode-button-secondaryHoverBackground, rgba(128,128,128,0.3)); }
.kw-toolbar button[hidden] { display: none; }
#kw-status { color: var(--vscode-descriptionForeground, #6b6b6b); margin-left: 6px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; flex: 1 1 10em; }
#kw-banner {
  padding: 6px 10px; white-space: pre-wrap;
  background: var(--vscode-inputValidation-warningBackground, #fff4ce); color: var(--vscode-inputValidation-warningForeground, inherit);
  border-bottom: 1px solid var(--vscode-inputValidation-warningBorder, #c5a300);
}
#kw-banner[hidden] { display: none; }
#kw-canvas { flex: 1 1 auto; overflow: hidden; position: relative; cursor: grab; touch-action: none; user-select: none; }
#kw-canvas.kw-panning { cursor: grabbing; }
#kw-canvas svg.kw-graph { display: block; background: transparent; }
`;

export const DEFAULT_PAGE_CSP = (nonce: string): string =>
  `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'`;

/**
 * The CSP of the VS Code webview (`source` is its cspSource): the same as the page's own, except that the
 * webview's resource origin may serve images, styles and fonts. No base URL, no form submission.
 */
export const WEBVIEW_CSP = (nonce: string, source: string): string =>
  `default-src 'none'; img-src ${source} data:; style-src ${source} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; font-src ${source}; connect-src 'none'; form-action 'none'; base-uri 'none'`;

export function renderPage(opts: PageOptions): string {
  const nonce = escapeXml(opts.nonce);
  const csp = opts.csp ?? DEFAULT_PAGE_CSP(opts.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeXml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(opts.title)}</title>
<style nonce="${nonce}">${GRAPH_CSS}${PAGE_CSS}${TRY_REQUEST_CSS}</style>
</head>
<body class="kw-page">
<header class="kw-toolbar" role="toolbar" aria-label="Diagram">
<input id="kw-search" type="search" placeholder="Search by name" aria-label="Search by name" spellcheck="false">
<select id="kw-ns" aria-label="Namespace"><option value="">All namespaces</option></select>
<button id="kw-fit" type="button" title="Fit to window (0)">Fit</button>
<button id="kw-zoom-in" type="button" title="Zoom in (+)" aria-label="Zoom in">+</button>
<button id="kw-zoom-out" type="button" title="Zoom out (-)" aria-label="Zoom out">&#8722;</button>
<button id="kw-export" type="button" title="Save the diagram as an SVG file" hidden>Export SVG</button>
<input id="kw-request" type="text" placeholder="Try a request: https://host/path" aria-label="Try a request: a URL, optionally a method before it and Name:value headers after it" spellcheck="false">
<span id="kw-status" role="status"></span>
</header>
<div id="kw-trace" aria-live="polite" hidden></div>
<div id="kw-banner" role="alert" hidden></div>
<main id="kw-canvas">${opts.svg ?? ''}</main>
<script nonce="${nonce}">${VIEWER_SCRIPT}
${routesStatement(opts.routes)}${TRY_REQUEST_SCRIPT}</script>
</body>
</html>
`;
}
