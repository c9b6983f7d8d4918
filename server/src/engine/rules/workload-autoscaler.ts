import type { Node, YAMLMap } from 'yaml';
import type { K8sObject } from '../model/object';
import type { Rule, RuleContext } from './rule';
import { parseQuantity } from './container-resources';
import { firstKey, keyNode, stringOrNull } from '../parse/values';

const TARGET_TYPES = ['Utilization', 'Value', 'AverageValue'];

/**
 * HorizontalPodAutoscaler spec as autoscaling ValidateHorizontalPodAutoscalerSpec checks it: minReplicas at
 * least 1 (0 needs the alpha HPAScaleToZero gate), maxReplicas at least 1 and not below minReplicas; a metric
 * target of type Utilization, Value or AverageValue with positive values, and a Resource metric that sets
 * exactly one of averageUtilization and averageValue. autoscaling/v1 has targetCPUUtilizationPercentage (1 or more).
 */
export const workloadAutoscaler: Rule = {
  id: 'workload-autoscaler',
  description:
    'A HorizontalPodAutoscaler needs 1 <= minReplicas <= maxReplicas and metric targets with positive values.',
  severity: 'error',
  docs: {
    why: 'The autoscaler keeps the replica count between minReplicas and maxReplicas: the API server rejects bounds that cannot hold (min above max, min below 1) and metric targets that are not positive.',
    fails: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 5
  maxReplicas: 2
`,
    fixed: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 5
`,
  },
  kinds: ['HorizontalPodAutoscaler'],
  appliesTo: (obj) =>
    obj.kind === 'HorizontalPodAutoscaler' &&
    (obj.apiVersion === 'autoscaling/v2' || obj.apiVersion === 'autoscaling/v1'),
  checkObject(obj, ctx) {
    const r = obj.reader;
    const spec = r.map(obj.get('spec'));
    if (!spec) return;
    const minNode = r.get(spec, 'minReplicas');
    const maxNode = r.get(spec, 'maxReplicas');
    const min = r.int(minNode);
    const max = r.int(maxNode);
    if (min !== undefined && min < 1) {
      ctx.report({
        at: minNode as Node,
        message: `minReplicas is ${min}: a HorizontalPodAutoscaler keeps at least 1 replica (leave minReplicas out for 1).`,
      });
    }
    if (max !== undefined && max < 1) {
      ctx.report({ at: maxNode as Node, message: `maxReplicas is ${max}: it must be at least 1.` });
    } else if (max !== undefined && min !== undefined && min >= 1 && max < min) {
      ctx.report({
        at: maxNode as Node,
        message: `maxReplicas (${max}) is less than minReplicas (${min}): raise maxReplicas or lower minReplicas.`,
      });
    }
    if (obj.apiVersion === 'autoscaling/v1') {
      const node = r.get(spec, 'targetCPUUtilizationPercentage');
      const value = r.int(node);
      if (value !== undefined && value < 1)
        ctx.report({ at: node as Node, message: `targetCPUUtilizationPercentage is ${value}: it must be at least 1.` });
      return;
    }
    for (const item of r.items(r.get(spec, 'metrics'))) {
      const metric = r.map(item);
      if (!metric) continue;
      for (const source of ['resource', 'containerResource', 'pods', 'object', 'external']) {
        const target = r.map(r.get(r.get(metric, source), 'target'));
        if (target) checkTarget(obj, ctx, target, source === 'resource' || source === 'containerResource');
      }
    }
  },
};

function checkTarget(obj: K8sObject, ctx: RuleContext, target: YAMLMap, resource: boolean): void {
  const r = obj.reader;
  const typeNode = r.get(target, 'type');
  const type = stringOrNull(r, typeNode);
  if (type && !TARGET_TYPES.includes(type)) {
    const right = TARGET_TYPES.find((t) => t.toLowerCase() === type.toLowerCase());
    ctx.report({
      at: typeNode as Node,
      message: right
        ? `Metric target type \`${type}\` must be written \`${right}\`.`
        : `Metric target type \`${type}\` must be Utilization, Value or AverageValue.`,
      fix: right
        ? { title: `Change to ${right}`, edits: [{ range: obj.doc.rangeOf(typeNode), newText: right }] }
        : undefined,
    });
  }
  const utilizationNode = r.get(target, 'averageUtilization');
  const utilization = r.int(utilizationNode);
  if (utilization !== undefined && utilization < 1) {
    ctx.report({
      at: utilizationNode as Node,
      message: `averageUtilization is ${utilization}: it is a percentage of the requests, at least 1.`,
    });
  }
  for (const field of ['value', 'averageValue']) {
    const node = r.get(target, field);
    const s = r.scalar(node);
    const text =
      typeof s?.value === 'number' ? String(s.value) : typeof s?.value === 'string' ? s.value.trim() : undefined;
    const q = text === undefined ? undefined : parseQuantity(text);
    if (q && q.mantissa <= 0n)
      ctx.report({ at: node as Node, message: `${field} is ${text}: a metric target value must be positive.` });
  }
  if (!resource) return;
  const hasUtilization = r.scalar(utilizationNode)?.value != null;
  const hasAverage = r.scalar(r.get(target, 'averageValue'))?.value != null;
  if (hasUtilization && hasAverage) {
    ctx.report({
      at: keyNode(r, target, 'averageValue') as Node,
      message: 'A resource metric target sets both averageUtilization and averageValue: keep one of them.',
    });
  } else if (!hasUtilization && !hasAverage) {
    ctx.report({
      at: keyNode(r, target, 'value') ?? keyNode(r, target, 'type') ?? firstKey(target),
      message: `A resource metric target needs averageUtilization (a percentage of the requests) or averageValue${type === 'Value' ? '; type Value is not available for resource metrics' : ''}.`,
    });
  }
}
