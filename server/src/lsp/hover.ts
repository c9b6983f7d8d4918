/** textDocument/hover: schema documentation and where traffic goes, as Markdown. */
import { MarkupKind } from 'vscode-languageserver/node';
import type { CancellationToken, Hover, HoverParams } from 'vscode-languageserver/node';
import { guarded, linesOf } from './context';
import type { ServerContext } from './context';

export function onHover(ctx: ServerContext, params: HoverParams, token?: CancellationToken): Hover | null {
  if (token?.isCancellationRequested) return null;
  return guarded(ctx, 'hover', null, () => {
    const doc = linesOf(ctx, params.textDocument.uri);
    if (!doc) return null;
    const answer = ctx.editor.hover(ctx.validation.workspace, doc.name, doc.lines, params.position);
    return answer ? { contents: { kind: MarkupKind.Markdown, value: answer.markdown }, range: answer.range } : null;
  });
}
