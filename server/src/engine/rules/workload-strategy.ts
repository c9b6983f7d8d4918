import type { Node, YAMLMap } from 'yaml';
import { isWorkload } from '../model/apiVersions';
import type { K8sObject } from '../model/object';
import type { DocReader } from '../parse/nodes';
import type { Rule, RuleContext } from './rule';
import { isUnset, keyNode, stringOrNull } from '../parse/values';

/** An int-or-percent value as the apps validation reads it (intstr.IntOrString). */
interface IntOrPercent {
  node: Node;
  /** getIntOrPercentValue: the percentage, the integer, or a numeric string's number (0 when not numeric). */
  value: number;
  percent: boolean;
  /** A problem the API server reports on the value itself. */
  problem?: string;
}

function readIntOrPercent(r: DocReader, parent: unknown, key: string): IntOrPercent | undefined {
  const node = r.get(parent, key);
  if (isUnset(r, node)) return undefined;
  const s = r.scalar(node);
  if (!s) return undefined;
  const n = r.int(node);
  if (n !== undefined)
    return {
      node: node as Node,
      value: n,
      percent: false,
      problem: n < 0 ? `${key} is ${n}: it must be 0 or more` : undefined,
    };
  if (typeof s.value !== 'string') return undefined; // a float or boolean: a type error for the schema check
  const text = s.value;
  if (/^[0-9]+%$/.test(text)) return { node: node as Node, value: parseInt(text, 10), percent: true };
  const numeric = /^[+-]?[0-9]+$/.test(text);
  return {
    node: node as Node,
    value: numeric ? parseInt(text, 10) : 0,
    percent: false,
    problem: numeric
      ? `${key} is the string "${text}": write a number without quotes (${text}) or a percentage (${text}%)`
      : `${key} \`${text}\` is neither a number nor a percentage like 25%`,
  };
}

function checkEnum(
  obj: K8sObject,
  ctx: RuleContext,
  node: Node | undefined,
  allowed: readonly string[],
  what: string,
): string | undefined {
  const r = obj.reader;
  const value = stringOrNull(r, node);
  if (value === undefined || value === null || value === '') return undefined;
  if (allowed.includes(value)) return value;
  const right = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  ctx.report({
    at: node as Node,
    message: right
      ? `${what} \`${value}\` must be written \`${right}\` (the API server is case-sensitive).`
      : `Unsupported ${what} \`${value}\`: use ${allowed.join(' or ')}.`,
    fix: right ? { title: `Change to ${right}`, edits: [{ range: obj.doc.rangeOf(node), newText: right }] } : undefined,
  });
  return '';
}

/**
 * Rollout settings as apps validation checks them (ValidateDeploymentStrategy, ValidateRollingUpdateDeployment,
 * ValidateDaemonSetUpdateStrategy, ValidateStatefulSetSpec), after apps/v1 defaulting (maxSurge and
 * maxUnavailable default to 25% for a Deployment; 0 and 1 for a DaemonSet).
 */
export const workloadStrategy: Rule = {
  id: 'workload-strategy',
  description:
    'Deployment, DaemonSet and StatefulSet update strategies must be valid (type, rollingUpdate, maxSurge/maxUnavailable).',
  severity: 'error',
  docs: {
    why: 'The update strategy decides how pods are replaced on a change: the API server accepts only the strategy types it knows, with rollingUpdate settings only for RollingUpdate and maxSurge/maxUnavailable not both zero.',
    fails: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  strategy:
    type: Rolling
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
`,
    fixed: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  strategy:
    type: RollingUpdate
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
`,
  },
  kinds: ['Deployment', 'DaemonSet', 'StatefulSet'],
  appliesTo: (obj) =>
    isWorkload(obj.apiVersion, obj.kind) &&
    (obj.kind === 'Deployment' || obj.kind === 'DaemonSet' || obj.kind === 'StatefulSet'),
  checkObject(obj, ctx) {
    if (obj.kind === 'Deployment') checkDeployment(obj, ctx);
    else if (obj.kind === 'DaemonSet') checkDaemonSet(obj, ctx);
    else checkStatefulSet(obj, ctx);
  },
};

function reportProblems(ctx: RuleContext, values: (IntOrPercent | undefined)[]): void {
  for (const v of values) if (v?.problem) ctx.report({ at: v.node, message: `${v.problem}.` });
}

function checkDeployment(obj: K8sObject, ctx: RuleContext): void {
  const r = obj.reader;
  const spec = r.map(obj.get('spec'));
  const strategy = r.map(r.get(spec, 'strategy'));
  if (strategy) {
    const type = checkEnum(
      obj,
      ctx,
      r.get(strategy, 'type'),
      ['RollingUpdate', 'Recreate'],
      'Deployment strategy type',
    );
    const rollingNode = r.get(strategy, 'rollingUpdate');
    if (type === 'Recreate') {
      if (!isUnset(r, rollingNode)) {
        ctx.report({
          at: keyNode(r, strategy, 'rollingUpdate') as Node,
          message: `A Deployment with strategy type Recreate takes no rollingUpdate: remove it (or use type: RollingUpdate).`,
        });
      }
    } else if (type !== '') {
      const rolling = r.map(rollingNode);
      if (rolling) checkDeploymentRolling(ctx, r, rolling);
    }
  }
  // progressDeadlineSeconds defaults to 600 and must stay above minReadySeconds.
  const minReady = r.int(r.get(spec, 'minReadySeconds')) ?? 0;
  const deadlineNode = r.get(spec, 'progressDeadlineSeconds');
  const deadline = r.int(deadlineNode);
  if (deadline !== undefined && deadline >= 0 && deadline <= minReady) {
    ctx.report({
      at: deadlineNode as Node,
      message: `progressDeadlineSeconds (${deadline}) must be greater than minReadySeconds (${minReady}).`,
    });
  } else if (deadline === undefined && isUnset(r, deadlineNode) && minReady >= 600) {
    ctx.report({
      at: r.get(spec, 'minReadySeconds') as Node,
      message: `minReadySeconds (${minReady}) must be less than progressDeadlineSeconds, which defaults to 600: raise progressDeadlineSeconds.`,
    });
  }
}

function checkDeploymentRolling(ctx: RuleContext, r: DocReader, rolling: YAMLMap): void {
  const surge = readIntOrPercent(r, rolling, 'maxSurge');
  const unavailable = readIntOrPercent(r, rolling, 'maxUnavailable');
  reportProblems(ctx, [surge, unavailable]);
  if (unavailable && !unavailable.problem && unavailable.percent && unavailable.value > 100) {
    ctx.report({ at: unavailable.node, message: `maxUnavailable ${unavailable.value}% is more than 100%.` });
  }
  // Unset values default to 25%, so only two explicit zeros stop the rollout.
  if (surge && unavailable && surge.value === 0 && unavailable.value === 0 && !surge.problem && !unavailable.problem) {
    ctx.report({
      at: unavailable.node,
      message: `maxUnavailable and maxSurge are both 0: a rolling update could never replace a pod. Allow at least one (e.g. maxSurge: 1).`,
    });
  }
}

function checkDaemonSet(obj: K8sObject, ctx: RuleContext): void {
  const r = obj.reader;
  const strategy = r.map(obj.get('spec', 'updateStrategy'));
  if (!strategy) return;
  const type = checkEnum(
    obj,
    ctx,
    r.get(strategy, 'type'),
    ['RollingUpdate', 'OnDelete'],
    'DaemonSet updateStrategy type',
  );
  if (type === '' || type === 'OnDelete') return;
  const rolling = r.map(r.get(strategy, 'rollingUpdate'));
  if (!rolling) return;
  const surge = readIntOrPercent(r, rolling, 'maxSurge');
  const unavailable = readIntOrPercent(r, rolling, 'maxUnavailable');
  reportProblems(ctx, [surge, unavailable]);
  for (const v of [unavailable, surge]) {
    if (v && !v.problem && v.percent && v.value > 100)
      ctx.report({
        at: v.node,
        message: `${v === surge ? 'maxSurge' : 'maxUnavailable'} ${v.value}% is more than 100%.`,
      });
  }
  if (surge?.problem || unavailable?.problem) return;
  // apps/v1 defaults maxUnavailable to 1 and maxSurge to 0; exactly one of them must be non-zero.
  const surgeValue = surge?.value ?? 0;
  const unavailableValue = unavailable?.value ?? 1;
  if (surgeValue !== 0 && unavailableValue !== 0 && surge) {
    ctx.report({
      at: surge.node,
      message: unavailable
        ? `A DaemonSet cannot use maxSurge and maxUnavailable together: set one of them to 0.`
        : `A DaemonSet cannot use maxSurge while maxUnavailable is non-zero (it defaults to 1): add maxUnavailable: 0.`,
    });
  } else if (surgeValue === 0 && unavailableValue === 0 && unavailable) {
    ctx.report({
      at: unavailable.node,
      message: `maxUnavailable and maxSurge are both 0: a rolling update could never replace a pod. Allow one of them.`,
    });
  }
}

function checkStatefulSet(obj: K8sObject, ctx: RuleContext): void {
  const r = obj.reader;
  const spec = r.map(obj.get('spec'));
  checkEnum(obj, ctx, r.get(spec, 'podManagementPolicy'), ['OrderedReady', 'Parallel'], 'podManagementPolicy');
  const strategy = r.map(r.get(spec, 'updateStrategy'));
  if (!strategy) return;
  const type = checkEnum(
    obj,
    ctx,
    r.get(strategy, 'type'),
    ['RollingUpdate', 'OnDelete'],
    'StatefulSet updateStrategy type',
  );
  if (type === 'OnDelete' && !isUnset(r, r.get(strategy, 'rollingUpdate'))) {
    ctx.report({
      at: keyNode(r, strategy, 'rollingUpdate') as Node,
      message: `A StatefulSet with updateStrategy type OnDelete takes no rollingUpdate: remove it (or use type: RollingUpdate).`,
    });
  }
}
