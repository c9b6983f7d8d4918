import type { Node } from 'yaml';
import type { Rule } from './rule';
import { keyNode } from '../parse/values';

/**
 * PodDisruptionBudget spec as policy ValidatePodDisruptionBudgetSpec checks it: minAvailable and
 * maxUnavailable are exclusive, and each is a non-negative number or a percentage of at most 100%.
 */
export const workloadDisruptionBudget: Rule = {
  id: 'workload-disruption-budget',
  description:
    'A PodDisruptionBudget sets one of minAvailable or maxUnavailable, a number of 0 or more or a percentage up to 100%.',
  severity: 'error',
  docs: {
    why: 'A disruption budget is either a minimum of available pods or a maximum of unavailable ones: the API server rejects a budget with both, and numbers below 0 or percentages above 100%.',
    fails: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
  maxUnavailable: 1
  selector:
    matchLabels:
      app: web
`,
    fixed: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: web
`,
  },
  kinds: ['PodDisruptionBudget'],
  appliesTo: (obj) => obj.kind === 'PodDisruptionBudget' && obj.apiVersion === 'policy/v1',
  checkObject(obj, ctx) {
    const r = obj.reader;
    const spec = r.map(obj.get('spec'));
    if (!spec) return;
    const set = ['minAvailable', 'maxUnavailable'].filter((k) => r.scalar(r.get(spec, k))?.value != null);
    if (set.length === 2) {
      ctx.report({
        at: keyNode(r, spec, 'maxUnavailable') as Node,
        message: 'A PodDisruptionBudget sets either minAvailable or maxUnavailable, not both: remove one of them.',
      });
    }
    for (const field of set) {
      const node = r.get(spec, field) as Node;
      const s = r.scalar(node);
      const v = s?.value;
      if (typeof v === 'number' && Number.isInteger(v) && v < 0) {
        ctx.report({ at: node, message: `${field} is ${v}: it must be 0 or more (or a percentage such as 50%).` });
      } else if (typeof v === 'string') {
        const m = /^([0-9]+)%$/.exec(v);
        if (!m)
          ctx.report({
            at: node,
            message: `${field} \`${v}\` is neither a number nor a percentage like 50%${/^[0-9]+$/.test(v) ? `: write ${v} without quotes` : ''}.`,
          });
        else if (Number(m[1]) > 100) ctx.report({ at: node, message: `${field} ${v} is more than 100%.` });
      }
    }
  },
};
