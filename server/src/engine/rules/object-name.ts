import type { Node } from 'yaml';
import {
  byteLength,
  isDNS1123Label,
  isValidIP,
  isValidPathSegmentName,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
} from '../k8s/validation';
import type { ValidateNameFunc } from '../k8s/validation';
import type { K8sObject } from '../model/object';
import { isKnownKind } from '../schema';
import type { Rule } from './rule';
import { isInvalid } from './utils/messages';
import { isKustomizePatch } from '../model/kustomize';
import { stringOrNull } from '../parse/values';
import { deepestKey } from './utils/object';

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');

/**
 * The name function of each kind whose API server validation does not use the default, NameIsDNSSubdomain
 * (the `ValidateXxxName` of pkg/apis/*\/validation; custom resources always get the default, from
 * apiextensions-apiserver's validator). Services are left to service-name (NameIsDNS1035Label).
 */
export function nameFuncOf(apiVersion: string, kind: string): ValidateNameFunc {
  const group = groupOf(apiVersion);
  if (apiVersion === 'v1' && kind === 'Namespace') return nameIsDNSLabel; // ValidateNamespaceName
  // ValidateStatefulSetName: the pods are named <name>-<ordinal> and use that as their hostname.
  if (group === 'apps' && kind === 'StatefulSet') return nameIsDNSLabel;
  // ValidateRBACName: any path segment, generateName included (`system:controller:foo`, capitals).
  if (
    group === 'rbac.authorization.k8s.io' &&
    ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'].includes(kind)
  )
    return (name) => isValidPathSegmentName(name);
  // ValidateIPAddressName: an IPAddress is named by the address it allocates, in canonical form.
  if (group === 'networking.k8s.io' && kind === 'IPAddress') return (name) => isValidIP(name);
  return nameIsDNSSubdomain;
}

/**
 * Configuration files of tools that look like objects but are never sent to the API server (kustomizations,
 * kubeconfig, kubeadm, kind, skaffold, kpt, component configs): their names follow no API server rule.
 */
const CLIENT_SIDE_GROUP =
  /(^|\.)(config\.k8s\.io|kubeadm\.k8s\.io|apiserver\.k8s\.io|audit\.k8s\.io|client\.authentication\.k8s\.io|x-k8s\.io|config\.kubernetes\.io|kpt\.dev|k3d\.io|ctlptl\.dev|kuttl\.dev)$/;
function isClientSideConfig(apiVersion: string, kind: string): boolean {
  if (apiVersion === 'v1') return kind === 'Config' || kind === 'Preferences';
  const group = groupOf(apiVersion);
  return (
    apiVersion === 'builtin' ||
    /^skaffold\//.test(apiVersion) ||
    CLIENT_SIDE_GROUP.test(group) ||
    (group === '' && !/^v\d/.test(apiVersion))
  );
}

const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'VolumeAttachment',
  'CSIDriver',
  'CSINode',
  'VolumeAttributesClass',
  'PriorityClass',
  'RuntimeClass',
  'IngressClass',
  'IPAddress',
  'ServiceCIDR',
  'ClusterRole',
  'ClusterRoleBinding',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'CustomResourceDefinition',
  'APIService',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'CertificateSigningRequest',
  'ClusterTrustBundle',
  'DeviceClass',
  'ResourceSlice',
  'ComponentStatus',
  'StorageVersionMigration',
]);

/** `${CLUSTER}`: a placeholder of a sed/envsubst workflow that was never substituted. */
function placeholderHint(name: string): string {
  const m = /\$\{[^}]*\}|\$\([^)]*\)/.exec(name);
  return m ? ` (\`${m[0]}\` is a placeholder that was never substituted)` : '';
}

/**
 * metadata.name (or generateName) of every object, custom resources included, as ValidateObjectMeta checks
 * it on create: with the kind's name function (a DNS subdomain unless the kind says otherwise), required
 * for built-in kinds; plus the limits that come from generated names: a CronJob name of at most 52
 * characters (its Jobs add 11), a Job name that fits a label value (its pods carry it in job-name), an
 * Indexed Job whose last pod hostname is a DNS label, a CustomResourceDefinition named <plural>.<group>.
 * metadata.namespace, when set on a namespaced built-in kind, must be a DNS label. Tool configuration files
 * and kustomize patches without a name are not judged.
 */
export const objectName: Rule = {
  id: 'object-name',
  description:
    'metadata.name is required and must have the syntax the kind requires (a DNS subdomain for most kinds and custom resources).',
  severity: 'error',
  docs: {
    why: 'Names become parts of URLs, DNS names and file names: the API server requires the syntax of the kind, for most kinds a lowercase DNS subdomain (letters, digits, `-` and `.`, at most 253 characters).',
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
  appliesTo: (obj) =>
    !(obj.apiVersion === 'v1' && obj.kind === 'Service') && !isClientSideConfig(obj.apiVersion, obj.kind),
  checkObject(obj, ctx) {
    const nameFn = nameFuncOf(obj.apiVersion, obj.kind);
    const builtIn = isKnownKind(obj.apiVersion, obj.kind);
    const r = obj.reader;
    const meta = obj.metadata;
    const nameNode = r.get(meta, 'name');
    const genNode = r.get(meta, 'generateName');
    const name = nameNode === undefined ? null : stringOrNull(r, nameNode);
    const gen = genNode === undefined ? null : stringOrNull(r, genNode);
    if (name === undefined || gen === undefined) return; // not a string: the schema check reports the type
    if (gen) {
      const errs = nameFn(gen, true);
      if (errs.length)
        ctx.report({
          at: genNode as Node,
          message: `generateName \`${gen}\` ${isInvalid(errs)}${placeholderHint(gen)}.`,
        });
    }
    if (!name) {
      // A custom kind without metadata may be a tool's own file: only built-in kinds must have a name.
      if (!gen && builtIn && !isKustomizePatch(ctx.workspace, obj)) {
        ctx.report({
          at: deepestKey(obj, 'metadata', 'name'),
          message: `${obj.kind} has no metadata.name: set a name (or generateName).`,
        });
      }
    } else {
      const errs = nameFn(name, false);
      if (errs.length) {
        ctx.report({
          at: nameNode as Node,
          message: `${obj.kind} name \`${name}\` ${isInvalid(errs)}${placeholderHint(name)}.`,
        });
      } else {
        checkGeneratedNames(obj, name, (message) => ctx.report({ at: nameNode as Node, message }));
      }
    }
    const nsNode = r.get(meta, 'namespace');
    const ns = stringOrNull(r, nsNode);
    if (ns && builtIn && !CLUSTER_SCOPED.has(obj.kind)) {
      const errs = nameIsDNSLabel(ns, false); // ValidateObjectMeta checks the namespace with ValidateNamespaceName
      if (errs.length)
        ctx.report({ at: nsNode as Node, message: `Namespace \`${ns}\` ${isInvalid(errs)}${placeholderHint(ns)}.` });
    }
  },
};

function checkGeneratedNames(obj: K8sObject, name: string, report: (message: string) => void): void {
  const r = obj.reader;
  const group = groupOf(obj.apiVersion);
  if (group === 'batch' && obj.kind === 'CronJob' && byteLength(name) > 52) {
    report(
      `CronJob name \`${name}\` is longer than 52 characters: its Jobs are named <name>-<11 characters>, which must fit in 63.`,
    );
  } else if (group === 'batch' && obj.kind === 'Job') {
    const spec = r.map(obj.get('spec'));
    const manual = r.scalar(r.get(spec, 'manualSelector'))?.value === true;
    if (!manual && byteLength(name) > 63) {
      report(
        `Job name \`${name}\` is longer than 63 characters: the API server puts it in the job-name label of the Job's pods, and a label value has at most 63.`,
      );
      return;
    }
    const completions = r.int(r.get(spec, 'completions'));
    if (r.str(r.get(spec, 'completionMode')) === 'Indexed' && completions !== undefined && completions > 0) {
      const hostname = `${name}-${completions - 1}`;
      const errs = isDNS1123Label(hostname);
      if (errs.length)
        report(
          `Indexed Job name \`${name}\` is too long or not a DNS label: its last pod's hostname \`${hostname}\` ${isInvalid(errs)}.`,
        );
    }
  } else if (group === 'apiextensions.k8s.io' && obj.kind === 'CustomResourceDefinition') {
    const plural = r.str(obj.get('spec', 'names', 'plural'));
    const crdGroup = r.str(obj.get('spec', 'group'));
    if (plural && crdGroup && name !== `${plural}.${crdGroup}`) {
      report(
        `A CustomResourceDefinition must be named <spec.names.plural>.<spec.group>: \`${plural}.${crdGroup}\`, not \`${name}\`.`,
      );
    }
  }
}
