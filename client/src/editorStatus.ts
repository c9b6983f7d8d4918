/**
 * What the editor shows about the active YAML file: a status bar item saying what kubeway made of it (checked,
 * skipped as a template, not a manifest), and the `kubeway.isManifest` context key that shows the diagram
 * button in the editor title only on Kubernetes manifests. Also the Enter rules of YAML: VS Code's YAML sets
 * `editor.autoIndent: advanced`, which ignores indentation rules, so Enter after `spec:` stayed at its column.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FILE_STATUS_REQUEST } from '../../server/src/protocol';
import type { FileStatus, FileStatusParams } from '../../server/src/protocol';

/** Enter after a key that opens a block (`spec:`, `- ports:`, `data: |`) indents the next line under it. */
export const YAML_ENTER_RULES: vscode.OnEnterRule[] = [
  // `- key:` (an item whose first key opens a block): under the key, not under the dash.
  {
    beforeText: /^\s*(?:-\s+)+[^\s#'"][^#]*:\s*(?:[&!][^\s#]*\s*)*(?:#.*)?$/,
    action: { indentAction: vscode.IndentAction.Indent, appendText: '  ' },
  },
  // `key:` (with an anchor, tag or comment at most), or `key: |` / `key: >-`.
  {
    beforeText: /^\s*[^\s#'"-][^#]*:\s*(?:[&!][^\s#]*\s*)*(?:[|>][-+0-9]*\s*)?(?:#.*)?$/,
    action: { indentAction: vscode.IndentAction.Indent },
  },
  { beforeText: /^\s*["'][^"']*["']\s*:\s*(?:#.*)?$/, action: { indentAction: vscode.IndentAction.Indent } },
];

export function registerEditorStatus(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(vscode.languages.setLanguageConfiguration('yaml', { onEnterRules: YAML_ENTER_RULES }));

  const item = vscode.window.createStatusBarItem('kubeway.fileStatus', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Kubeway file status';
  item.command = 'kubeway.showOutput';
  context.subscriptions.push(item);

  let asked = 0;
  const refresh = async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    const doc = editor?.document;
    const ticket = ++asked;
    if (!doc || doc.languageId !== 'yaml') {
      item.hide();
      await vscode.commands.executeCommand('setContext', 'kubeway.isManifest', false);
      return;
    }
    let status: FileStatus | null;
    try {
      status = await client.sendRequest<FileStatus | null>(FILE_STATUS_REQUEST, {
        uri: doc.uri.toString(),
      } satisfies FileStatusParams);
    } catch {
      status = null; // the server is restarting: try again on the next change
    }
    if (ticket !== asked) return;
    await vscode.commands.executeCommand('setContext', 'kubeway.isManifest', status?.kind === 'manifest');
    if (!status) {
      item.hide();
      return;
    }
    const icon = status.kind === 'manifest' ? '$(check)' : status.kind === 'template' ? '$(circle-slash)' : '$(info)';
    const text =
      status.kind === 'manifest'
        ? `${status.objects} object${status.objects === 1 ? '' : 's'}`
        : status.kind === 'template'
          ? 'template, skipped'
          : status.kind === 'empty'
            ? 'empty'
            : status.kind === 'unknown'
              ? 'not checked'
              : 'not a manifest';
    item.text = `${icon} kubeway: ${text}`;
    item.tooltip = `${status.message}\n\nClick for the Kubeway output.`;
    item.show();
  };

  let timer: NodeJS.Timeout | undefined;
  const soon = (ms = 250) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), ms);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => soon(50)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) soon();
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) soon(50);
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
  soon(0);
}
