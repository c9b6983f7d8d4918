import { ManifestFile } from '../parse/manifestFile';
import type { ManifestDocument } from '../parse/manifestFile';
import { ingressOf, serviceBackends } from './ingress';
import type { Ingress } from './ingress';
import { K8sObject, objectsOfDocument } from './object';
import { podTemplateOf } from './podTemplate';
import type { PodTemplate } from './podTemplate';
import { selectorMatches, serviceOf } from './service';
import type { Service } from './service';

/** What one file contributes to the workspace. */
export interface FileModel {
  file: ManifestFile;
  objects: K8sObject[];
}

/**
 * The checked set of files: objects indexed by kind, namespace and name. Files are added, replaced and
 * removed one at a time, so the index is updated incrementally rather than rebuilt.
 */
export class Workspace {
  private readonly files = new Map<string, FileModel>();
  /** `kind/namespace/name` → objects (more than one when the same object is declared twice). */
  private readonly byKey = new Map<string, K8sObject[]>();
  /** `namespace` → Services / pod templates / Ingresses of that namespace. */
  private readonly servicesByNs = new Map<string, Set<Service>>();
  private readonly templatesByNs = new Map<string, Set<PodTemplate>>();
  private readonly ingresses = new Set<Ingress>();
  private changes = 0;

  /** Grows by one each time a file is added, replaced or removed: caches derived from the whole workspace key on it. */
  get version(): number {
    return this.changes;
  }

  /**
   * Parses and adds (or replaces) a file. A replaced file is parsed incrementally: the documents whose text
   * did not change are kept, with their objects, and only the objects of changed documents leave and enter
   * the index.
   */
  setText(path: string, text: string): FileModel {
    return this.setFile(new ManifestFile(path, text, this.files.get(path)?.file));
  }

  setFile(file: ManifestFile): FileModel {
    const old = this.files.get(file.path);
    const objects = file.documents.flatMap(objectsOf);
    const model: FileModel = { file, objects };
    this.changes++;
    this.files.set(file.path, model);
    if (!old) {
      for (const obj of objects) this.index(obj);
      this.record(file.path, objects);
      return model;
    }
    const kept = new Set(old.objects);
    const now = new Set(objects);
    const changed: K8sObject[] = [];
    for (const obj of old.objects) {
      if (now.has(obj)) continue;
      this.unindex(obj);
      changed.push(obj);
    }
    for (const obj of objects) {
      if (kept.has(obj)) continue;
      this.index(obj);
      changed.push(obj);
    }
    this.record(file.path, changed);
    return model;
  }

  remove(path: string): boolean {
    const old = this.files.get(path);
    if (!old) return false;
    this.changes++;
    for (const obj of old.objects) this.unindex(obj);
    this.files.delete(path);
    this.record(path, old.objects);
    return true;
  }

  /**
   * What changed after `version` (a value of `version` read earlier): for each change, the file and the
   * objects that left or entered the index (an edited object is there twice: its old and its new version).
   * undefined when that is too long ago to be remembered: then treat everything as changed.
   */
  changesSince(version: number): { path: string; objects: readonly K8sObject[] }[] | undefined {
    if (version < this.journalStart) return undefined;
    return this.journal.filter((c) => c.version > version);
  }

  /** Recent changes, for changesSince (bounded: it holds on to the objects that left). */
  private journal: { version: number; path: string; objects: readonly K8sObject[] }[] = [];
  private journalObjects = 0;
  /** changesSince knows every change after this version. */
  private journalStart = 0;

  private record(path: string, objects: readonly K8sObject[]): void {
    this.journal.push({ version: this.changes, path, objects });
    this.journalObjects += objects.length;
    while (this.journal.length > JOURNAL_CHANGES || this.journalObjects > JOURNAL_OBJECTS) {
      const dropped = this.journal.shift()!;
      this.journalObjects -= dropped.objects.length;
      this.journalStart = dropped.version;
    }
  }

  file(path: string): FileModel | undefined {
    return this.files.get(path);
  }

  get paths(): string[] {
    return [...this.files.keys()];
  }

  get fileModels(): IterableIterator<FileModel> {
    return this.files.values();
  }

  *objects(): IterableIterator<K8sObject> {
    for (const f of this.files.values()) yield* f.objects;
  }

  /** Objects with this kind, namespace and name. */
  find(kind: string, namespace: string, name: string): K8sObject[] {
    return this.byKey.get(key(kind, namespace, name)) ?? [];
  }

  /** The Services named `name` in a namespace (core/v1 only). */
  services(namespace: string, name?: string): Service[] {
    if (name !== undefined) return this.find('Service', namespace, name).flatMap((o) => serviceOf(o) ?? []);
    const all = this.servicesByNs.get(namespace);
    return all ? [...all] : [];
  }

  /** The pod templates (workloads and bare Pods) of a namespace. */
  podTemplates(namespace: string): PodTemplate[] {
    const t = this.templatesByNs.get(namespace);
    return t ? [...t] : [];
  }

  /** The pod templates a Service's selector selects (none when it has no selector). */
  selectedBy(service: Service): PodTemplate[] {
    const sel = service.selector;
    if (!sel || sel.size === 0) return [];
    const t = this.templatesByNs.get(service.obj.namespace);
    if (!t) return [];
    const out: PodTemplate[] = [];
    for (const tpl of t) if (selectorMatches(sel, tpl.labels)) out.push(tpl);
    return out;
  }

  allIngresses(): Ingress[] {
    return [...this.ingresses];
  }

  /** The Ingresses of the workspace that route to a Service. */
  ingressesRoutingTo(service: Service): Ingress[] {
    return [...this.ingresses].filter(
      (ing) => ing.obj.namespace === service.obj.namespace && serviceBackends(ing).some((b) => b.backend.serviceName === service.obj.name),
    );
  }

  namespaces(): string[] {
    const ns = new Set<string>();
    for (const obj of this.objects()) ns.add(obj.namespace);
    return [...ns].sort();
  }

  private index(obj: K8sObject): void {
    if (obj.name !== undefined) {
      const k = key(obj.kind, obj.namespace, obj.name);
      const list = this.byKey.get(k);
      if (list) list.push(obj);
      else this.byKey.set(k, [obj]);
    }
    const svc = serviceOf(obj);
    if (svc) setOf(this.servicesByNs, obj.namespace).add(svc);
    const tpl = podTemplateOf(obj);
    if (tpl) setOf(this.templatesByNs, obj.namespace).add(tpl);
    const ing = ingressOf(obj);
    if (ing) this.ingresses.add(ing);
  }

  private unindex(obj: K8sObject): void {
    if (obj.name !== undefined) {
      const k = key(obj.kind, obj.namespace, obj.name);
      const list = this.byKey.get(k)?.filter((o) => o !== obj);
      if (list && list.length) this.byKey.set(k, list);
      else this.byKey.delete(k);
    }
    const svc = serviceOf(obj);
    if (svc) this.servicesByNs.get(obj.namespace)?.delete(svc);
    const tpl = podTemplateOf(obj);
    if (tpl) this.templatesByNs.get(obj.namespace)?.delete(tpl);
    const ing = ingressOf(obj);
    if (ing) this.ingresses.delete(ing);
  }
}

/** How much of its history the Workspace keeps for changesSince. */
const JOURNAL_CHANGES = 256;
const JOURNAL_OBJECTS = 2048;

/** The objects of each document, made once: a document kept by a new version of its file keeps them. */
const objectsByDocument = new WeakMap<ManifestDocument, K8sObject[]>();

function objectsOf(doc: ManifestDocument): K8sObject[] {
  let objects = objectsByDocument.get(doc);
  if (!objects) objectsByDocument.set(doc, (objects = objectsOfDocument(doc)));
  return objects;
}

function key(kind: string, namespace: string, name: string): string {
  return `${kind}\u0000${namespace}\u0000${name}`;
}

function setOf<T>(m: Map<string, Set<T>>, k: string): Set<T> {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  return s;
}
