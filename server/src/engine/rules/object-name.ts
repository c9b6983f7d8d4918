import type { Node } from 'yaml';
import type { K8sObject } from '../model/object';
import type { Rule } from './rule';
import { byteLength, deepestKey, dns1123LabelProblem, dns1123SubdomainProblem, isKustomizePatch, stringOrNull } from './workload-support';

type NameSyntax = 'subdomain' | 'label' | 'path-segment';

/**
 * The name validation function of each built-in kind (the `ValidateXxxName` variables of the API server's
 * validation packages). Only kinds listed here are judged: custom resources and aggregated APIs may have rules
 * of their own, and Services are covered by the Service rules.
 */
const SUBDOMAIN_KINDS: Record<string, string[]> = {
  v1: ['Pod', 'ReplicationController', 'ConfigMap', 'Secret', 'ServiceAccount', 'Endpoints', 'LimitRange', 'ResourceQuota', 'PersistentVolume', 'PersistentVolumeClaim', 'Node', 'PodTemplate'],
  'apps/v1': ['Deployment', 'ReplicaSet', 'DaemonSet', 'ControllerRevision'],
  'batch/v1': ['Job', 'CronJob'],
  'networking.k8s.io/v1': ['Ingress', 'IngressClass', 'NetworkPolicy'],
  'policy/v1': ['PodDisruptionBudget'],
  'autoscaling/v1': ['HorizontalPodAutoscaler'],
  'autoscaling/v2': ['HorizontalPodAutoscaler'],
  'storage.k8s.io/v1': ['StorageClass', 'VolumeAttachment'],
  'scheduling.k8s.io/v1': ['PriorityClass'],
  'node.k8s.io/v1': ['RuntimeClass'],
  'coordination.k8s.io/v1': ['Lease'],
  'discovery.k8s.io/v1': ['EndpointSlice'],
  'admissionregistration.k8s.io/v1': ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'],
  'apiextensions.k8s.io/v1': ['CustomResourceDefinition'],
};
const LABEL_KINDS: Record<string, string[]> = {
  v1: ['Namespace'],
  // Pods of a StatefulSet are named <name>-<ordinal> and use that as their hostname (ValidateStatefulSetName).
  'apps/v1': ['StatefulSet'],
};
const PATH_SEGMENT_KINDS: Record<string, string[]> = {
  'rbac.authorization.k8s.io/v1': ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'],
};
const CLUSTER_SCOPED = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'VolumeAttachment', 'PriorityClass', 'RuntimeClass', 'IngressClass', 'ClusterRole',
  'ClusterRoleBinding', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'CustomResourceDefinition',
]);

export function nameSyntax(apiVersion: string, kind: string): NameSyntax | undefined {
  if (SUBDOMAIN_KINDS[apiVersion]?.includes(kind)) return 'subdomain';
  if (LABEL_KINDS[apiVersion]?.includes(kind)) return 'label';
  if (PATH_SEGMENT_KINDS[apiVersion]?.includes(kind)) return 'path-segment';
  return undefined;
}

const DESCRIBE: Record<NameSyntax, string> = {
  subdomain: "a DNS subdomain (lowercase letters, digits, '-' and '.', at most 253 characters)",
  label: "a DNS label (lowercase letters, digits and '-', at most 63 characters)",
  'path-segment': "usable in a URL path (not '.' or '..', without '/' or '%')",
};

function problemOf(syntax: NameSyntax, name: string, prefix: boolean): string | undefined {
  // generateName gets a random suffix appended: a trailing '-' is fine there (maskTrailingDash).
  const value = prefix && name.length > 1 && name.endsWith('-') ? `${name.slice(0, -1)}a` : name;
  if (syntax === 'subdomain') return dns1123SubdomainProblem(value);
  if (syntax === 'label') return dns1123LabelProblem(value);
  if (!prefix && (name === '.' || name === '..')) return `may not be '${name}'`;
  if (name.includes('/')) return `may not contain '/'`;
  if (name.includes('%')) return `may not contain '%'`;
  return undefined;
}

/**
 * metadata.name (or generateName) as ValidateObjectMeta checks it on create: required, with the syntax of the
 * kind; plus the limits that come from generated names: a CronJob name of at most 52 characters (its Jobs add
 * 11), a Job name that fits a label value (its pods carry it in job-name), an Indexed Job whose last pod
 * hostname is a DNS label, a CustomResourceDefinition named <plural>.<group>. metadata.namespace, when set on
 * a namespaced built-in kind, must be a DNS label.
 */
export const objectName: Rule = {
  id: 'object-name',
  description: 'metadata.name is required and must have the syntax the kind requires (a DNS subdomain for most kinds).',
  severity: 'error',
  docs: {
    why: "Names become parts of URLs, DNS names and file names: the API server requires the syntax of the kind, for most kinds a lowercase DNS subdomain (letters, digits, `-` and `.`, at most 253 characters).",
    fails: `apiVersion: v1
kind: ConfigMap
metadata:
  name: App_Settings
data:
  mode: production
`,
    fixed: `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-settings
data:
  mode: production
`,
  },
  appliesTo: (obj) => obj.kind !== 'Service' && nameSyntax(obj.apiVersion, obj.kind) !== undefined,
  checkObject(obj, ctx) {
    const syntax = nameSyntax(obj.apiVersion, obj.kind)!;
    const r = obj.reader;
    const meta = obj.metadata;
    const nameNode = r.get(meta, 'name');
    const genNode = r.get(meta, 'generateName');
    const name = nameNode === undefined ? null : stringOrNull(r, nameNode);
    const gen = genNode === undefined ? null : stringOrNull(r, genNode);
    if (name === undefined || gen === undefined) return; // not a string: the schema check reports the type
    if (gen) {
      const problem = problemOf(syntax, gen, true);
      if (problem) ctx.report({ at: genNode as Node, message: `generateName \`${gen}\` ${problem}: a ${obj.kind} name must be ${DESCRIBE[syntax]}.` });
    }
    if (!name) {
      if (!gen && !isKustomizePatch(ctx.workspace, obj)) {
        ctx.report({ at: deepestKey(obj, 'metadata', 'name'), message: `${obj.kind} has no metadata.name: set a name (or generateName).` });
      }
    } else {
      const problem = problemOf(syntax, name, false);
      if (problem) {
        ctx.report({ at: nameNode as Node, message: `${obj.kind} name \`${name}\` ${problem}: a ${obj.kind} name must be ${DESCRIBE[syntax]}.` });
      } else {
        checkGeneratedNames(obj, name, (message) => ctx.report({ at: nameNode as Node, message }));
      }
    }
    const nsNode = r.get(meta, 'namespace');
    const ns = stringOrNull(r, nsNode);
    if (ns && !CLUSTER_SCOPED.has(obj.kind)) {
      const problem = dns1123LabelProblem(ns);
      if (problem) ctx.report({ at: nsNode as Node, message: `Namespace \`${ns}\` ${problem}: a namespace name must be a DNS label (lowercase letters, digits and '-', at most 63 characters).` });
    }
  },
};

function checkGeneratedNames(obj: K8sObject, name: string, report: (message: string) => void): void {
  const r = obj.reader;
  if (obj.kind === 'CronJob' && byteLength(name) > 52) {
    report(`CronJob name \`${name}\` is longer than 52 characters: its Jobs are named <name>-<11 characters>, which must fit in 63.`);
  } else if (obj.kind === 'Job') {
    const spec = r.map(obj.get('spec'));
    const manual = r.scalar(r.get(spec, 'manualSelector'))?.value === true;
    if (!manual && byteLength(name) > 63) {
      report(`Job name \`${name}\` is longer than 63 characters: the API server puts it in the job-name label of the Job's pods, and a label value has at most 63.`);
      return;
    }
    const completions = r.int(r.get(spec, 'completions'));
    if (r.str(r.get(spec, 'completionMode')) === 'Indexed' && completions !== undefined && completions > 0) {
      const hostname = `${name}-${completions - 1}`;
      if (dns1123LabelProblem(hostname)) report(`Indexed Job name \`${name}\` is too long or not a DNS label: its last pod's hostname \`${hostname}\` must be a DNS label (at most 63 characters, no dots).`);
    }
  } else if (obj.kind === 'CustomResourceDefinition') {
    const plural = r.str(obj.get('spec', 'names', 'plural'));
    const group = r.str(obj.get('spec', 'group'));
    if (plural && group && name !== `${plural}.${group}`) {
      report(`A CustomResourceDefinition must be named <spec.names.plural>.<spec.group>: \`${plural}.${group}\`, not \`${name}\`.`);
    }
  }
}
