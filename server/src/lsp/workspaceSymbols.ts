/** workspace/symbol: objects of every indexed file, by name. */
import type { CancellationToken, SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver/node';
import { symbolKind } from './convert';
import { guarded } from './context';
import type { ServerContext } from './context';

export function onWorkspaceSymbols(
  ctx: ServerContext,
  params: WorkspaceSymbolParams,
  token?: CancellationToken,
): SymbolInformation[] | null {
  if (token?.isCancellationRequested) return null;
  return guarded(ctx, 'workspace symbols', null, () =>
    ctx.editor.workspaceSymbols(ctx.validation.workspace, params.query).map((s) => ({
      name: s.name,
      kind: symbolKind(s.kind),
      containerName: s.namespace,
      location: { uri: ctx.names.uriOf(s.file), range: s.selectionRange },
    })),
  );
}
