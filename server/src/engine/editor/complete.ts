/**
 * Completion answers: what may go at the cursor, from the schema and from what the workspace declares
 * (Services, container ports, pod labels, free node ports). Pure: the LSP layer converts the answer.
 */
import { isIngress, isService, isWorkload } from '../model/apiVersions';
import { DEFAULT_NAMESPACE } from '../model/object';
import type { K8sObject } from '../model/object';
import { podTemplateOf, servingContainers } from '../model/podTemplate';
import { serviceOf } from '../model/service';
import type { Service } from '../model/service';
import type { Workspace } from '../model/workspace';
import type { FieldInfo } from '../schema';
import type { EngineSettings } from '../settings';
import { withDefaults } from '../settings';
import type { Position, Range } from '../types';
import { cursorContext, siblingKeys } from './cursor';
import type { CursorContext, PathSegment } from './cursor';
import { keyToken, lineShape } from './lines';
import type { TextLines } from './lines';
import { kindSchemas } from './schemas';
import type { KindSchemas } from './schemas';
import { kindRank, kindsByUse, objectCanStart } from './objectStart';
import type { ObjectSnippet } from './objectStart';
import { nodeAtPath, objectAtCursor, objectPath, pathEnds, pathIs } from './objectAt';
import { PATH_TYPE_DOCS, PROTOCOL_DOCS, SERVICE_PORT_KEYS, SERVICE_TYPE_DOCS, yamlString } from './values';
import type { ValueDoc } from './values';

export type CompletionKind = 'enum' | 'value' | 'property' | 'reference' | 'label' | 'document';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** Shown next to the label (a type, a port, a kind). */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Replaces the answer's range. */
  insertText: string;
  /** Keeps the order given here. */
  sortText: string;
  /** `snippet`: insertText is in the snippet syntax (tab stops); else plain text. */
  format?: 'snippet';
  /** What the typed word is matched against, when not the label. */
  filterText?: string;
}

export interface CompleteOptions {
  /** The snippets offered where an object can start (snippets/kubernetes.json). */
  snippets?: readonly ObjectSnippet[];
  /** The character whose typing asked for completion (`:` or ` `), if any. */
  triggerCharacter?: string;
}

export interface CompletionAnswer {
  /** The word being typed: what an item replaces. */
  range: Range;
  items: CompletionEntry[];
}

/** A value offered at a value position: `value` is the text, `yaml` how it is written unquoted. */
interface ValueItem {
  label: string;
  value: string;
  yaml: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
}

interface Where {
  ws: Workspace;
  path: string;
  ctx: CursorContext;
  /** The cursor's path from the root of its object. */
  p: PathSegment[];
  obj: K8sObject | undefined;
  apiVersion: string | undefined;
  kind: string | undefined;
  namespace: string;
  settings: EngineSettings;
}

/** Completion items at a position of a file, or undefined where nothing can be offered (comments, scalars). */
export function complete(
  ws: Workspace,
  path: string,
  lines: TextLines,
  pos: Position,
  settings?: EngineSettings,
  options: CompleteOptions = {},
): CompletionAnswer | undefined {
  let ctx = cursorContext(lines, pos);
  if (!ctx) return undefined;
  // Spaces typed to indent a line ask for nothing (the space trigger is for values, after `key: ` or `- `).
  if (
    options.triggerCharacter === ' ' &&
    ctx.role === 'key' &&
    /^\s*$/.test(lines.lineText(pos.line).slice(0, pos.character))
  )
    return undefined;
  if (ctx.role === 'key' && objectCanStart(ws, path, lines, ctx)) {
    return {
      range: { start: { line: ctx.line, character: ctx.wordStart }, end: { line: ctx.line, character: ctx.wordEnd } },
      items: objectStartItems(options.snippets ?? [], kindSchemas(ws).knownKinds()),
    };
  }
  // A key typed at the column of the dash of the item above (the cursor after `- name: x` + Enter): a key of that item.
  const item = itemKeyContext(lines, pos, ctx);
  const shift = item ? item.shift : 0;
  if (item) ctx = item.ctx;
  const obj = objectAtCursor(ws, path, ctx);
  const at = objectPath(ctx, obj);
  const where: Where = {
    ws,
    path,
    ctx,
    p: at.path,
    obj,
    apiVersion: at.apiVersion,
    kind: at.kind,
    namespace: at.namespace ?? DEFAULT_NAMESPACE,
    settings: settings ?? withDefaults(),
  };
  const range: Range = {
    start: { line: ctx.line, character: ctx.wordStart },
    end: { line: ctx.line, character: ctx.wordEnd },
  };
  let items: CompletionEntry[];
  if (ctx.role === 'value') {
    if (ctx.structured) return undefined;
    const lead = ctx.needsSpace ? ' ' : '';
    items = valueItems(where).map((v, i) => ({
      label: v.label,
      kind: v.kind,
      detail: v.detail,
      documentation: v.documentation,
      insertText: lead + (ctx.quoted ? v.value : v.yaml),
      sortText: order(i),
    }));
  } else {
    items = keyItems(where, item?.lines ?? lines);
    if (shift) {
      const pad = ' '.repeat(shift);
      items = items.map((e) => ({ ...e, insertText: pad + e.insertText, filterText: e.filterText ?? e.label }));
      range.start = { line: ctx.line, character: ctx.wordStart - shift };
      range.end = { line: ctx.line, character: ctx.wordEnd - shift };
    }
  }
  return { range, items };
}

function order(i: number): string {
  return String(i).padStart(4, '0');
}

function fromDocs(docs: readonly ValueDoc[]): ValueItem[] {
  return docs.map((d) => ({ label: d.value, value: d.value, yaml: d.value, kind: 'enum', documentation: d.doc }));
}

// ---------------------------------------------------------------- values

function valueItems(w: Where): ValueItem[] {
  const { kind, apiVersion, p } = w;
  if (pathIs(p, ['apiVersion'])) {
    const seen = new Set<string>();
    return kindSchemas(w.ws)
      .knownKinds()
      .filter((k) => !kind || k.kind === kind)
      .filter((k) => !seen.has(k.apiVersion) && seen.add(k.apiVersion))
      .map((k) => ({
        label: k.apiVersion,
        value: k.apiVersion,
        yaml: k.apiVersion,
        kind: 'value' as const,
        detail: kind ? `${kind}` : undefined,
      }));
  }
  if (pathIs(p, ['kind'])) {
    return kindSchemas(w.ws)
      .knownKinds()
      .filter((k) => !apiVersion || k.apiVersion === apiVersion)
      .map((k, i) => ({ k, i }))
      .sort((a, b) => kindRank(a.k.kind) - kindRank(b.k.kind) || a.i - b.i)
      .map(({ k }) => k)
      .map((k) => ({
        label: k.kind,
        value: k.kind,
        yaml: k.kind,
        kind: 'value' as const,
        detail: k.apiVersion,
        documentation: k.description,
      }));
  }
  if (kind === 'Service' && isService(apiVersion ?? 'v1', kind)) {
    if (pathIs(p, ['spec', 'type'])) return fromDocs(SERVICE_TYPE_DOCS);
    if (pathIs(p, ['spec', 'ports', '*', 'protocol'])) return fromDocs(PROTOCOL_DOCS);
    if (pathIs(p, ['spec', 'ports', '*', 'targetPort'])) return targetPortValues(w);
    if (pathIs(p, ['spec', 'ports', '*', 'nodePort'])) return freeNodePort(w);
    if (pathIs(p, ['spec', 'selector', p[2] as string]) && typeof p[2] === 'string') return labelValues(w, p[2]);
  }
  if (kind && apiVersion && isWorkload(apiVersion, kind)) {
    if (pathEnds(p, ['selector', 'matchLabels', p[p.length - 1] as string]) && typeof p[p.length - 1] === 'string')
      return labelValues(w, p[p.length - 1] as string);
    if (pathEnds(p, ['ports', '*', 'protocol'])) return fromDocs(PROTOCOL_DOCS);
  }
  if (kind && apiVersion && isIngress(apiVersion, kind)) {
    if (pathEnds(p, ['service', 'name']) || pathEnds(p, ['backend', 'serviceName'])) return serviceNames(w);
    if (pathEnds(p, ['service', 'port', 'name'])) return servicePorts(w, p.slice(0, -2), 'name');
    if (pathEnds(p, ['service', 'port', 'number'])) return servicePorts(w, p.slice(0, -2), 'number');
    if (pathEnds(p, ['backend', 'servicePort'])) return servicePorts(w, p.slice(0, -1), 'both');
    if (pathEnds(p, ['paths', '*', 'pathType'])) return fromDocs(PATH_TYPE_DOCS);
  }
  const field = kind && apiVersion ? kindSchemas(w.ws).describePath(apiVersion, kind, p)?.field : undefined;
  if (field?.enum) return field.enum.map((v) => ({ label: v, value: v, yaml: yamlString(v), kind: 'enum' as const }));
  if (field?.type === 'boolean')
    return ['true', 'false'].map((v) => ({ label: v, value: v, yaml: v, kind: 'value' as const }));
  return [];
}

/** The Service port at a path `spec.ports[i]` of the Service being edited. */
function servicePortAt(svc: Service, path: readonly PathSegment[]) {
  const node = nodeAtPath(svc.obj, path);
  return svc.ports.find((sp) => sp.node === node);
}

function targetPortValues(w: Where): ValueItem[] {
  const svc = w.obj && serviceOf(w.obj);
  if (!svc) return [];
  const protocol = servicePortAt(svc, w.p.slice(0, 3))?.protocol ?? 'TCP';
  const names: ValueItem[] = [];
  const numbers: ValueItem[] = [];
  const seen = new Set<string>();
  for (const t of w.ws.selectedBy(svc)) {
    for (const c of servingContainers(t)) {
      for (const cp of c.ports) {
        if (cp.protocol !== protocol) continue;
        const detail = `${cp.containerPort ?? '?'}/${cp.protocol} in container ${c.name ?? '?'} of ${t.owner.displayName}`;
        if (cp.name && !seen.has(`n:${cp.name}`)) {
          seen.add(`n:${cp.name}`);
          names.push({
            label: cp.name,
            value: cp.name,
            yaml: yamlString(cp.name),
            kind: 'reference',
            detail,
            documentation: `Container port \`${cp.name}\` (${detail}). A named targetPort keeps working when the container's port number changes.`,
          });
        }
        if (cp.containerPort !== undefined && !seen.has(`p:${cp.containerPort}`)) {
          seen.add(`p:${cp.containerPort}`);
          const n = String(cp.containerPort);
          numbers.push({
            label: n,
            value: n,
            yaml: n,
            kind: 'reference',
            detail: `${cp.name ? `${cp.name}, ` : ''}${detail}`,
          });
        }
      }
    }
  }
  return [...names, ...numbers];
}

function freeNodePort(w: Where): ValueItem[] {
  const { min, max } = w.settings.nodePortRange;
  const used = new Set<number>();
  for (const o of w.ws.objects()) {
    const s = serviceOf(o);
    if (s) for (const p of s.ports) if (p.nodePort !== undefined) used.add(p.nodePort);
  }
  for (let port = min; port <= max; port++) {
    if (used.has(port)) continue;
    const v = String(port);
    return [
      {
        label: v,
        value: v,
        yaml: v,
        kind: 'value',
        detail: `free node port in ${min}-${max}`,
        documentation: `No Service in the workspace uses node port ${port}. Node ports are cluster-wide: two Services cannot share one.`,
      },
    ];
  }
  return [];
}

/** The label key=value pairs of the pod templates of the namespace, most used first (the object's own template first). */
function labelPairs(w: Where): { key: string; value: string; owners: string[] }[] {
  const pairs = new Map<string, { key: string; value: string; owners: string[]; own: boolean }>();
  const ownTemplate = w.obj ? podTemplateOf(w.obj) : undefined;
  const templates = w.ws.podTemplates(w.namespace);
  if (ownTemplate && !templates.includes(ownTemplate)) templates.push(ownTemplate);
  for (const t of templates) {
    for (const [key, value] of t.labels) {
      const id = `${key}\u0000${value}`;
      let e = pairs.get(id);
      if (!e) pairs.set(id, (e = { key, value, owners: [], own: false }));
      e.owners.push(t.owner.displayName);
      if (t === ownTemplate) e.own = true;
    }
  }
  return [...pairs.values()].sort(
    (a, b) =>
      Number(b.own) - Number(a.own) ||
      b.owners.length - a.owners.length ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : a.value < b.value ? -1 : 1),
  );
}

function ownersText(owners: string[]): string {
  return owners.length <= 3 ? owners.join(', ') : `${owners.slice(0, 3).join(', ')} and ${owners.length - 3} more`;
}

function labelValues(w: Where, key: string): ValueItem[] {
  return labelPairs(w)
    .filter((p) => p.key === key)
    .map((p) => ({
      label: p.value,
      value: p.value,
      yaml: yamlString(p.value),
      kind: 'label' as const,
      detail: `pods of ${ownersText(p.owners)}`,
    }));
}

function serviceNames(w: Where): ValueItem[] {
  return w.ws
    .services(w.namespace)
    .filter((s) => s.obj.name !== undefined)
    .sort((a, b) => ((a.obj.name as string) < (b.obj.name as string) ? -1 : 1))
    .map((s) => {
      const name = s.obj.name as string;
      const ports = s.ports.map((p) => (p.name ? `${p.port}/${p.name}` : String(p.port))).join(', ');
      const pods = w.ws.selectedBy(s).map((t) => t.owner.displayName);
      return {
        label: name,
        value: name,
        yaml: yamlString(name),
        kind: 'reference' as const,
        detail: `Service${ports ? ` · ${ports}` : ''}`,
        documentation: `Service \`${name}\` (${s.type}) in namespace \`${w.namespace}\`${pods.length ? `, selecting pods of ${ownersText(pods)}` : ''}.`,
      };
    });
}

/** Ports of the Service named in the backend at `backendPath` (the map holding `service`/`serviceName`). */
function servicePorts(w: Where, servicePath: readonly PathSegment[], what: 'name' | 'number' | 'both'): ValueItem[] {
  if (!w.obj) return [];
  const r = w.obj.reader;
  const holder = nodeAtPath(w.obj, servicePath);
  const name = r.text(r.get(holder, 'name')) ?? r.text(r.get(holder, 'serviceName'));
  if (!name) return [];
  const out: ValueItem[] = [];
  for (const s of w.ws.services(w.namespace, name)) {
    for (const p of s.ports) {
      const detail = `port ${p.port ?? '?'}/${p.protocol}${p.name ? ` (${p.name})` : ''} of Service ${name}`;
      if (p.name && what !== 'number')
        out.push({ label: p.name, value: p.name, yaml: yamlString(p.name), kind: 'reference', detail });
      if (p.port !== undefined && what !== 'name')
        out.push({ label: String(p.port), value: String(p.port), yaml: String(p.port), kind: 'reference', detail });
    }
  }
  return out;
}

// ---------------------------------------------------------------- keys

function keyItems(w: Where, lines: TextLines): CompletionEntry[] {
  const { ctx, kind, apiVersion, p } = w;
  const siblings = siblingKeys(lines, ctx);
  if (ctx.key) siblings.delete(ctx.key);
  const out: CompletionEntry[] = [];
  if (kind === 'Service' && isService(apiVersion ?? 'v1', kind)) {
    if (pathIs(p, ['spec', 'ports', '*'])) {
      const svc = w.obj && serviceOf(w.obj);
      const type = svc?.type ?? 'ClusterIP';
      const fields = kind && kindSchemas(w.ws).describePath(apiVersion ?? 'v1', kind, p)?.children;
      return SERVICE_PORT_KEYS.filter(
        (k) => !siblings.has(k.value) && (k.value !== 'nodePort' || type === 'NodePort' || type === 'LoadBalancer'),
      ).map((k, i) => {
        const f = fields?.find((x) => x.name === k.value);
        return keyEntry(
          k.value,
          f?.type ??
            (k.value === 'targetPort'
              ? 'IntOrString'
              : k.value === 'port' || k.value === 'nodePort'
                ? 'integer'
                : 'string'),
          k.doc,
          ctx,
          order(i),
        );
      });
    }
    if (pathIs(p, ['spec', 'selector'])) return labelPairItems(w, siblings);
  }
  if (kind && apiVersion && isWorkload(apiVersion, kind) && pathEnds(p, ['selector', 'matchLabels']))
    return labelPairItems(w, siblings);
  if (
    kind &&
    apiVersion &&
    pathEnds(p, ['metadata', 'labels']) &&
    w.obj &&
    podTemplateOf(w.obj) &&
    pathIs(p, templateLabelsPath(w.obj))
  ) {
    return labelPairItems(w, siblings);
  }
  const info = kind && apiVersion ? kindSchemas(w.ws).describePath(apiVersion, kind, p) : undefined;
  if (!info) return [];
  // `status` is written by the cluster, not by people.
  const fields = info.children.filter((f) => !siblings.has(f.name) && !(p.length === 0 && f.name === 'status'));
  fields.forEach((f) =>
    out.push(keyEntry(f.name, f.type, schemaDoc(f), ctx, `${f.required ? 0 : f.deprecated ? 2 : 1}${f.name}`)),
  );
  return out;
}

function templateLabelsPath(obj: K8sObject): string[] {
  if (obj.kind === 'Pod') return ['metadata', 'labels'];
  if (obj.kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels'];
  return ['spec', 'template', 'metadata', 'labels'];
}

function schemaDoc(f: FieldInfo): string {
  const notes = [f.required ? 'Required.' : '', f.deprecated ? 'Deprecated.' : ''].filter(Boolean).join(' ');
  return [notes, f.description].filter(Boolean).join('\n\n');
}

/** What a field's value looks like, from its schema type name (`string`, `[]Container`, `map[string]string`, `PodSpec`). */
export function valueShape(type: string): 'scalar' | 'list' | 'map' {
  if (type.startsWith('[]')) return 'list';
  if (type.startsWith('map[') || type === 'object') return 'map';
  if (/^[A-Z]/.test(type) && type !== 'IntOrString' && type !== 'Quantity' && type !== 'Time') return 'map';
  return 'scalar';
}

function keyEntry(name: string, type: string, doc: string, ctx: CursorContext, sortText: string): CompletionEntry {
  const shape = valueShape(type);
  const indent = ' '.repeat(ctx.keyColumn + 2);
  const key = yamlString(name);
  const insertText = shape === 'scalar' ? `${key}: ` : shape === 'list' ? `${key}:\n${indent}- ` : `${key}:\n${indent}`;
  return { label: name, kind: 'property', detail: type, documentation: doc || undefined, insertText, sortText };
}

function labelPairItems(w: Where, siblings: Set<string>): CompletionEntry[] {
  return labelPairs(w)
    .filter((p) => !siblings.has(p.key))
    .map((p, i) => ({
      label: `${p.key}: ${p.value}`,
      kind: 'label' as const,
      detail: `pods of ${ownersText(p.owners)}`,
      insertText: `${yamlString(p.key)}: ${yamlString(p.value)}`,
      sortText: order(i),
    }));
}

// ---------------------------------------------------------------- where an object starts

/**
 * The kinds, most used first, each as a skeleton (apiVersion, kind, metadata.name), or as its snippet when
 * one is kept for the kind; the snippets of variants (a NodePort Service, an Ingress with TLS, a whole app)
 * follow their kind. One entry per kind or snippet.
 */
function objectStartItems(
  snippets: readonly ObjectSnippet[],
  known: ReturnType<KindSchemas['knownKinds']>,
): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  const body = (s: ObjectSnippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
  const rankOf = (s: ObjectSnippet) => kindRank(s.kind ?? /^kind: *(\S+)/m.exec(body(s))?.[1] ?? '');
  kindsByUse(known).forEach((k, i) => {
    const own = snippets.find((s) => s.kind === k.kind);
    out.push(
      own
        ? {
            label: own.prefix,
            kind: 'document',
            detail: `${k.apiVersion} · snippet`,
            documentation: own.description,
            insertText: body(own),
            format: 'snippet',
            sortText: `${order(i)}0`,
          }
        : {
            label: k.kind,
            kind: 'document',
            detail: k.apiVersion,
            documentation: k.description,
            insertText: `apiVersion: ${k.apiVersion}\nkind: ${k.kind}\nmetadata:\n  name: `,
            sortText: `${order(i)}0`,
          },
    );
  });
  snippets.forEach((s, j) => {
    if (s.kind) return;
    out.push({
      label: s.prefix,
      kind: 'document',
      detail: 'snippet',
      documentation: s.description,
      insertText: body(s),
      format: 'snippet',
      sortText: `${order(Math.min(rankOf(s), 9999))}${order(j + 1)}`,
    });
  });
  return out
    .sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0))
    .map((e, i) => ({ ...e, sortText: order(i) }));
}

// ---------------------------------------------------------------- keys of an unfinished item

/**
 * After `- name: metrics` + Enter the editor leaves the cursor at the dash's column; what is typed there is
 * meant as the next key of that item (at a dash's column it could only be a key of the map holding the
 * sequence, which sits further left). Answers the context of the same word at the item's key column, and by
 * how many columns the inserted key moves right. Not for indentless sequences (`key:` and `- ` at one column),
 * where a key at the dash's column is a sibling of `key`.
 */
function itemKeyContext(
  lines: TextLines,
  pos: Position,
  ctx: CursorContext,
): { ctx: CursorContext; lines: TextLines; shift: number } | undefined {
  if (ctx.role !== 'key' || ctx.key !== undefined) return undefined;
  const text = lines.lineText(pos.line);
  const own = lineShape(text);
  if (own.tokens.length || own.comment !== -1) return undefined;
  const col = ctx.keyColumn;
  for (let l = pos.line - 1; l >= ctx.doc.startLine; l--) {
    const shape = lineShape(lines.lineText(l));
    if (shape.blank || shape.tokens.length === 0) continue;
    const first = shape.tokens[0];
    if (first.col > col) continue;
    if (first.col < col || first.type !== 'dash') return undefined;
    // The dash of the item above, at the cursor's column; its map's keys start after the dashes.
    const kt = keyToken(shape);
    if (!kt || shape.tokens.length !== 2) return undefined;
    if (indentlessAt(lines, ctx.doc.startLine, l, col)) return undefined;
    const shift = kt.col - col;
    const shifted: TextLines = {
      lineCount: lines.lineCount,
      lineText: (n) => (n === pos.line ? ' '.repeat(shift) + text : lines.lineText(n)),
    };
    const moved = cursorContext(shifted, { line: pos.line, character: pos.character + shift });
    return moved && moved.role === 'key' ? { ctx: moved, lines: shifted, shift } : undefined;
  }
  return undefined;
}

/** Whether the sequence whose item dash sits at `col` on `line` is indentless (its key at the same column). */
function indentlessAt(lines: TextLines, docStart: number, line: number, col: number): boolean {
  for (let l = line - 1; l >= docStart; l--) {
    const shape = lineShape(lines.lineText(l));
    if (shape.blank || shape.tokens.length === 0) continue;
    const first = shape.tokens[0];
    if (first.col > col) continue;
    if (first.col === col && first.type === 'dash') continue;
    return first.col === col;
  }
  return false;
}
