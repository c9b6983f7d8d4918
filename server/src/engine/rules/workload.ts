import { podRestartPolicy } from './pod-restart-policy';
import type { Rule } from './rule';
import { workloadNegativeCount } from './workload-negative-count';
import { workloadSelector } from './workload-selector';
import { workloadStrategy } from './workload-strategy';

/** Rules on workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod), their pod templates and object names. */
export const WORKLOAD_RULES: readonly Rule[] = [workloadSelector, workloadNegativeCount, workloadStrategy, podRestartPolicy];
