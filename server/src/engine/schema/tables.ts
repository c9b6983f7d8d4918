/**
 * The offline Kubernetes schema as lookup tables: one SchemaType per OpenAPI definition with its fields in
 * a Map, decoded once (lazily) from the compact JSON that scripts/build-schema.mjs generates.
 *
 * Compact format (`generated/k8s-schema.ts`, one JSON string):
 *   { v: 1, k8s: "1.36.0", source: "kubernetes-models@5.1.0",
 *     d: [description, ...],                                   // shared description strings
 *     t: [[name, group, version, descIdx, [[field, type, flags, descIdx], ...]], ...],
 *     k: [[apiVersion, kind, typeIdx, removed], ...] }
 *   type: "s" string | "by" base64 string | "i" integer | "n" number | "b" boolean | "q" Quantity | "io" IntOrString |
 *         "t" Time | "*" anything | <typeIdx> object | ["a", type] list | ["m", type] map | ["e", [values]] string enum
 *   flags: 1 required, 2 deprecated
 */
import { K8S_SCHEMA_JSON } from './generated/k8s-schema';

export const enum Kind {
  String,
  Integer,
  Number,
  Boolean,
  Quantity,
  IntOrString,
  Time,
  Any,
  Object,
  Array,
  Map,
  /** A string of format `byte`: base64 (Secret data, ConfigMap binaryData, caBundle). */
  Bytes,
}

export type ValueType =
  | { kind: Kind.String; enum?: readonly string[]; enumSet?: ReadonlySet<string> }
  | {
      kind:
        | Kind.Integer
        | Kind.Number
        | Kind.Boolean
        | Kind.Quantity
        | Kind.IntOrString
        | Kind.Time
        | Kind.Any
        | Kind.Bytes;
    }
  | { kind: Kind.Object; type: SchemaType }
  | { kind: Kind.Array | Kind.Map; of: ValueType };

export interface SchemaField {
  name: string;
  type: ValueType;
  required: boolean;
  /** Required and checked by the walk (apiVersion and kind select the schema, so they are always there). */
  mustBeSet: boolean;
  deprecated: boolean;
  description: string;
}

export interface SchemaType {
  /** The definition's short name (Container, ObjectMeta, HTTPIngressPath). */
  name: string;
  /** API group (`core` for the legacy group, `meta` for ObjectMeta & co) and version, for doc links. */
  group: string;
  version: string;
  description: string;
  fields: ReadonlyMap<string, SchemaField>;
  /** Fields in name order. */
  fieldList: readonly SchemaField[];
  required: readonly SchemaField[];
}

export interface SchemaKind {
  apiVersion: string;
  kind: string;
  type: SchemaType;
  /** Kubernetes no longer serves this apiVersion: not validated, not offered. */
  removed: boolean;
}

export interface Schema {
  kubernetesVersion: string;
  source: string;
  kinds: ReadonlyMap<string, SchemaKind>;
  kindList: readonly SchemaKind[];
}

type RawType = string | number | [string, RawType | string[]];
interface RawSchema {
  v: number;
  k8s: string;
  source: string;
  d: string[];
  t: [string, string, string, number, [string, RawType, number, number][]][];
  k: [string, string, number, number][];
}

const PRIMITIVES: Record<string, ValueType> = {
  s: { kind: Kind.String },
  by: { kind: Kind.Bytes },
  i: { kind: Kind.Integer },
  n: { kind: Kind.Number },
  b: { kind: Kind.Boolean },
  q: { kind: Kind.Quantity },
  io: { kind: Kind.IntOrString },
  t: { kind: Kind.Time },
  '*': { kind: Kind.Any },
};

function decode(raw: RawSchema): Schema {
  const desc = (i: number) => (i >= 0 ? raw.d[i] : '');
  const types: SchemaType[] = raw.t.map(([name, group, version, d]) => ({
    name,
    group,
    version,
    description: desc(d),
    fields: new Map(),
    fieldList: [],
    required: [],
  }));
  const objectTypes = types.map((type) => ({ kind: Kind.Object, type }) as ValueType);
  const valueType = (t: RawType): ValueType => {
    if (typeof t === 'number') return objectTypes[t];
    if (typeof t === 'string') {
      const p = PRIMITIVES[t];
      if (!p) throw new Error(`schema: unknown type code ${t}`);
      return p;
    }
    const [tag, arg] = t;
    if (tag === 'a') return { kind: Kind.Array, of: valueType(arg as RawType) };
    if (tag === 'm') return { kind: Kind.Map, of: valueType(arg as RawType) };
    if (tag === 'e') return { kind: Kind.String, enum: arg as string[], enumSet: new Set(arg as string[]) };
    throw new Error(`schema: unknown type code ${tag}`);
  };
  raw.t.forEach(([, , , , fields], i) => {
    const t = types[i];
    const map = t.fields as Map<string, SchemaField>;
    const list = t.fieldList as SchemaField[];
    const required = t.required as SchemaField[];
    for (const [name, type, flags, d] of fields) {
      const isRequired = (flags & 1) !== 0;
      const mustBeSet = isRequired && name !== 'apiVersion' && name !== 'kind';
      const f: SchemaField = {
        name,
        type: valueType(type),
        required: isRequired,
        mustBeSet,
        deprecated: (flags & 2) !== 0,
        description: desc(d),
      };
      map.set(name, f);
      list.push(f);
      if (mustBeSet) required.push(f);
    }
  });
  const kinds = new Map<string, SchemaKind>();
  const kindList: SchemaKind[] = [];
  for (const [apiVersion, kind, t, removed] of raw.k) {
    const k: SchemaKind = { apiVersion, kind, type: types[t], removed: removed === 1 };
    kinds.set(`${apiVersion}/${kind}`, k);
    kindList.push(k);
  }
  return { kubernetesVersion: raw.k8s, source: raw.source, kinds, kindList };
}

let schema: Schema | undefined;

/** The decoded schema (decoded on first use: a few milliseconds). */
export function k8sSchema(): Schema {
  if (!schema) schema = decode(JSON.parse(K8S_SCHEMA_JSON) as RawSchema);
  return schema;
}

/** The schema of a built-in kind, or undefined (custom resources, unknown kinds). */
export function schemaKind(apiVersion: string, kind: string): SchemaKind | undefined {
  return k8sSchema().kinds.get(`${apiVersion}/${kind}`);
}

/** A type's name as the Kubernetes API reference writes it: `string`, `integer`, `[]Container`, `map[string]string`. */
export function typeName(t: ValueType): string {
  switch (t.kind) {
    case Kind.String:
      return 'string';
    case Kind.Bytes:
      return 'string (base64)';
    case Kind.Integer:
      return 'integer';
    case Kind.Number:
      return 'number';
    case Kind.Boolean:
      return 'boolean';
    case Kind.Quantity:
      return 'Quantity';
    case Kind.IntOrString:
      return 'IntOrString';
    case Kind.Time:
      return 'Time';
    case Kind.Any:
      return 'object';
    case Kind.Object:
      return t.type.name.includes('.') ? 'PersistentVolumeClaim' : t.type.name;
    case Kind.Array:
      return `[]${typeName(t.of)}`;
    case Kind.Map:
      return `map[string]${typeName(t.of)}`;
  }
}
