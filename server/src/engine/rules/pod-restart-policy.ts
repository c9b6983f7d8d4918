import type { Node } from 'yaml';
import { WORKLOAD_KINDS, isWorkload } from '../model/apiVersions';
import type { K8sObject } from '../model/object';
import type { Rule, RuleContext } from './rule';
import { isKustomizePatch } from '../model/kustomize';
import { isUnset, keyNode, stringOrNull } from '../parse/values';
import { deepestKey } from './utils/object';
import { ALWAYS_RESTART_KINDS, containerLabel, containersOf, podSpecPath } from './utils/podSpec';
import type { ContainerRef } from './utils/podSpec';

const POLICIES = ['Always', 'OnFailure', 'Never'];

/**
 * A pod's restartPolicy (core validateRestartPolicy) and what each controller allows: Deployments, ReplicaSets,
 * DaemonSets, StatefulSets and ReplicationControllers only `Always` (their default); Jobs and CronJobs only
 * `OnFailure` or `Never` — and since an unset restartPolicy defaults to Always, a Job must set it. A container's
 * own restartPolicy is only for init containers, as `Always` (a sidecar): on an app container it is usually a
 * pod-level restartPolicy indented one level too deep. activeDeadlineSeconds (1 or more) ends a pod, so the
 * long-running controllers do not allow it in their template.
 */
export const podRestartPolicy: Rule = {
  id: 'pod-restart-policy',
  description:
    'restartPolicy must be Always for Deployments, DaemonSets, StatefulSets and ReplicaSets, and OnFailure or Never for Jobs.',
  severity: 'error',
  docs: {
    why: "A Job's pods must end, so their restartPolicy is OnFailure or Never; the pods of Deployments, DaemonSets, StatefulSets and ReplicaSets run for ever (Always). The API server rejects the other combinations.",
    fails: `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: Always
      containers:
        - name: migrate
          image: busybox:1.36
`,
    fixed: `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: OnFailure
      containers:
        - name: migrate
          image: busybox:1.36
`,
  },
  kinds: WORKLOAD_KINDS,
  appliesTo: (obj) => isWorkload(obj.apiVersion, obj.kind),
  checkObject(obj, ctx) {
    const r = obj.reader;
    const specPath = podSpecPath(obj.kind);
    const spec = r.map(obj.get(...specPath));
    const node = r.get(spec, 'restartPolicy');
    checkContainerPolicies(obj, ctx);
    checkActiveDeadline(obj, ctx);
    const value = node === undefined ? null : stringOrNull(r, node);
    if (value === undefined) return; // not a string: a type error for the schema check
    const job = obj.kind === 'Job' || obj.kind === 'CronJob';
    const what = obj.kind === 'Pod' ? 'Pod' : `${obj.kind} pod template`;
    if (value === null || value === '') {
      if (!job || isKustomizePatch(ctx.workspace, obj) || !spec) return;
      // A restartPolicy indented into a container is reported there, with this consequence.
      if (containerPolicies(obj).some((c) => c.list === 'containers')) return;
      ctx.report({
        at: deepestKey(obj, ...specPath, 'restartPolicy'),
        message: `The ${what} has no restartPolicy: it defaults to Always, which a ${obj.kind} does not allow. Set restartPolicy: OnFailure or Never.`,
      });
      return;
    }
    if (!POLICIES.includes(value)) {
      const right = POLICIES.find((p) => p.toLowerCase() === value.toLowerCase());
      ctx.report({
        at: node as Node,
        message: right
          ? `restartPolicy \`${value}\` must be written \`${right}\` (the API server is case-sensitive).`
          : `Unsupported restartPolicy \`${value}\`: use ${obj.kind === 'Pod' ? 'Always, OnFailure or Never' : job ? 'OnFailure or Never' : 'Always'}.`,
        fix: right
          ? { title: `Change to ${right}`, edits: [{ range: obj.doc.rangeOf(node), newText: right }] }
          : undefined,
      });
      return;
    }
    if (ALWAYS_RESTART_KINDS.has(obj.kind) && value !== 'Always') {
      ctx.report({
        at: node as Node,
        message: `A ${obj.kind} only runs pods with restartPolicy: Always (the default); ${value} is rejected. Use a Job for pods that should finish.`,
      });
    } else if (job && value === 'Always') {
      ctx.report({
        at: node as Node,
        message: `A ${obj.kind} does not allow restartPolicy: Always: use OnFailure or Never.`,
      });
    } else if (job && value !== 'Never') {
      const jobSpec = r.map(obj.kind === 'CronJob' ? obj.get('spec', 'jobTemplate', 'spec') : obj.get('spec'));
      if (!isUnset(r, r.get(jobSpec, 'podFailurePolicy'))) {
        ctx.report({
          at: node as Node,
          message: `A Job with a podFailurePolicy needs restartPolicy: Never (not ${value}).`,
        });
      }
    }
  },
};

/** App and init containers that set their own restartPolicy (to anything but null). */
function containerPolicies(obj: K8sObject): (ContainerRef & { value: string; node: Node })[] {
  const r = obj.reader;
  const out: (ContainerRef & { value: string; node: Node })[] = [];
  for (const c of containersOf(r, r.map(obj.get(...podSpecPath(obj.kind))))) {
    if (c.list === 'ephemeralContainers') continue;
    const node = r.get(c.map, 'restartPolicy');
    const value = node === undefined ? null : stringOrNull(r, node);
    if (value !== null && value !== undefined) out.push({ ...c, value, node: node as Node });
  }
  return out;
}

function checkContainerPolicies(obj: K8sObject, ctx: RuleContext): void {
  const r = obj.reader;
  const job = obj.kind === 'Job' || obj.kind === 'CronJob';
  const podPolicy = stringOrNull(r, r.get(r.map(obj.get(...podSpecPath(obj.kind))), 'restartPolicy'));
  for (const c of containerPolicies(obj)) {
    const { value, node } = c;
    if (c.list === 'containers') {
      const consequence =
        job && !podPolicy ? ` (the pod has none, so it defaults to Always, which a ${obj.kind} does not allow)` : '';
      ctx.report({
        at: keyNode(r, c.map, 'restartPolicy') as Node,
        message: `${containerLabel(c)} sets restartPolicy, which only init containers may set (Always, for a sidecar): the pod's restartPolicy belongs in the pod spec, next to containers${consequence}.`,
      });
    } else if (value !== 'Always') {
      ctx.report({
        at: node as Node,
        message: `An init container's restartPolicy can only be Always (which makes it a sidecar); \`${value}\` is rejected: remove it, or set the pod's restartPolicy instead.`,
      });
    }
  }
}

function checkActiveDeadline(obj: K8sObject, ctx: RuleContext): void {
  const r = obj.reader;
  const spec = r.map(obj.get(...podSpecPath(obj.kind)));
  const node = r.get(spec, 'activeDeadlineSeconds');
  const value = r.int(node);
  if (value === undefined) return;
  if (ALWAYS_RESTART_KINDS.has(obj.kind)) {
    ctx.report({
      at: keyNode(r, spec, 'activeDeadlineSeconds') as Node,
      message: `activeDeadlineSeconds is not supported in the pod template of a ${obj.kind}, whose pods run until they are replaced: remove it (a Job can have a deadline).`,
    });
  } else if (value < 1 || value > 2147483647) {
    ctx.report({
      at: node as Node,
      message: `activeDeadlineSeconds ${value} is out of range: it must be from 1 to 2147483647 seconds.`,
    });
  }
}
