/**
 * Kustomize patches look like Kubernetes objects but are partial on purpose (a Deployment patch that sets
 * only `spec.replicas`), and strategic-merge patches may hold directives (`$patch: delete`). The schema
 * walk must not ask them for required fields or call those directives unknown. A file is a patch when a
 * kustomization in its folder or a folder above (up to four levels) lists it under `patches`,
 * `patchesStrategicMerge` or `patchesJson6902`, or when its name says so (`patch-replicas.yaml`, `patches/`).
 */
import type { K8sObject } from '../model/object';
import type { Workspace } from '../model/workspace';
import type { ManifestFile } from '../parse/manifestFile';
import { isMap, isScalar } from '../parse/nodes';

const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const PATCH_NAME = /(^|[-_./])patch(es)?([-_.]|$)/i;

/** Splits a path or URI into its folder (with the trailing separator) and its base name. */
function splitPath(path: string): [string, string] {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? ['', path] : [path.slice(0, i + 1), path.slice(i + 1)];
}

/** A path with backslashes turned into `/` and `.` / `..` segments resolved lexically, for comparing paths. */
function normalize(path: string): string {
  const out: string[] = [];
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

const listed = new WeakMap<ManifestFile, string[]>();

/** The patch file paths a kustomization lists (relative to its folder). */
function patchPaths(file: ManifestFile): string[] {
  let out = listed.get(file);
  if (out) return out;
  out = [];
  for (const doc of file.documents) {
    const r = doc.reader;
    const root = r.map(doc.contents);
    if (!root) continue;
    for (const item of r.items(r.get(root, 'patchesStrategicMerge'))) {
      const s = r.str(item);
      if (s && !s.includes('\n')) out.push(s);
    }
    for (const key of ['patches', 'patchesJson6902']) {
      for (const item of r.items(r.get(root, key))) {
        if (isScalar(item) && typeof item.value === 'string') out.push(item.value);
        else if (isMap(item)) {
          const p = r.str(r.get(item, 'path'));
          if (p) out.push(p);
        }
      }
    }
  }
  listed.set(file, out);
  return out;
}

/** Whether an object is (part of) a kustomize patch rather than a complete object. */
export function isKustomizePatch(obj: K8sObject, ws: Workspace): boolean {
  const path = obj.file;
  const [dir, base] = splitPath(path);
  if (PATCH_NAME.test(base.replace(/\.ya?ml$/i, '')) || /[\\/]patch(es)?[\\/]/i.test(path)) return true;
  const target = normalize(path);
  let folder = dir;
  for (let up = 0; up < 5 && folder; up++) {
    for (const name of KUSTOMIZATION_NAMES) {
      const k = ws.file(folder + name);
      if (k && patchPaths(k.file).some((rel) => normalize(folder + rel) === target)) return true;
    }
    const parent = splitPath(folder.slice(0, -1))[0];
    if (parent === folder) break;
    folder = parent;
  }
  return false;
}
