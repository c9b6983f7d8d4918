/**
 * Labels that no manifest writes but that the pods get from their workload's controller (or, for Jobs, from
 * the API server when it defaults the selector), so that a Service may select them:
 *
 * - StatefulSet (pkg/controller/statefulset, stateful_set_utils.go: updateIdentity, setPodRevision):
 *   `statefulset.kubernetes.io/pod-name` = `<name>-<ordinal>` and `apps.kubernetes.io/pod-index` =
 *   `<ordinal>`, for the ordinals `spec.ordinals.start` (default 0) up to start + `spec.replicas` (default 1),
 *   and `controller-revision-hash`, a hash.
 * - DaemonSet (pkg/controller/daemon): `controller-revision-hash` and `pod-template-generation`.
 * - Deployment (pkg/controller/deployment: the ReplicaSets it creates and their pods get
 *   `pod-template-hash`). A ReplicaSet of its own adds no label.
 * - Job (pkg/registry/batch/job/strategy.go generateSelector, unless `spec.manualSelector: true`):
 *   `batch.kubernetes.io/job-name` and `job-name` = the Job's name, `batch.kubernetes.io/controller-uid` and
 *   `controller-uid` = its uid; for `completionMode: Indexed` the job controller adds
 *   `batch.kubernetes.io/job-completion-index` = 0 … completions-1 (pkg/controller/job, indexed_job_utils.go).
 *   A CronJob's Jobs get the same, named `<cronjob>-<scheduled time in minutes>`.
 *
 * Each label comes with the values it can take: exactly the known ones (a pod name, an index), or any value
 * where the controller generates it (a hash, a uid). The controller sets these labels over any written ones.
 */
import type { DocReader } from '../parse/nodes';
import type { K8sObject } from './object';

/** Whether a pod of the template can carry this value of the label. */
export type LabelValues = (value: string) => boolean;

/** Label key → the values the controller gives it. */
export type ControllerLabels = ReadonlyMap<string, LabelValues>;

export const NO_CONTROLLER_LABELS: ControllerLabels = new Map();

const ANY: LabelValues = () => true;

/** A decimal ordinal as Go's strconv.Itoa writes it (no sign, no leading zero), within [from, from + count). */
function ordinalIn(from: number, count: number | undefined): (text: string) => boolean {
  return (text) => {
    if (!/^(0|[1-9]\d*)$/.test(text)) return false;
    if (count === undefined) return true; // the count is not readable here: any ordinal may exist
    const n = Number(text);
    return n >= from && n < from + count;
  };
}

/** A count field: its default when absent, undefined when it is set to something that is not a whole number ≥ 0. */
function count(r: DocReader, node: unknown, absent: number | undefined): number | undefined {
  if (node === undefined || r.scalar(node)?.value === null) return absent;
  const n = r.int(node);
  return n !== undefined && n >= 0 ? n : undefined;
}

function jobLabels(r: DocReader, spec: unknown, jobName: LabelValues, out: Map<string, LabelValues>): void {
  if (r.scalar(r.get(spec, 'manualSelector'))?.value === true) return;
  out.set('batch.kubernetes.io/job-name', jobName);
  out.set('job-name', jobName);
  out.set('batch.kubernetes.io/controller-uid', ANY);
  out.set('controller-uid', ANY);
  if (r.text(r.get(spec, 'completionMode')) === 'Indexed') {
    out.set('batch.kubernetes.io/job-completion-index', ordinalIn(0, count(r, r.get(spec, 'completions'), undefined)));
  }
}

/** The labels the controller of a workload adds to its pods (none for Pods, ReplicaSets, ReplicationControllers). */
export function controllerLabelsOf(obj: K8sObject): ControllerLabels {
  const r = obj.reader;
  const spec = r.map(obj.get('spec'));
  const out = new Map<string, LabelValues>();
  switch (obj.kind) {
    case 'StatefulSet': {
      const replicas = count(r, r.get(spec, 'replicas'), 1);
      const start = count(r, r.at(spec, 'ordinals', 'start'), 0) ?? 0;
      const ordinal = ordinalIn(start, replicas);
      const name = obj.name;
      out.set('statefulset.kubernetes.io/pod-name', (v) => {
        if (name === undefined) return true;
        return v.startsWith(`${name}-`) && ordinal(v.slice(name.length + 1));
      });
      out.set('apps.kubernetes.io/pod-index', ordinal);
      out.set('controller-revision-hash', ANY);
      break;
    }
    case 'DaemonSet':
      out.set('controller-revision-hash', ANY);
      out.set('pod-template-generation', ANY);
      break;
    case 'Deployment':
      out.set('pod-template-hash', ANY);
      break;
    case 'Job': {
      const name = obj.name;
      jobLabels(r, spec, name === undefined ? ANY : (v) => v === name, out);
      break;
    }
    case 'CronJob': {
      // Its Jobs are named `<cronjob>-<scheduled time in minutes>` (cronjob controller getJobName).
      const name = obj.name;
      const minutes = ordinalIn(0, undefined);
      jobLabels(
        r,
        r.at(spec, 'jobTemplate', 'spec'),
        name === undefined ? ANY : (v) => v.startsWith(`${name}-`) && minutes(v.slice(name.length + 1)),
        out,
      );
      break;
    }
  }
  return out.size ? out : NO_CONTROLLER_LABELS;
}

/** What a selector is compared with: the labels a template writes, and those its controller adds. */
export interface PodLabels {
  labels: ReadonlyMap<string, string>;
  controllerLabels?: ControllerLabels;
}

/**
 * Whether a (non-empty) selector selects pods with these labels: every pair is a written label, or a label the
 * controller adds with that value among the ones it gives. The one place where selectors meet pods.
 */
export function selectsPodsWith(selector: ReadonlyMap<string, string>, pods: PodLabels): boolean {
  if (selector.size === 0) return false;
  const added = pods.controllerLabels;
  for (const [k, v] of selector) {
    const values = added?.get(k);
    if (values ? !values(v) : pods.labels.get(k) !== v) return false;
  }
  return true;
}
