/** textDocument/codeAction: the quick fixes of the diagnostics at the range: the one right fix, or one per choice. */
import { CodeActionKind } from 'vscode-languageserver/node';
import type { CancellationToken, CodeAction, CodeActionParams } from 'vscode-languageserver/node';
import { toLspDiagnostic } from './convert';
import { guarded } from './context';
import type { ServerContext } from './context';

export function onCodeAction(
  ctx: ServerContext,
  params: CodeActionParams,
  token?: CancellationToken,
): CodeAction[] | null {
  if (token?.isCancellationRequested) return null;
  if (params.context.only && !params.context.only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return null;
  return guarded(ctx, 'code actions', null, () => {
    const uri = params.textDocument.uri;
    const name = ctx.names.nameOf(uri);
    const result = ctx.validation.result(name);
    if (!result) return null;
    const doc = ctx.documents.get(uri);
    // Fixes computed for an older text would edit the wrong places.
    if (doc && result.version !== doc.version) return null;
    const shown = params.context.diagnostics
      .filter((d) => d.source === 'kubeway')
      .map((d) => ({
        range: d.range,
        code: d.code,
        message: typeof d.message === 'string' ? d.message : d.message.value,
      }));
    const fixes = ctx.editor.quickFixes(result.diagnostics, params.range, shown);
    return fixes.map((f) => ({
      title: f.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [toLspDiagnostic(f.diagnostic)],
      isPreferred: f.preferred,
      edit: { changes: { [uri]: f.fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
    }));
  });
}
