/**
 * What a CRD's schema says at a path inside a custom resource (hover, completion), in the same shape as the
 * built-in schema's describePath answers.
 */
import { describePath } from '../schema';
import type { FieldInfo, PathDescription } from '../schema';
import type { CrdDefinition, CrdVersion } from './definition';
import type { CrdSchema } from './schema';

/** A CRD schema type as the API reference writes types: `string`, `integer`, `[]object`, `map[string]string`, `IntOrString`. */
function typeName(s: CrdSchema): string {
  if (s.intOrString) return 'IntOrString';
  switch (s.type) {
    case 'array':
      return `[]${s.items ? typeName(s.items) : 'object'}`;
    case 'object':
      if (s.additionalProperties && !s.properties)
        return `map[string]${s.additionalProperties === true ? 'object' : typeName(s.additionalProperties)}`;
      return 'object';
    case undefined:
      return 'object';
    default:
      return s.type;
  }
}

function enumOf(s: CrdSchema): string[] | undefined {
  const e = s.enum ?? (s.type === 'array' ? s.items?.enum : undefined);
  const values = e?.filter((v): v is string => typeof v === 'string' && v !== '');
  return values?.length ? values : undefined;
}

function info(name: string, s: CrdSchema, required: boolean): FieldInfo {
  const notes = s.hasDefault ? `Default: \`${JSON.stringify(s.default)}\`` : '';
  const out: FieldInfo = {
    name,
    type: typeName(s),
    description: [s.description, notes].filter(Boolean).join('\n\n'),
    required,
  };
  const e = enumOf(s);
  if (e) out.enum = e;
  if (s.intOrString) out.intOrString = true;
  return out;
}

function children(s: CrdSchema): FieldInfo[] {
  if (!s.properties) return [];
  const required = new Set(s.required ?? []);
  return [...s.properties]
    .map(([k, p]) => info(k, p, required.has(k) && !p.hasDefault))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The root's `metadata` is ObjectMeta, whatever the CRD's schema says of it (the API server validates it as such). */
const OBJECT_META_OF = { apiVersion: 'v1', kind: 'ConfigMap' };

export function describeCustomResourcePath(
  def: CrdDefinition,
  version: CrdVersion,
  path: readonly (string | number)[],
): PathDescription | undefined {
  const root = version.schema;
  if (!root) return undefined;
  if (path[0] === 'metadata') {
    const meta = describePath(OBJECT_META_OF.apiVersion, OBJECT_META_OF.kind, [...path]);
    return meta && { ...meta, docUrl: '' };
  }
  let s: CrdSchema = root;
  let field: FieldInfo | undefined;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (s.type !== 'array' || !s.items) return undefined;
      s = s.items;
      continue;
    }
    const p = s.properties?.get(seg);
    if (p) {
      field = info(seg, p, (s.required ?? []).includes(seg) && !p.hasDefault);
      s = p;
    } else if (s.additionalProperties && s.additionalProperties !== true) {
      field = {
        ...info(seg, s.additionalProperties, false),
        description: field?.description ?? s.additionalProperties.description,
      };
      s = s.additionalProperties;
    } else {
      return undefined;
    }
  }
  return { field, children: children(s), docUrl: '' };
}
