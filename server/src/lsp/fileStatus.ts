/**
 * `kubeway/fileStatus`: what kubeway made of a document (checked as a manifest, skipped as a template, not
 * Kubernetes), for the editor's status bar and for the context key that shows the diagram button.
 */
import type { Connection } from 'vscode-languageserver/node';
import { fileStatus } from '../engine/editor/fileStatus';
import type { FileStatus } from '../engine/editor/fileStatus';
import { FILE_STATUS_REQUEST } from '../protocol';
import type { FileStatusParams } from '../protocol';
import { guarded } from './context';
import type { ServerContext } from './context';

export { FILE_STATUS_REQUEST } from '../protocol';
export type { FileStatusParams } from '../protocol';

export function registerFileStatus(connection: Connection, ctx: ServerContext): void {
  connection.onRequest(FILE_STATUS_REQUEST, (params: FileStatusParams): FileStatus | null =>
    guarded(ctx, 'file status', null, () => fileStatus(ctx.validation.workspace, ctx.names.nameOf(params.uri))),
  );
}
