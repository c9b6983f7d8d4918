/**
 * The schema walk: one pass along an object's parsed YAML, looking each key up in the precomputed field
 * table of the type at that position. Finds unknown fields, values of the wrong type (as the API server's
 * JSON decoder sees them after kubectl turns the YAML into JSON), missing required fields and values
 * outside an enum. Nulls (`key:` or `key: null`) are accepted everywhere: the decoder reads them as absent.
 */
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { K8sObject } from '../model/object';
import type { ManifestDocument } from '../parse/manifestFile';
// The node tests come straight from `yaml`: re-exported bindings cost a getter call each in the bundle.
import { DocReader, isMergeKey, keyText } from '../parse/nodes';
import type { Finding } from '../types';
import type { Fix } from '../types';
import { isQuantity } from './quantity';
import { closest, nearestNames } from './suggest';
import { Kind, schemaKind, typeName } from './tables';
import type { SchemaType, ValueType } from './tables';

export type SchemaRuleId = 'schema-unknown-field' | 'schema-type' | 'schema-required' | 'schema-enum';

export interface SchemaFinding extends Finding {
  rule: SchemaRuleId;
  /** The unknown key, for schema-unknown-field findings. */
  key?: string;
}

/** Whether the schema walk validates this object: a built-in kind at an apiVersion Kubernetes serves. */
export function isSchemaValidated(obj: K8sObject): boolean {
  if (obj.removedApi) return false;
  const k = schemaKind(obj.apiVersion, obj.kind);
  return k !== undefined && !k.removed;
}

const cache = new WeakMap<YAMLMap, SchemaFinding[]>();

/** Every schema finding of an object, computed once per parsed object and shared by the four schema rules. */
export function schemaFindings(obj: K8sObject): SchemaFinding[] {
  let found = cache.get(obj.node);
  if (!found) {
    found = walkObject(obj);
    cache.set(obj.node, found);
  }
  return found;
}

/** The schema walk over one object, uncached (the benchmark measures this). */
export function walkObject(obj: K8sObject): SchemaFinding[] {
  const found: SchemaFinding[] = [];
  const k = schemaKind(obj.apiVersion, obj.kind);
  if (k && !k.removed && !obj.removedApi) new Walk(obj.doc, found).object(obj.node, k.type, obj.anchor);
  return found;
}

/** Where a value sits, for messages: a field, an item of a list, or an entry of a map. */
function subject(name: string, index: number, entry: string | undefined): string {
  if (entry !== undefined) {
    if (name === 'labels') return `label \`${entry}\``;
    if (name === 'annotations') return `annotation \`${entry}\``;
    return `\`${name}.${entry}\``;
  }
  return index >= 0 ? `\`${name}[${index}]\`` : `\`${name}\``;
}

function expected(t: ValueType): string {
  switch (t.kind) {
    case Kind.String:
      return 'a string';
    case Kind.Bytes:
      return 'a base64 string';
    case Kind.Integer:
      return 'an integer';
    case Kind.Number:
      return 'a number';
    case Kind.Boolean:
      return 'a boolean (true or false)';
    case Kind.Quantity:
      return 'a quantity (such as 500m, 2 or 1Gi)';
    case Kind.IntOrString:
      return 'an integer or a string';
    case Kind.Time:
      return 'a timestamp string';
    case Kind.Any:
      return 'a value';
    case Kind.Object:
      return `a map of ${typeName(t)} fields`;
    case Kind.Array:
      return `a list (${typeName(t)})`;
    case Kind.Map:
      return `a map (${typeName(t)})`;
  }
}

const INTEGER_TEXT = /^[-+]?\d+$/;
const QUANTITY_TYPO = /^([0-9]+(?:\.[0-9]+)?)\s*([kKmMgGtTpPeE])[iI]?[bB]?$/;

class Walk {
  private readonly reader: DocReader;
  /** Alias targets already walked with a given type (an anchor reused N times is checked once). */
  private aliased: Map<Node, Set<ValueType>> | undefined;
  private shared = false;

  constructor(
    private readonly doc: ManifestDocument,
    private readonly out: SchemaFinding[],
  ) {
    this.reader = doc.reader;
  }

  private report(rule: SchemaRuleId, at: Node, message: string, fix?: Fix, key?: string, choices?: Fix[]): void {
    if (this.shared) {
      // Through merges the same source node can be reached twice: one finding per node and message.
      for (const f of this.out) if (f.at === at && f.message === message) return;
    }
    const f: SchemaFinding = { rule, at, message };
    if (fix) f.fix = fix;
    if (key !== undefined) f.key = key;
    if (choices?.length) f.choices = choices;
    this.out.push(f);
  }

  private replace(at: Node, title: string, newText: string): Fix {
    return { title, edits: [{ range: this.doc.rangeOf(at), newText }] };
  }

  private source(node: Node): string {
    const r = node.range;
    if (!r) return '';
    return this.doc.file.text.slice(this.doc.base + r[0], this.doc.base + r[1]);
  }

  /** The pairs of a map as kubectl sees them: own pairs, or own + merged when there is a `<<`. */
  private pairs(map: YAMLMap): readonly Pair[] {
    const items = map.items as Pair[];
    for (let i = 0; i < items.length; i++) {
      if (isMergeKey(items[i].key)) {
        this.shared = true;
        return this.reader.pairs(map);
      }
    }
    return items;
  }

  object(map: YAMLMap, t: SchemaType, anchor: Node): void {
    const pairs = this.pairs(map);
    let required = 0;
    let suggested: string[] | undefined;
    for (let i = 0; i < pairs.length; i++) {
      const p = pairs[i];
      const key = p.key as Node | null;
      const name = isScalar(key) && typeof key.value === 'string' ? key.value : keyText(key);
      const f = t.fields.get(name);
      if (!f) {
        const s = this.unknownField(key ?? map, name, t, pairs);
        if (s) (suggested ??= []).push(s);
        continue;
      }
      if (f.mustBeSet) required++;
      const v = p.value as Node | null;
      if (v) this.value(v, f.type, key ?? v, name, -1, undefined);
    }
    if (required < t.required.length) {
      for (const f of t.required) {
        // `contianers:` is one mistake: the unknown field says so, "missing `containers`" would repeat it.
        if (suggested?.includes(f.name)) continue;
        if (!pairs.some((p) => keyText(p.key) === f.name)) {
          this.report(
            'schema-required',
            anchor,
            `Missing required field \`${f.name}\` in ${typeName({ kind: Kind.Object, type: t })}.`,
            undefined,
            f.name,
          );
        }
      }
    }
  }

  /** Reports an unknown field; returns the field it probably meant. */
  private unknownField(key: Node, name: string, t: SchemaType, siblings: readonly Pair[]): string | undefined {
    const suggestion = closest(name, t.fields.keys());
    const where = typeName({ kind: Kind.Object, type: t });
    // Renaming onto a key the map already has would make a duplicate key: never offered.
    const free = [...t.fields.keys()].filter((f) => !siblings.some((p) => keyText(p.key) === f));
    const rename = (to: string): Fix =>
      this.replace(
        key,
        `Change to ${to}`,
        isScalar(key) && key.type === 'QUOTE_DOUBLE'
          ? JSON.stringify(to)
          : isScalar(key) && key.type === 'QUOTE_SINGLE'
            ? `'${to}'`
            : to,
      );
    const fix = suggestion && free.includes(suggestion) ? rename(suggestion) : undefined;
    // The other close fields, to choose from (the one close field is the fix).
    const choices = nearestNames(name, free)
      .filter((f) => f !== suggestion)
      .map(rename);
    if (suggestion) {
      this.report(
        'schema-unknown-field',
        key,
        `Unknown field \`${name}\` in ${where}: did you mean \`${suggestion}\`?`,
        fix,
        name,
        choices,
      );
    } else {
      this.report(
        'schema-unknown-field',
        key,
        `Unknown field \`${name}\` in ${where}: the API server rejects fields it does not know.`,
        undefined,
        name,
        choices,
      );
    }
    return suggestion;
  }

  /**
   * Checks one value against its type. `anchor` is where a missing required field inside it is reported (the
   * key the value belongs to, or the first key of a list item); `name`/`index`/`entry` say what it is.
   */
  private value(node: Node, t: ValueType, anchor: Node, name: string, index: number, entry: string | undefined): void {
    let n: Node | undefined = node;
    if (isAlias(n)) {
      n = this.reader.resolve(n);
      if (!n) return;
      this.shared = true;
      const seen = (this.aliased ??= new Map()).get(n);
      if (seen?.has(t)) return;
      if (seen) seen.add(t);
      else this.aliased.set(n, new Set([t]));
    }
    if (isScalar(n)) {
      this.scalar(n, t, name, index, entry);
      return;
    }
    if (t.kind === Kind.Any) return;
    if (isMap(n)) {
      if (t.kind === Kind.Object) this.object(n, t.type, anchor);
      else if (t.kind === Kind.Map) this.mapEntries(n, t.of, name);
      else this.wrongType(n, t, 'a map', name, index, entry);
      return;
    }
    if (isSeq(n)) {
      if (t.kind === Kind.Array) this.items(n, t.of, name);
      else this.wrongType(n, t, 'a list', name, index, entry);
    }
  }

  private mapEntries(map: YAMLMap, of: ValueType, name: string): void {
    const pairs = this.pairs(map);
    for (let i = 0; i < pairs.length; i++) {
      const p = pairs[i];
      const v = p.value as Node | null;
      if (!v) continue;
      const key = p.key as Node | null;
      // Fast path for the commonest case: a map of strings (labels, annotations, data) holding strings.
      if (of.kind === Kind.String && !of.enumSet && isScalar(v) && (typeof v.value === 'string' || v.value === null))
        continue;
      this.value(v, of, key ?? v, name, -1, keyText(key));
    }
  }

  private items(seq: YAMLSeq, of: ValueType, name: string): void {
    const items = seq.items as (Node | null)[];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (!item) continue;
      let anchor: Node = item;
      if (isMap(item) && item.items.length > 0 && item.items[0].key) anchor = item.items[0].key as Node;
      this.value(item, of, anchor, name, i, undefined);
    }
  }

  private scalar(n: Scalar, t: ValueType, name: string, index: number, entry: string | undefined): void {
    const v = n.value as unknown;
    // Null is read as absent; explicitly tagged values (`!!binary`) are left to kubectl.
    if (v === null || v === undefined || typeof v === 'object') return;
    switch (t.kind) {
      case Kind.String:
        if (typeof v === 'string') {
          if (t.enumSet && v !== '' && !t.enumSet.has(v))
            this.enumValue(n, v, t.enum as readonly string[], name, index, entry);
          return;
        }
        if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') {
          const src = this.source(n);
          const quoted = quote(src);
          this.report(
            'schema-type',
            n,
            `${cap(subject(name, index, entry))} must be a string, but \`${src}\` is read as a ${typeof v === 'boolean' ? 'boolean' : 'number'}: quote it (${quoted}).`,
            this.replace(n, `Quote as ${quoted}`, quoted),
          );
          return;
        }
        break;
      case Kind.Bytes:
        if (typeof v === 'string') {
          if (!isBase64(v)) {
            const hint =
              name === 'data' && entry !== undefined
                ? ': encode it, or put the plain text under `stringData`'
                : ': encode it';
            this.report(
              'schema-type',
              n,
              `${cap(subject(name, index, entry))} must be base64-encoded, but \`${clip(v)}\` is not valid base64${hint}.`,
            );
          }
          return;
        }
        break;
      case Kind.Integer:
        if ((typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint') return;
        if (typeof v === 'string' && INTEGER_TEXT.test(v.trim())) {
          const int = v.trim().replace(/^\+/, '');
          this.report(
            'schema-type',
            n,
            `${cap(subject(name, index, entry))} must be an integer, not a string: write ${int} without quotes.`,
            this.replace(n, `Change to ${int}`, int),
          );
          return;
        }
        if (typeof v === 'number') {
          this.report(
            'schema-type',
            n,
            `${cap(subject(name, index, entry))} must be a whole number, not \`${this.source(n)}\`.`,
          );
          return;
        }
        break;
      case Kind.Number:
        if (typeof v === 'number' || typeof v === 'bigint') return;
        break;
      case Kind.Boolean:
        if (typeof v === 'boolean') return;
        if (typeof v === 'string' && (v === 'true' || v === 'false')) {
          this.report(
            'schema-type',
            n,
            `${cap(subject(name, index, entry))} must be a boolean, not a string: write ${v} without quotes.`,
            this.replace(n, `Change to ${v}`, v),
          );
          return;
        }
        break;
      case Kind.Quantity:
        if (typeof v === 'number' || typeof v === 'bigint') return;
        if (typeof v === 'string') {
          if (isQuantity(v)) return;
          const m = QUANTITY_TYPO.exec(v);
          const fixed = m ? `${m[1]}${m[2].toLowerCase() === 'k' ? 'K' : m[2].toUpperCase()}i` : undefined;
          if (fixed && fixed !== v) {
            this.report(
              'schema-type',
              n,
              `\`${v}\` is not a valid quantity for ${subject(name, index, entry)}: did you mean \`${fixed}\`?`,
              this.replace(n, `Change to ${fixed}`, fixed),
            );
          } else {
            this.report(
              'schema-type',
              n,
              `\`${v}\` is not a valid quantity for ${subject(name, index, entry)}: use a number with an optional suffix, such as 500m, 2, 512Mi or 1Gi.`,
            );
          }
          return;
        }
        break;
      case Kind.IntOrString:
        if (typeof v === 'string' || typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) return;
        break;
      case Kind.Time:
        if (typeof v === 'string') return;
        break;
      case Kind.Any:
        return;
      default:
        break;
    }
    this.wrongType(n, t, describeScalar(v), name, index, entry);
  }

  private wrongType(n: Node, t: ValueType, got: string, name: string, index: number, entry: string | undefined): void {
    const shown = isScalar(n) ? ` (\`${this.source(n)}\`)` : '';
    this.report('schema-type', n, `${cap(subject(name, index, entry))} must be ${expected(t)}, not ${got}${shown}.`);
  }

  private enumValue(
    n: Scalar,
    v: string,
    values: readonly string[],
    name: string,
    index: number,
    entry: string | undefined,
  ): void {
    const s = closest(v, values);
    const what = subject(name, index, entry);
    if (s) {
      const message =
        s.toLowerCase() === v.toLowerCase()
          ? `\`${v}\` must be written \`${s}\`: ${what} is case-sensitive.`
          : `Unsupported value \`${v}\` for ${what}: did you mean \`${s}\`?`;
      this.report('schema-enum', n, message, this.replace(n, `Change to ${s}`, s));
    } else {
      this.report('schema-enum', n, `Unsupported value \`${v}\` for ${what}: use ${listOf(values)}.`);
    }
  }
}

/** Base64 as Go's encoding/json decodes []byte: standard alphabet, padded; line breaks are ignored. */
export function isBase64(v: string): boolean {
  const s = v.includes('\n') || v.includes('\r') ? v.replace(/[\r\n]/g, '') : v;
  return s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s);
}

function clip(v: string): string {
  const line = v.split(/\r?\n/)[0];
  return line.length > 40 || line !== v ? `${line.slice(0, 40)}…` : line;
}

function describeScalar(v: unknown): string {
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'boolean') return 'a boolean';
  if (typeof v === 'number' || typeof v === 'bigint') return 'a number';
  return 'a scalar';
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A YAML scalar's source text as a quoted string: double quotes, or single quotes when it holds `"` or `\`. */
function quote(src: string): string {
  return /["\\]/.test(src) ? `'${src.replace(/'/g, "''")}'` : `"${src}"`;
}

function listOf(values: readonly string[]): string {
  const v = values.filter((x) => x !== '');
  return v.length <= 1 ? v.join('') : `${v.slice(0, -1).join(', ')} or ${v[v.length - 1]}`;
}
