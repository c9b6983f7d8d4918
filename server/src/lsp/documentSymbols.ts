/** textDocument/documentSymbol: one symbol per Kubernetes object, `Kind/name`. */
import type { CancellationToken, DocumentSymbol, DocumentSymbolParams } from 'vscode-languageserver/node';
import { symbolKind } from './convert';
import { guarded } from './context';
import type { ServerContext } from './context';

export function onDocumentSymbols(
  ctx: ServerContext,
  params: DocumentSymbolParams,
  token?: CancellationToken,
): DocumentSymbol[] | null {
  if (token?.isCancellationRequested) return null;
  return guarded(ctx, 'document symbols', null, () => {
    const name = ctx.names.nameOf(params.textDocument.uri);
    return ctx.editor.documentSymbols(ctx.validation.workspace, name).map((s) => ({
      name: s.name,
      detail: s.detail,
      kind: symbolKind(s.kind),
      range: s.range,
      selectionRange: s.selectionRange,
    }));
  });
}
