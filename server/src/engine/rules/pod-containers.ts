import type { Node } from 'yaml';
import { WORKLOAD_KINDS, isWorkload } from '../model/apiVersions';
import type { K8sObject } from '../model/object';
import type { Rule } from './rule';
import { isKustomizePatch } from '../model/kustomize';
import { isUnset, keyNode } from '../parse/values';
import { deepestKey, objectRef } from './utils/object';
import { podSpecOf, podSpecPath, templatePath } from './utils/podSpec';

/** A `containers` list written one level too high (e.g. a Deployment's spec.containers, without a template). */
function misplacedContainers(obj: K8sObject): { key: Node; under: string } | undefined {
  const r = obj.reader;
  const full = podSpecPath(obj.kind);
  for (let depth = full.length - 1; depth >= 1; depth--) {
    const path = full.slice(0, depth);
    const pair = r.pair(obj.get(...path), 'containers');
    if (pair && r.seq(pair.value)) return { key: pair.key as Node, under: path.join('.') };
  }
  return undefined;
}

/**
 * A pod needs at least one container (core validateContainers: `containers` Required). Ephemeral containers
 * are added to running pods through their own subresource: the API server rejects them in a pod template
 * (ValidatePodTemplateSpec) and when a Pod is created (ValidatePodCreate). A `containers` list indented one
 * level too high (spec.containers of a Deployment) is reported where it is written.
 */
export const podContainers: Rule = {
  id: 'pod-containers',
  description: 'A pod (or pod template) needs at least one container, and no ephemeralContainers.',
  severity: 'error',
  docs: {
    why: 'A pod runs its containers: the API server rejects a pod (or pod template) with none, and ephemeral containers, which are only added to running pods by `kubectl debug`.',
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers: []
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
  checkObject(obj, ctx) {
    const r = obj.reader;
    const spec = podSpecOf(obj);
    const what =
      obj.kind === 'Pod' ? objectRef(obj) : `The pod template of ${obj.name ? objectRef(obj) : `this ${obj.kind}`}`;
    const containers = r.get(spec, 'containers');
    if (r.items(containers).length === 0 && !isKustomizePatch(ctx.workspace, obj)) {
      const seq = r.seq(containers);
      // `containers: []` is reported on its value; a missing or null list on the nearest key above it.
      const at = seq ? (containers as Node) : deepestKey(obj, ...podSpecPath(obj.kind), 'containers');
      const template = obj.kind === 'Pod' ? obj.node : obj.get(...templatePath(obj.kind));
      const misplaced = misplacedContainers(obj);
      if (misplaced) {
        ctx.report({
          at: misplaced.key,
          message: `containers is written under ${misplaced.under}, where it does not belong: the containers of a ${obj.kind} go under ${[...podSpecPath(obj.kind), 'containers'].join('.')} (check the indentation).`,
        });
      } else if (!r.map(template) && isUnset(r, template)) {
        ctx.report({
          at,
          message: `${objectRef(obj)} has no pod template: add ${templatePath(obj.kind).join('.')} with metadata.labels and spec.containers.`,
        });
      } else if (!containers || seq || r.scalar(containers)?.value === null) {
        ctx.report({
          at,
          message: `${what} has no containers: add at least one under ${[...podSpecPath(obj.kind), 'containers'].join('.')}.`,
        });
      }
    }
    const ephemeral = r.get(spec, 'ephemeralContainers');
    if (r.items(ephemeral).length > 0) {
      ctx.report({
        at: keyNode(r, spec, 'ephemeralContainers') as Node,
        message:
          obj.kind === 'Pod'
            ? `ephemeralContainers cannot be set when a Pod is created: add them to the running Pod with kubectl debug.`
            : `ephemeralContainers are not allowed in a pod template: use containers or initContainers.`,
      });
    }
  },
};
