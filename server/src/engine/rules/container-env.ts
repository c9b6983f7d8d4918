import type { Node, YAMLMap } from 'yaml';
import { WORKLOAD_KINDS, isWorkload } from '../model/apiVersions';
import type { K8sObject } from '../model/object';
import type { DocReader } from '../parse/nodes';
import type { Rule, RuleContext } from './rule';
import { isConfigMapKey, isQualifiedName, isRelaxedEnvVarName, nameIsDNSSubdomain } from '../k8s/validation';
import { isInvalid, lowerFirst } from './utils/messages';
import { firstKey, isUnset, keyNode, stringOrNull } from '../parse/values';
import { containerLabel } from './utils/podSpec';

const VALUE_SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'];
const ENV_FROM_SOURCES = ['configMapRef', 'secretRef'];
/** What an env variable's fieldRef may read (validEnvDownwardAPIFieldPathExpressions), besides labels['k'] / annotations['k']. */
export const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
/** What a resourceFieldRef may read (validContainerResourceFieldPathExpressions), besides hugepages. */
const RESOURCE_FIELDS = [
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
];

/**
 * Container environment as core ValidateEnv / validateEnvVarValueFrom / ValidateEnvFrom check it: every variable
 * has a name (printable ASCII without '=', the relaxed rule of current clusters); valueFrom has exactly one
 * source and no `value` beside it; fieldRef reads a field the downward API offers, resourceFieldRef a limit or
 * request; configMapKeyRef / secretKeyRef name a ConfigMap / Secret (a DNS subdomain) and a key (letters,
 * digits, '-', '_', '.'); each envFrom entry has exactly one of configMapRef and secretRef, with a valid name.
 */
export const containerEnv: Rule = {
  id: 'container-env',
  description: 'Container env variables need a name; valueFrom and envFrom need exactly one source.',
  severity: 'error',
  docs: {
    why: 'Environment variables are set by name, from a value or from exactly one source (a ConfigMap or Secret key, a field, a resource): the API server rejects a variable without a name, and a source with none or two.',
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      env:
        - value: "4"
`,
    fixed: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      env:
        - name: WORKERS
          value: "4"
`,
  },
  kinds: WORKLOAD_KINDS,
  appliesTo: (obj) => isWorkload(obj.apiVersion, obj.kind),
  checkContainer(c, obj, ctx) {
    const r = obj.reader;
    for (const item of r.items(r.get(c.map, 'env'))) {
      const env = r.map(item);
      if (!env) continue;
      const nameNode = r.get(env, 'name');
      const name = nameNode === undefined ? null : stringOrNull(r, nameNode);
      if (name === null || name === '') {
        ctx.report({ at: firstKey(env), message: `An env variable of ${lowerFirst(containerLabel(c))} has no name.` });
      } else if (name !== undefined && isRelaxedEnvVarName(name).length) {
        ctx.report({
          at: nameNode as Node,
          message: `Env variable name \`${name}\` ${isInvalid(isRelaxedEnvVarName(name))}.`,
        });
      }
      const valueFrom = r.get(env, 'valueFrom');
      if (isUnset(r, valueFrom) || !r.map(valueFrom)) continue;
      const label = name ? `\`${name}\`` : 'the variable';
      const sources = VALUE_SOURCES.filter((s) => !isUnset(r, r.get(valueFrom, s)));
      const valueFromKey = keyNode(r, env, 'valueFrom') as Node;
      if (sources.length === 0) {
        ctx.report({
          at: valueFromKey,
          message: `valueFrom of ${label} names no source: use one of fieldRef, resourceFieldRef, configMapKeyRef or secretKeyRef.`,
        });
        continue;
      }
      const value = stringOrNull(r, r.get(env, 'value'));
      if (value) {
        ctx.report({
          at: valueFromKey,
          message: `${label.charAt(0).toUpperCase() + label.slice(1)} sets both value and valueFrom: keep one of them.`,
        });
      } else if (sources.length > 1) {
        ctx.report({
          at: keyNode(r, valueFrom, sources[1]) as Node,
          message: `valueFrom of ${label} has ${sources.join(' and ')}: use exactly one source.`,
        });
      }
      for (const s of ['configMapKeyRef', 'secretKeyRef']) {
        const ref = r.map(r.get(valueFrom, s));
        if (ref) checkRefNames(ctx, r, ref, s, true);
      }
      const fieldRef = r.map(r.get(valueFrom, 'fieldRef'));
      if (fieldRef) checkFieldRef(obj, ctx, fieldRef, ENV_FIELD_PATHS, 'an env variable');
      const resourceRef = r.map(r.get(valueFrom, 'resourceFieldRef'));
      if (resourceRef) checkResourceRef(ctx, r, resourceRef);
    }
    for (const item of r.items(r.get(c.map, 'envFrom'))) {
      const from = r.map(item);
      if (!from) continue;
      const sources = ENV_FROM_SOURCES.filter((s) => !isUnset(r, r.get(from, s)));
      if (sources.length === 0) {
        ctx.report({
          at: firstKey(from),
          message: `An envFrom entry of ${lowerFirst(containerLabel(c))} names no source: use configMapRef or secretRef.`,
        });
      } else if (sources.length > 1) {
        ctx.report({
          at: keyNode(r, from, sources[1]) as Node,
          message: `An envFrom entry has both configMapRef and secretRef: use one entry for each.`,
        });
      }
      for (const s of ENV_FROM_SOURCES) {
        const ref = r.map(r.get(from, s));
        if (ref) checkRefNames(ctx, r, ref, s, false);
      }
      const prefixNode = r.get(from, 'prefix');
      const prefix = stringOrNull(r, prefixNode);
      if (prefix && isRelaxedEnvVarName(prefix).length) {
        ctx.report({
          at: prefixNode as Node,
          message: `envFrom prefix \`${prefix}\` ${isInvalid(isRelaxedEnvVarName(prefix))}.`,
        });
      }
    }
  },
};

/** configMapKeyRef / secretKeyRef need a name and a key; configMapRef / secretRef a name. */
function checkRefNames(ctx: RuleContext, r: DocReader, ref: YAMLMap, field: string, needsKey: boolean): void {
  const what = field.startsWith('configMap') ? 'ConfigMap' : 'Secret';
  const nameNode = r.get(ref, 'name');
  const name = nameNode === undefined ? null : stringOrNull(r, nameNode);
  if (name === null || name === '') {
    ctx.report({
      at: keyNode(r, ref, 'name') ?? firstKey(ref),
      message: `${field} has no name: name the ${what} to read.`,
    });
  } else if (name !== undefined) {
    // envFrom names are validated as prefixes (a trailing '-' passes), key refs as whole names.
    const errs = nameIsDNSSubdomain(name, !needsKey);
    if (errs.length) ctx.report({ at: nameNode as Node, message: `${what} name \`${name}\` ${isInvalid(errs)}.` });
  }
  if (!needsKey) return;
  const keyValue = r.get(ref, 'key');
  const key = keyValue === undefined ? null : stringOrNull(r, keyValue);
  if (key === null || key === '') {
    ctx.report({
      at: keyNode(r, ref, 'key') ?? firstKey(ref),
      message: `${field} has no key: name the key of the ${what} to read.`,
    });
  } else if (key !== undefined) {
    const errs = isConfigMapKey(key);
    if (errs.length) ctx.report({ at: keyValue as Node, message: `Key \`${key}\` ${isInvalid(errs)}.` });
  }
}

/**
 * A fieldRef: apiVersion v1 (the default), and a fieldPath among `allowed` or a label / annotation subscript
 * (`metadata.labels['app']`). Shared with downwardAPI volume items, which allow other paths.
 */
export function checkFieldRef(
  obj: K8sObject,
  ctx: RuleContext,
  ref: YAMLMap,
  allowed: readonly string[],
  what: string,
): void {
  const r = obj.reader;
  const versionNode = r.get(ref, 'apiVersion');
  const version = stringOrNull(r, versionNode);
  if (version && version !== 'v1') {
    ctx.report({
      at: versionNode as Node,
      message: `fieldRef apiVersion \`${version}\` is not supported: use v1 (or leave it out).`,
    });
  }
  const pathNode = r.get(ref, 'fieldPath');
  const path = pathNode === undefined ? null : stringOrNull(r, pathNode);
  if (path === null || path === '') {
    ctx.report({
      at: keyNode(r, ref, 'fieldPath') ?? firstKey(ref),
      message: `fieldRef has no fieldPath: name the pod field to read, such as metadata.name or status.podIP.`,
    });
    return;
  }
  if (path === undefined || allowed.includes(path) || path === 'spec.host') return;
  const sub = /^(.*)\['(.*)'\]$/.exec(path);
  if (sub) {
    const [, base, key] = sub;
    if (base === 'metadata.labels' || base === 'metadata.annotations') {
      const errs = isQualifiedName(base === 'metadata.annotations' ? key.toLowerCase() : key);
      if (errs.length)
        ctx.report({ at: pathNode as Node, message: `fieldPath \`${path}\`: the key \`${key}\` ${isInvalid(errs)}.` });
      return;
    }
  }
  const close = allowed.find((p) => p.toLowerCase() === path.toLowerCase());
  ctx.report({
    at: pathNode as Node,
    message: close
      ? `fieldPath \`${path}\` must be written \`${close}\` (the API server is case-sensitive).`
      : `fieldPath \`${path}\` cannot be read by ${what}: use one of ${allowed.join(', ')}, or metadata.labels['<key>'] / metadata.annotations['<key>'].`,
    fix: close
      ? { title: `Change to ${close}`, edits: [{ range: obj.doc.rangeOf(pathNode), newText: close }] }
      : undefined,
  });
}

/** A resourceFieldRef names a limit or request of cpu, memory, ephemeral-storage or hugepages. */
function checkResourceRef(ctx: RuleContext, r: DocReader, ref: YAMLMap): void {
  const node = r.get(ref, 'resource');
  const resource = node === undefined ? null : stringOrNull(r, node);
  if (resource === null || resource === '') {
    ctx.report({
      at: keyNode(r, ref, 'resource') ?? firstKey(ref),
      message: `resourceFieldRef has no resource: name one such as limits.memory or requests.cpu.`,
    });
    return;
  }
  if (resource === undefined || RESOURCE_FIELDS.includes(resource) || /^(requests|limits)\.hugepages-/.test(resource))
    return;
  ctx.report({
    at: node as Node,
    message: `resourceFieldRef resource \`${resource}\` is not supported: use one of ${RESOURCE_FIELDS.join(', ')} (or limits.hugepages-<size>).`,
  });
}
