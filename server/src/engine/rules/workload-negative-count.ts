import type { Node } from 'yaml';
import { isWorkload } from '../model/apiVersions';
import type { Rule } from './rule';

/** Fields (paths from the object root) that the API server checks with ValidateNonnegativeField, per kind. */
const JOB_FIELDS = ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished'];
const NONNEGATIVE: Record<string, string[][]> = {
  Deployment: [
    ['spec', 'replicas'],
    ['spec', 'minReadySeconds'],
    ['spec', 'revisionHistoryLimit'],
    ['spec', 'progressDeadlineSeconds'],
  ],
  ReplicaSet: [
    ['spec', 'replicas'],
    ['spec', 'minReadySeconds'],
  ],
  StatefulSet: [
    ['spec', 'replicas'],
    ['spec', 'minReadySeconds'],
    ['spec', 'ordinals', 'start'],
    ['spec', 'updateStrategy', 'rollingUpdate', 'partition'],
  ],
  DaemonSet: [
    ['spec', 'minReadySeconds'],
    ['spec', 'revisionHistoryLimit'],
  ],
  ReplicationController: [
    ['spec', 'replicas'],
    ['spec', 'minReadySeconds'],
  ],
  Job: JOB_FIELDS.map((f) => ['spec', f]),
  CronJob: [
    ['spec', 'startingDeadlineSeconds'],
    ['spec', 'successfulJobsHistoryLimit'],
    ['spec', 'failedJobsHistoryLimit'],
    ...JOB_FIELDS.map((f) => ['spec', 'jobTemplate', 'spec', f]),
  ],
};

/** Replica counts, history limits and time limits of a workload must be 0 or more. */
export const workloadNegativeCount: Rule = {
  id: 'workload-negative-count',
  description: 'Replica counts, history limits and time limits of a workload must not be negative.',
  severity: 'error',
  docs: {
    why: 'Counts and limits (replicas, history limits, deadlines) are numbers of things or seconds: the API server rejects negative ones.',
    fails: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: -1
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
  replicas: 1
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
  kinds: Object.keys(NONNEGATIVE),
  appliesTo: (obj) => isWorkload(obj.apiVersion, obj.kind) && NONNEGATIVE[obj.kind] !== undefined,
  checkObject(obj, ctx) {
    for (const path of NONNEGATIVE[obj.kind]) {
      const node = obj.get(...path);
      const value = obj.reader.int(node);
      if (value === undefined || value >= 0) continue;
      const field = path.slice(1).join('.');
      ctx.report({
        at: node as Node,
        message: `${field} is ${value}: the API server requires ${path[path.length - 1] === 'replicas' ? 'a replica count' : 'a value'} of 0 or more.`,
      });
    }
  },
};
