import { containerEnv } from './container-env';
import { containerImage } from './container-image';
import { containerName } from './container-name';
import { containerPort } from './container-port';
import { containerPortName } from './container-port-name';
import { containerProbe } from './container-probe';
import { containerResources } from './container-resources';
import { containerVolumeMount } from './container-volume-mount';
import { objectAnnotations } from './object-annotations';
import { objectConfigData } from './object-config-data';
import { objectLabels } from './object-labels';
import { objectName } from './object-name';
import { podContainers } from './pod-containers';
import { podRestartPolicy } from './pod-restart-policy';
import { podScheduling } from './pod-scheduling';
import { podSpec } from './pod-spec';
import { podVolumes } from './pod-volumes';
import type { Rule } from './rule';
import { workloadAutoscaler } from './workload-autoscaler';
import { workloadCronjob } from './workload-cronjob';
import { workloadDisruptionBudget } from './workload-disruption-budget';
import { workloadNegativeCount } from './workload-negative-count';
import { workloadSelector } from './workload-selector';
import { workloadStrategy } from './workload-strategy';

/** Rules on workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod), their pod templates, autoscalers, disruption budgets and object names. */
export const WORKLOAD_RULES: readonly Rule[] = [
  objectName,
  objectLabels,
  objectAnnotations,
  objectConfigData,
  workloadSelector,
  workloadNegativeCount,
  workloadStrategy,
  workloadCronjob,
  workloadAutoscaler,
  workloadDisruptionBudget,
  podContainers,
  podRestartPolicy,
  podVolumes,
  podScheduling,
  podSpec,
  containerName,
  containerImage,
  containerPort,
  containerPortName,
  containerVolumeMount,
  containerEnv,
  containerResources,
  containerProbe,
];
