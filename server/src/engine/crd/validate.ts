/**
 * Validates a custom resource against its CRD version's structural schema as the API server does on create
 * (apiextensions-apiserver: prune unknown fields — an error under strict field validation, kubectl's
 * default —, drop nulls of non-nullable fields, apply defaults, validate against the OpenAPI schema, then
 * run the `x-kubernetes-validations` CEL rules). One pass along the parsed YAML: each finding is on the node
 * it is about, and the value each CEL rule sees is built on the way (defaults included).
 */
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { CelInput } from '@bufbuild/cel';
import type { K8sObject } from '../model/object';
import type { DocReader } from '../parse/nodes';
import { keyText } from '../parse/nodes';
import type { Finding } from '../types';
import { isBase64 } from '../schema/validate';
import { closest } from '../schema/suggest';
import type { Fix } from '../types';
import { compileRule, escapeProperty, evaluate, messageOf } from './cel';
import type { CrdDefinition, CrdVersion } from './definition';
import { plainValue } from './definition';
import { formatProblem } from './formats';
import { ANY } from './schema';
import type { CrdSchema } from './schema';

export type CrdRuleId =
  | 'crd-schema-unknown-field'
  | 'crd-schema-type'
  | 'crd-schema-required'
  | 'crd-schema-enum'
  | 'crd-schema-value'
  | 'crd-schema-list'
  | 'crd-cel';

export interface CrdFinding extends Finding {
  rule: CrdRuleId;
  /** The unknown key, for crd-schema-unknown-field findings. */
  key?: string;
}

const cache = new WeakMap<YAMLMap, { version: CrdVersion; found: CrdFinding[] }>();

/** Every schema and CEL finding of a custom resource, computed once per parsed object and CRD version. */
export function crdFindings(obj: K8sObject, def: CrdDefinition, version: CrdVersion): CrdFinding[] {
  const kept = cache.get(obj.node);
  if (kept && kept.version === version) return kept.found;
  const found: CrdFinding[] = [];
  const schema = version.schema;
  if (schema) new Walk(obj, def, version, found).root(schema);
  cache.set(obj.node, { version, found });
  return found;
}

const INTEGER_TEXT = /^[-+]?\d+$/;

function describe(v: unknown): string {
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'boolean') return 'a boolean';
  if (typeof v === 'number' || typeof v === 'bigint') return 'a number';
  return 'a scalar';
}

function typeText(s: CrdSchema): string {
  if (s.intOrString) return 'an integer or a string';
  switch (s.type) {
    case 'string':
      return 'a string';
    case 'integer':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean (true or false)';
    case 'object':
      return 'a map';
    case 'array':
      return 'a list';
    default:
      return 'a value';
  }
}

function listOf(values: readonly string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** A plain JSON value as CEL sees it under a schema: integers as int, objects as maps, defaults applied. */
export function celValue(v: unknown, s: CrdSchema): CelInput {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (s.type === 'number') return v;
    return Number.isInteger(v) ? BigInt(v) : v;
  }
  if (typeof v === 'bigint') return s.type === 'number' ? Number(v) : v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map((x) => celValue(x, s.items ?? ANY));
  if (typeof v === 'object') {
    const out = new Map<string, CelInput>();
    const o = v as Record<string, unknown>;
    for (const [k, x] of Object.entries(o)) {
      const p = s.properties?.get(k);
      if (p) {
        const e = escapeProperty(k);
        if (e) out.set(e, celValue(x, p));
      } else if (s.additionalProperties) {
        out.set(k, celValue(x, s.additionalProperties === true ? ANY : s.additionalProperties));
      } else {
        const e = escapeProperty(k);
        if (e) out.set(e, celValue(x, ANY));
      }
    }
    if (s.properties) {
      for (const [k, p] of s.properties) {
        if (k in o || !p.hasDefault) continue;
        const e = escapeProperty(k);
        if (e) out.set(e, celValue(p.default, p));
      }
    }
    return out;
  }
  return null;
}

/** A CEL value's identity, for duplicate items of a set or map list. */
function identity(v: CelInput | undefined): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (typeof x === 'bigint') return `${x}`;
    if (x instanceof Map) return Object.fromEntries([...x.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return x;
  });
}

class Walk {
  private readonly reader: DocReader;
  private readonly kind: string;

  constructor(
    private readonly obj: K8sObject,
    def: CrdDefinition,
    private readonly version: CrdVersion,
    private readonly out: CrdFinding[],
  ) {
    this.reader = obj.reader;
    this.kind = def.kind;
  }

  private report(rule: CrdRuleId, at: Node, message: string, fix?: Fix, key?: string): void {
    for (const f of this.out) if (f.at === at && f.message === message) return;
    const f: CrdFinding = { rule, at, message };
    if (fix) f.fix = fix;
    if (key !== undefined) f.key = key;
    this.out.push(f);
  }

  private where(path: string): string {
    return path ? `\`${path}\`` : this.kind;
  }

  private source(node: Node): string {
    const r = node.range;
    const doc = this.obj.doc;
    return r ? doc.file.text.slice(doc.base + r[0], doc.base + r[1]) : '';
  }

  private replace(at: Node, title: string, newText: string): Fix {
    return { title, edits: [{ range: this.obj.doc.rangeOf(at), newText }] };
  }

  root(schema: CrdSchema): void {
    this.object(this.obj.node, schema, '', this.obj.anchor, true);
  }

  /** Checks a value against a schema; returns what CEL rules see (undefined: absent, e.g. a null pruned). */
  private value(node: Node, s: CrdSchema, path: string, anchor: Node): CelInput | undefined {
    let n: Node | undefined = node;
    if (isAlias(n)) n = this.reader.resolve(n);
    if (!n) return undefined;
    if (isScalar(n)) return this.scalar(n, s, path);
    if (isMap(n)) {
      if (s.type !== undefined && s.type !== 'object') return this.wrongType(n, s, 'a map', path);
      if (s.type === undefined && !s.properties && !s.additionalProperties)
        return celValue(plainValue(this.reader, n), ANY);
      return this.object(n, s, path, anchor, false);
    }
    if (isSeq(n)) {
      if (s.type !== undefined && s.type !== 'array') return this.wrongType(n, s, 'a list', path);
      if (s.type === undefined && !s.items) return celValue(plainValue(this.reader, n), ANY);
      return this.array(n, s, path, anchor);
    }
    return undefined;
  }

  private wrongType(n: Node, s: CrdSchema, got: string, path: string): undefined {
    const shown = isScalar(n) ? ` (\`${this.source(n)}\`)` : '';
    this.report('crd-schema-type', n, `${this.where(path)} must be ${typeText(s)}, not ${got}${shown}.`);
    return undefined;
  }

  private scalar(n: Scalar, s: CrdSchema, path: string): CelInput | undefined {
    const v = n.value as unknown;
    if (v === null || v === undefined) return undefined;
    if (typeof v === 'object' || typeof v === 'symbol') return undefined;
    let cel: CelInput;
    if (s.intOrString) {
      if (typeof v === 'string') cel = v;
      else if (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) cel = BigInt(v);
      else return this.wrongType(n, s, describe(v), path);
    } else {
      switch (s.type) {
        case 'string':
          if (typeof v !== 'string') {
            const src = this.source(n);
            const quoted = /["\\]/.test(src) ? `'${src.replace(/'/g, "''")}'` : `"${src}"`;
            this.report(
              'crd-schema-type',
              n,
              `${this.where(path)} must be a string, but \`${src}\` is read as a ${typeof v === 'boolean' ? 'boolean' : 'number'}: quote it (${quoted}).`,
              this.replace(n, `Quote as ${quoted}`, quoted),
            );
            return undefined;
          }
          cel = v;
          break;
        case 'integer':
          if (typeof v === 'bigint') cel = v;
          else if (typeof v === 'number' && Number.isInteger(v)) cel = BigInt(v);
          else if (typeof v === 'string' && INTEGER_TEXT.test(v.trim())) {
            const int = v.trim().replace(/^\+/, '');
            this.report(
              'crd-schema-type',
              n,
              `${this.where(path)} must be an integer, not a string: write ${int} without quotes.`,
              this.replace(n, `Change to ${int}`, int),
            );
            return undefined;
          } else return this.wrongType(n, s, describe(v), path);
          break;
        case 'number':
          if (typeof v !== 'number' && typeof v !== 'bigint') return this.wrongType(n, s, describe(v), path);
          cel = Number(v);
          break;
        case 'boolean':
          if (typeof v !== 'boolean') {
            if (v === 'true' || v === 'false') {
              this.report(
                'crd-schema-type',
                n,
                `${this.where(path)} must be a boolean, not a string: write ${v} without quotes.`,
                this.replace(n, `Change to ${v}`, v),
              );
              return undefined;
            }
            return this.wrongType(n, s, describe(v), path);
          }
          cel = v;
          break;
        case 'object':
          return this.wrongType(n, s, describe(v), path);
        case 'array':
          return this.wrongType(n, s, describe(v), path);
        default:
          cel = celValue(v, ANY);
      }
    }
    this.constraints(n, v as string | number | bigint | boolean, s, path);
    this.rules(s, cel, n, path);
    return cel;
  }

  /** enum, pattern, format, bounds and lengths of a scalar, and its anyOf/allOf/oneOf/not alternatives. */
  private constraints(n: Scalar, v: string | number | bigint | boolean, s: CrdSchema, path: string): void {
    if (
      s.enum &&
      !s.enum.some(
        (e) =>
          e === v || (typeof e === 'number' && (typeof v === 'number' || typeof v === 'bigint') && Number(v) === e),
      )
    ) {
      const values = s.enum.map((e) => String(e));
      const suggestion = typeof v === 'string' ? closest(v, values) : undefined;
      if (suggestion) {
        const message =
          suggestion.toLowerCase() === String(v).toLowerCase()
            ? `\`${v}\` must be written \`${suggestion}\`: ${this.where(path)} is case-sensitive.`
            : `Unsupported value \`${v}\` for ${this.where(path)}: did you mean \`${suggestion}\`?`;
        this.report('crd-schema-enum', n, message, this.replace(n, `Change to ${suggestion}`, suggestion));
      } else {
        this.report(
          'crd-schema-enum',
          n,
          `Unsupported value \`${String(v)}\` for ${this.where(path)}: use ${listOf(values)}.`,
        );
      }
    }
    const p = valueProblem(v, s);
    if (p) this.report('crd-schema-value', n, `${this.where(path)} ${p}`);
    const alternatives = alternativesProblem(v, s);
    if (alternatives) this.report('crd-schema-value', n, `${this.where(path)} ${alternatives}`);
  }

  private object(map: YAMLMap, s: CrdSchema, path: string, anchor: Node, root: boolean): CelInput {
    const pairs = this.pairs(map);
    const out = new Map<string, CelInput>();
    const present = new Set<string>();
    let suggested: string[] | undefined;
    const typeMeta = root || s.embeddedResource;
    for (const p of pairs) {
      const key = (p.key as Node | null) ?? map;
      const name = keyText(p.key);
      const vnode = p.value as Node | null;
      const child = path ? `${path}.${name}` : name;
      if (vnode === null || this.isNull(vnode)) {
        if (s.properties?.get(name)?.nullable) {
          present.add(name);
          const e = escapeProperty(name);
          if (e) out.set(e, null);
        }
        continue;
      }
      if (typeMeta && (name === 'apiVersion' || name === 'kind' || name === 'metadata')) {
        present.add(name);
        const e = escapeProperty(name)!;
        if (name === 'metadata') out.set(e, this.metadata(vnode));
        else {
          const ps = s.properties?.get(name);
          const v = ps && !root ? this.value(vnode, ps, child, key) : celValue(plainValue(this.reader, vnode), ANY);
          if (v !== undefined) out.set(e, v);
        }
        continue;
      }
      // With a status subresource, the API server resets `status` on create: it is never validated there.
      if (root && name === 'status' && this.version.statusSubresource) continue;
      const ps = s.properties?.get(name);
      if (ps) {
        present.add(name);
        const v = this.value(vnode, ps, child, key);
        const e = escapeProperty(name);
        if (v !== undefined && e) out.set(e, v);
        continue;
      }
      if (s.additionalProperties) {
        present.add(name);
        const v = this.value(
          vnode,
          s.additionalProperties === true ? ANY : s.additionalProperties,
          path ? `${path}[${name}]` : name,
          key,
        );
        if (v !== undefined) out.set(name, v);
        continue;
      }
      if (s.preserveUnknownFields) {
        present.add(name);
        const e = escapeProperty(name);
        if (e) out.set(e, celValue(plainValue(this.reader, vnode), ANY));
        continue;
      }
      const suggestion = s.properties ? closest(name, s.properties.keys()) : undefined;
      const where = path ? `\`${path}\` of ${this.kind}` : this.kind;
      if (suggestion) {
        (suggested ??= []).push(suggestion);
        const taken = pairs.some((q) => keyText(q.key) === suggestion);
        this.report(
          'crd-schema-unknown-field',
          key,
          `Unknown field \`${name}\` in ${where}: did you mean \`${suggestion}\`?`,
          taken ? undefined : this.replace(key, `Change to ${suggestion}`, suggestion),
          name,
        );
      } else {
        this.report(
          'crd-schema-unknown-field',
          key,
          `Unknown field \`${name}\` in ${where}: the API server rejects fields the CRD's schema does not declare.`,
          undefined,
          name,
        );
      }
    }
    const required = [...(s.required ?? [])];
    if (s.embeddedResource) required.push('apiVersion', 'kind');
    for (const r of required) {
      if (present.has(r) || s.properties?.get(r)?.hasDefault || suggested?.includes(r)) continue;
      if (root && (r === 'apiVersion' || r === 'kind' || r === 'metadata')) continue;
      if (root && r === 'status' && this.version.statusSubresource) continue;
      this.report(
        'crd-schema-required',
        anchor,
        `Missing required field \`${r}\` in ${path ? `\`${path}\`` : this.kind}.`,
      );
    }
    let count = present.size;
    if (s.properties) {
      for (const [k, ps] of s.properties) {
        if (present.has(k) || !ps.hasDefault) continue;
        count++;
        const e = escapeProperty(k);
        if (e) out.set(e, celValue(ps.default, ps));
      }
    }
    if (s.maxProperties !== undefined && count > s.maxProperties)
      this.report(
        'crd-schema-value',
        anchor,
        `${this.where(path)} must have at most ${s.maxProperties} entr${s.maxProperties === 1 ? 'y' : 'ies'}, not ${count}.`,
      );
    if (s.minProperties !== undefined && count < s.minProperties)
      this.report(
        'crd-schema-value',
        anchor,
        `${this.where(path)} must have at least ${s.minProperties} entr${s.minProperties === 1 ? 'y' : 'ies'}, not ${count}.`,
      );
    this.rules(
      s,
      out,
      anchor,
      path,
      s.additionalProperties ? { keys: pairs.map((p) => (p.key as Node | null) ?? map), values: undefined } : undefined,
    );
    return out;
  }

  /** What root rules see of `metadata` (the API server gives them name and generateName only). */
  private metadata(node: Node): CelInput {
    const out = new Map<string, CelInput>();
    for (const k of ['name', 'generateName']) {
      const v = this.reader.str(this.reader.get(node, k));
      if (v !== undefined) out.set(k, v);
    }
    return out;
  }

  private array(seq: YAMLSeq, s: CrdSchema, path: string, anchor: Node): CelInput {
    const values: CelInput[] = [];
    const anchors: Node[] = [];
    const itemSchema = s.items ?? ANY;
    seq.items.forEach((raw, i) => {
      const item = this.reader.resolve(raw);
      if (!item) {
        values.push(null);
        anchors.push(seq);
        return;
      }
      let itemAnchor: Node = item;
      if (isMap(item) && item.items.length > 0 && item.items[0].key) itemAnchor = item.items[0].key as Node;
      anchors.push(itemAnchor);
      const v = this.isNull(item) ? null : this.value(item, itemSchema, `${path}[${i}]`, itemAnchor);
      values.push(v === undefined ? null : v);
    });
    const count = values.length;
    if (s.maxItems !== undefined && count > s.maxItems)
      this.report(
        'crd-schema-value',
        anchor,
        `${this.where(path)} must have at most ${s.maxItems} item${s.maxItems === 1 ? '' : 's'}, not ${count}.`,
      );
    if (s.minItems !== undefined && count < s.minItems)
      this.report(
        'crd-schema-value',
        anchor,
        `${this.where(path)} must have at least ${s.minItems} item${s.minItems === 1 ? '' : 's'}, not ${count}.`,
      );
    if (s.listType === 'set' || s.uniqueItems) {
      const seen = new Map<string, number>();
      values.forEach((v, i) => {
        const id = identity(v);
        const first = seen.get(id);
        if (first === undefined) seen.set(id, i);
        else
          this.report(
            'crd-schema-list',
            this.itemNode(seq, i, anchors[i]),
            `Duplicate value in ${this.where(path)}: item ${i} repeats item ${first}${typeof v === 'string' ? ` (\`${v}\`)` : ''}; the list is a set.`,
          );
      });
    } else if (s.listType === 'map' && s.listMapKeys?.length) {
      const keys = s.listMapKeys;
      const seen = new Map<string, number>();
      values.forEach((v, i) => {
        if (!(v instanceof Map)) return;
        const tuple = keys.map((k) => v.get(escapeProperty(k) ?? k));
        const id = identity(tuple);
        const first = seen.get(id);
        if (first === undefined) {
          seen.set(id, i);
          return;
        }
        const shown = keys.map((k, j) => `${k}=${tuple[j] === undefined ? '(unset)' : String(tuple[j])}`).join(', ');
        const item = this.reader.map(seq.items[i]);
        const at = (item && (this.reader.pair(item, keys[0])?.value as Node | undefined)) ?? anchors[i];
        this.report(
          'crd-schema-list',
          at,
          `Duplicate entry in ${this.where(path)}: item ${i} has the same ${shown} as item ${first}.`,
        );
      });
    }
    this.rules(s, values, anchor, path, { keys: undefined, values: anchors });
    return values;
  }

  private itemNode(seq: YAMLSeq, i: number, anchor: Node): Node {
    const item = this.reader.resolve(seq.items[i]);
    return item && isScalar(item) ? item : anchor;
  }

  /**
   * Runs a schema's CEL rules on the value `self`. A failing `self.all(x, …)` is reported on each element (or
   * map key) that fails it, when that can be told; otherwise on `anchor`.
   */
  private rules(
    s: CrdSchema,
    self: CelInput,
    anchor: Node,
    path: string,
    elements?: { keys: Node[] | undefined; values: Node[] | undefined },
  ): void {
    if (!s.validations) return;
    for (const v of s.validations) {
      if (v.optionalOldSelf) continue;
      const c = compileRule(v.rule);
      if (!c || evaluate(c.program, { self }) !== 'fail') continue;
      const message =
        (v.messageExpression ? messageOf(v.messageExpression, self) : undefined) ??
        v.message ??
        `failed rule: ${v.rule}`;
      const text = `${path ? `\`${path}\`` : this.kind}: ${message}${/[.!?]$/.test(message) ? '' : '.'}`;
      let located = false;
      if (c.each && elements) {
        const members: [CelInput, Node][] = [];
        if (elements.values && Array.isArray(self))
          (self as CelInput[]).forEach((x, i) => members.push([x, elements.values![i]]));
        else if (elements.keys && self instanceof Map)
          [...self.keys()].forEach((k, i) => members.push([k, elements.keys![i]]));
        for (const [x, at] of members) {
          if (evaluate(c.each.body, { self, [c.each.variable]: x }) === 'fail') {
            this.report('crd-cel', at, text);
            located = true;
          }
        }
      }
      if (!located) this.report('crd-cel', anchor, text);
    }
  }

  private isNull(n: Node): boolean {
    const r = this.reader.resolve(n);
    return !!r && isScalar(r) && (r.value === null || r.value === undefined);
  }

  private pairs(map: YAMLMap): readonly Pair[] {
    return this.reader.pairs(map);
  }
}

/** Whether a scalar meets a schema's own value constraints; the problem as the end of a sentence, or undefined. */
function valueProblem(v: string | number | bigint | boolean, s: CrdSchema): string | undefined {
  if (typeof v === 'string') {
    const length = [...v].length;
    if (s.maxLength !== undefined && length > s.maxLength)
      return `must be at most ${s.maxLength} character${s.maxLength === 1 ? '' : 's'} long, not ${length}.`;
    if (s.minLength !== undefined && length < s.minLength)
      return s.minLength === 1 && length === 0
        ? 'must not be empty.'
        : `must be at least ${s.minLength} characters long, not ${length}.`;
    if (s.pattern?.re && !s.pattern.re.test(v))
      return `must match the pattern \`${s.pattern.source}\`: \`${v}\` does not.`;
    if (s.format) {
      if (s.format === 'byte' && !isBase64(v)) return `must be base64-encoded (format \`byte\`): \`${v}\` is not.`;
      const f = formatProblem(s.format, v);
      if (f) return f;
    }
  } else if (typeof v === 'number' || typeof v === 'bigint') {
    const x = Number(v);
    if (s.maximum !== undefined && (s.exclusiveMaximum ? x >= s.maximum : x > s.maximum))
      return s.exclusiveMaximum
        ? `must be less than ${s.maximum}, not ${x}.`
        : `must be at most ${s.maximum}, not ${x}.`;
    if (s.minimum !== undefined && (s.exclusiveMinimum ? x <= s.minimum : x < s.minimum))
      return s.exclusiveMinimum
        ? `must be greater than ${s.minimum}, not ${x}.`
        : `must be at least ${s.minimum}, not ${x}.`;
    if (s.multipleOf && x % s.multipleOf !== 0) return `must be a multiple of ${s.multipleOf}, not ${x}.`;
  }
  return undefined;
}

/** A schema's type as a JSON value's: does the value fit the type (for anyOf alternatives)? */
function fitsType(v: string | number | bigint | boolean, s: CrdSchema): boolean {
  if (s.intOrString)
    return typeof v === 'string' || typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
  switch (s.type) {
    case undefined:
      return true;
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
    case 'number':
      return typeof v === 'number' || typeof v === 'bigint';
    case 'boolean':
      return typeof v === 'boolean';
    default:
      return false;
  }
}

function fits(v: string | number | bigint | boolean, s: CrdSchema): boolean {
  if (!fitsType(v, s)) return false;
  if (s.enum && !s.enum.some((e) => e === v)) return false;
  return valueProblem(v, s) === undefined && alternativesProblem(v, s) === undefined;
}

function alternativesProblem(v: string | number | bigint | boolean, s: CrdSchema): string | undefined {
  if (s.allOf)
    for (const sub of s.allOf) {
      const p = valueProblem(v, sub);
      if (p) return p;
    }
  if (s.anyOf && !s.anyOf.some((sub) => fits(v, sub))) {
    const formats = s.anyOf.map((sub) => sub.format).filter((f): f is string => !!f);
    if (formats.length === s.anyOf.length)
      return `must be of format ${listOf(formats.map((f) => `\`${f}\``))}: \`${String(v)}\` is not.`;
    return `matches none of the schemas its \`anyOf\` allows: ${valueProblem(v, s.anyOf[0]) ?? 'see the CRD.'}`;
  }
  if (s.oneOf && s.oneOf.filter((sub) => fits(v, sub)).length !== 1)
    return 'must match exactly one of the schemas its `oneOf` lists.';
  if (s.not && fits(v, s.not)) return 'matches the schema its `not` excludes.';
  return undefined;
}
