/**
 * One traffic-diagram panel: a webview beside the editor showing the graph of one folder, kept up to date
 * while manifests change. The server lays out and renders; the webview only pans, zooms, filters and asks
 * for a source line to be revealed (by id: the panel, not the page, decides which file is opened).
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { WEBVIEW_CSP, renderPage } from '../../../server/src/engine/graph/html';
import { withEmbeddedStyle } from '../../../server/src/engine/graph/style';
import type { GraphEdge, GraphNode, TrafficGraph } from '../../../server/src/engine/graph/types';
import { GRAPH_REQUEST } from '../../../server/src/protocol';
import type { GraphRequestResult } from '../../../server/src/protocol';

/** The server's answer to the graph request. */
export type GraphResult = GraphRequestResult;

/** The part of the language client the diagram uses. */
export interface GraphSource {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
}

/** A file as the server names it: a URI, or (without a language server folder) a path. */
export function toUri(file: string): vscode.Uri {
  return /^[a-zA-Z][\w+.-]+:/.test(file) && !/^[a-zA-Z]:[\\/]/.test(file)
    ? vscode.Uri.parse(file)
    : vscode.Uri.file(file);
}

/** Where a clicked element of the picture is written: a node's object, or an edge's reference. */
export function sourceOf(graph: TrafficGraph, kind: string, id: string): { file: string; line: number } | undefined {
  let node: GraphNode | undefined;
  let edge: GraphEdge | undefined;
  if (kind === 'edge') {
    const index = /^e(\d+)$/.exec(id);
    if (index) edge = graph.edges[Number(index[1])];
    else if (id.startsWith('runs:')) node = graph.nodes.find((n) => n.id === id.slice(5));
  } else node = graph.nodes.find((n) => n.id === (id.startsWith('pods:') ? id.slice(5) : id));
  const at = edge ?? node;
  return at && at.file ? { file: at.file, line: at.line } : undefined;
}

export class DiagramPanel {
  private graph: TrafficGraph | undefined;
  private lastResult: GraphResult | undefined;
  private inFlight = false;
  private dirty = false;
  private ready = false;
  private disposed = false;
  /** Folded fans the user clicked open (ids of the picture's `group:` boxes). */
  private readonly expanded = new Set<string>();

  static create(
    extensionUri: vscode.Uri,
    source: GraphSource,
    folder: { uri?: vscode.Uri; name: string },
    editorColumn: vscode.ViewColumn | undefined,
  ): DiagramPanel {
    const panel = vscode.window.createWebviewPanel(
      'kubeway.diagram',
      `Traffic: ${folder.name}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      {
        enableScripts: true,
        // The page is one HTML text with its style and script inline and the SVG sent by message: it loads no
        // file, so it may read none.
        localResourceRoots: [],
        // The page keeps its pan, zoom and filter with setState, and the panel re-sends the graph when it is
        // shown again, so the webview need not stay alive while hidden.
        retainContextWhenHidden: false,
      },
    );
    return new DiagramPanel(panel, source, folder, editorColumn);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly source: GraphSource,
    readonly folder: { uri?: vscode.Uri; name: string },
    private readonly editorColumn: vscode.ViewColumn | undefined,
  ) {
    panel.webview.html = this.html();
    panel.webview.onDidReceiveMessage((m) => void this.onMessage(m));
    panel.onDidChangeViewState(() => {
      // Hidden, the page is discarded (no retainContextWhenHidden); shown again, it reloads and says `ready`.
      if (!panel.visible) this.ready = false;
    });
    panel.onDidDispose(() => {
      this.disposed = true;
    });
  }

  get key(): string {
    return this.folder.uri?.toString() ?? '';
  }

  private html(): string {
    const nonce = randomBytes(18).toString('base64');
    const source = this.panel.webview.cspSource;
    return renderPage({ nonce, csp: WEBVIEW_CSP(nonce, source), title: `Traffic diagram: ${this.folder.name}` });
  }

  /** Asks the server for the graph again (after a change); concurrent changes coalesce into one more request. */
  async refresh(): Promise<void> {
    if (this.disposed) return;
    if (this.inFlight || !this.ready || !this.panel.visible) {
      this.dirty = true;
      return;
    }
    this.inFlight = true;
    this.dirty = false;
    try {
      const result = await this.source.sendRequest<GraphResult>(GRAPH_REQUEST, {
        folderUri: this.folder.uri?.toString(),
        expand: [...this.expanded],
      });
      if (this.disposed) return;
      this.graph = result.graph;
      this.lastResult = result;
      await this.panel.webview.postMessage({
        type: 'graph',
        svg: result.svg,
        stale: result.stale,
        routes: result.routes,
      });
    } catch (error) {
      if (!this.disposed)
        await this.panel.webview.postMessage({
          type: 'error',
          message: `The diagram could not be drawn: ${(error as Error)?.message ?? error}`,
        });
    } finally {
      this.inFlight = false;
      if (this.dirty && !this.disposed) void this.refresh();
    }
  }

  /** Asks the page for the picture as shown (filtered), then saves it. */
  requestExport(): void {
    void this.panel.webview.postMessage({ type: 'export' });
  }

  private async onMessage(m: { type?: string; kind?: string; id?: string; svg?: string }): Promise<void> {
    switch (m?.type) {
      case 'ready':
        this.ready = true;
        if (this.lastResult && !this.dirty)
          await this.panel.webview.postMessage({
            type: 'graph',
            svg: this.lastResult.svg,
            stale: this.lastResult.stale,
            routes: this.lastResult.routes,
          });
        else await this.refresh();
        break;
      case 'expand':
        if (typeof m.id === 'string' && m.id.startsWith('group:')) {
          this.expanded.add(m.id);
          await this.refresh();
        }
        break;
      case 'reveal':
        if (this.graph && typeof m.id === 'string') await this.reveal(String(m.kind), m.id);
        break;
      case 'exportSvg':
        if (typeof m.svg === 'string') await saveSvg(m.svg, this.folder.uri);
        break;
    }
  }

  private async reveal(kind: string, id: string): Promise<void> {
    const at = this.graph && sourceOf(this.graph, kind, id);
    if (!at) return;
    const position = new vscode.Position(at.line, 0);
    // Beside the diagram, never in its place: the editor's column unless the diagram has been moved there.
    const column =
      this.editorColumn !== undefined && this.editorColumn !== this.panel.viewColumn
        ? this.editorColumn
        : vscode.ViewColumn.Beside;
    await vscode.window.showTextDocument(toUri(at.file), {
      viewColumn: column,
      preserveFocus: false,
      selection: new vscode.Range(position, position),
      preview: true,
    });
  }
}

/** Writes an SVG picture (as the page or the server rendered it, without styles) to a file the user picks. */
export async function saveSvg(svg: string, folder: vscode.Uri | undefined): Promise<void> {
  if (!svg.startsWith('<svg')) return;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, 'traffic-diagram.svg') : undefined,
    filters: { 'SVG image': ['svg'] },
    saveLabel: 'Export Diagram',
    title: 'Export Traffic Diagram as SVG',
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(withEmbeddedStyle(svg) + '\n'));
  void vscode.window.showInformationMessage(`Traffic diagram saved to ${vscode.workspace.asRelativePath(target)}.`);
}
