/**
 * The language server's wiring: documents in, diagnostics out, requests answered by the engine. Open YAML
 * documents and the manifests of the workspace folders (read at start-up in the background, then kept in
 * step through file-watcher events) form one Workspace, so references resolve into files that are not open.
 */
import { realpath, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  WatchKind,
} from 'vscode-languageserver/node';
import type {
  ClientCapabilities,
  Connection,
  Disposable,
  FileEvent,
  InitializeParams,
  InitializeResult,
  WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import type { Rule } from '../engine/rules/rule';
import { LinkPolicy, describeSkippedLinks } from '../symlinks';
import { onCodeAction } from './codeActions';
import { onCompletion } from './completion';
import { EDITOR_ANSWERS } from './context';
import type { EditorAnswers, ServerContext } from './context';
import { toLspDiagnostic } from './convert';
import { LAZY_DOCUMENTS } from './documents';
import { onDefinition } from './definition';
import { onDocumentSymbols } from './documentSymbols';
import { FileNames, readManifestText, uriToPath } from './files';
import { onHover } from './hover';
import { onReferences } from './references';
import { listManifestFiles } from './scan';
import type { ManifestFileEntry } from './scan';
import { readSettings } from './settings';
import type { ServerSettings } from './settings';
import { Validation, errorText } from './validation';
import { onWorkspaceSymbols } from './workspaceSymbols';

declare const KUBEWAY_VERSION: string;

export interface ServerOptions {
  /** The rules to run (default: all). Tests add a failing one. */
  rules?: readonly Rule[];
  /** Replaces editor answers (tests make one fail). */
  editor?: Partial<EditorAnswers>;
  /** Pause after a keystroke before the document is re-parsed and re-checked. */
  debounceMs?: number;
  /** Called once the Workspace exists: the diagram's requests hook in here. */
  onStart?(ctx: ServerContext): void;
  /** Called whenever checks have settled after a change (the diagram refreshes). */
  onSettled?(ctx: ServerContext): void;
}

/** Files bigger than this are not read from disk in the background (an open document is always checked). */
const MAX_DISK_FILE = 32 * 1024 * 1024;

export function startServer(connection: Connection, options: ServerOptions = {}): ServerContext {
  const documents = new TextDocuments(LAZY_DOCUMENTS);
  const names = new FileNames();
  let settings: ServerSettings = readSettings(undefined);
  let capabilities: ClientCapabilities = {};
  const debounceMs = options.debounceMs ?? 25;
  const log = (message: string): void => connection.console.error(message);
  const warn = (message: string): void => connection.console.warn(message);

  /** Open documents by Workspace name (a name may be open under one URI only). */
  const openByName = new Map<string, TextDocument>();
  /** Names read from the workspace folders (as opposed to open documents outside them). */
  const diskNames = new Set<string>();
  const pending = new Map<string, NodeJS.Timeout>();

  const validation = new Validation(
    {
      publish(name, version, diagnostics) {
        void connection.sendDiagnostics({
          uri: names.uriOf(name),
          version,
          diagnostics: diagnostics.map(toLspDiagnostic),
        });
      },
      openVersion: (name) => openByName.get(name)?.version,
      settings: () => settings,
      log,
      chartRoot: (name) => names.chartRootOf(name),
      onSettled: () => options.onSettled?.(ctx),
    },
    options.rules,
  );

  const ctx: ServerContext = {
    connection,
    documents,
    names,
    validation,
    editor: { ...EDITOR_ANSWERS, ...options.editor },
    settings: () => settings,
  };

  /**
   * Whether a file of a workspace folder is one the settings select: files on disk must match the include
   * globs; an open document only must not be excluded (its language mode already says it is YAML).
   * Documents outside the folders always are.
   */
  const selected = (uri: string, open = false): boolean => {
    const path = uriToPath(uri);
    if (!path) return true;
    const inFolder = names.folderOf(path);
    if (!inFolder) return true;
    if (settings.exclude.matchesOrParent(inFolder.rel)) return false;
    return open || settings.include.matches(inFolder.rel);
  };

  // ------------------------------------------------------------------ open documents

  /** When each open document's last change was taken in (the edits of a burst follow each other closely). */
  const lastChange = new Map<string, number>();
  /** Puts an open document's newest text into the Workspace (the versions between are never parsed). */
  const update = (doc: TextDocument): void => {
    pending.delete(doc.uri);
    const name = names.nameOf(doc.uri);
    if (openByName.get(name) !== doc) return;
    try {
      validation.setText(name, doc.getText(), doc.version);
    } catch (error) {
      log(`kubeway: reading ${name} failed: ${errorText(error)}`);
    }
  };

  documents.onDidOpen(({ document }) => {
    const name = names.nameOf(document.uri);
    names.rememberUri(name, document.uri);
    if (!selected(document.uri, true)) return;
    openByName.set(name, document);
    update(document);
  });

  documents.onDidChangeContent(({ document }) => {
    const name = names.nameOf(document.uri);
    if (openByName.get(name) !== document || validation.versionOf(name) === document.version) return;
    const now = Date.now();
    // A pause since this document's last change and since the server last worked: the edit is taken at
    // once (re-parsing only the changed documents is cheap). Otherwise more edits are likely queued behind it
    // (typing, or edits that arrived while a check ran): wait until they stop and take only the newest text.
    const quiet = now - Math.max(lastChange.get(document.uri) ?? 0, validation.busyUntil) >= debounceMs;
    lastChange.set(document.uri, now);
    const timer = pending.get(document.uri);
    if (timer) clearTimeout(timer);
    if (!timer && quiet) {
      update(document);
      return;
    }
    pending.set(
      document.uri,
      setTimeout(() => update(document), debounceMs),
    );
  });

  documents.onDidClose(({ document }) => {
    const name = names.nameOf(document.uri);
    const timer = pending.get(document.uri);
    if (timer) clearTimeout(timer);
    pending.delete(document.uri);
    lastChange.delete(document.uri);
    if (openByName.get(name) !== document) return;
    openByName.delete(name);
    // Back to the disk's text (the file may also have been created or saved while it was open).
    const path = uriToPath(document.uri);
    if (path && names.folderOf(path) && selected(document.uri)) void reloadFromDisk(name, path);
    else validation.remove(name);
  });

  // ------------------------------------------------------------------ files on disk

  const reloadFromDisk = async (name: string, path: string): Promise<void> => {
    let text: string;
    try {
      const st = await stat(path);
      if (!st.isFile() || st.size > MAX_DISK_FILE) throw new Error('not a readable file');
      text = await readManifestText(path);
    } catch {
      if (!openByName.has(name)) {
        diskNames.delete(name);
        validation.remove(name);
      }
      return;
    }
    if (openByName.has(name)) return; // opened meanwhile: the editor's text wins
    diskNames.add(name);
    validation.setText(name, text, undefined);
  };

  let scanGeneration = 0;
  /** Reads every selected manifest of the workspace folders, in the background, with a progress report. */
  const indexFolders = async (): Promise<void> => {
    const generation = ++scanGeneration;
    const cancelled = (): boolean => generation !== scanGeneration;
    const folders = names.workspaceFolders;
    if (folders.length === 0 || !indexWorkspaceFolders) return;
    validation.indexing = true;
    let progress: WorkDoneProgressServerReporter | undefined;
    if (capabilities.window?.workDoneProgress) {
      try {
        progress = await connection.window.createWorkDoneProgress();
        progress.begin('Kubeway: indexing manifests', 0, 'listing files', false);
      } catch {
        progress = undefined;
      }
    }
    const started = Date.now();
    /** What the scan found, for the output channel: files read, and those skipped (templates, other YAML, too big). */
    const tally = { read: 0, objects: 0, templates: [] as string[], other: 0, tooBig: 0, open: 0 };
    try {
      const files: ManifestFileEntry[] = [];
      // One link policy for all the folders, as the CLI has for all the folders it is given.
      const roots = await Promise.all(folders.map((f) => realpath(f.path).catch(() => f.path)));
      const links = new LinkPolicy(roots, settings.followSymlinks);
      for (const folder of folders)
        files.push(...(await listManifestFiles(folder.path, settings.include, settings.exclude, cancelled, links)));
      if (cancelled()) return;
      const skippedLinks = describeSkippedLinks(links.outside, 'the setting kubeway.files.followSymlinks');
      if (skippedLinks) warn(`kubeway: ${skippedLinks}`);
      // Read in the CLI's order (folder walk, names sorted), so that the Workspace indexes objects in the same order.
      const found = new Set<string>();
      let lastReport = Date.now();
      for (let i = 0; i < files.length; i++) {
        if (cancelled()) return;
        const { path, size } = files[i];
        const name = names.nameOfPath(path);
        found.add(name);
        if (openByName.has(name)) {
          diskNames.add(name);
          tally.open++;
          continue;
        }
        try {
          if (size > MAX_DISK_FILE) {
            warn(`kubeway: ${name} is larger than ${MAX_DISK_FILE >> 20} MiB; it is checked only when opened.`);
            tally.tooBig++;
            continue;
          }
          const text = await readManifestText(path);
          if (cancelled()) return;
          if (openByName.has(name)) continue;
          diskNames.add(name);
          validation.setText(name, text, undefined, true);
          tally.read++;
          const model = validation.workspace.file(name);
          if (model?.file.template) tally.templates.push(name);
          else if (model && !model.file.looksLikeKubernetes && model.file.text.trim() !== '') tally.other++;
          else tally.objects += model?.objects.length ?? 0;
        } catch (error) {
          warn(`kubeway: cannot read ${path}: ${(error as Error).message}`);
        }
        if (progress && Date.now() - lastReport > 200) {
          lastReport = Date.now();
          progress.report(Math.floor((100 * (i + 1)) / files.length), `${i + 1}/${files.length} files`);
        }
      }
      // Files that a re-scan no longer selects (settings changed, deleted while closed).
      for (const name of [...diskNames]) {
        if (!found.has(name)) {
          diskNames.delete(name);
          if (!openByName.has(name)) validation.remove(name);
        }
      }
      const skipped = tally.templates.length
        ? `; skipped ${tally.templates.length} template${tally.templates.length === 1 ? '' : 's'} (${tally.templates.slice(0, 5).join(', ')}${tally.templates.length > 5 ? ', …' : ''})`
        : '';
      connection.console.info(
        `kubeway: scanned ${folders.map((f) => f.path).join(', ')}: ${files.length} YAML file${files.length === 1 ? '' : 's'} selected, ${tally.read} read from disk (${tally.objects} object${tally.objects === 1 ? '' : 's'})` +
          `${tally.open ? `, ${tally.open} open in the editor` : ''}${skipped}${tally.other ? `; ${tally.other} not Kubernetes` : ''}${tally.tooBig ? `; ${tally.tooBig} too large` : ''}; ${Date.now() - started} ms`,
      );
    } finally {
      if (!cancelled()) {
        validation.indexing = false;
        validation.markAll();
      }
      progress?.done();
    }
  };

  const onWatchedFiles = (changes: FileEvent[]): void => {
    for (const change of changes) {
      const path = uriToPath(change.uri);
      if (!path || !names.folderOf(path)) continue;
      if (basename(path) === 'Chart.yaml') names.forgetCharts();
      const name = names.nameOf(change.uri);
      if (openByName.has(name)) continue; // the editor's buffer wins; re-read on close
      if (change.type === FileChangeType.Deleted) {
        if (diskNames.has(name) || validation.has(name)) {
          diskNames.delete(name);
          validation.remove(name);
        } else {
          // A folder: everything under it goes.
          const prefix =
            name.endsWith('/') || name.endsWith('\\') ? name : `${name}${name.includes('\\') ? '\\' : '/'}`;
          for (const n of [...diskNames]) {
            if (n.startsWith(prefix) && !openByName.has(n)) {
              diskNames.delete(n);
              validation.remove(n);
            }
          }
        }
        continue;
      }
      if (!selected(change.uri)) continue;
      void reloadFromDisk(name, path);
    }
  };

  // ------------------------------------------------------------------ settings

  const pullSettings = async (pushed?: unknown): Promise<void> => {
    let section: unknown = pushed;
    if (capabilities.workspace?.configuration) {
      try {
        section = await connection.workspace.getConfiguration('kubeway');
      } catch (error) {
        warn(`kubeway: cannot read settings: ${errorText(error)}`);
      }
    }
    const before = settings;
    settings = readSettings(section, (m) => {
      warn(m);
      void connection.window.showWarningMessage(m);
    });
    if (before.globsKey !== settings.globsKey) {
      // Open documents that the globs now leave out (or take in).
      for (const doc of documents.all()) {
        const name = names.nameOf(doc.uri);
        const isIn = selected(doc.uri, true);
        if (!isIn && openByName.get(name) === doc) {
          openByName.delete(name);
          if (!diskNames.has(name)) validation.remove(name);
        } else if (isIn && !openByName.has(name)) {
          openByName.set(name, doc);
          update(doc);
        }
      }
      if (initialised) {
        watchFiles();
        void indexFolders();
      }
    }
    // Every file's findings depend on the engine settings; unchanged settings change nothing.
    if (
      JSON.stringify([before.engine, before.checkOpenFilesOnly]) !==
      JSON.stringify([settings.engine, settings.checkOpenFilesOnly])
    )
      validation.markAll();
  };

  // ------------------------------------------------------------------ lifecycle

  let initialised = false;
  /** `initializationOptions.indexWorkspaceFolders: false` checks open documents only (the benchmark's cold open). */
  let indexWorkspaceFolders = true;
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    indexWorkspaceFolders =
      (params.initializationOptions as { indexWorkspaceFolders?: unknown } | undefined)?.indexWorkspaceFolders !==
      false;
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    names.setFolders(folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [' ', ':'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'kubeway', version: typeof KUBEWAY_VERSION === 'string' ? KUBEWAY_VERSION : undefined },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kubeway' });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const current = names.workspaceFolders.filter((f) => !e.removed.some((r) => r.uri === f.uri));
        resetFolders([...current, ...e.added]);
      });
    }
    void pullSettings().then(() => {
      initialised = true;
      watchFiles();
      return indexFolders();
    });
  });

  /** Asks the client to report changes to the files the include globs select (re-registered when they change). */
  let watcher: Promise<Disposable> | undefined;
  let watchedGlobs = '';
  const watchFiles = (): void => {
    if (!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration || watchedGlobs === settings.globsKey)
      return;
    watchedGlobs = settings.globsKey;
    const previous = watcher;
    // Client watchers match absolute paths: a folder-relative include glob is widened with `**/` (the
    // server filters events with the real globs).
    const globs = settings.includeGlobs.map((g) => (g.startsWith('**/') ? g : `**/${g.replace(/^\.?\//, '')}`));
    watcher = connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [
        ...globs.map((globPattern) => ({ globPattern, kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete })),
        // Deleting or renaming a folder reports only the folder.
        { globPattern: '**/*', kind: WatchKind.Delete },
      ],
    });
    void previous?.then((d) => d.dispose()).catch(() => undefined);
  };

  /** Workspace folders changed: names may change (a folder prefix appears or goes), so everything is re-read. */
  const resetFolders = (folders: { uri: string; name?: string }[]): void => {
    for (const name of validation.workspace.paths) validation.remove(name);
    diskNames.clear();
    openByName.clear();
    names.setFolders(folders);
    for (const doc of documents.all()) {
      const name = names.nameOf(doc.uri);
      names.rememberUri(name, doc.uri);
      if (!selected(doc.uri, true)) continue;
      openByName.set(name, doc);
      update(doc);
    }
    void indexFolders();
  };

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as Record<string, unknown> | undefined)?.kubeway;
    void pullSettings(pushed);
  });
  connection.onDidChangeWatchedFiles((params) => onWatchedFiles(params.changes));

  // ------------------------------------------------------------------ requests

  connection.onCompletion((params, token) => onCompletion(ctx, params, token));
  connection.onHover((params, token) => onHover(ctx, params, token));
  connection.onDefinition((params, token) => onDefinition(ctx, params, token));
  connection.onReferences((params, token) => onReferences(ctx, params, token));
  connection.onDocumentSymbol((params, token) => onDocumentSymbols(ctx, params, token));
  connection.onWorkspaceSymbol((params, token) => onWorkspaceSymbols(ctx, params, token));
  connection.onCodeAction((params, token) => onCodeAction(ctx, params, token));

  options.onStart?.(ctx);
  documents.listen(connection);
  return ctx;
}
