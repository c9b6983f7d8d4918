import type { Node } from 'yaml';
import { isWorkload } from '../model/apiVersions';
import type { Rule } from './rule';
import { dns1123LabelProblem, firstKey, isKustomizePatch, podSpecOf, stringOrNull } from './workload-support';

/** Pod volumes (core ValidateVolumes): each needs a name that is a DNS-1123 label and unique in the pod. */
export const podVolumes: Rule = {
  id: 'pod-volumes',
  description: 'Pod volumes need unique names that are lowercase DNS labels.',
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
      if (name === undefined) continue; // not a string: the schema check reports the type
      if (name === null || name === '') {
        if (!patch) ctx.report({ at: firstKey(volume), message: `A volume has no name: every volume needs one, for volumeMounts to refer to it.` });
        continue;
      }
      const problem = dns1123LabelProblem(name);
      if (problem) {
        ctx.report({ at: node as Node, message: `Volume name \`${name}\` ${problem}: a volume name must be a lowercase DNS label (letters, digits and '-', at most 63 characters).` });
      } else if (seen.has(name)) {
        ctx.report({ at: node as Node, message: `Volume name \`${name}\` is used twice in this pod: volume names must be unique.` });
      } else {
        seen.add(name);
      }
    }
  },
};
