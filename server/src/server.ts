/** The language server: LSP wiring only (server/src/lsp). All Kubernetes knowledge is in ./engine. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { registerFileStatus } from './lsp/fileStatus';
import { notifyGraphChanged, registerGraphRequests } from './lsp/graphRequests';
import { registerRouteRequests } from './lsp/routeRequests';
import { startServer } from './lsp/session';
import { stdioTransport } from './lsp/transport';
import { errorText } from './lsp/validation';

// Over stdio (how the extension starts it) the server reads through its own transport: it exits on a
// framing error and refuses requests after shutdown. Other transports are the library's.
const transport = process.argv.includes('--stdio') ? stdioTransport() : undefined;
const connection = transport
  ? createConnection(ProposedFeatures.all, transport.reader, transport.writer)
  : createConnection(ProposedFeatures.all);

// A bug must cost one answer, not the server: log it to the output channel and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`kubeway: unexpected error: ${errorText(error)}`));
process.on('unhandledRejection', (error) => connection.console.error(`kubeway: unexpected error: ${errorText(error)}`));

startServer(connection, {
  // The traffic diagram: its request reads the same Workspace; it is told to refresh when checks settle.
  onStart: (ctx) => {
    registerGraphRequests(connection, () => ctx.validation.workspace, {
      uriOf: (name) => ctx.names.uriOf(name),
      settings: () => ctx.settings().engine,
    });
    registerFileStatus(connection, ctx);
    // "Trace a Request…": the same Workspace, traced with the routing model.
    registerRouteRequests(
      connection,
      () => ctx.validation.workspace,
      (name) => ctx.names.uriOf(name),
    );
  },
  onSettled: () => notifyGraphChanged(connection),
});
connection.listen();
