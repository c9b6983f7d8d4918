import type { Node, YAMLMap } from 'yaml';
import { isWorkload } from '../model/apiVersions';
import type { DocReader } from '../parse/nodes';
import { keyText } from '../parse/nodes';
import type { Rule, RuleContext } from './rule';
import { dns1123LabelProblem, firstKey, isKustomizePatch, isUnset, keyNode, podSpecOf, stringOrNull } from './workload-support';

/** The volume sources of core.VolumeSource (validateVolumeSource counts them). */
const SOURCES = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs', 'flocker',
  'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'flexVolume', 'configMap', 'azureFile',
  'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos', 'projected', 'scaleIO', 'csi', 'ephemeral', 'image',
];

/** Fields a source cannot do without (validateConfigMapVolumeSource, validateSecretVolumeSource, ...). */
const REQUIRED: Record<string, [field: string, what: string]> = {
  configMap: ['name', 'name the ConfigMap to mount'],
  secret: ['secretName', 'name the Secret to mount'],
  persistentVolumeClaim: ['claimName', 'name the PersistentVolumeClaim to mount'],
  hostPath: ['path', 'set the path on the node'],
  nfs: ['path', 'set the exported path'],
};

/**
 * Pod volumes (core ValidateVolumes, validateVolumeSource): each needs a name that is a DNS-1123 label, unique in
 * the pod, and exactly one source — `emptyDir:` left empty is null, which is no source at all: write `emptyDir: {}`.
 */
export const podVolumes: Rule = {
  id: 'pod-volumes',
  description: 'Pod volumes need unique lowercase DNS-label names and exactly one source (emptyDir: {}, configMap, secret, ...).',
  severity: 'error',
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
        if (!patch) ctx.report({ at: firstKey(volume), message: `A volume has no name: every volume needs one, for volumeMounts to refer to it.` });
      } else if (name !== undefined) {
        const problem = dns1123LabelProblem(name);
        if (problem) {
          ctx.report({ at: node as Node, message: `Volume name \`${name}\` ${problem}: a volume name must be a lowercase DNS label (letters, digits and '-', at most 63 characters).` });
        } else if (seen.has(name)) {
          ctx.report({ at: node as Node, message: `Volume name \`${name}\` is used twice in this pod: volume names must be unique.` });
        } else {
          seen.add(name);
        }
      }
      checkSource(ctx, r, volume, name ?? undefined, patch);
    }
  },
};

function checkSource(ctx: RuleContext, r: DocReader, volume: YAMLMap, name: string | undefined, patch: boolean): void {
  const label = name ? `Volume \`${name}\`` : 'A volume';
  const present = SOURCES.filter((s) => r.pair(volume, s));
  const set = present.filter((s) => !isUnset(r, r.get(volume, s)));
  if (set.length === 0) {
    if (present.length > 0) {
      const key = keyNode(r, volume, present[0]) as Node;
      ctx.report({ at: key, message: `${label} has an empty ${present[0]}: YAML reads \`${present[0]}:\` without a value as null, which is no source at all. Write ${present[0]}: {}.` });
    } else if (!patch && r.pairs(volume).every((p) => keyText(p.key) === 'name')) {
      // Only judged when nothing else is there: an unknown source key is the schema check's to report.
      ctx.report({ at: firstKey(volume), message: `${label} has no source: set one of emptyDir: {}, configMap, secret, persistentVolumeClaim, hostPath, projected, ...` });
    }
    return;
  }
  if (set.length > 1) {
    ctx.report({ at: keyNode(r, volume, set[1]) as Node, message: `${label} has two sources, ${set[0]} and ${set[1]}: a volume has exactly one (use two volumes).` });
  }
  for (const s of set) {
    const src = r.map(r.get(volume, s));
    if (!REQUIRED[s] || !src) continue;
    const [field, todo] = REQUIRED[s];
    const v = r.get(src, field);
    const value = v === undefined ? null : stringOrNull(r, v);
    if (value === null || value === '') {
      ctx.report({ at: keyNode(r, volume, s) as Node, message: `${s} of ${label.charAt(0).toLowerCase() + label.slice(1)} has no ${field}: ${todo}.` });
    }
  }
}
