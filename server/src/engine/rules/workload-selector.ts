import { isScalar } from 'yaml';
import type { Node } from 'yaml';
import { keyText } from '../parse/nodes';
import { WORKLOAD_KINDS, isWorkload } from '../model/apiVersions';
import type { K8sObject } from '../model/object';
import type { RuleContext, Rule } from './rule';
import { getsKustomizeSelectorLabels, isKustomizePatch } from '../model/kustomize';
import {
  SELECTOR_OPERATORS,
  readLabelSelector,
  readLabels,
  readMapSelector,
  requirementMatches,
  requirementText,
} from '../model/labelSelector';
import type { LabelEntry, LabelSelector } from '../model/labelSelector';
import { isUnset, keyNode, stringOrNull } from '../parse/values';
import { deepestKey, objectRef } from './utils/object';
import { misplacedTemplateLabels, templatePath } from './utils/podSpec';

const APPS_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);
/** Labels the API server puts on a Job's pods when it generates the selector (pkg/registry/batch/job). */
const JOB_NAME_LABELS = ['job-name', 'batch.kubernetes.io/job-name'];
const JOB_UID_LABELS = ['controller-uid', 'batch.kubernetes.io/controller-uid'];

/**
 * A workload's selector as the API server validates it (apps ValidateDeploymentSpec / ValidateStatefulSetSpec /
 * ValidateDaemonSetSpec / ValidateReplicaSetSpec, core ValidateReplicationControllerSpec, batch ValidateJobSpec):
 * apps/v1 kinds need a non-empty selector that matches the pod template's labels; operators are In, NotIn,
 * Exists, DoesNotExist; a Job's selector is generated unless `manualSelector: true`.
 */
export const workloadSelector: Rule = {
  id: 'workload-selector',
  description: 'A workload selector must be present (apps/v1), valid, and match its pod template labels.',
  severity: 'error',
  docs: {
    why: "The controller owns the pods its selector matches: apps/v1 requires a selector, and the API server rejects one that does not match the pod template's labels (the workload would create pods it does not own, forever).",
    fails: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: webapp
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
  kinds: WORKLOAD_KINDS.filter((k) => k !== 'Pod'),
  appliesTo: (obj) => isWorkload(obj.apiVersion, obj.kind) && obj.kind !== 'Pod',
  checkObject(obj, ctx) {
    // A kustomize patch is a partial object; commonLabels of a kustomization fill in a missing selector.
    const patch = isKustomizePatch(ctx.workspace, obj) || getsKustomizeSelectorLabels(ctx.workspace, obj);
    if (APPS_KINDS.has(obj.kind)) checkAppsSelector(obj, ctx, patch);
    else if (obj.kind === 'ReplicationController') checkRcSelector(obj, ctx, patch);
    else if (obj.kind === 'Job') checkJobSelector(obj, ctx, patch);
    else if (obj.kind === 'CronJob') checkCronJobSelector(obj, ctx);
  },
};

function templateLabels(obj: K8sObject): { labels: Map<string, LabelEntry>; present: boolean } {
  const r = obj.reader;
  const template = obj.get(...templatePath(obj.kind));
  const labelsNode = r.get(r.get(template, 'metadata'), 'labels');
  return { labels: readLabels(r, labelsNode), present: r.map(template) !== undefined };
}

function labelsExample(labels: Map<string, LabelEntry>): string {
  const parts = [...labels.values()].filter((l) => l.value !== undefined).map((l) => `${l.key}: ${l.value}`);
  return parts.length ? `{${parts.join(', ')}}` : '{app: <name>}';
}

function checkAppsSelector(obj: K8sObject, ctx: RuleContext, patch: boolean): void {
  const r = obj.reader;
  const spec = r.map(obj.get('spec'));
  const selectorNode = r.get(spec, 'selector');
  const { labels, present } = templateLabels(obj);
  if (isUnset(r, selectorNode)) {
    if (patch) return;
    ctx.report({
      at: deepestKey(obj, 'spec', 'selector'),
      message: `${objectRef(obj)} has no spec.selector: ${obj.apiVersion} requires one that matches the pod template labels, e.g. selector: {matchLabels: ${labelsExample(labels)}}.`,
    });
    return;
  }
  if (!r.map(selectorNode)) return; // not a map: a type error for the schema check
  const selector = readLabelSelector(r, selectorNode);
  reportBrokenExpressions(obj, ctx, selectorNode);
  // `selector: {app: web}`, the Service way of writing it: the labels belong under matchLabels.
  const stray = r
    .pairs(selectorNode)
    .filter((p) => !['matchLabels', 'matchExpressions'].includes(keyText(p.key)) && isScalar(r.resolve(p.value)));
  if (stray.length) {
    const example = `{matchLabels: {${stray.map((p) => `${keyText(p.key)}: ${r.text(p.value) ?? ''}`).join(', ')}}}`;
    for (const p of stray) {
      ctx.report({
        at: p.key as Node,
        message: `\`${keyText(p.key)}\` is not a field of a ${obj.kind} selector: labels go under matchLabels, as in selector: ${example} (a plain label map is how a Service writes its selector).`,
      });
    }
    return;
  }
  if (selector.empty) {
    if (patch) return;
    ctx.report({
      at: keyNode(r, spec, 'selector') ?? (selectorNode as Node),
      message: `${objectRef(obj)} has an empty selector: it must select the pod template labels, e.g. matchLabels: ${labelsExample(labels)}.`,
    });
    return;
  }
  if (selector.broken || patch || !present) return;
  if (reportMisplacedLabels(obj, ctx, labels)) return;
  reportMismatches(obj, ctx, selector, labels);
}

/** Labels indented beside the template's metadata: one finding where they are written, not one per selector label. */
function reportMisplacedLabels(obj: K8sObject, ctx: RuleContext, labels: Map<string, LabelEntry>): boolean {
  const misplaced = misplacedTemplateLabels(obj);
  if (!misplaced || labels.size > 0) return false;
  const path = templatePath(obj.kind).join('.');
  ctx.report({
    at: misplaced.key as Node,
    message: `labels is written directly under ${path}, where it does not belong: the pod labels (which the selector must match) go under ${path}.metadata.labels (check the indentation).`,
  });
  return true;
}

/** Unknown operators, and values that do not fit the operator: the API server cannot build such a selector. */
function reportBrokenExpressions(obj: K8sObject, ctx: RuleContext, selectorNode: unknown): void {
  const r = obj.reader;
  for (const item of r.items(r.get(selectorNode, 'matchExpressions'))) {
    const m = r.map(item);
    if (!m) continue;
    const opNode = r.get(m, 'operator');
    const op = stringOrNull(r, opNode);
    const valuesNode = r.get(m, 'values');
    const valueCount = r.items(valuesNode).length;
    if (op === undefined) continue; // a number or boolean: the schema check reports the type
    if (op === null || op === '') {
      ctx.report({
        at: opNode ?? keyNode(r, m, 'key') ?? m,
        message: `A selector expression needs an operator: In, NotIn, Exists or DoesNotExist.`,
      });
      continue;
    }
    if (!(SELECTOR_OPERATORS as readonly string[]).includes(op)) {
      const right = SELECTOR_OPERATORS.find((o) => o.toLowerCase() === op.toLowerCase());
      ctx.report({
        at: opNode as Node,
        message: right
          ? `Selector operator \`${op}\` must be written \`${right}\` (the API server is case-sensitive).`
          : `Unsupported selector operator \`${op}\`: use In, NotIn, Exists or DoesNotExist.`,
        fix: right
          ? { title: `Change to ${right}`, edits: [{ range: obj.doc.rangeOf(opNode), newText: right }] }
          : undefined,
      });
      continue;
    }
    if ((op === 'In' || op === 'NotIn') && valueCount === 0) {
      ctx.report({ at: opNode as Node, message: `Operator ${op} needs a non-empty values list.` });
    } else if ((op === 'Exists' || op === 'DoesNotExist') && valueCount > 0) {
      ctx.report({
        at: valuesNode as Node,
        message: `Operator ${op} takes no values: remove values (or use In / NotIn).`,
      });
    }
  }
}

function reportMismatches(
  obj: K8sObject,
  ctx: RuleContext,
  selector: LabelSelector,
  labels: Map<string, LabelEntry>,
): void {
  for (const req of selector.requirements) {
    if (requirementMatches(req, labels) !== 'no-match') continue;
    const label = labels.get(req.key);
    const has = label ? `it has ${req.key}=${label.value}` : `it has no label ${req.key}`;
    const absent = !label && (req.operator === 'Equals' || req.operator === 'In' || req.operator === 'Exists');
    const at = absent || req.operator === 'DoesNotExist' ? req.keyNode : (req.valuesNode ?? req.keyNode);
    const hint =
      req.operator === 'Equals' ? ` Make spec.template.metadata.labels include ${req.key}: ${req.values[0]}.` : '';
    ctx.report({
      at,
      message: `Selector ${requirementText(req)} does not match the pod template (${has}): the API server rejects a ${obj.kind} whose selector does not match its template labels.${hint}`,
    });
  }
}

/** v1 ReplicationController: a plain map; when empty it defaults to the template labels. */
function checkRcSelector(obj: K8sObject, ctx: RuleContext, patch: boolean): void {
  const r = obj.reader;
  const spec = r.map(obj.get('spec'));
  const selectorNode = r.get(spec, 'selector');
  const { labels, present } = templateLabels(obj);
  const selector = r.map(selectorNode);
  if (!selector || r.pairs(selector).length === 0) {
    if (isUnset(r, selectorNode) || selector) {
      if (patch || labels.size > 0) return;
      ctx.report({
        at: keyNode(r, spec, 'selector') ?? deepestKey(obj, 'spec', 'selector'),
        message: `${objectRef(obj)} has neither a selector nor pod template labels: set spec.template.metadata.labels (the selector defaults to them).`,
      });
    }
    return;
  }
  if (patch || !present || reportMisplacedLabels(obj, ctx, labels)) return;
  reportMismatches(obj, ctx, readMapSelector(r, selector), labels);
}

function checkJobSelector(obj: K8sObject, ctx: RuleContext, patch: boolean): void {
  const r = obj.reader;
  const spec = r.map(obj.get('spec'));
  const manual = r.scalar(r.get(spec, 'manualSelector'))?.value === true;
  const selectorNode = r.get(spec, 'selector');
  if (manual) {
    if (isUnset(r, selectorNode)) {
      if (patch) return;
      ctx.report({
        at: deepestKey(obj, 'spec', 'selector'),
        message: `${objectRef(obj)} sets manualSelector: true but has no spec.selector: add one that matches the pod template labels (or drop manualSelector).`,
      });
      return;
    }
    if (!r.map(selectorNode)) return;
    reportBrokenExpressions(obj, ctx, selectorNode);
    const selector = readLabelSelector(r, selectorNode);
    const { labels, present } = templateLabels(obj);
    if (selector.broken || patch || !present || reportMisplacedLabels(obj, ctx, labels)) return;
    reportMismatches(obj, ctx, selector, labels);
    return;
  }
  if (isUnset(r, selectorNode) || !r.map(selectorNode)) return;
  reportBrokenExpressions(obj, ctx, selectorNode);
  const selector = readLabelSelector(r, selectorNode);
  if (selector.broken || obj.name === undefined) return;
  // The API server adds controller-uid to this selector and requires it to select the labels it generates.
  const generated = new Map<string, LabelEntry>();
  for (const k of JOB_NAME_LABELS) generated.set(k, { key: k, value: obj.name });
  const fails = selector.requirements.some(
    (req) => !JOB_UID_LABELS.includes(req.key) && requirementMatches(req, generated) === 'no-match',
  );
  if (!fails) return;
  ctx.report({
    at: keyNode(r, spec, 'selector') as Node,
    message: `Job \`${obj.name}\` sets spec.selector without manualSelector: true: the API server generates a Job's selector and rejects this one. Remove spec.selector (or set manualSelector: true).`,
  });
}

function checkCronJobSelector(obj: K8sObject, ctx: RuleContext): void {
  const r = obj.reader;
  const jobSpec = r.map(obj.get('spec', 'jobTemplate', 'spec'));
  const selectorNode = r.get(jobSpec, 'selector');
  if (!isUnset(r, selectorNode)) {
    ctx.report({
      at: keyNode(r, jobSpec, 'selector') as Node,
      message: `${objectRef(obj)} sets spec.jobTemplate.spec.selector: the selector of its Jobs is always generated, and the API server rejects one set here. Remove it.`,
    });
  }
  const manualNode = r.get(jobSpec, 'manualSelector');
  if (r.scalar(manualNode)?.value === true) {
    ctx.report({
      at: manualNode as Node,
      message: `${objectRef(obj)} sets manualSelector: true in its job template: the API server only allows false or unset there.`,
    });
  }
}
