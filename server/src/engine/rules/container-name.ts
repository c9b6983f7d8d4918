import { WORKLOAD_KINDS, isWorkload } from '../model/apiVersions';
import type { Rule } from './rule';
import { isDNS1123Label } from '../k8s/validation';
import { isInvalid } from './utils/messages';
import { isKustomizePatch } from '../model/kustomize';
import { firstKey, stringOrNull } from '../parse/values';
import { containerLabel, containersOf, podSpecOf } from './utils/podSpec';

/**
 * Container names (core validateContainerCommon, validateContainers, validateInitContainers): required, a
 * DNS-1123 label (lowercase letters, digits, '-', at most 63 characters), unique across containers,
 * initContainers and ephemeralContainers of the pod.
 */
export const containerName: Rule = {
  id: 'container-name',
  description: 'Container names are required, lowercase DNS labels, and unique within the pod.',
  severity: 'error',
  docs: {
    why: 'Containers are addressed by name (logs, exec, probes, metrics): the API server requires a name on each, a lowercase DNS label, unique across the containers and init containers of the pod.',
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: Web_Server
      image: nginx:1.27
`,
    fixed: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web-server
      image: nginx:1.27
`,
  },
  kinds: WORKLOAD_KINDS,
  appliesTo: (obj) => isWorkload(obj.apiVersion, obj.kind),
  checkObject(obj, ctx) {
    const r = obj.reader;
    const patch = isKustomizePatch(ctx.workspace, obj);
    const seen = new Map<string, string>();
    // Duplicates are reported on the later entry in the file, whatever list it is in.
    const containers = containersOf(r, podSpecOf(obj)).sort(
      (a, b) => (a.map.range?.[0] ?? 0) - (b.map.range?.[0] ?? 0),
    );
    for (const c of containers) {
      const name = c.nameNode === undefined ? null : stringOrNull(r, c.nameNode);
      if (name === undefined) continue; // a number or boolean: the schema check reports the type
      if (name === null || name === '') {
        if (!patch)
          ctx.report({
            at: firstKey(c.map),
            message: `${containerLabel(c)} has no name: every container needs a name (lowercase letters, digits and '-').`,
          });
        continue;
      }
      const errs = isDNS1123Label(name);
      if (errs.length) {
        ctx.report({ at: c.nameNode!, message: `Container name \`${name}\` ${isInvalid(errs)}.` });
      }
      const first = seen.get(name);
      if (first !== undefined) {
        ctx.report({
          at: c.nameNode!,
          message: `Container name \`${name}\` is already used by ${first} of this pod: names must be unique across containers and initContainers.`,
        });
      } else {
        seen.set(
          name,
          c.list === 'containers'
            ? 'a container'
            : c.list === 'initContainers'
              ? 'an init container'
              : 'an ephemeral container',
        );
      }
    }
  },
};
