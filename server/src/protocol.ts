/**
 * kubeway's own LSP messages, shared by the language server and the extension (one definition, so that the
 * two cannot drift apart): the `kubeway/graph` request, the traffic graph of a workspace folder laid out and
 * rendered, and the `kubeway/graphChanged` notification, sent after checks settle so that an open diagram
 * asks again; the `kubeway/fileStatus` request, what kubeway made of a document (for the status bar). Types
 * only besides the method names: the extension's bundle takes nothing else from here.
 */
import type { FileStatus } from './engine/editor/fileStatus';
import type { TrafficGraph } from './engine/graph/types';
import type { RouteReport, RoutingTable } from './engine/route/types';

export type { FileStatus };

export const GRAPH_REQUEST = 'kubeway/graph';
export const GRAPH_CHANGED_NOTIFICATION = 'kubeway/graphChanged';

export interface GraphRequestParams {
  /** Draw only the files of this workspace folder (and what they refer to); all files when absent. */
  folderUri?: string;
  /** Folded fans (`group:…` ids of the picture) the user asked to see in full. */
  expand?: string[];
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
  /** The routing table of the workspace, for the diagram's "Try a request" (file names as the Workspace knows them). */
  routes: RoutingTable;
}

export const FILE_STATUS_REQUEST = 'kubeway/fileStatus';

export interface FileStatusParams {
  /** The document's URI. */
  uri: string;
}

/** `kubeway/route`: where a request goes, traced through the server's Workspace ("Kubeway: Trace a Request…"). */
export const ROUTE_REQUEST = 'kubeway/route';

export interface RouteRequestParams {
  /** `[METHOD] URL [Name:value]...`, as typed. */
  request: string;
  /** Keep only this IngressClass ('' for the Ingresses without one). */
  class?: string;
}

export interface RouteRequestResult {
  report?: RouteReport;
  /** The report as text, or why the request could not be read. */
  text?: string;
  error?: string;
}
