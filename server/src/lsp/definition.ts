/** textDocument/definition: from an Ingress backend to its Service (port), from a selector to the pods, from a targetPort to the container port. */
import type { CancellationToken, DefinitionParams, Location } from 'vscode-languageserver/node';
import { toLspLocation } from './convert';
import { guarded, linesOf } from './context';
import type { ServerContext } from './context';

export function onDefinition(
  ctx: ServerContext,
  params: DefinitionParams,
  token?: CancellationToken,
): Location[] | null {
  if (token?.isCancellationRequested) return null;
  return guarded(ctx, 'definition', null, () => {
    const doc = linesOf(ctx, params.textDocument.uri);
    if (!doc) return null;
    const found = ctx.editor.definition(ctx.validation.workspace, doc.name, doc.lines, params.position);
    return found.length ? found.map((l) => toLspLocation(ctx.names, l)) : null;
  });
}
