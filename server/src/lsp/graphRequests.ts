/**
 * The diagram's side of the language server: the `kubeway/graph` request (the traffic graph of a workspace
 * folder, laid out and rendered) and the `kubeway/graphChanged` notification (sent after checks settle, so
 * that an open diagram asks again).
 */
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import { buildGraph } from '../engine/graph/build';
import { LastGoodWorkspace } from '../engine/graph/lastGood';
import { layoutGraph, layoutGraphSync } from '../engine/graph/layout';
import { renderSvg } from '../engine/graph/render';
import type { TrafficGraph } from '../engine/graph/types';
import type { Workspace } from '../engine/model/workspace';
import type { EngineSettings } from '../engine/settings';

export const GRAPH_REQUEST = 'kubeway/graph';
export const GRAPH_CHANGED_NOTIFICATION = 'kubeway/graphChanged';

export interface GraphRequestParams {
  /** Draw only the files of this workspace folder (and what they refer to); all files when absent. */
  folderUri?: string;
}

export interface GraphStaleFile {
  /** URI of a file that has a syntax error: the diagram shows its last good version. */
  file: string;
  /** The file's name as the Workspace knows it (relative to its folder). */
  name: string;
  /** 0-based line of the syntax error. */
  line: number;
  message: string;
}

export interface GraphRequestResult {
  /** The traffic graph; `file` fields are URIs. */
  graph: TrafficGraph;
  /** The picture, without embedded styles (the webview brings them). */
  svg: string;
  stale: GraphStaleFile[];
}

export interface GraphRequestOptions {
  /** The URI of a Workspace file name (the server names files relative to their folder). */
  uriOf?(name: string): string;
  /** The engine settings of the checks, so that the diagram's reasons are the diagnostics' (rules turned off give none). */
  settings?(): EngineSettings;
}

function inFolder(uri: string, folderUri: string): boolean {
  const folder = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
  return uri.startsWith(folder) || decodeURIComponent(uri).startsWith(decodeURIComponent(folder));
}

export function registerGraphRequests(connection: Connection, getWorkspace: () => Workspace, options: GraphRequestOptions = {}): void {
  const uriOf = options.uriOf ?? ((name: string) => name);
  const lastGood = new LastGoodWorkspace();

  connection.onRequest(GRAPH_REQUEST, async (params: GraphRequestParams | undefined, token: CancellationToken): Promise<GraphRequestResult> => {
    const { workspace, stale } = lastGood.sync(getWorkspace());
    const folderUri = params?.folderUri;
    const graph = buildGraph(workspace, {
      includeFile: folderUri ? (name) => inFolder(uriOf(name), folderUri) : undefined,
      staleFiles: new Set(stale.map((s) => s.file)),
      settings: options.settings?.(),
    });
    for (const n of graph.nodes) n.file = uriOf(n.file);
    for (const e of graph.edges) e.file = uriOf(e.file);
    const layout = await layoutGraph(graph);
    const svg = token.isCancellationRequested ? '' : renderSvg(layout, { standalone: false, emptyText: 'No Ingress, Service or workload in the manifests of this folder.' });
    const shown = stale.filter((s) => !folderUri || inFolder(uriOf(s.file), folderUri));
    return { graph, svg, stale: shown.map((s) => ({ file: uriOf(s.file), name: s.file, line: s.line, message: s.message })) };
  });

  // Warm elkjs up while the editor is idle, so that the first diagram does not pay for loading it.
  const warm = setTimeout(() => {
    try {
      layoutGraphSync({ version: 1, nodes: [{ id: 'Service/x/x', kind: 'Service', name: 'x', namespace: 'x', file: '', line: 0 }], edges: [] });
    } catch {
      // The first real request reports any problem.
    }
  }, 3000);
  warm.unref?.();
}

const pending = new WeakMap<Connection, NodeJS.Timeout>();

/** Tells the client that the graph may have changed; a burst of calls sends one notification. */
export function notifyGraphChanged(connection: Connection): void {
  if (pending.has(connection)) return;
  pending.set(
    connection,
    setTimeout(() => {
      pending.delete(connection);
      void connection.sendNotification(GRAPH_CHANGED_NOTIFICATION);
    }, 20),
  );
}
