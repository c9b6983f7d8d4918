import type { Node } from 'yaml';
import { WORKLOAD_KINDS, isWorkload } from '../model/apiVersions';
import type { Rule } from './rule';
import { lowerFirst } from './utils/messages';
import { isKustomizePatch } from '../model/kustomize';
import { firstKey, keyNode, stringOrNull } from '../parse/values';
import { containerLabel, containersOf, localPathProblem, podSpecOf } from './utils/podSpec';

/**
 * volumeMounts as core ValidateVolumeMounts checks them: a mount names a volume of the pod (for a StatefulSet,
 * also one of its volumeClaimTemplates), has a mountPath, and no two mounts of a container share a mountPath;
 * subPath / subPathExpr (one of them) are relative paths without `..`; Bidirectional propagation needs a
 * privileged container.
 */
export const containerVolumeMount: Rule = {
  id: 'container-volume-mount',
  description: 'Each volumeMount must name a volume of the pod and have a mountPath unique within its container.',
  severity: 'error',
  docs: {
    why: "A volume mount names one of the pod's volumes and a path in the container: the API server rejects a mount of a volume the pod does not have, and two mounts at one path.",
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      volumeMounts:
        - name: config
          mountPath: /etc/web
`,
    fixed: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      volumeMounts:
        - name: config
          mountPath: /etc/web
  volumes:
    - name: config
      configMap:
        name: web-config
`,
  },
  kinds: WORKLOAD_KINDS,
  appliesTo: (obj) => isWorkload(obj.apiVersion, obj.kind),
  checkObject(obj, ctx) {
    const r = obj.reader;
    const spec = podSpecOf(obj);
    const patch = isKustomizePatch(ctx.workspace, obj);
    const volumes = new Set<string>();
    for (const v of r.items(r.get(spec, 'volumes'))) {
      const name = r.str(r.get(v, 'name'));
      if (name !== undefined) volumes.add(name);
    }
    const claims: string[] = [];
    if (obj.kind === 'StatefulSet') {
      for (const t of r.items(obj.get('spec', 'volumeClaimTemplates'))) {
        const name = r.str(r.get(r.get(t, 'metadata'), 'name'));
        if (name !== undefined) claims.push(name);
      }
    }
    for (const c of containersOf(r, spec)) {
      const paths = new Set<string>();
      for (const item of r.items(r.get(c.map, 'volumeMounts'))) {
        const mount = r.map(item);
        if (!mount) continue;
        const nameNode = r.get(mount, 'name');
        const name = nameNode === undefined ? null : stringOrNull(r, nameNode);
        if (name === null || name === '') {
          if (!patch)
            ctx.report({
              at: firstKey(mount),
              message: `A volumeMount of ${lowerFirst(containerLabel(c))} has no name: name the volume to mount.`,
            });
        } else if (name !== undefined && !volumes.has(name) && !claims.includes(name) && !patch) {
          const known = [...volumes, ...claims];
          ctx.report({
            at: nameNode as Node,
            message: `volumeMount \`${name}\` refers to no volume of this pod${known.length ? ` (it has ${known.map((k) => `\`${k}\``).join(', ')})` : ''}: add it under volumes${obj.kind === 'StatefulSet' ? ' or volumeClaimTemplates' : ''}, or fix the name.`,
          });
        }
        const pathNode = r.get(mount, 'mountPath');
        const path = pathNode === undefined ? null : stringOrNull(r, pathNode);
        if (path === null || path === '') {
          if (!patch)
            ctx.report({
              at: firstKey(mount),
              message: `volumeMount${name ? ` \`${name}\`` : ''} has no mountPath: set the path inside the container.`,
            });
        } else if (path !== undefined) {
          if (paths.has(path))
            ctx.report({
              at: pathNode as Node,
              message: `mountPath \`${path}\` is used twice in ${lowerFirst(containerLabel(c))}: each mount needs its own path.`,
            });
          paths.add(path);
        }
        const subPaths = ['subPath', 'subPathExpr'].filter((field) => {
          const node = r.get(mount, field);
          const value = stringOrNull(r, node);
          if (!value) return false;
          const problem = localPathProblem(value, false);
          if (problem)
            ctx.report({
              at: node as Node,
              message: `${field} \`${value}\` ${problem}: it names a file or directory inside the volume.`,
            });
          return true;
        });
        if (subPaths.length === 2) {
          ctx.report({
            at: keyNode(r, mount, 'subPathExpr') as Node,
            message: `A volumeMount sets both subPath and subPathExpr: keep one of them.`,
          });
        }
        const propagationNode = r.get(mount, 'mountPropagation');
        if (
          stringOrNull(r, propagationNode) === 'Bidirectional' &&
          r.scalar(r.at(c.map, 'securityContext', 'privileged'))?.value !== true
        ) {
          ctx.report({
            at: propagationNode as Node,
            message: `mountPropagation Bidirectional is only available to privileged containers: set securityContext.privileged: true on ${lowerFirst(containerLabel(c))}, or use HostToContainer.`,
          });
        }
      }
    }
  },
};
