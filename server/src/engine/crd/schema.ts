/**
 * A CustomResourceDefinition's structural schema (apiextensions.k8s.io/v1 `openAPIV3Schema`), compiled once
 * from its plain JSON form into the lookups the walk needs: properties in a Map, patterns compiled (RE2, as
 * the API server's Go regexp), the x-kubernetes-* extensions as fields.
 */
import { RE2JS } from '@bufbuild/re2';

export type CrdType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';

/** One `x-kubernetes-validations` entry. */
export interface CelValidation {
  rule: string;
  message?: string;
  messageExpression?: string;
  reason?: string;
  fieldPath?: string;
  optionalOldSelf?: boolean;
}

export interface CrdSchema {
  type?: CrdType;
  description: string;
  properties?: ReadonlyMap<string, CrdSchema>;
  required?: readonly string[];
  /** A map's value schema (`additionalProperties: {…}`); true: any value. */
  additionalProperties?: CrdSchema | true;
  items?: CrdSchema;
  enum?: readonly unknown[];
  pattern?: { source: string; re: RE2JS | undefined };
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  uniqueItems?: boolean;
  nullable?: boolean;
  default?: unknown;
  hasDefault?: boolean;
  preserveUnknownFields?: boolean;
  intOrString?: boolean;
  embeddedResource?: boolean;
  listType?: 'atomic' | 'set' | 'map';
  listMapKeys?: readonly string[];
  validations?: readonly CelValidation[];
  anyOf?: readonly CrdSchema[];
  allOf?: readonly CrdSchema[];
  oneOf?: readonly CrdSchema[];
  not?: CrdSchema;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

const TYPES = new Set<string>(['object', 'array', 'string', 'integer', 'number', 'boolean']);

/**
 * Compiles a schema; anything malformed is left out (the API server would have refused the CRD itself).
 * `descriptions`: the string table of the bundled CRDs, whose descriptions are indexes into it.
 */
export function compileSchema(raw: unknown, descriptions?: readonly string[], depth = 0): CrdSchema {
  const s: CrdSchema = { description: '' };
  if (!isObject(raw) || depth > 64) return s;
  const out = s as { -readonly [K in keyof CrdSchema]: CrdSchema[K] };
  if (typeof raw.type === 'string' && TYPES.has(raw.type)) out.type = raw.type as CrdType;
  out.description =
    (typeof raw.description === 'number' ? descriptions?.[raw.description] : str(raw.description)) ?? '';
  if (isObject(raw.properties)) {
    const props = new Map<string, CrdSchema>();
    for (const [k, v] of Object.entries(raw.properties)) props.set(k, compileSchema(v, descriptions, depth + 1));
    out.properties = props;
  }
  if (Array.isArray(raw.required)) out.required = raw.required.filter((r): r is string => typeof r === 'string');
  if (raw.additionalProperties === true) out.additionalProperties = true;
  else if (isObject(raw.additionalProperties))
    out.additionalProperties = compileSchema(raw.additionalProperties, descriptions, depth + 1);
  if (isObject(raw.items)) out.items = compileSchema(raw.items, descriptions, depth + 1);
  if (Array.isArray(raw.enum)) out.enum = raw.enum;
  const pattern = str(raw.pattern);
  if (pattern !== undefined) out.pattern = { source: pattern, re: compileRegex(pattern) };
  out.format = str(raw.format);
  out.minimum = num(raw.minimum);
  out.maximum = num(raw.maximum);
  out.exclusiveMinimum = raw.exclusiveMinimum === true || undefined;
  out.exclusiveMaximum = raw.exclusiveMaximum === true || undefined;
  out.multipleOf = num(raw.multipleOf);
  out.minLength = num(raw.minLength);
  out.maxLength = num(raw.maxLength);
  out.minItems = num(raw.minItems);
  out.maxItems = num(raw.maxItems);
  out.minProperties = num(raw.minProperties);
  out.maxProperties = num(raw.maxProperties);
  out.uniqueItems = raw.uniqueItems === true || undefined;
  out.nullable = raw.nullable === true || undefined;
  if ('default' in raw) {
    out.default = raw.default;
    out.hasDefault = true;
  }
  out.preserveUnknownFields = raw['x-kubernetes-preserve-unknown-fields'] === true || undefined;
  out.intOrString = raw['x-kubernetes-int-or-string'] === true || undefined;
  out.embeddedResource = raw['x-kubernetes-embedded-resource'] === true || undefined;
  const listType = str(raw['x-kubernetes-list-type']);
  if (listType === 'atomic' || listType === 'set' || listType === 'map') out.listType = listType;
  const keys = raw['x-kubernetes-list-map-keys'];
  if (Array.isArray(keys)) out.listMapKeys = keys.filter((k): k is string => typeof k === 'string');
  const validations = raw['x-kubernetes-validations'];
  if (Array.isArray(validations)) {
    out.validations = validations.filter(isObject).flatMap((v) => {
      const rule = str(v.rule);
      if (!rule) return [];
      const c: CelValidation = { rule };
      if (str(v.message)) c.message = str(v.message);
      if (str(v.messageExpression)) c.messageExpression = str(v.messageExpression);
      if (str(v.reason)) c.reason = str(v.reason);
      if (str(v.fieldPath)) c.fieldPath = str(v.fieldPath);
      if (v.optionalOldSelf === true) c.optionalOldSelf = true;
      return [c];
    });
  }
  for (const k of ['anyOf', 'allOf', 'oneOf'] as const) {
    const list = raw[k];
    if (Array.isArray(list)) out[k] = list.map((x) => compileSchema(x, descriptions, depth + 1));
  }
  if (isObject(raw.not)) out.not = compileSchema(raw.not, descriptions, depth + 1);
  for (const k of Object.keys(out) as (keyof CrdSchema)[]) if (out[k] === undefined) delete out[k];
  return s;
}

const regexCache = new Map<string, RE2JS | undefined>();

/** A Go (RE2) regular expression; undefined when it does not compile (then it checks nothing). */
export function compileRegex(pattern: string): RE2JS | undefined {
  if (regexCache.has(pattern)) return regexCache.get(pattern);
  let re: RE2JS | undefined;
  try {
    re = RE2JS.compile(pattern);
  } catch {
    re = undefined;
  }
  regexCache.set(pattern, re);
  return re;
}

/** The schema of a property of an object schema, or of a map entry (additionalProperties). */
export function propertySchema(s: CrdSchema, key: string): CrdSchema | undefined {
  const p = s.properties?.get(key);
  if (p) return p;
  if (s.additionalProperties === true) return ANY;
  return s.additionalProperties;
}

/** Anything (preserve-unknown-fields): a value nothing is known about. */
export const ANY: CrdSchema = { description: '', preserveUnknownFields: true };
