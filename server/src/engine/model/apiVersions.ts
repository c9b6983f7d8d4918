/**
 * API versions that Kubernetes has removed (from the deprecated API migration guide), per kind, with the
 * version to use instead. The API server rejects objects that use them.
 */
export const REMOVED_API_VERSIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'extensions/v1beta1': {
    Deployment: 'apps/v1', DaemonSet: 'apps/v1', ReplicaSet: 'apps/v1', Ingress: 'networking.k8s.io/v1',
    NetworkPolicy: 'networking.k8s.io/v1', PodSecurityPolicy: 'policy/v1beta1',
  },
  'apps/v1beta1': { Deployment: 'apps/v1', StatefulSet: 'apps/v1', ReplicaSet: 'apps/v1', ControllerRevision: 'apps/v1' },
  'apps/v1beta2': { Deployment: 'apps/v1', StatefulSet: 'apps/v1', DaemonSet: 'apps/v1', ReplicaSet: 'apps/v1', ControllerRevision: 'apps/v1' },
  'networking.k8s.io/v1beta1': { Ingress: 'networking.k8s.io/v1', IngressClass: 'networking.k8s.io/v1' },
  'batch/v1beta1': { CronJob: 'batch/v1' },
  'batch/v2alpha1': { CronJob: 'batch/v1' },
  'policy/v1beta1': { PodDisruptionBudget: 'policy/v1' },
  'autoscaling/v2beta1': { HorizontalPodAutoscaler: 'autoscaling/v2' },
  'autoscaling/v2beta2': { HorizontalPodAutoscaler: 'autoscaling/v2' },
  'rbac.authorization.k8s.io/v1beta1': {
    ClusterRole: 'rbac.authorization.k8s.io/v1', ClusterRoleBinding: 'rbac.authorization.k8s.io/v1',
    Role: 'rbac.authorization.k8s.io/v1', RoleBinding: 'rbac.authorization.k8s.io/v1',
  },
  'apiextensions.k8s.io/v1beta1': { CustomResourceDefinition: 'apiextensions.k8s.io/v1' },
  'apiregistration.k8s.io/v1beta1': { APIService: 'apiregistration.k8s.io/v1' },
  'admissionregistration.k8s.io/v1beta1': {
    MutatingWebhookConfiguration: 'admissionregistration.k8s.io/v1',
    ValidatingWebhookConfiguration: 'admissionregistration.k8s.io/v1',
  },
  'scheduling.k8s.io/v1beta1': { PriorityClass: 'scheduling.k8s.io/v1' },
  'scheduling.k8s.io/v1alpha1': { PriorityClass: 'scheduling.k8s.io/v1' },
  'storage.k8s.io/v1beta1': {
    CSIDriver: 'storage.k8s.io/v1', CSINode: 'storage.k8s.io/v1', StorageClass: 'storage.k8s.io/v1',
    VolumeAttachment: 'storage.k8s.io/v1', CSIStorageCapacity: 'storage.k8s.io/v1',
  },
  'certificates.k8s.io/v1beta1': { CertificateSigningRequest: 'certificates.k8s.io/v1' },
  'coordination.k8s.io/v1beta1': { Lease: 'coordination.k8s.io/v1' },
  'discovery.k8s.io/v1beta1': { EndpointSlice: 'discovery.k8s.io/v1' },
  'events.k8s.io/v1beta1': { Event: 'events.k8s.io/v1' },
  'node.k8s.io/v1beta1': { RuntimeClass: 'node.k8s.io/v1' },
  'flowcontrol.apiserver.k8s.io/v1beta1': { FlowSchema: 'flowcontrol.apiserver.k8s.io/v1', PriorityLevelConfiguration: 'flowcontrol.apiserver.k8s.io/v1' },
  'flowcontrol.apiserver.k8s.io/v1beta2': { FlowSchema: 'flowcontrol.apiserver.k8s.io/v1', PriorityLevelConfiguration: 'flowcontrol.apiserver.k8s.io/v1' },
};

/** The version to use instead of a removed one, or undefined when apiVersion/kind is current (or unknown). */
export function replacementApiVersion(apiVersion: string, kind: string): string | undefined {
  return REMOVED_API_VERSIONS[apiVersion]?.[kind];
}

/** Kinds whose pods are described by a pod template, and the apiVersions under which kubeway reads them. */
export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Pod'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

const WORKLOAD_GROUPS: Record<WorkloadKind, readonly string[]> = {
  Deployment: ['apps/v1', 'apps/v1beta1', 'apps/v1beta2', 'extensions/v1beta1'],
  StatefulSet: ['apps/v1', 'apps/v1beta1', 'apps/v1beta2'],
  DaemonSet: ['apps/v1', 'apps/v1beta2', 'extensions/v1beta1'],
  ReplicaSet: ['apps/v1', 'apps/v1beta1', 'apps/v1beta2', 'extensions/v1beta1'],
  ReplicationController: ['v1'],
  Job: ['batch/v1'],
  CronJob: ['batch/v1', 'batch/v1beta1', 'batch/v2alpha1'],
  Pod: ['v1'],
};

export function isWorkload(apiVersion: string, kind: string): kind is WorkloadKind {
  return (WORKLOAD_GROUPS as Record<string, readonly string[]>)[kind]?.includes(apiVersion) ?? false;
}

export function isService(apiVersion: string, kind: string): boolean {
  return kind === 'Service' && apiVersion === 'v1';
}

export function isIngress(apiVersion: string, kind: string): boolean {
  return kind === 'Ingress' && (apiVersion === 'networking.k8s.io/v1' || apiVersion === 'networking.k8s.io/v1beta1' || apiVersion === 'extensions/v1beta1');
}
