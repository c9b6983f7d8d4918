/**
 * A language client for tests: spawns `dist/server.js --stdio` and talks to it with the LSP client library
 * (vscode-languageserver-protocol/node), answering the server's own requests (settings, registrations,
 * progress) as an editor would, and recording every diagnostics publish.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type {
  FileEvent,
  Position,
  ProtocolConnection,
  PublishDiagnosticsParams,
  Registration,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from '../harness';

export interface StartOptions {
  /** Files of a workspace folder (relative path → text), written to a temp folder. Omitted: no folder. */
  files?: Record<string, string>;
  /** Symbolic links to create in the folder after the files (relative path → target path). */
  links?: Record<string, string>;
  /** The `kubeway` settings section. */
  settings?: Record<string, unknown>;
  /** Whether the client lets the server register a file watcher. */
  watcher?: boolean;
}

export class LspClient {
  readonly publishes: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly registrations: Registration[] = [];
  readonly progress: unknown[] = [];
  private listeners: (() => void)[] = [];
  private versions = new Map<string, number>();
  private exited = false;

  private constructor(
    readonly conn: ProtocolConnection,
    readonly proc: ChildProcess,
    /** The workspace folder on disk (a temp folder), or undefined. */
    readonly folder: string | undefined,
    public settings: Record<string, unknown>,
  ) {}

  static async start(options: StartOptions = {}): Promise<LspClient> {
    let folder: string | undefined;
    if (options.files) {
      folder = realpathSync(mkdtempSync(join(tmpdir(), 'kubeway-lsp-')));
      for (const [rel, text] of Object.entries(options.files)) {
        const p = join(folder, rel);
        mkdirSync(dirname(p), { recursive: true });
        writeFileSync(p, text);
      }
      for (const [rel, target] of Object.entries(options.links ?? {})) symlinkSync(target, join(folder, rel));
    }
    const proc = spawn(process.execPath, [join(repoRoot(), 'dist', 'server.js'), '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new LspClient(conn, proc, folder, options.settings ?? {});
    proc.on('exit', () => {
      client.exited = true;
      client.notify();
    });
    proc.stderr!.on('data', (d: Buffer) => client.logs.push(d.toString()));
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      client.publishes.push(p);
      client.notify();
    });
    conn.onNotification(LogMessageNotification.type, (p) => {
      client.logs.push(p.message);
      client.notify();
    });
    conn.onNotification('$/progress', (p: unknown) => {
      client.progress.push(p);
      client.notify();
    });
    conn.onRequest(ConfigurationRequest.type, (p) =>
      p.items.map((item) => (item.section === 'kubeway' ? client.settings : null)),
    );
    conn.onRequest(RegistrationRequest.type, (p) => {
      client.registrations.push(...p.registrations);
      client.notify();
    });
    conn.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    conn.onRequest('window/showMessageRequest', (p: { message: string }) => {
      client.logs.push(p.message);
      client.notify();
      return null;
    });
    conn.onNotification('window/showMessage', (p: { message: string }) => {
      client.logs.push(p.message);
    });
    conn.listen();
    const folderUri = folder ? pathToFileURL(folder).href : null;
    await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: folderUri ? [{ uri: folderUri, name: 'ws' }] : null,
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: options.watcher ?? true },
        },
        window: { workDoneProgress: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown'] } },
          hover: { contentFormat: ['markdown'] },
        },
      },
    });
    await conn.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Resolves when `test` returns a value other than undefined (re-tried on every message from the server). */
  waitFor<T>(what: string, test: () => T | undefined, timeoutMs = 10_000, explain?: () => string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        let r: T | undefined;
        try {
          r = test();
        } catch (e) {
          done();
          reject(e);
          return true;
        }
        if (r === undefined) {
          if (this.exited) {
            done();
            reject(new Error(`server exited while waiting for ${what}\n${this.logs.join('')}`));
            return true;
          }
          return false;
        }
        done();
        resolve(r);
        return true;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for ${what}${explain ? `\n${explain()}` : ''}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
      };
      if (!check()) this.listeners.push(check);
    });
  }

  /** The last diagnostics published for a URI. */
  last(uri: string): PublishDiagnosticsParams | undefined {
    for (let i = this.publishes.length - 1; i >= 0; i--) if (this.publishes[i].uri === uri) return this.publishes[i];
    return undefined;
  }

  /** Waits until the last publish for a URI satisfies `test` (and has the given document version, when set). */
  waitDiagnostics(
    uri: string,
    test: (p: PublishDiagnosticsParams) => boolean,
    version?: number,
    timeoutMs?: number,
  ): Promise<PublishDiagnosticsParams> {
    return this.waitFor(
      `diagnostics of ${uri}`,
      () => {
        const p = this.last(uri);
        return p && (version === undefined || p.version === version) && test(p) ? p : undefined;
      },
      timeoutMs,
      () => `last publish: ${JSON.stringify(this.last(uri), null, 1)}`,
    );
  }

  /** Waits for the end of the start-up indexing progress. */
  indexed(): Promise<void> {
    return this.waitFor('indexing to finish', () =>
      this.progress.some((p) => (p as { value?: { kind?: string } }).value?.kind === 'end') ? true : undefined,
    ).then(() => undefined);
  }

  uri(rel: string): string {
    if (!this.folder) throw new Error('no workspace folder');
    return pathToFileURL(join(this.folder, rel)).href;
  }

  writeFile(rel: string, text: string): void {
    const p = join(this.folder as string, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    this.versions.set(uri, version);
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version, text },
    });
  }

  /** Replaces the whole text; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return version;
  }

  /** An incremental edit; returns the new version. */
  async edit(uri: string, range: { start: Position; end: Position }, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async fileEvents(changes: FileEvent[]): Promise<void> {
    await this.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { kubeway: settings } });
  }

  async stop(): Promise<void> {
    try {
      if (!this.exited) {
        await Promise.race([this.conn.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
        await this.conn.sendNotification(ExitNotification.type);
      }
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const t = setTimeout(() => {
        this.proc.kill();
        resolve();
      }, 2000);
      this.proc.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.conn.dispose();
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
  }
}

/** A text with a `$0` cursor marker: the text without it and the marker's position. */
export function withCursor(text: string): { text: string; position: Position } {
  const at = text.indexOf('$0');
  if (at === -1) throw new Error('no $0 marker');
  const clean = text.slice(0, at) + text.slice(at + 2);
  const before = clean.slice(0, at).split('\n');
  return { text: clean, position: { line: before.length - 1, character: before[before.length - 1].length } };
}
