import type { Node, YAMLMap } from 'yaml';
import { WORKLOAD_KINDS, isWorkload } from '../model/apiVersions';
import type { K8sObject } from '../model/object';
import type { Rule, RuleContext } from './rule';
import { isQualifiedName, isValidLabelValue } from '../k8s/validation';
import { isInvalid } from './utils/messages';
import { firstKey, isUnset, keyNode, stringOrNull } from '../parse/values';
import { podSpecOf } from './utils/podSpec';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const NODE_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];
const WHEN_UNSATISFIABLE = ['DoNotSchedule', 'ScheduleAnyway'];

/**
 * Scheduling constraints of a pod as core validation checks them: tolerations (ValidateTolerations), topology
 * spread constraints (validateTopologySpreadConstraints) and node / pod affinity terms
 * (ValidateNodeSelectorRequirement, validatePodAffinityTerm).
 */
export const podScheduling: Rule = {
  id: 'pod-scheduling',
  description:
    'Tolerations, topologySpreadConstraints and affinity terms must be valid (operators, values, topologyKey, maxSkew).',
  severity: 'error',
  docs: {
    why: 'The scheduler reads tolerations, topology spread constraints and affinity terms; the API server rejects values it cannot apply, such as a toleration with `operator: Exists` and a value.',
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
  tolerations:
    - key: dedicated
      operator: Exists
      value: "true"
`,
    fixed: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
  tolerations:
    - key: dedicated
      operator: Exists
`,
  },
  kinds: WORKLOAD_KINDS,
  appliesTo: (obj) => isWorkload(obj.apiVersion, obj.kind),
  checkObject(obj, ctx) {
    const r = obj.reader;
    const spec = podSpecOf(obj);
    for (const item of r.items(r.get(spec, 'tolerations'))) {
      const t = r.map(item);
      if (t) checkToleration(obj, ctx, t);
    }
    const seenSpread = new Set<string>();
    for (const item of r.items(r.get(spec, 'topologySpreadConstraints'))) {
      const c = r.map(item);
      if (c) checkSpread(obj, ctx, c, seenSpread);
    }
    const affinity = r.map(r.get(spec, 'affinity'));
    const nodeAffinity = r.map(r.get(affinity, 'nodeAffinity'));
    const required = r.map(r.get(nodeAffinity, 'requiredDuringSchedulingIgnoredDuringExecution'));
    if (required) {
      const terms = r.get(required, 'nodeSelectorTerms');
      if (r.seq(terms) && r.items(terms).length === 0) {
        ctx.report({
          at: keyNode(r, required, 'nodeSelectorTerms') as Node,
          message: `nodeSelectorTerms is empty: a required node affinity needs at least one term (or leave it out).`,
        });
      }
      for (const term of r.items(terms)) checkNodeTerm(obj, ctx, term);
    }
    for (const pref of r.items(r.get(nodeAffinity, 'preferredDuringSchedulingIgnoredDuringExecution')))
      checkNodeTerm(obj, ctx, r.get(pref, 'preference'));
    for (const kind of ['podAffinity', 'podAntiAffinity']) {
      const pa = r.map(r.get(affinity, kind));
      for (const term of r.items(r.get(pa, 'requiredDuringSchedulingIgnoredDuringExecution')))
        checkPodTerm(obj, ctx, term, kind);
      for (const w of r.items(r.get(pa, 'preferredDuringSchedulingIgnoredDuringExecution')))
        checkPodTerm(obj, ctx, r.get(w, 'podAffinityTerm'), kind);
    }
  },
};

function enumCheck(
  obj: K8sObject,
  ctx: RuleContext,
  node: unknown,
  allowed: string[],
  what: string,
): string | undefined {
  const value = stringOrNull(obj.reader, node);
  if (!value) return value ?? undefined;
  if (allowed.includes(value)) return value;
  const right = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  ctx.report({
    at: node as Node,
    message: right
      ? `${what} \`${value}\` must be written \`${right}\` (the API server is case-sensitive).`
      : `Unsupported ${what} \`${value}\`: use ${allowed.join(', ')}.`,
    fix: right ? { title: `Change to ${right}`, edits: [{ range: obj.doc.rangeOf(node), newText: right }] } : undefined,
  });
  return undefined;
}

function checkToleration(obj: K8sObject, ctx: RuleContext, t: YAMLMap): void {
  const r = obj.reader;
  const keyValue = r.get(t, 'key');
  const key = stringOrNull(r, keyValue) ?? '';
  const opNode = r.get(t, 'operator');
  const op = stringOrNull(r, opNode) ?? '';
  const valueNode = r.get(t, 'value');
  const value = stringOrNull(r, valueNode) ?? '';
  if (key) {
    const errs = isQualifiedName(key);
    if (errs.length) ctx.report({ at: keyValue as Node, message: `Toleration key \`${key}\` ${isInvalid(errs)}.` });
  }
  if (op === '' || op === 'Equal') {
    if (!key && !r.scalar(opNode)) {
      ctx.report({
        at: firstKey(t),
        message: `A toleration without key must use operator: Exists (it then tolerates every taint).`,
      });
    } else if (!key) {
      ctx.report({
        at: opNode as Node,
        message: `A toleration without key must use operator: Exists (it then tolerates every taint).`,
      });
    }
    const errs = isValidLabelValue(value);
    if (errs.length)
      ctx.report({ at: valueNode as Node, message: `Toleration value \`${value}\` ${isInvalid(errs)}.` });
  } else if (op === 'Exists') {
    if (value)
      ctx.report({
        at: valueNode as Node,
        message: `A toleration with operator: Exists takes no value: remove value (or use operator: Equal).`,
      });
  } else {
    enumCheck(obj, ctx, opNode, ['Equal', 'Exists'], 'toleration operator');
  }
  const effectNode = r.get(t, 'effect');
  const effectText = effectNode === undefined ? null : stringOrNull(r, effectNode);
  const effect = enumCheck(obj, ctx, effectNode, EFFECTS, 'taint effect');
  // An unset effect matches every effect, but tolerationSeconds needs NoExecute itself.
  const effectKnown = effectText === null || effectText === '' || effect !== undefined;
  if (!isUnset(r, r.get(t, 'tolerationSeconds')) && effectKnown && effect !== 'NoExecute') {
    ctx.report({
      at: (effectNode as Node | undefined) ?? (keyNode(r, t, 'tolerationSeconds') as Node),
      message: `tolerationSeconds only applies to effect: NoExecute: set that effect, or remove tolerationSeconds.`,
    });
  }
}

function checkSpread(obj: K8sObject, ctx: RuleContext, c: YAMLMap, seen: Set<string>): void {
  const r = obj.reader;
  const skewNode = r.get(c, 'maxSkew');
  const skew = r.int(skewNode);
  if (skew !== undefined && skew <= 0)
    ctx.report({ at: skewNode as Node, message: `maxSkew is ${skew}: it must be greater than 0.` });
  const keyValue = r.get(c, 'topologyKey');
  const key = stringOrNull(r, keyValue);
  if (key === '')
    ctx.report({
      at: keyValue as Node,
      message: `topologyKey is empty: name a node label such as topology.kubernetes.io/zone or kubernetes.io/hostname.`,
    });
  else if (key) {
    const errs = isQualifiedName(key);
    if (errs.length) ctx.report({ at: keyValue as Node, message: `topologyKey \`${key}\` ${isInvalid(errs)}.` });
  }
  const whenNode = r.get(c, 'whenUnsatisfiable');
  const when = enumCheck(obj, ctx, whenNode, WHEN_UNSATISFIABLE, 'whenUnsatisfiable');
  const minNode = r.get(c, 'minDomains');
  const min = r.int(minNode);
  if (min !== undefined && min <= 0)
    ctx.report({ at: minNode as Node, message: `minDomains is ${min}: it must be greater than 0 (or left out).` });
  else if (min !== undefined && when === 'ScheduleAnyway')
    ctx.report({ at: minNode as Node, message: `minDomains only works with whenUnsatisfiable: DoNotSchedule.` });
  if (key && when) {
    const pair = `${key}\u0000${when}`;
    if (seen.has(pair))
      ctx.report({
        at: keyValue as Node,
        message: `Two topologySpreadConstraints use topologyKey ${key} with whenUnsatisfiable ${when}: merge them into one.`,
      });
    seen.add(pair);
  }
}

function checkNodeTerm(obj: K8sObject, ctx: RuleContext, term: unknown): void {
  const r = obj.reader;
  for (const field of ['matchExpressions', 'matchFields']) {
    for (const item of r.items(r.get(term, field))) {
      const req = r.map(item);
      if (!req) continue;
      const opNode = r.get(req, 'operator');
      const op = enumCheck(obj, ctx, opNode, NODE_OPERATORS, 'node selector operator');
      const valuesNode = r.get(req, 'values');
      const values = r.items(valuesNode);
      if ((op === 'In' || op === 'NotIn') && values.length === 0) {
        ctx.report({ at: opNode as Node, message: `Operator ${op} needs a non-empty values list.` });
      } else if ((op === 'Exists' || op === 'DoesNotExist') && values.length > 0) {
        ctx.report({
          at: valuesNode as Node,
          message: `Operator ${op} takes no values: remove values (or use In / NotIn).`,
        });
      } else if (op === 'Gt' || op === 'Lt') {
        const v = values.length === 1 ? stringOrNull(r, values[0]) : undefined;
        if (values.length !== 1)
          ctx.report({
            at: (valuesNode as Node | undefined) ?? (opNode as Node),
            message: `Operator ${op} needs exactly one value, an integer.`,
          });
        else if (v !== undefined && v !== null && !/^[+-]?\d+$/.test(v))
          ctx.report({ at: values[0], message: `Operator ${op} compares integers: \`${v}\` is not one.` });
      }
      const keyValue = r.get(req, 'key');
      const key = stringOrNull(r, keyValue);
      if (field === 'matchExpressions' && key) {
        const errs = isQualifiedName(key);
        if (errs.length) ctx.report({ at: keyValue as Node, message: `Node label key \`${key}\` ${isInvalid(errs)}.` });
      }
    }
  }
}

function checkPodTerm(obj: K8sObject, ctx: RuleContext, term: unknown, kind: string): void {
  const r = obj.reader;
  const t = r.map(term);
  if (!t) return;
  const keyValue = r.get(t, 'topologyKey');
  const key = stringOrNull(r, keyValue);
  if (key === '' || (key === null && r.pair(t, 'topologyKey'))) {
    ctx.report({
      at: (keyValue as Node | undefined) ?? (keyNode(r, t, 'topologyKey') as Node),
      message: `topologyKey of a ${kind} term is empty: name a node label such as kubernetes.io/hostname or topology.kubernetes.io/zone.`,
    });
  } else if (key) {
    const errs = isQualifiedName(key);
    if (errs.length) ctx.report({ at: keyValue as Node, message: `topologyKey \`${key}\` ${isInvalid(errs)}.` });
  }
  for (const item of r.items(r.get(r.get(t, 'labelSelector'), 'matchExpressions'))) {
    const m = r.map(item);
    if (!m) continue;
    const opNode = r.get(m, 'operator');
    const op = enumCheck(obj, ctx, opNode, ['In', 'NotIn', 'Exists', 'DoesNotExist'], 'selector operator');
    const valuesNode = r.get(m, 'values');
    const count = r.items(valuesNode).length;
    if ((op === 'In' || op === 'NotIn') && count === 0)
      ctx.report({ at: opNode as Node, message: `Operator ${op} needs a non-empty values list.` });
    else if ((op === 'Exists' || op === 'DoesNotExist') && count > 0)
      ctx.report({
        at: valuesNode as Node,
        message: `Operator ${op} takes no values: remove values (or use In / NotIn).`,
      });
  }
}
