/**
 * The diagram's side of the language server: the `kubeway/graph` request (the traffic graph of a workspace
 * folder, laid out and rendered) and the `kubeway/graphChanged` notification (sent after checks settle, so
 * that an open diagram asks again).
 */
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import { buildGraph } from '../engine/graph/build';
import { LastGoodWorkspace } from '../engine/graph/lastGood';
import { layoutGraphSync } from '../engine/graph/layout';
import { renderSvg } from '../engine/graph/render';
import type { TrafficGraph } from '../engine/graph/types';
import type { Workspace } from '../engine/model/workspace';
import { buildRoutingTable } from '../engine/route/table';
import type { EngineSettings } from '../engine/settings';
import { GRAPH_CHANGED_NOTIFICATION, GRAPH_REQUEST } from '../protocol';
import type { GraphRequestParams, GraphRequestResult } from '../protocol';
import { LayoutRunner } from './layoutRunner';
import type { LayoutLimits } from './layoutRunner';

// The messages are defined once for the server and the extension.
export { GRAPH_CHANGED_NOTIFICATION, GRAPH_REQUEST } from '../protocol';
export type { GraphRequestParams, GraphRequestResult, GraphStaleFile } from '../protocol';

export interface GraphRequestOptions {
  /** The URI of a Workspace file name (the server names files relative to their folder). */
  uriOf?(name: string): string;
  /** The engine settings of the checks, so that the diagram's reasons are the diagnostics' (rules turned off give none). */
  settings?(): EngineSettings;
  /** Limits of the layout thread (tests make them small). */
  layout?: LayoutLimits;
}

const EMPTY_TEXT = 'No Ingress, Service or workload in the manifests of this folder.';

/**
 * What is drawn when the layout thread gave up: every group in plain columns (linear in the graph, no ELK),
 * fans folded, and the reason said on the picture.
 */
export function summarySvg(graph: TrafficGraph, why: string): string {
  const layout = layoutGraphSync(graph, { budgetMs: 0 });
  layout.notes.unshift(
    `${why[0].toUpperCase()}${why.slice(1)}: this is a summary, every group placed in plain columns.`,
  );
  return renderSvg(layout, { standalone: false, emptyText: EMPTY_TEXT });
}

function inFolder(uri: string, folderUri: string): boolean {
  const folder = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
  return uri.startsWith(folder) || decodeURIComponent(uri).startsWith(decodeURIComponent(folder));
}

export function registerGraphRequests(
  connection: Connection,
  getWorkspace: () => Workspace,
  options: GraphRequestOptions = {},
): void {
  const uriOf = options.uriOf ?? ((name: string) => name);
  const lastGood = new LastGoodWorkspace();
  const layouts = new LayoutRunner(options.layout);

  connection.onRequest(
    GRAPH_REQUEST,
    async (params: GraphRequestParams | undefined, token: CancellationToken): Promise<GraphRequestResult> => {
      const { workspace, stale } = lastGood.sync(getWorkspace());
      const folderUri = params?.folderUri;
      const graph = buildGraph(workspace, {
        includeFile: folderUri ? (name) => inFolder(uriOf(name), folderUri) : undefined,
        staleFiles: new Set(stale.map((s) => s.file)),
        settings: options.settings?.(),
      });
      for (const n of graph.nodes) n.file = uriOf(n.file);
      for (const e of graph.edges) e.file = uriOf(e.file);
      const expand = Array.isArray(params?.expand)
        ? params.expand.filter((x): x is string => typeof x === 'string')
        : [];
      let svg = '';
      if (!token.isCancellationRequested) {
        try {
          svg = await layouts.render(graph, expand, EMPTY_TEXT);
        } catch (e) {
          svg = summarySvg(graph, e instanceof Error ? e.message : String(e));
        }
      }
      const shown = stale.filter((s) => !folderUri || inFolder(uriOf(s.file), folderUri));
      return {
        graph,
        svg,
        stale: shown.map((s) => ({ file: uriOf(s.file), name: s.file, line: s.line, message: s.message })),
        routes: buildRoutingTable(workspace),
      };
    },
  );

  // Start the layout thread and warm elkjs up in it while the editor is idle, so that the first diagram does
  // not pay for loading it (two boxes: a lone box does not call ELK).
  const warm = setTimeout(() => {
    const ns = { namespace: 'x', file: '', line: 0 };
    const graph: TrafficGraph = {
      version: 1,
      nodes: [
        { id: 'Ingress/x/x', kind: 'Ingress', name: 'x', ...ns },
        { id: 'Service/x/x', kind: 'Service', name: 'x', ...ns },
      ],
      edges: [{ from: 'Ingress/x/x', to: 'Service/x/x', kind: 'routes', broken: false, file: '', line: 0 }],
    };
    // The first real request reports any problem.
    layouts.render(graph, [], '').catch(() => undefined);
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
