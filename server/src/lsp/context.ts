/** What every request handler gets: the connection, the open documents, the Workspace and its names. */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import * as editor from '../engine/editor';
import { textLines } from '../engine/editor/lines';
import type { TextLines } from '../engine/editor/lines';
import { documentLines } from './convert';
import type { LazyTextDocument } from './documents';
import type { FileNames } from './files';
import type { ServerSettings } from './settings';
import type { Validation } from './validation';
import { errorText } from './validation';

/** The engine's editor answers the handlers call (replaceable, so tests can make one fail). */
export interface EditorAnswers {
  complete: typeof editor.complete;
  hover: typeof editor.hover;
  definition: typeof editor.definition;
  references: typeof editor.references;
  documentSymbols: typeof editor.documentSymbols;
  workspaceSymbols: typeof editor.workspaceSymbols;
  quickFixes: typeof editor.quickFixes;
}

export const EDITOR_ANSWERS: EditorAnswers = {
  complete: editor.complete,
  hover: editor.hover,
  definition: editor.definition,
  references: editor.references,
  documentSymbols: editor.documentSymbols,
  workspaceSymbols: editor.workspaceSymbols,
  quickFixes: editor.quickFixes,
};

export interface ServerContext {
  connection: Connection;
  editor: EditorAnswers;
  documents: TextDocuments<LazyTextDocument>;
  names: FileNames;
  validation: Validation;
  settings(): ServerSettings;
}

/** A document's Workspace name and current lines: the editor's buffer when open, else the indexed text. */
export function linesOf(
  ctx: ServerContext,
  uri: string,
): { name: string; lines: TextLines; version: number | undefined } | undefined {
  const name = ctx.names.nameOf(uri);
  const doc = ctx.documents.get(uri);
  if (doc) return { name, lines: documentLines(doc), version: doc.version };
  const model = ctx.validation.workspace.file(name);
  return model ? { name, lines: textLines(model.file.lines), version: undefined } : undefined;
}

/**
 * Runs a request's work so that a failure is logged and answered with `fallback` instead of taking the server
 * down or leaving the editor waiting.
 */
export function guarded<T>(ctx: ServerContext, what: string, fallback: T, work: () => T): T {
  try {
    return work();
  } catch (error) {
    ctx.connection.console.error(`kubeway: ${what} failed: ${errorText(error)}`);
    return fallback;
  }
}
