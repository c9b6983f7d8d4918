/** Hover answers: the schema's documentation of a field, and where traffic goes from a selector, targetPort or backend. */
import { isIngress, isService } from '../model/apiVersions';
import { serviceOf } from '../model/service';
import type { Workspace } from '../model/workspace';
import type { Position, Range } from '../types';
import { cursorContext } from './cursor';
import type { PathSegment } from './cursor';
import type { TextLines } from './lines';
import { objectAtCursor, objectPath, pathIs, pathStarts } from './objectAt';
import { backendAtPath, backendMarkdown, selectedPodsMarkdown, servicePortAtPath, targetPortMarkdown } from './traffic';
import { kindSchemas } from './schemas';
import { PATH_TYPE_DOCS, PROTOCOL_DOCS, SERVICE_TYPE_DOCS } from './values';
import { ingressPathMarkdown } from './routeHover';

export interface HoverAnswer {
  markdown: string;
  range: Range;
}

/** The path of the key under the cursor (for a value: the key it belongs to). */
export function hoveredKeyPath(
  role: 'key' | 'value',
  path: PathSegment[],
  key: string | undefined,
): PathSegment[] | undefined {
  if (role === 'value') return path;
  return key === undefined ? undefined : [...path, key];
}

export function hover(ws: Workspace, path: string, lines: TextLines, pos: Position): HoverAnswer | undefined {
  const ctx = cursorContext(lines, pos);
  if (!ctx) return undefined;
  if (ctx.wordStart === ctx.wordEnd) return undefined;
  if (pos.character < ctx.wordStart || pos.character > ctx.wordEnd) return undefined;
  const obj = objectAtCursor(ws, path, ctx);
  const at = objectPath(ctx, obj);
  const keyPath = hoveredKeyPath(ctx.role, at.path, ctx.key);
  if (!keyPath || keyPath.length === 0) return undefined;
  const { apiVersion, kind } = at;
  // What only kubeway knows (where this resolves in the workspace) leads; the API documentation follows.
  const resolved: string[] = [];
  const sections: string[] = [];

  const info = apiVersion && kind ? kindSchemas(ws).describePath(apiVersion, kind, keyPath) : undefined;
  const field = info?.field;
  if (field) {
    const head = `**${field.name}** \`${field.type}\`${field.required ? ' · required' : ''}${field.deprecated ? ' · deprecated' : ''}`;
    sections.push(
      [head, field.description, info.docUrl ? `[${kind} API reference](${info.docUrl})` : '']
        .filter(Boolean)
        .join('\n\n'),
    );
  }
  if (ctx.role === 'value' && kind && apiVersion) {
    const value = lines.lineText(ctx.line).slice(ctx.wordStart, ctx.wordEnd);
    const docs =
      pathIs(keyPath, ['spec', 'type']) && isService(apiVersion, kind)
        ? SERVICE_TYPE_DOCS
        : keyPath[keyPath.length - 1] === 'protocol'
          ? PROTOCOL_DOCS
          : keyPath[keyPath.length - 1] === 'pathType' && isIngress(apiVersion, kind)
            ? PATH_TYPE_DOCS
            : undefined;
    const doc = docs?.find((d) => d.value === value);
    if (doc) sections.push(`\`${doc.value}\`: ${doc.doc}`);
  }

  const svc = obj && serviceOf(obj);
  if (obj && svc) {
    if (pathStarts(keyPath, ['spec', 'selector'])) resolved.push(selectedPodsMarkdown(ws, svc));
    else if (pathIs(keyPath, ['spec', 'ports', '*', 'targetPort'])) {
      const sp = servicePortAtPath(svc, keyPath.slice(0, 3));
      if (sp) resolved.push(targetPortMarkdown(ws, svc, sp));
    }
  }
  if (obj && isIngress(obj.apiVersion, obj.kind)) {
    const found = backendAtPath(obj, keyPath);
    if (found) resolved.push(backendMarkdown(ws, obj, found.backend));
    const examples = ingressPathMarkdown(ws, obj, keyPath);
    if (examples) resolved.push(examples);
  }
  const all = [...resolved, ...sections];
  if (all.length === 0) return undefined;
  return {
    markdown: all.join('\n\n---\n\n'),
    range: { start: { line: ctx.line, character: ctx.wordStart }, end: { line: ctx.line, character: ctx.wordEnd } },
  };
}
