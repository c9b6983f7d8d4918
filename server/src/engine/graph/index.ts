/** The traffic diagram: build the graph from a workspace, lay it out, render it as SVG or as a page. */
export { buildGraph, nodeId } from './build';
export type { BuildOptions } from './build';
export { layoutGraph, layoutGraphSync } from './layout';
export type { GraphLayout, LayoutEdge, LayoutNamespace, LayoutNode } from './layout';
export { renderSvg, escapeXml } from './render';
export type { RenderOptions } from './render';
export { renderPage, DEFAULT_PAGE_CSP } from './html';
export type { PageOptions } from './html';
export { GRAPH_CSS, withEmbeddedStyle } from './style';
export { LastGoodWorkspace } from './lastGood';
export type { StaleFile } from './lastGood';
export type * from './types';
