/**
 * The traffic diagram in VS Code: the "Show Traffic Diagram" and "Export Diagram as SVG" commands, one panel
 * per folder, refreshed when the server says the graph may have changed.
 */
import * as vscode from 'vscode';
import { GRAPH_CHANGED_NOTIFICATION, GRAPH_REQUEST } from '../../../server/src/protocol';
import { DiagramPanel, saveSvg } from './panel';
import type { GraphResult, GraphSource } from './panel';

/** The part of the language client the diagram uses. */
export interface DiagramClient extends GraphSource {
  onNotification(method: string, handler: () => void): vscode.Disposable;
}

/** The folder a diagram is for: the one clicked in the explorer, else the active file's workspace folder. */
export function folderFor(target: vscode.Uri | undefined): { uri?: vscode.Uri; name: string } {
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  if (uri) {
    const ws = vscode.workspace.getWorkspaceFolder(uri);
    if (target && ws && target.toString() !== ws.uri.toString()) {
      // A folder picked in the explorer: its own diagram, when it is a sub-folder rather than a file.
      const rel = vscode.workspace.asRelativePath(target, false);
      if (!/\.ya?ml$/i.test(target.path)) return { uri: target, name: rel };
    }
    if (ws) return { uri: ws.uri, name: ws.name };
  }
  const first = vscode.workspace.workspaceFolders?.[0];
  return first ? { uri: first.uri, name: first.name } : { name: 'open files' };
}

export function registerDiagram(context: vscode.ExtensionContext, client: DiagramClient): vscode.Disposable {
  const panels = new Map<string, DiagramPanel>();
  let lastActive: DiagramPanel | undefined;

  const show = (target?: vscode.Uri): DiagramPanel => {
    const folder = folderFor(target instanceof vscode.Uri ? target : undefined);
    const key = folder.uri?.toString() ?? '';
    const existing = panels.get(key);
    if (existing) {
      existing.panel.reveal(undefined, false);
      return existing;
    }
    const p = DiagramPanel.create(context.extensionUri, client, folder, vscode.window.activeTextEditor?.viewColumn);
    panels.set(key, p);
    lastActive = p;
    p.panel.onDidChangeViewState(({ webviewPanel }) => {
      if (webviewPanel.active) lastActive = p;
    });
    p.panel.onDidDispose(() => {
      panels.delete(key);
      if (lastActive === p) lastActive = undefined;
    });
    return p;
  };

  const exportSvg = async (target?: vscode.Uri): Promise<void> => {
    const open = lastActive ?? [...panels.values()][0];
    if (open && !(target instanceof vscode.Uri)) {
      open.requestExport();
      return;
    }
    // No diagram open: draw the folder's and save it as the server renders it.
    const folder = folderFor(target instanceof vscode.Uri ? target : undefined);
    try {
      const result = await client.sendRequest<GraphResult>(GRAPH_REQUEST, { folderUri: folder.uri?.toString() });
      await saveSvg(result.svg, folder.uri);
    } catch (error) {
      void vscode.window.showErrorMessage(
        `Kubeway: the diagram could not be drawn: ${(error as Error)?.message ?? error}`,
      );
    }
  };

  const disposables = vscode.Disposable.from(
    vscode.commands.registerCommand('kubeway.showDiagram', (target?: vscode.Uri) => {
      show(target);
    }),
    vscode.commands.registerCommand('kubeway.exportDiagramSvg', exportSvg),
    client.onNotification(GRAPH_CHANGED_NOTIFICATION, () => {
      for (const p of panels.values()) void p.refresh();
    }),
    { dispose: () => [...panels.values()].forEach((p) => p.panel.dispose()) },
  );
  context.subscriptions.push(disposables);
  return disposables;
}
