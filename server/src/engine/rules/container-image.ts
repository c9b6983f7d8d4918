import { WORKLOAD_KINDS, isWorkload } from '../model/apiVersions';
import type { Rule } from './rule';
import { lowerFirst } from './utils/messages';
import { isKustomizePatch } from '../model/kustomize';
import { firstKey, stringOrNull } from '../parse/values';
import { containerLabel } from './utils/podSpec';

/**
 * Every container needs an image (core validateContainerCommon: `image` Required). Leading or trailing
 * whitespace is rejected on Pods (validateContainerOnlyForPod) and can never be pulled from a template either.
 */
export const containerImage: Rule = {
  id: 'container-image',
  description: 'Every container needs an image, without surrounding whitespace.',
  severity: 'error',
  docs: {
    why: 'The kubelet pulls the image to run: the API server requires it, and a name with surrounding whitespace can never be pulled.',
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
`,
    fixed: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
`,
  },
  kinds: WORKLOAD_KINDS,
  appliesTo: (obj) => isWorkload(obj.apiVersion, obj.kind),
  checkContainer(c, obj, ctx) {
    const r = obj.reader;
    const patch = isKustomizePatch(ctx.workspace, obj);
    const node = r.get(c.map, 'image');
    const image = node === undefined ? null : stringOrNull(r, node);
    if (image === undefined) return; // not a string: the schema check reports the type
    if (image === null || image === '') {
      if (!patch)
        ctx.report({ at: firstKey(c.map), message: `${containerLabel(c)} has no image: set image (e.g. nginx:1.27).` });
      return;
    }
    if (image.trim() !== image) {
      ctx.report({
        at: node!,
        message: `The image of ${lowerFirst(containerLabel(c))} has leading or trailing whitespace: remove it.`,
        fix: image.trim()
          ? { title: 'Trim the image', edits: [{ range: obj.doc.rangeOf(node), newText: image.trim() }] }
          : undefined,
      });
    }
  },
};
