/**
 * API versions that Kubernetes no longer serves, per kind: the version to use instead (null when the kind
 * itself is gone) and the release that removed it (from the deprecated API migration guide). The API
 * server rejects objects that use them.
 */
const REMOVALS: readonly { apiVersion: string; kinds: readonly string[]; use: string | null; removedIn: string }[] = [
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'],
    use: 'apps/v1',
    removedIn: '1.16',
  },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], use: 'networking.k8s.io/v1', removedIn: '1.16' },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], use: 'networking.k8s.io/v1', removedIn: '1.22' },
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], use: null, removedIn: '1.25' },
  {
    apiVersion: 'apps/v1beta1',
    kinds: ['Deployment', 'StatefulSet', 'ReplicaSet', 'ControllerRevision'],
    use: 'apps/v1',
    removedIn: '1.16',
  },
  {
    apiVersion: 'apps/v1beta2',
    kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision'],
    use: 'apps/v1',
    removedIn: '1.16',
  },
  {
    apiVersion: 'networking.k8s.io/v1beta1',
    kinds: ['Ingress', 'IngressClass'],
    use: 'networking.k8s.io/v1',
    removedIn: '1.22',
  },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], use: 'batch/v1', removedIn: '1.25' },
  { apiVersion: 'batch/v2alpha1', kinds: ['CronJob'], use: 'batch/v1', removedIn: '1.21' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], use: 'policy/v1', removedIn: '1.25' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], use: null, removedIn: '1.25' },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], use: 'autoscaling/v2', removedIn: '1.25' },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], use: 'autoscaling/v2', removedIn: '1.26' },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1beta1',
    kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
    use: 'rbac.authorization.k8s.io/v1',
    removedIn: '1.22',
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1alpha1',
    kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
    use: 'rbac.authorization.k8s.io/v1',
    removedIn: '1.22',
  },
  {
    apiVersion: 'apiextensions.k8s.io/v1beta1',
    kinds: ['CustomResourceDefinition'],
    use: 'apiextensions.k8s.io/v1',
    removedIn: '1.22',
  },
  {
    apiVersion: 'apiregistration.k8s.io/v1beta1',
    kinds: ['APIService'],
    use: 'apiregistration.k8s.io/v1',
    removedIn: '1.22',
  },
  {
    apiVersion: 'admissionregistration.k8s.io/v1beta1',
    kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
    use: 'admissionregistration.k8s.io/v1',
    removedIn: '1.22',
  },
  {
    apiVersion: 'authentication.k8s.io/v1beta1',
    kinds: ['TokenReview'],
    use: 'authentication.k8s.io/v1',
    removedIn: '1.22',
  },
  {
    apiVersion: 'authorization.k8s.io/v1beta1',
    kinds: ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview'],
    use: 'authorization.k8s.io/v1',
    removedIn: '1.22',
  },
  {
    apiVersion: 'certificates.k8s.io/v1beta1',
    kinds: ['CertificateSigningRequest'],
    use: 'certificates.k8s.io/v1',
    removedIn: '1.22',
  },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], use: 'coordination.k8s.io/v1', removedIn: '1.22' },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], use: 'scheduling.k8s.io/v1', removedIn: '1.22' },
  {
    apiVersion: 'scheduling.k8s.io/v1alpha1',
    kinds: ['PriorityClass'],
    use: 'scheduling.k8s.io/v1',
    removedIn: '1.17',
  },
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'],
    use: 'storage.k8s.io/v1',
    removedIn: '1.22',
  },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], use: 'storage.k8s.io/v1', removedIn: '1.27' },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], use: 'discovery.k8s.io/v1', removedIn: '1.25' },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], use: 'events.k8s.io/v1', removedIn: '1.25' },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], use: 'node.k8s.io/v1', removedIn: '1.25' },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1',
    kinds: ['FlowSchema', 'PriorityLevelConfiguration'],
    use: 'flowcontrol.apiserver.k8s.io/v1',
    removedIn: '1.26',
  },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2',
    kinds: ['FlowSchema', 'PriorityLevelConfiguration'],
    use: 'flowcontrol.apiserver.k8s.io/v1',
    removedIn: '1.29',
  },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
    kinds: ['FlowSchema', 'PriorityLevelConfiguration'],
    use: 'flowcontrol.apiserver.k8s.io/v1',
    removedIn: '1.32',
  },
];

/** apiVersion → kind → the version to use instead (kinds with a replacement only). */
export const REMOVED_API_VERSIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = (() => {
  const out: Record<string, Record<string, string>> = {};
  for (const r of REMOVALS) if (r.use) for (const k of r.kinds) (out[r.apiVersion] ??= {})[k] = r.use;
  return out;
})();

/** The version to use instead of a removed one, or undefined when apiVersion/kind is current (or unknown). */
export function replacementApiVersion(apiVersion: string, kind: string): string | undefined {
  return REMOVED_API_VERSIONS[apiVersion]?.[kind];
}

/** How an apiVersion/kind was removed: the version to use instead (null: the kind is gone) and when. */
export function apiRemoval(apiVersion: string, kind: string): { use: string | null; removedIn: string } | undefined {
  const r = REMOVALS.find((x) => x.apiVersion === apiVersion && x.kinds.includes(kind));
  return r ? { use: r.use, removedIn: r.removedIn } : undefined;
}

/** Kinds whose pods are described by a pod template, and the apiVersions under which kubeway reads them. */
export const WORKLOAD_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
  'Pod',
] as const;
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
  return (
    kind === 'Ingress' &&
    (apiVersion === 'networking.k8s.io/v1' ||
      apiVersion === 'networking.k8s.io/v1beta1' ||
      apiVersion === 'extensions/v1beta1')
  );
}
