/** textDocument/completion: the engine's completion answer as LSP items, each replacing the word being typed. */
import { InsertTextFormat, InsertTextMode, MarkupKind } from 'vscode-languageserver/node';
import type { CancellationToken, CompletionItem, CompletionList, CompletionParams } from 'vscode-languageserver/node';
import { COMPLETION_KIND } from './convert';
import { guarded, linesOf } from './context';
import type { ServerContext } from './context';
import { objectSnippets } from './snippets';

export function onCompletion(
  ctx: ServerContext,
  params: CompletionParams,
  token?: CancellationToken,
): CompletionList | null {
  if (token?.isCancellationRequested) return null;
  return guarded(ctx, 'completion', null, () => {
    const doc = linesOf(ctx, params.textDocument.uri);
    if (!doc) return null;
    const snippets = objectSnippets((m) => ctx.connection.console.warn(m));
    const answer = ctx.editor.complete(
      ctx.validation.workspace,
      doc.name,
      doc.lines,
      params.position,
      ctx.settings().engine,
      { snippets, triggerCharacter: params.context?.triggerCharacter },
    );
    if (!answer || answer.items.length === 0) return null;
    const items: CompletionItem[] = answer.items.map((e) => ({
      label: e.label,
      kind: COMPLETION_KIND[e.kind],
      detail: e.detail,
      documentation: e.documentation ? { kind: MarkupKind.Markdown, value: e.documentation } : undefined,
      sortText: e.sortText,
      // The engine indents continuation lines itself.
      insertTextFormat: e.format === 'snippet' ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      insertTextMode: e.insertText.includes('\n') ? InsertTextMode.asIs : undefined,
      textEdit: { range: answer.range, newText: e.insertText },
      filterText: e.filterText ?? (e.insertText.startsWith(' ') ? e.label : undefined),
    }));
    return { isIncomplete: false, items };
  });
}
