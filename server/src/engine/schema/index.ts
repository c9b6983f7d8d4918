/**
 * kubeway's offline Kubernetes schema: what every field of the built-in kinds is (hover, completion) and
 * the walk that validates objects against it (rules/schema-*.ts). Built from kubernetes-models by
 * scripts/build-schema.mjs; see tables.ts for the data.
 */
import { replacementApiVersion } from '../model/apiVersions';
import { Kind, k8sSchema, schemaKind, typeName } from './tables';
import type { SchemaField, ValueType } from './tables';

export { isSchemaValidated, schemaFindings } from './validate';
export type { SchemaFinding, SchemaRuleId } from './validate';
export { isQuantity } from './quantity';
export { closest, editDistance } from './suggest';

export interface FieldInfo {
  name: string;
  /** As the API reference writes it: `string`, `integer`, `boolean`, `[]Container`, `map[string]string`, `Quantity`, `IntOrString`. */
  type: string;
  description: string;
  required: boolean;
  /** The allowed values (of the field, or of each item of a list field). */
  enum?: string[];
  deprecated?: boolean;
  intOrString?: boolean;
}

export interface PathDescription {
  /** The field at the end of the path (undefined for the object root). */
  field?: FieldInfo;
  /** The fields allowed in the map at the path (empty when the value there is not a map of known fields). */
  children: FieldInfo[];
  /** The Kubernetes API reference for the kind. */
  docUrl: string;
}

/** The Kubernetes release the schema describes (e.g. `1.36.0`). */
export function kubernetesVersion(): string {
  return k8sSchema().kubernetesVersion;
}

/** Where the Kubernetes API reference documents a kind: `#deployment-v1-apps`, `#service-v1-core`. */
export function docUrl(apiVersion: string, kind: string): string {
  const [minor] = /^\d+\.\d+/.exec(kubernetesVersion()) ?? ['1.36'];
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? 'core' : apiVersion.slice(0, slash).replace(/\./g, '-');
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  return `https://kubernetes.io/docs/reference/generated/kubernetes-api/v${minor}/#${kind.toLowerCase()}-${version}-${group}`;
}

function enumOf(t: ValueType): string[] | undefined {
  if (t.kind === Kind.String) return t.enum ? t.enum.filter((v) => v !== '') : undefined;
  if (t.kind === Kind.Array) return enumOf(t.of);
  return undefined;
}

function info(f: SchemaField): FieldInfo {
  const out: FieldInfo = { name: f.name, type: typeName(f.type), description: f.description, required: f.required };
  const e = enumOf(f.type);
  if (e) out.enum = e;
  if (f.deprecated) out.deprecated = true;
  if (f.type.kind === Kind.IntOrString) out.intOrString = true;
  return out;
}

/**
 * What the schema says at a path inside an object of apiVersion/kind (path of keys and array indexes from
 * the object root). undefined when the kind is unknown (custom resources) or the path leaves the schema.
 */
export function describePath(apiVersion: string, kind: string, path: (string | number)[]): PathDescription | undefined {
  const k = schemaKind(apiVersion, kind);
  if (!k) return undefined;
  let t: ValueType = { kind: Kind.Object, type: k.type };
  let field: FieldInfo | undefined;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (t.kind !== Kind.Array) return undefined;
      t = t.of;
      continue;
    }
    if (t.kind === Kind.Object) {
      const f = t.type.fields.get(seg);
      if (!f) return undefined;
      field = info(f);
      t = f.type;
    } else if (t.kind === Kind.Map) {
      // An entry of a map (a label, a resource limit): described by the map field itself.
      field = field ? { ...field, name: seg, type: typeName(t.of), required: false, enum: enumOf(t.of) } : undefined;
      if (field && !field.enum) delete field.enum;
      t = t.of;
    } else {
      return undefined;
    }
  }
  const children = t.kind === Kind.Object ? t.type.fieldList.map(info) : [];
  return { field, children, docUrl: docUrl(apiVersion, kind) };
}

/** The keys allowed in the map at a path (completion); empty when unknown. */
export function keysAt(apiVersion: string, kind: string, path: (string | number)[]): FieldInfo[] {
  return describePath(apiVersion, kind, path)?.children ?? [];
}

/** The values allowed for the field at a path (completion), or undefined when it is not an enum. */
export function enumValuesAt(apiVersion: string, kind: string, path: (string | number)[]): string[] | undefined {
  return describePath(apiVersion, kind, path)?.field?.enum;
}

/** apiVersion/kind pairs of every built-in kind the schema knows (for new-document completion). */
export function knownKinds(): { apiVersion: string; kind: string; description: string }[] {
  return k8sSchema()
    .kindList.filter((k) => !k.removed && !replacementApiVersion(k.apiVersion, k.kind))
    .map((k) => ({ apiVersion: k.apiVersion, kind: k.kind, description: k.type.description }));
}

/** Whether the schema knows this apiVersion/kind (a built-in kind, served or removed). */
export function isKnownKind(apiVersion: string, kind: string): boolean {
  return schemaKind(apiVersion, kind) !== undefined;
}
