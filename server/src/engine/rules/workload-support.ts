/**
 * Shared pieces of the workload, container, pod and object-name rules: the API server's name and label
 * syntax (k8s.io/apimachinery util/validation), label selectors as the API server evaluates them
 * (metav1.LabelSelectorAsSelector), and the few facts about a pod template that several rules need.
 * Not a rule itself.
 */
import type { Node, Pair, YAMLMap } from 'yaml';
import type { K8sObject } from '../model/object';
import type { DocReader } from '../parse/nodes';
import { isMergeKey, keyText } from '../parse/nodes';

// ---------------------------------------------------------------------------------------------------
// Name and label syntax

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const encoder = new TextEncoder();

/** Length as the API server counts it (bytes of UTF-8, Go's len). */
export function byteLength(s: string): number {
  return encoder.encode(s).length;
}

/** Why a string is not a DNS-1123 label (container, port-less names, Namespace), or undefined when it is one. */
export function dns1123LabelProblem(value: string): string | undefined {
  if (byteLength(value) > 63) return `is longer than 63 characters`;
  if (DNS1123_LABEL.test(value)) return undefined;
  if (DNS1123_SUBDOMAIN.test(value)) return `must not contain dots`;
  return charsetProblem(value, /[a-z0-9-]/, "lowercase letters, digits and '-'") ?? endsProblem(value);
}

/** Why a string is not a DNS-1123 subdomain (the name of most objects), or undefined when it is one. */
export function dns1123SubdomainProblem(value: string): string | undefined {
  if (byteLength(value) > 253) return `is longer than 253 characters`;
  if (DNS1123_SUBDOMAIN.test(value)) return undefined;
  return (
    charsetProblem(value, /[a-z0-9.-]/, "lowercase letters, digits, '-' and '.'") ??
    endsProblem(value) ??
    `has an empty part or a part starting or ending with '-' (each dot-separated part must start and end with a letter or digit)`
  );
}

/** The first character outside the allowed set, or undefined when every character is allowed. */
function charsetProblem(value: string, allowed: RegExp, what: string): string | undefined {
  if (value === '') return 'must not be empty';
  for (const ch of value) {
    if (!allowed.test(ch)) {
      const upper = ch.toLowerCase() !== ch && allowed.test(ch.toLowerCase());
      return upper ? `contains uppercase \`${ch}\` (only ${what} are allowed)` : `contains ${describeChar(ch)} (only ${what} are allowed)`;
    }
  }
  return undefined;
}

function endsProblem(value: string): string | undefined {
  return /^[A-Za-z0-9]/.test(value) && /[A-Za-z0-9]$/.test(value) ? undefined : `must start and end with a letter or digit`;
}

function describeChar(ch: string): string {
  if (ch === ' ') return 'a space';
  if (ch === '\t') return 'a tab';
  return `\`${ch}\``;
}

/** Why a label key (a "qualified name": `[prefix/]name`) is invalid, or undefined. */
export function labelKeyProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return `contains more than one '/'`;
  let name = parts[0];
  if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix === '') return `has an empty prefix before '/'`;
    const p = dns1123SubdomainProblem(prefix);
    if (p) return `has an invalid prefix \`${prefix}\` (a DNS subdomain: ${p})`;
  }
  if (name === '') return `has an empty name part`;
  if (byteLength(name) > 63) return `has a name part longer than 63 characters`;
  if (!LABEL_NAME.test(name)) {
    const chars = charsetProblem(name, /[A-Za-z0-9_.-]/, "letters, digits, '-', '_' and '.'") ?? endsProblem(name);
    return parts.length === 2 ? `has an invalid name part (${chars})` : chars;
  }
  return undefined;
}

/** Why a label value is invalid (at most 63 characters of [A-Za-z0-9_.-], alphanumeric at both ends, or empty). */
export function labelValueProblem(value: string): string | undefined {
  if (byteLength(value) > 63) return `is longer than 63 characters`;
  if (value === '' || LABEL_NAME.test(value)) return undefined;
  return charsetProblem(value, /[A-Za-z0-9_.-]/, "letters, digits, '-', '_' and '.'") ?? endsProblem(value);
}

/** Why a port name is not an IANA service name (validation.IsValidPortName), or undefined. */
export function portNameProblem(name: string): string | undefined {
  if (byteLength(name) > 15) return `is longer than 15 characters`;
  for (const ch of name) {
    if (!/[-a-z0-9]/.test(ch)) {
      return /[A-Z]/.test(ch) ? `contains uppercase \`${ch}\` (only lowercase letters, digits and '-' are allowed)` : `contains ${describeChar(ch)} (only lowercase letters, digits and '-' are allowed)`;
    }
  }
  if (!/[a-z]/.test(name)) return `must contain at least one letter`;
  if (name.includes('--')) return `must not contain '--'`;
  if (name.startsWith('-') || name.endsWith('-')) return `must not start or end with '-'`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// YAML helpers

/** The value of a scalar when it is a YAML string; `null` for a null scalar; undefined for anything else. */
export function stringOrNull(r: DocReader, node: unknown): string | null | undefined {
  const s = r.scalar(node);
  if (!s) return undefined;
  if (s.value === null || s.value === undefined) return null;
  return typeof s.value === 'string' ? s.value : undefined;
}

/** Whether a node is absent or an explicit null (`key:` or `key: null`), which Go decodes as "not set". */
export function isUnset(r: DocReader, node: unknown): boolean {
  if (node === undefined || node === null) return true;
  const s = r.scalar(node);
  return !!s && (s.value === null || s.value === undefined);
}

/** The key node of `key` in a map (own or merged), or undefined. */
export function keyNode(r: DocReader, map: unknown, key: string): Node | undefined {
  return (r.pair(map, key)?.key as Node | undefined) ?? undefined;
}

/** The key node by which `path` is reached from the object's root, or the deepest existing one. */
export function deepestKey(obj: K8sObject, ...path: string[]): Node {
  const r = obj.reader;
  let map: unknown = obj.node;
  let last: Node | undefined;
  for (const k of path) {
    const pair = r.pair(map, k);
    if (!pair) break;
    last = pair.key as Node;
    map = r.resolve(pair.value);
    if (!map) break;
  }
  return last ?? kindValue(obj);
}

/** The `kind` value node, where findings about a whole object are anchored when nothing better exists. */
export function kindValue(obj: K8sObject): Node {
  const p = obj.reader.pair(obj.node, 'kind');
  return ((p?.value as Node | undefined) ?? obj.node) as Node;
}

/** The first key of a map (a sequence item has no key of its own: this is the line of its `-`). */
export function firstKey(map: YAMLMap): Node {
  for (const p of map.items) if (!isMergeKey(p.key) && p.key) return p.key as Node;
  return map;
}

/** A label map as the API server reads it: key → value, where a non-string value (a type error) is `undefined`. */
export interface LabelEntry {
  key: string;
  /** undefined when the value is not a string (a number, a boolean: the schema check reports those). */
  value: string | undefined;
  pair?: Pair;
}

export function readLabels(r: DocReader, node: unknown): Map<string, LabelEntry> {
  const out = new Map<string, LabelEntry>();
  for (const p of r.pairs(node)) {
    const key = keyText(p.key);
    const v = stringOrNull(r, p.value);
    out.set(key, { key, value: v === null ? '' : v, pair: p });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Label selectors

export const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

export interface SelectorRequirement {
  key: string;
  operator: 'Equals' | (typeof SELECTOR_OPERATORS)[number];
  values: string[];
  /** Node of the key (matchLabels key, or the expression's `key` value). */
  keyNode: Node;
  /** Node of the value(s): matchLabels value or the expression's `values`. */
  valuesNode: Node | undefined;
  /** The requirement holds a value of the wrong type: it is not evaluated. */
  typeError: boolean;
}

export interface LabelSelector {
  requirements: SelectorRequirement[];
  /** matchLabels and matchExpressions are both empty. */
  empty: boolean;
  /** Some expression has an unknown operator or misses its values: the API server cannot build the selector. */
  broken: boolean;
}

/** Reads a metav1.LabelSelector map (matchLabels + matchExpressions). */
export function readLabelSelector(r: DocReader, node: unknown): LabelSelector {
  const requirements: SelectorRequirement[] = [];
  let broken = false;
  let count = 0;
  for (const p of r.pairs(r.get(node, 'matchLabels'))) {
    count++;
    const v = stringOrNull(r, p.value);
    requirements.push({
      key: keyText(p.key),
      operator: 'Equals',
      values: [v ?? ''],
      keyNode: p.key as Node,
      valuesNode: (p.value as Node | null) ?? undefined,
      typeError: v === undefined,
    });
  }
  for (const item of r.items(r.get(node, 'matchExpressions'))) {
    count++;
    const m = r.map(item);
    if (!m) {
      broken = true;
      continue;
    }
    const key = r.str(r.get(m, 'key'));
    const op = r.str(r.get(m, 'operator'));
    const valuesNode = r.get(m, 'values');
    const values: string[] = [];
    let typeError = key === undefined;
    for (const v of r.items(valuesNode)) {
      const s = r.str(v);
      if (s === undefined) typeError = true;
      else values.push(s);
    }
    if (!(SELECTOR_OPERATORS as readonly string[]).includes(op ?? '')) {
      broken = true;
      continue;
    }
    if ((op === 'In' || op === 'NotIn') && r.items(valuesNode).length === 0) broken = true;
    if ((op === 'Exists' || op === 'DoesNotExist') && r.items(valuesNode).length > 0) broken = true;
    requirements.push({
      key: key ?? '',
      operator: op as SelectorRequirement['operator'],
      values,
      keyNode: (r.get(m, 'key') ?? firstKey(m)) as Node,
      valuesNode,
      typeError,
    });
  }
  return { requirements, empty: count === 0, broken };
}

/** Reads a plain key/value selector (a ReplicationController's, a Service's) as equality requirements. */
export function readMapSelector(r: DocReader, node: unknown): LabelSelector {
  const requirements: SelectorRequirement[] = [];
  for (const p of r.pairs(node)) {
    const v = stringOrNull(r, p.value);
    requirements.push({ key: keyText(p.key), operator: 'Equals', values: [v ?? ''], keyNode: p.key as Node, valuesNode: (p.value as Node | null) ?? undefined, typeError: v === undefined });
  }
  return { requirements, empty: requirements.length === 0, broken: false };
}

export type MatchResult = 'match' | 'no-match' | 'unknown';

/** Whether one requirement holds for a label set (`unknown` when a value has the wrong type). */
export function requirementMatches(req: SelectorRequirement, labels: Map<string, LabelEntry>): MatchResult {
  if (req.typeError) return 'unknown';
  const label = labels.get(req.key);
  if (label && label.value === undefined) return 'unknown';
  const has = label !== undefined;
  const value = label?.value ?? '';
  switch (req.operator) {
    case 'Equals':
    case 'In':
      return has && req.values.includes(value) ? 'match' : 'no-match';
    case 'NotIn':
      return !has || !req.values.includes(value) ? 'match' : 'no-match';
    case 'Exists':
      return has ? 'match' : 'no-match';
    case 'DoesNotExist':
      return has ? 'no-match' : 'match';
  }
}

/** A requirement as people write it: `app=web`, `tier in (a, b)`, `!canary`. */
export function requirementText(req: SelectorRequirement): string {
  switch (req.operator) {
    case 'Equals':
      return `${req.key}=${req.values[0]}`;
    case 'In':
      return `${req.key} in (${req.values.join(', ')})`;
    case 'NotIn':
      return `${req.key} notin (${req.values.join(', ')})`;
    case 'Exists':
      return req.key;
    case 'DoesNotExist':
      return `!${req.key}`;
  }
}

// ---------------------------------------------------------------------------------------------------
// Workloads

/** Where the pod template of a workload kind lives, from the object's root. */
export function templatePath(kind: string): string[] {
  if (kind === 'Pod') return [];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template'];
  return ['spec', 'template'];
}

/**
 * A `labels` map written directly under a workload's pod template (beside metadata and spec) instead of
 * under template.metadata: the API server rejects the unknown field, and the pods get none of those labels.
 */
export function misplacedTemplateLabels(obj: K8sObject): Pair | undefined {
  if (obj.kind === 'Pod') return undefined;
  const r = obj.reader;
  const pair = r.pair(obj.get(...templatePath(obj.kind)), 'labels');
  return pair && r.map(pair.value) ? pair : undefined;
}

/** The map holding a workload's pod-template spec keys (`spec` of the template; a Pod's own `spec`). */
export function podSpecPath(kind: string): string[] {
  return [...templatePath(kind), 'spec'];
}

/** Kinds whose pod template must keep `restartPolicy: Always` (long-running controllers). */
export const ALWAYS_RESTART_KINDS = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ReplicationController']);

// ---------------------------------------------------------------------------------------------------
// Containers of a pod spec

export const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const;
export type ContainerList = (typeof CONTAINER_LISTS)[number];

/** One container of a pod spec, read straight from YAML (every list, including ephemeralContainers). */
export interface ContainerRef {
  map: YAMLMap;
  list: ContainerList;
  index: number;
  /** The name when it is a string. */
  name: string | undefined;
  nameNode: Node | undefined;
}

/** The pod spec map of a workload (the template's `spec`; a Pod's own `spec`). */
export function podSpecOf(obj: K8sObject): YAMLMap | undefined {
  return obj.reader.map(obj.get(...podSpecPath(obj.kind)));
}

/** The containers of a pod spec, in API order: containers, initContainers, ephemeralContainers. */
export function containersOf(r: DocReader, spec: unknown): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const list of CONTAINER_LISTS) {
    r.items(r.get(spec, list)).forEach((item, index) => {
      const map = r.map(item);
      if (!map) return;
      const nameNode = r.get(map, 'name');
      out.push({ map, list, index, name: r.str(nameNode), nameNode });
    });
  }
  return out;
}

/** How a container is called in messages: "Container `web`", "Init container `setup`", "Container #2". */
export function containerLabel(c: ContainerRef): string {
  const what = c.list === 'containers' ? 'Container' : c.list === 'initContainers' ? 'Init container' : 'Ephemeral container';
  return c.name ? `${what} \`${c.name}\`` : `${what} #${c.index + 1}`;
}

/** "Container `web`" → "container `web`", for use inside a sentence. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "Deployment `web`", or "This Deployment" when the object has no name yet. */
export function objectRef(obj: K8sObject): string {
  return obj.name ? `${obj.kind} \`${obj.name}\`` : `This ${obj.kind}`;
}

// ---------------------------------------------------------------------------------------------------
// Paths and file modes inside volumes (core validateLocalDescendingPath, ValidateLocalNonReservedPath,
// validateKeyToPath)

/**
 * Why a path that must stay inside its volume is invalid: absolute, or with a `..` element (subPath,
 * items[].path); `reserved` also refuses a leading `..` (`..data` is the atomic writer's own directory).
 */
export function localPathProblem(path: string, reserved: boolean): string | undefined {
  if (path.startsWith('/')) return 'must be a relative path (it is joined to the volume)';
  if (path.split('/').includes('..')) return "must not contain '..'";
  if (reserved && path.startsWith('..')) return "must not start with '..'";
  return undefined;
}

/** The largest file mode, 0777 (511 in decimal). */
export const MAX_FILE_MODE = 0o777;

/**
 * Why a file mode (defaultMode, items[].mode) is out of range, or undefined. A decimal number that reads as an
 * octal mode (644, 755) is the usual mistake: YAML reads `0644` as octal, `644` as decimal.
 */
export function fileModeProblem(mode: number): { message: string; octal?: string } | undefined {
  if (mode >= 0 && mode <= MAX_FILE_MODE) return undefined;
  const digits = String(mode);
  if (mode > 0 && /^[0-7]{3,4}$/.test(digits) && parseInt(digits, 8) <= MAX_FILE_MODE) {
    const octal = `0${digits.replace(/^0+/, '')}`;
    return {
      message: `is read as the decimal number ${mode}, above 0777 (511): file modes are octal, so write ${octal} (YAML reads a leading 0 as octal) or ${parseInt(digits, 8)}`,
      octal,
    };
  }
  return { message: `is out of range: a file mode is between 0 and 0777 (octal; 0 to 511 in decimal)` };
}
