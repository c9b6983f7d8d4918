import { isScalar } from 'yaml';
import type { Node, YAMLMap } from 'yaml';
import { WORKLOAD_KINDS, isWorkload } from '../model/apiVersions';
import type { K8sObject } from '../model/object';
import type { DocReader } from '../parse/nodes';
import { keyText } from '../parse/nodes';
import { checkFieldRef } from './container-env';
import type { Rule, RuleContext } from './rule';
import { isDNS1123Label } from '../k8s/validation';
import { isInvalid } from './utils/messages';
import { isKustomizePatch } from '../model/kustomize';
import { firstKey, isUnset, keyNode, stringOrNull } from '../parse/values';
import { fileModeProblem, localPathProblem, podSpecOf } from './utils/podSpec';

/** The volume sources of core.VolumeSource (validateVolumeSource counts them). */
const SOURCES = [
  'emptyDir',
  'hostPath',
  'gitRepo',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'flocker',
  'persistentVolumeClaim',
  'rbd',
  'cinder',
  'cephfs',
  'quobyte',
  'downwardAPI',
  'fc',
  'flexVolume',
  'configMap',
  'azureFile',
  'vsphereVolume',
  'photonPersistentDisk',
  'portworxVolume',
  'azureDisk',
  'storageos',
  'projected',
  'scaleIO',
  'csi',
  'ephemeral',
  'image',
];

/** Fields a source cannot do without (validateConfigMapVolumeSource, validateSecretVolumeSource, ...). */
const REQUIRED: Record<string, [field: string, what: string]> = {
  configMap: ['name', 'name the ConfigMap to mount'],
  secret: ['secretName', 'name the Secret to mount'],
  persistentVolumeClaim: ['claimName', 'name the PersistentVolumeClaim to mount'],
  hostPath: ['path', 'set the path on the node'],
  nfs: ['path', 'set the exported path'],
};

/** A projected token lives at least 10 minutes and at most 2^32 seconds (validateProjectionSources). */
const MIN_TOKEN_SECONDS = 600;
const MAX_TOKEN_SECONDS = 2 ** 32;
/** What a downwardAPI volume file may hold (validVolumeDownwardAPIFieldPathExpressions). */
const VOLUME_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.labels',
  'metadata.annotations',
  'metadata.uid',
];

/**
 * Pod volumes (core ValidateVolumes, validateVolumeSource): each needs a name that is a DNS-1123 label, unique in
 * the pod, and exactly one source — `emptyDir:` left empty is null, which is no source at all: write `emptyDir: {}`.
 * Inside the sources: file modes from 0 to 0777 (defaultMode, items[].mode; `644` is decimal, `0644` octal),
 * items with a key and a relative path that stays inside the volume (validateKeyToPath), a hostPath without
 * `..`, and projected service account tokens of at least 10 minutes.
 */
export const podVolumes: Rule = {
  id: 'pod-volumes',
  description:
    'Pod volumes need unique lowercase DNS-label names and exactly one source (emptyDir: {}, configMap, secret, ...).',
  severity: 'error',
  docs: {
    why: 'Each volume is mounted by its name and comes from exactly one source: the API server rejects a volume without a source (write `emptyDir: {}` for scratch space), with two, or with a name that is not a unique DNS label.',
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
  volumes:
    - name: cache
`,
    fixed: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
  volumes:
    - name: cache
      emptyDir: {}
`,
  },
  kinds: WORKLOAD_KINDS,
  appliesTo: (obj) => isWorkload(obj.apiVersion, obj.kind),
  checkObject(obj, ctx) {
    const r = obj.reader;
    const patch = isKustomizePatch(ctx.workspace, obj);
    const seen = new Set<string>();
    for (const item of r.items(r.get(podSpecOf(obj), 'volumes'))) {
      const volume = r.map(item);
      if (!volume) continue;
      const node = r.get(volume, 'name');
      const name = node === undefined ? null : stringOrNull(r, node);
      if (name === null || name === '') {
        if (!patch)
          ctx.report({
            at: firstKey(volume),
            message: `A volume has no name: every volume needs one, for volumeMounts to refer to it.`,
          });
      } else if (name !== undefined) {
        const errs = isDNS1123Label(name);
        if (errs.length) {
          ctx.report({ at: node as Node, message: `Volume name \`${name}\` ${isInvalid(errs)}.` });
        } else if (seen.has(name)) {
          ctx.report({
            at: node as Node,
            message: `Volume name \`${name}\` is used twice in this pod: volume names must be unique.`,
          });
        } else {
          seen.add(name);
        }
      }
      checkSource(ctx, r, volume, name ?? undefined, patch);
      checkContents(obj, ctx, volume);
    }
  },
};

/** Modes, items and paths inside the volume's source (whatever the source count: each is judged alone). */
function checkContents(obj: K8sObject, ctx: RuleContext, volume: YAMLMap): void {
  const r = obj.reader;
  for (const source of ['configMap', 'secret', 'downwardAPI', 'projected']) {
    const src = r.map(r.get(volume, source));
    if (!src) continue;
    checkMode(obj, ctx, r.get(src, 'defaultMode'), 'defaultMode');
    if (source === 'projected') {
      for (const item of r.items(r.get(src, 'sources'))) {
        for (const inner of ['configMap', 'secret']) checkItems(obj, ctx, r.map(r.get(item, inner)), true);
        checkItems(obj, ctx, r.map(r.get(item, 'downwardAPI')), false);
        const token = r.map(r.get(item, 'serviceAccountToken'));
        if (token) checkToken(obj, ctx, token);
      }
    } else {
      checkItems(obj, ctx, src, source !== 'downwardAPI');
    }
  }
  const hostPath = r.get(r.get(volume, 'hostPath'), 'path');
  const path = stringOrNull(r, hostPath);
  if (path && path.split('/').includes('..')) {
    ctx.report({
      at: hostPath as Node,
      message: `hostPath \`${path}\` must not contain '..': write the path on the node without going up.`,
    });
  }
}

/** items of a configMap / secret (key + path) or downwardAPI (path) source. */
function checkItems(obj: K8sObject, ctx: RuleContext, src: YAMLMap | undefined, keyed: boolean): void {
  if (!src) return;
  const r = obj.reader;
  for (const item of r.items(r.get(src, 'items'))) {
    const m = r.map(item);
    if (!m) continue;
    if (keyed) {
      const key = r.get(m, 'key');
      const k = key === undefined ? null : stringOrNull(r, key);
      if (k === null || k === '')
        ctx.report({
          at: keyNode(r, m, 'key') ?? firstKey(m),
          message: 'This item has no key: name the key of the ConfigMap or Secret to project.',
        });
    }
    const pathNode = r.get(m, 'path');
    const path = pathNode === undefined ? null : stringOrNull(r, pathNode);
    if (path === null || path === '') {
      ctx.report({
        at: keyNode(r, m, 'path') ?? firstKey(m),
        message: `This item has no path: set the file name to create inside the volume.`,
      });
    } else if (path !== undefined) {
      const problem = localPathProblem(path, true);
      if (problem)
        ctx.report({
          at: pathNode as Node,
          message: `Item path \`${path}\` ${problem}: it names a file inside the volume.`,
        });
    }
    checkMode(obj, ctx, r.get(m, 'mode'), 'mode');
    if (keyed) continue;
    const fieldRef = r.map(r.get(m, 'fieldRef'));
    const resourceRef = r.get(m, 'resourceFieldRef');
    if (fieldRef && !isUnset(r, resourceRef)) {
      ctx.report({
        at: keyNode(r, m, 'resourceFieldRef') as Node,
        message: 'A downwardAPI item sets both fieldRef and resourceFieldRef: use one of them.',
      });
    } else if (fieldRef) {
      checkFieldRef(obj, ctx, fieldRef, VOLUME_FIELD_PATHS, 'a downwardAPI volume');
    } else if (isUnset(r, resourceRef) && isUnset(r, r.get(m, 'fieldRef'))) {
      ctx.report({
        at: firstKey(m),
        message: 'A downwardAPI item needs fieldRef or resourceFieldRef: the value to write into the file.',
      });
    }
  }
}

function checkMode(obj: K8sObject, ctx: RuleContext, node: Node | undefined, field: string): void {
  const mode = obj.reader.int(node);
  if (mode === undefined) return;
  const problem = fileModeProblem(mode);
  if (!problem) return;
  const s = obj.reader.scalar(node);
  // `0644` reads as octal in YAML, not in JSON.
  const fixable =
    problem.octal &&
    isScalar(s) &&
    s.type === 'PLAIN' &&
    s.source === String(mode) &&
    !obj.doc.file.text.trimStart().startsWith('{');
  ctx.report({
    at: node as Node,
    message: `${field} ${mode} ${problem.message}.`,
    fix: fixable
      ? { title: `Change to ${problem.octal}`, edits: [{ range: obj.doc.rangeOf(node), newText: problem.octal! }] }
      : undefined,
  });
}

function checkToken(obj: K8sObject, ctx: RuleContext, token: YAMLMap): void {
  const r = obj.reader;
  const secondsNode = r.get(token, 'expirationSeconds');
  const seconds = r.int(secondsNode);
  if (seconds !== undefined && (seconds < MIN_TOKEN_SECONDS || seconds > MAX_TOKEN_SECONDS)) {
    ctx.report({
      at: secondsNode as Node,
      message:
        seconds < MIN_TOKEN_SECONDS
          ? `expirationSeconds ${seconds} is less than 10 minutes: a projected service account token lives at least 600 seconds (the default is 3600).`
          : `expirationSeconds ${seconds} is more than 2^32 seconds.`,
    });
  }
  const pathNode = r.get(token, 'path');
  const path = pathNode === undefined ? null : stringOrNull(r, pathNode);
  if (path === null || path === '') {
    ctx.report({
      at: keyNode(r, token, 'path') ?? firstKey(token),
      message: `serviceAccountToken has no path: set the file name of the token inside the volume.`,
    });
  } else if (path !== undefined) {
    const problem = localPathProblem(path, true);
    if (problem)
      ctx.report({
        at: pathNode as Node,
        message: `Token path \`${path}\` ${problem}: it names a file inside the volume.`,
      });
  }
}

function checkSource(ctx: RuleContext, r: DocReader, volume: YAMLMap, name: string | undefined, patch: boolean): void {
  const label = name ? `Volume \`${name}\`` : 'A volume';
  const present = SOURCES.filter((s) => r.pair(volume, s));
  const set = present.filter((s) => !isUnset(r, r.get(volume, s)));
  if (set.length === 0) {
    if (present.length > 0) {
      const key = keyNode(r, volume, present[0]) as Node;
      ctx.report({
        at: key,
        message: `${label} has an empty ${present[0]}: YAML reads \`${present[0]}:\` without a value as null, which is no source at all. Write ${present[0]}: {}.`,
      });
    } else if (!patch && r.pairs(volume).every((p) => keyText(p.key) === 'name')) {
      // Only judged when nothing else is there: an unknown source key is the schema check's to report.
      ctx.report({
        at: firstKey(volume),
        message: `${label} has no source: set one of emptyDir: {}, configMap, secret, persistentVolumeClaim, hostPath, projected, ...`,
      });
    }
    return;
  }
  if (set.length > 1) {
    ctx.report({
      at: keyNode(r, volume, set[1]) as Node,
      message: `${label} has two sources, ${set[0]} and ${set[1]}: a volume has exactly one (use two volumes).`,
    });
  }
  for (const s of set) {
    const src = r.map(r.get(volume, s));
    if (!REQUIRED[s] || !src) continue;
    const [field, todo] = REQUIRED[s];
    const v = r.get(src, field);
    const value = v === undefined ? null : stringOrNull(r, v);
    if (value === null || value === '') {
      ctx.report({
        at: keyNode(r, volume, s) as Node,
        message: `${s} of ${label.charAt(0).toLowerCase() + label.slice(1)} has no ${field}: ${todo}.`,
      });
    }
  }
}
