/**
 * "Kubeway: Trace a Request…": asks for a URL (optionally a method before it and `Name:value` headers after
 * it), has the server trace it, shows the trace in the "Kubeway: Routes" output, and opens the rule that takes it.
 */
import * as vscode from 'vscode';

export const ROUTE_REQUEST = 'kubeway/route';

interface RouteResult {
  report?: {
    traces: {
      outcome: string;
      route: {
        file: string;
        range: { start: { line: number; character: number }; end: { line: number; character: number } };
      } | null;
    }[];
  };
  text?: string;
  error?: string;
}

export interface RouteClient {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
}

export function registerTraceRequest(context: vscode.ExtensionContext, client: RouteClient): vscode.Disposable {
  const output = vscode.window.createOutputChannel('Kubeway: Routes');
  const command = vscode.commands.registerCommand('kubeway.traceRequest', async (given?: string) => {
    const last = context.workspaceState.get<string>('kubeway.lastRequest') ?? 'https://';
    const request =
      typeof given === 'string'
        ? given
        : await vscode.window.showInputBox({
            title: 'Kubeway: Trace a Request',
            prompt:
              'A URL, e.g. https://shop.example.com/cart (optionally POST before it, Name:value headers after it; node:30080 for a node port, name.namespace.svc for a Service)',
            value: last,
            ignoreFocusOut: true,
          });
    if (request === undefined || request.trim() === '') return undefined;
    await context.workspaceState.update('kubeway.lastRequest', request);
    let result: RouteResult;
    try {
      result = await client.sendRequest<RouteResult>(ROUTE_REQUEST, { request });
    } catch (error) {
      void vscode.window.showErrorMessage(
        `Kubeway: the request could not be traced: ${(error as Error)?.message ?? error}`,
      );
      return undefined;
    }
    if (result.error) {
      void vscode.window.showErrorMessage(`Kubeway: ${result.error}`);
      return result;
    }
    output.clear();
    output.appendLine(result.text ?? '');
    output.show(true);
    const route = result.report?.traces.find((t) => t.route)?.route;
    if (route) {
      const r = route.range;
      await vscode.window.showTextDocument(vscode.Uri.parse(route.file), {
        preview: true,
        preserveFocus: true,
        selection: new vscode.Range(r.start.line, r.start.character, r.start.line, r.start.character),
      });
    }
    return result;
  });
  return vscode.Disposable.from(output, command);
}
