/**
 * The server's end of stdio, with two things the LSP library leaves out:
 * - a framing error (a malformed `Content-Length` header, a body that is not JSON) leaves the stream out of
 *   step, so that nothing after it can be read: the server says why on stderr and exits (code 1), and the
 *   client restarts it, instead of staying up without ever answering again;
 * - after `shutdown`, requests are answered with InvalidRequest and notifications other than `exit` are
 *   dropped, as the specification asks (https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#shutdown).
 */
import {
  AbstractMessageReader,
  ErrorCodes,
  Message,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import type {
  DataCallback,
  Disposable,
  MessageReader,
  MessageWriter,
  ResponseMessage,
} from 'vscode-languageserver/node';

/**
 * Passes messages on until a `shutdown` request has gone by; then answers later requests with InvalidRequest
 * itself and drops notifications other than `exit`.
 */
export class ShutdownGuard extends AbstractMessageReader implements MessageReader {
  private shutdown = false;

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
  ) {
    super();
    inner.onError((e) => this.fireError(e));
    inner.onClose(() => this.fireClose());
    inner.onPartialMessage((info) => this.firePartialMessage(info));
  }

  /** Whether a `shutdown` request has been received. */
  get shutdownReceived(): boolean {
    return this.shutdown;
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      if (!this.shutdown) {
        if (Message.isRequest(message) && message.method === 'shutdown') this.shutdown = true;
        callback(message);
        return;
      }
      if (Message.isRequest(message)) {
        const answer: ResponseMessage = {
          jsonrpc: '2.0',
          id: message.id,
          error: {
            code: ErrorCodes.InvalidRequest,
            message: `the server is shutting down: ${message.method} is not answered after shutdown`,
          },
        };
        void this.writer.write(answer).catch(() => undefined);
      } else if (Message.isNotification(message) && message.method === 'exit') callback(message);
      // Other notifications (and responses to the server's own requests) are dropped.
    });
  }

  dispose(): void {
    super.dispose();
    this.inner.dispose();
  }
}

export interface StdioTransport {
  reader: ShutdownGuard;
  writer: MessageWriter;
}

/** Reads and writes LSP messages on stdin/stdout; `exit` is called with the exit code when the stream breaks or ends. */
export function stdioTransport(
  exit: (code: number) => void = (code) => process.exit(code),
  stdin: NodeJS.ReadableStream = process.stdin,
  stdout: NodeJS.WritableStream = process.stdout,
): StdioTransport {
  const writer = new StreamMessageWriter(stdout);
  const reader = new ShutdownGuard(new StreamMessageReader(stdin), writer);
  reader.onError((error) => {
    process.stderr.write(
      `kubeway: cannot read the client's messages (${error.message}); exiting so that the client restarts the server\n`,
    );
    exit(1);
  });
  // The client went away: as the library does for its own streams, exit (0 only after a shutdown request).
  reader.onClose(() => exit(reader.shutdownReceived ? 0 : 1));
  // stdout carries the protocol: output meant for a console goes to stderr instead.
  for (const level of ['log', 'info', 'debug'] as const)
    console[level] = (...args: unknown[]) => console.error(...args);
  return { reader, writer };
}
