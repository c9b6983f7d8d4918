import type { Rule } from './rule';

/** Rules on workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod), their pod templates and object names. */
export const WORKLOAD_RULES: readonly Rule[] = [];
