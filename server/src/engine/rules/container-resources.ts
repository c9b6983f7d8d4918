import type { Node } from 'yaml';
import { WORKLOAD_KINDS, isWorkload } from '../model/apiVersions';
import { keyText } from '../parse/nodes';
import type { Rule } from './rule';
import { isQualifiedName } from '../k8s/validation';
import { lowerFirst } from './utils/messages';
import { containerLabel } from './utils/podSpec';

/** An exact quantity: value = mantissa × 10^exp10 × 2^exp2 (resource.Quantity is exact too). */
interface Quantity {
  mantissa: bigint;
  exp10: number;
  exp2: number;
}

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** Parses a quantity string ("500m", "1.5Gi", "2e3"); undefined when it is not one (the schema check reports that). */
export function parseQuantity(text: string): Quantity | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const [, sign, int, frac = '', suffix] = m;
  let exp10 = -frac.length;
  let exp2 = 0;
  if (suffix in BINARY) exp2 = BINARY[suffix];
  else if (suffix in DECIMAL) exp10 += DECIMAL[suffix];
  else if (/^[eE][+-]?\d+$/.test(suffix)) exp10 += parseInt(suffix.slice(1), 10);
  else return undefined;
  const mantissa = BigInt(`${sign === '-' ? '-' : ''}${int}${frac}` || '0');
  return { mantissa, exp10, exp2 };
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  const e10 = Math.min(a.exp10, b.exp10);
  const e2 = Math.min(a.exp2, b.exp2);
  const scale = (q: Quantity) => q.mantissa * 10n ** BigInt(q.exp10 - e10) * 2n ** BigInt(q.exp2 - e2);
  const x = scale(a);
  const y = scale(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function isInteger(q: Quantity): boolean {
  if (q.exp10 >= 0) return true;
  return q.mantissa % 10n ** BigInt(-q.exp10) === 0n;
}

const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage']);

/** helper.IsNativeResource: no domain, or a kubernetes.io domain. */
function isNative(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/** helper.IsOvercommitAllowed: native resources except hugepages may have requests below limits. */
function overcommitAllowed(name: string): boolean {
  return isNative(name) && !name.startsWith('hugepages-');
}

/** Why a container resource name is invalid (validateContainerResourceName), or undefined. */
function resourceNameProblem(name: string): string | undefined {
  if (!name.includes('/')) {
    if (STANDARD.has(name) || name.startsWith('hugepages-')) return undefined;
    const close = [...STANDARD].find((s) => s === name.toLowerCase());
    return close
      ? `must be written \`${close}\``
      : `is not a container resource (use cpu, memory, ephemeral-storage, hugepages-<size>, or a domain-qualified extended resource such as nvidia.com/gpu)`;
  }
  if (isNative(name)) return undefined;
  if (name.startsWith('requests.')) return `must not start with "requests."`;
  // validateExtendedResourceName: `requests.<name>` must be a qualified name (it is a ResourceQuota key).
  return isQualifiedName(`requests.${name}`).length ? `is not a valid extended resource name` : undefined;
}

/**
 * Container resources as core ValidateContainerResourceRequirements checks them: known resource names, no
 * negative quantities, whole numbers for extended resources, requests no higher than limits, and for
 * resources that cannot be overcommitted (extended resources, hugepages) requests equal to limits, with a
 * limit whenever there is a request.
 */
export const containerResources: Rule = {
  id: 'container-resources',
  description:
    'Container resource names must be valid and requests may not exceed limits (extended resources: requests = limits).',
  severity: 'error',
  docs: {
    why: 'The scheduler places a pod by its requests and the kubelet enforces its limits: the API server rejects requests above limits, unknown resource names, and extended resources whose request differs from their limit.',
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      resources:
        requests:
          cpu: "2"
        limits:
          cpu: "1"
`,
    fixed: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      resources:
        requests:
          cpu: 500m
        limits:
          cpu: "1"
`,
  },
  kinds: WORKLOAD_KINDS,
  appliesTo: (obj) => isWorkload(obj.apiVersion, obj.kind),
  checkContainer(c, obj, ctx) {
    const r = obj.reader;
    const resources = r.get(c.map, 'resources');
    const limits = new Map<string, { q: Quantity | undefined; text: string; node: Node }>();
    const requests = new Map<string, { q: Quantity | undefined; text: string; node: Node }>();
    for (const [field, into] of [
      ['limits', limits],
      ['requests', requests],
    ] as const) {
      for (const p of r.pairs(r.get(resources, field))) {
        const name = keyText(p.key);
        const problem = resourceNameProblem(name);
        if (problem) {
          ctx.report({ at: p.key as Node, message: `Resource name \`${name}\` ${problem}.` });
          continue;
        }
        const node = r.resolve(p.value);
        const s = r.scalar(node);
        if (!s || s.value === null) continue;
        // Numbers are valid quantities too (cpu: 2, cpu: 0.5).
        const text =
          typeof s.value === 'number' ? String(s.value) : typeof s.value === 'string' ? s.value.trim() : undefined;
        if (text === undefined) continue;
        const q = parseQuantity(text);
        into.set(name, { q, text, node: node as Node });
        if (!q) continue;
        if (q.mantissa < 0n) {
          ctx.report({
            at: node as Node,
            message: `${field}.${name} is negative (${text}): resource quantities must be 0 or more.`,
          });
        } else if (!isNative(name) && !isInteger(q)) {
          ctx.report({
            at: node as Node,
            message: `${field}.${name} must be a whole number (it is ${text}): extended resources cannot be split.`,
          });
        }
      }
    }
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!req.q || (lim && !lim.q)) continue;
      if (!lim) {
        if (!overcommitAllowed(name)) {
          ctx.report({
            at: req.node,
            message: `requests.${name} needs a limit too: ${name} cannot be overcommitted, so set limits.${name}: ${req.text}.`,
          });
        }
        continue;
      }
      const cmp = compareQuantities(req.q, lim.q!);
      if (cmp !== 0 && !overcommitAllowed(name)) {
        ctx.report({
          at: req.node,
          message: `requests.${name} (${req.text}) must equal limits.${name} (${lim.text}) in ${lowerFirst(containerLabel(c))}: ${name} cannot be overcommitted.`,
        });
      } else if (cmp > 0) {
        ctx.report({
          at: req.node,
          message: `requests.${name} (${req.text}) is more than limits.${name} (${lim.text}) in ${lowerFirst(containerLabel(c))}: a request may not exceed its limit.`,
        });
      }
    }
  },
};
