/** textDocument/references: the Ingress backends that route to a Service. */
import type { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver/node';
import { toLspLocation } from './convert';
import { guarded, linesOf } from './context';
import type { ServerContext } from './context';

export function onReferences(
  ctx: ServerContext,
  params: ReferenceParams,
  token?: CancellationToken,
): Location[] | null {
  if (token?.isCancellationRequested) return null;
  return guarded(ctx, 'references', null, () => {
    const doc = linesOf(ctx, params.textDocument.uri);
    if (!doc) return null;
    const found = ctx.editor.references(
      ctx.validation.workspace,
      doc.name,
      doc.lines,
      params.position,
      params.context.includeDeclaration,
    );
    return found.map((l) => toLspLocation(ctx.names, l));
  });
}
