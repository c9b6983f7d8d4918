/**
 * What the kustomizations of the workspace do to the other files, answered once for every rule:
 *
 * - which files are kustomization files: the names kustomize itself recognises
 *   (konfig.RecognizedKustomizationFileNames: `kustomization.yaml`, `kustomization.yml`, `Kustomization`,
 *   exactly so: `Kustomization.yaml` is an ordinary file);
 * - which objects are patches, partial on purpose (a Deployment patch that sets only `spec.replicas`, with
 *   `$patch` directives), so that no rule asks them for required fields: the files a kustomization applies
 *   (`patchesStrategicMerge`, `patches[].path`), and files named like one (`patch.yaml`,
 *   `replicas-patch.yml`, `x.patch.yaml`, anything under a `patch/` or `patches/` folder), since a patch is
 *   often checked without the kustomization that uses it;
 * - which objects get selector labels from a kustomization (`commonLabels`, `labels` with
 *   `includeSelectors: true`), through `resources`, `bases` and `components`: kustomize fills in their
 *   selectors and template labels, so a missing selector there is not a mistake.
 *
 * The Workspace keeps a KustomizeIndex up to date file by file (like its other indexes); the derived sets
 * are rebuilt only after a kustomization changes.
 */
import type { ManifestFile } from '../parse/manifestFile';
import type { K8sObject } from './object';
import type { Workspace } from './workspace';

const KUSTOMIZATION_FILE_NAMES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

function dirOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? '' : path.slice(0, i);
}

/** Whether kustomize reads this file as a kustomization. */
export function isKustomizationFile(path: string): boolean {
  return KUSTOMIZATION_FILE_NAMES.has(baseName(path));
}

/** Joins and normalises `a/b/../c` with forward slashes (paths and file URIs alike). */
function joinPath(dir: string, rel: string): string {
  const full = (dir ? `${dir}/${rel}` : rel).replace(/\\/g, '/');
  const root = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/\/?|\/)?/.exec(full)?.[0] ?? '';
  const out: string[] = [];
  for (const p of full.slice(root.length).split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(p);
  }
  return root + out.join('/');
}

const normalise = (path: string) => joinPath('', path);

const PATCH_WORD = /^patch(es)?$/i;

/** A file named like a patch: a `patch`/`patches` folder anywhere above it, or `patch` as a word of its name. */
export function isPatchFileName(path: string): boolean {
  const parts = path.split(/[\\/]/);
  const base = (parts.pop() ?? '').replace(/\.ya?ml$/i, '');
  return parts.some((p) => PATCH_WORD.test(p)) || base.split(/[-_.]/).some((w) => PATCH_WORD.test(w));
}

/** What one kustomization file says. */
interface Kustomization {
  dir: string;
  patches: string[];
  resources: string[];
  addsSelectorLabels: boolean;
}

function readKustomization(file: ManifestFile): Kustomization {
  const dir = normalise(dirOf(file.path));
  const k: Kustomization = { dir, patches: [], resources: [], addsSelectorLabels: false };
  for (const doc of file.documents) {
    const r = doc.reader;
    const root = r.map(doc.contents);
    if (!root) continue;
    for (const item of r.items(r.get(root, 'patchesStrategicMerge'))) {
      const p = r.str(item);
      if (p && !p.includes('\n')) k.patches.push(joinPath(dir, p));
    }
    for (const item of r.items(r.get(root, 'patches'))) {
      const p = r.str(r.get(item, 'path')) ?? r.str(item);
      if (p && !p.includes('\n')) k.patches.push(joinPath(dir, p));
    }
    for (const field of ['resources', 'bases', 'components']) {
      for (const item of r.items(r.get(root, field))) {
        const p = r.str(item);
        if (p && !/^[a-z]+:\/\//i.test(p)) k.resources.push(joinPath(dir, p));
      }
    }
    const common = r.map(r.get(root, 'commonLabels'));
    const labels = r.items(r.get(root, 'labels')).some((l) => r.scalar(r.get(l, 'includeSelectors'))?.value === true);
    if ((common && common.items.length > 0) || labels) k.addsSelectorLabels = true;
  }
  return k;
}

/** The kustomizations of a Workspace, by file, and what they do to other files. */
export class KustomizeIndex {
  private readonly byFile = new Map<string, Kustomization>();
  private derived: { patches: Set<string>; selectorLabelled: Set<string> } | undefined;

  /** Called by the Workspace for every file added or replaced. */
  setFile(file: ManifestFile): void {
    const had = this.byFile.delete(file.path);
    if (isKustomizationFile(file.path)) this.byFile.set(file.path, readKustomization(file));
    else if (!had) return;
    this.derived = undefined;
  }

  /** Called by the Workspace for every file removed. */
  remove(path: string): void {
    if (this.byFile.delete(path)) this.derived = undefined;
  }

  /** Whether the workspace holds a kustomization at all. */
  get size(): number {
    return this.byFile.size;
  }

  /** Whether a kustomization applies the file as a patch. */
  appliesAsPatch(path: string): boolean {
    return this.byFile.size > 0 && this.facts().patches.has(normalise(path));
  }

  /** Whether a kustomization adds selector labels (commonLabels) to the objects of the file. */
  addsSelectorLabels(path: string): boolean {
    return this.byFile.size > 0 && this.facts().selectorLabelled.has(normalise(path));
  }

  private facts(): { patches: Set<string>; selectorLabelled: Set<string> } {
    if (this.derived) return this.derived;
    const patches = new Set<string>();
    const byDir = new Map<string, Kustomization>();
    for (const k of this.byFile.values()) {
      for (const p of k.patches) patches.add(p);
      byDir.set(k.dir, k);
    }
    // Selector labels flow from a kustomization down to every resource it reaches, through bases.
    const selectorLabelled = new Set<string>();
    const visit = (k: Kustomization, seen: Set<string>) => {
      if (seen.has(k.dir)) return;
      seen.add(k.dir);
      for (const res of k.resources) {
        const sub = byDir.get(res);
        if (sub) visit(sub, seen);
        else selectorLabelled.add(res);
      }
    };
    for (const k of byDir.values()) if (k.addsSelectorLabels) visit(k, new Set());
    return (this.derived = { patches, selectorLabelled });
  }
}

/** Whether an object is (part of) a kustomize patch rather than a complete object. */
export function isKustomizePatch(ws: Workspace, obj: K8sObject): boolean {
  return isPatchFileName(obj.file) || ws.kustomizations.appliesAsPatch(obj.file);
}

/** Whether kustomize adds selector labels (commonLabels) to this object's selector and pod template. */
export function getsKustomizeSelectorLabels(ws: Workspace, obj: K8sObject): boolean {
  return ws.kustomizations.addsSelectorLabels(obj.file);
}
