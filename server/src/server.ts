/** The language server: LSP wiring only. All Kubernetes knowledge is in ./engine. */
import { createConnection, ProposedFeatures, TextDocumentSyncKind, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Workspace, checkFile } from './engine';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const workspace = new Workspace();

connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Full } }));

documents.onDidChangeContent(({ document }) => {
  workspace.setText(document.uri, document.getText());
  const diagnostics = checkFile(workspace, document.uri).map((d) => ({ range: d.range, severity: ({ error: 1, warning: 2, information: 3, hint: 4 } as const)[d.severity], code: d.code, source: d.source, message: d.message }));
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
});

documents.listen(connection);
connection.listen();
