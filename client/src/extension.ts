/** The VS Code extension: starts the language server; everything clever is in the server. */
import * as path from 'node:path';
import { commands, window } from 'vscode';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, RevealOutputChannelOn, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { registerDiagram } from './diagram';
import { registerEditorStatus } from './editorStatus';
import { registerTraceRequest } from './route';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // The server's log (and, with kubeway.trace.server, the LSP traffic) goes here.
  const outputChannel = window.createOutputChannel('Kubeway', { log: true });
  context.subscriptions.push(outputChannel);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    outputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // Settings are pulled with workspace/configuration; this also pushes changes to clients that do not pull.
    synchronize: { configurationSection: 'kubeway' },
  };
  // A crashed server is restarted by the LanguageClient's default error handler (up to 4 times in 3 minutes).
  client = new LanguageClient('kubeway', 'Kubeway', serverOptions, clientOptions);
  context.subscriptions.push(
    commands.registerCommand('kubeway.showOutput', () => outputChannel.show(true)),
    commands.registerCommand('kubeway.restartServer', async () => {
      await client?.restart();
    }),
  );
  await client.start();
  context.subscriptions.push(registerDiagram(context, client));
  registerEditorStatus(context, client);
  context.subscriptions.push(registerTraceRequest(context, client));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
