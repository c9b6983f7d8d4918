import { CrdRegistry } from '../crd/registry';
import { KustomizeIndex } from './kustomize';
import { ManifestFile } from '../parse/manifestFile';
import type { ManifestDocument, TemplateContext, TemplateReason } from '../parse/manifestFile';
import { ingressOf, serviceBackends } from './ingress';
import type { Ingress } from './ingress';
import { K8sObject, objectsOfDocument } from './object';
import { podTemplateOf } from './podTemplate';
import type { PodTemplate } from './podTemplate';
import { selectsPodsWith } from './controllerLabels';
import type { PodLabels } from './controllerLabels';
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
  // Indexes that answer the questions of cross-object rules and of "which files does a change affect" without
  // a scan of the whole workspace (opening a file of thousands of objects asks them for each object).
  /** `namespace label=value` → pod templates with that label. */
  private readonly templatesByLabel = new Map<string, Set<PodTemplate>>();
  /** `namespace label` → pod templates whose controller adds that label to the pods. */
  private readonly templatesByControllerLabel = new Map<string, Set<PodTemplate>>();
  /** `namespace label=value` (the first pair of the owner's selector) → pod templates of owners with a selector. */
  private readonly templatesByOwnerSelector = new Map<string, Set<PodTemplate>>();
  /** `label=value` (the first pair of the selector) → Services with a selector, in any namespace. */
  private readonly servicesBySelector = new Map<string, Set<Service>>();
  /** `label` (the first key of the selector) → Services with a selector, in any namespace. */
  private readonly servicesBySelectorKey = new Map<string, Set<Service>>();
  private readonly nodePortServices = new Set<Service>();
  /** Service name → Ingresses with a backend naming it (any namespace); namespace → Ingresses; host ('' for none) → Ingresses. */
  private readonly ingressesByBackend = new Map<string, Set<Ingress>>();
  private readonly ingressesByNs = new Map<string, Set<Ingress>>();
  private readonly ingressesByHost = new Map<string, Set<Ingress>>();
  /** namespace → number of objects in it. */
  private readonly objectsPerNs = new Map<string, number>();
  private changes = 0;
  /** The CustomResourceDefinitions in force: those of the files, then the bundled ones. */
  readonly crds = new CrdRegistry();
  /** The kustomization files and what they do to other files (patches, selector labels). */
  readonly kustomizations = new KustomizeIndex();

  /** Grows by one each time a file is added, replaced or removed: caches derived from the whole workspace key on it. */
  get version(): number {
    return this.changes;
  }

  /**
   * Parses and adds (or replaces) a file. A replaced file is parsed incrementally: the documents whose text
   * did not change are kept, with their objects, and only the objects of changed documents leave and enter
   * the index.
   */
  setText(path: string, text: string, context?: TemplateContext): FileModel {
    return this.setFile(new ManifestFile(path, text, this.files.get(path)?.file, context));
  }

  /** The files skipped as unrendered templates, with why (for the CLI's summary and the editor's note). */
  skippedFiles(): { path: string; reason: TemplateReason }[] {
    const out: { path: string; reason: TemplateReason }[] = [];
    for (const [path, model] of this.files) if (model.file.template) out.push({ path, reason: model.file.template });
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  setFile(file: ManifestFile): FileModel {
    const old = this.files.get(file.path);
    const objects = file.documents.flatMap(objectsOf);
    const model: FileModel = { file, objects };
    this.changes++;
    this.files.set(file.path, model);
    this.kustomizations.setFile(file);
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
    this.kustomizations.remove(path);
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
    const list = this.byKey.get(key(kind, namespace, name));
    return list ? inTextOrder(list, (o) => o) : [];
  }

  /** The Services named `name` in a namespace (core/v1 only). */
  services(namespace: string, name?: string): Service[] {
    if (name !== undefined) return this.find('Service', namespace, name).flatMap((o) => serviceOf(o) ?? []);
    const all = this.servicesByNs.get(namespace);
    return all ? inTextOrder([...all], bySvc) : [];
  }

  /** The pod templates (workloads and bare Pods) of a namespace. */
  podTemplates(namespace: string): PodTemplate[] {
    const t = this.templatesByNs.get(namespace);
    return t ? inTextOrder([...t], byTpl) : [];
  }

  /**
   * The pod templates a Service's selector selects (none when it has no selector): by the labels they write
   * and those their controller adds (selectsPodsWith).
   */
  selectedBy(service: Service): PodTemplate[] {
    const sel = service.selector;
    if (!sel || sel.size === 0) return [];
    const ns = service.obj.namespace;
    const written = this.templatesByLabel.get(nsPairKey(ns, sel));
    const added = this.templatesByControllerLabel.get(`${ns}\u0000${firstKey(sel)}`);
    if (!written && !added) return [];
    const out = new Set<PodTemplate>();
    for (const candidates of [written, added])
      if (candidates) for (const tpl of candidates) if (selectsPodsWith(sel, tpl)) out.add(tpl);
    return inTextOrder([...out], byTpl);
  }

  /** The Services, in any namespace, whose (non-empty) selector selects pods with these labels (written, and added by their controller). */
  servicesSelecting(pods: PodLabels): Service[] {
    const out = new Set<Service>();
    const take = (candidates: Set<Service> | undefined): void => {
      if (candidates) for (const s of candidates) if (selectsPodsWith(s.selector!, pods)) out.add(s);
    };
    for (const [k, v] of pods.labels) take(this.servicesBySelector.get(pairKey(k, v)));
    if (pods.controllerLabels) for (const k of pods.controllerLabels.keys()) take(this.servicesBySelectorKey.get(k));
    return inTextOrder([...out], bySvc);
  }

  /**
   * The pod templates of a namespace whose owner's selector (`spec.selector.matchLabels`, or `spec.selector`
   * for a ReplicationController) matches a label set.
   */
  templatesWithOwnerSelecting(namespace: string, labels: Map<string, string>): PodTemplate[] {
    const out: PodTemplate[] = [];
    for (const [k, v] of labels) {
      const candidates = this.templatesByOwnerSelector.get(`${namespace}\u0000${pairKey(k, v)}`);
      if (candidates) for (const t of candidates) if (selectorMatches(ownerSelector(t)!, labels)) out.push(t);
    }
    return inTextOrder(out, byTpl);
  }

  /** The Services with a nodePort on some port. */
  servicesWithNodePorts(): Service[] {
    return inTextOrder([...this.nodePortServices], bySvc);
  }

  allIngresses(): Ingress[] {
    return inTextOrder([...this.ingresses], byIng);
  }

  /** The Ingresses of the workspace that route to a Service. */
  ingressesRoutingTo(service: Service): Ingress[] {
    const name = service.obj.name;
    const candidates = name === undefined ? [...this.ingresses] : this.ingressesNaming(name);
    return candidates.filter(
      (ing) =>
        ing.obj.namespace === service.obj.namespace && serviceBackends(ing).some((b) => b.backend.serviceName === name),
    );
  }

  /** The Ingresses, in any namespace, with a backend naming a Service of this name. */
  ingressesNaming(serviceName: string): Ingress[] {
    const s = this.ingressesByBackend.get(serviceName);
    return s ? inTextOrder([...s], byIng) : [];
  }

  /** The Ingresses of a namespace. */
  ingressesIn(namespace: string): Ingress[] {
    const s = this.ingressesByNs.get(namespace);
    return s ? inTextOrder([...s], byIng) : [];
  }

  /** The Ingresses with a rule for this host ('' for rules without a host). */
  ingressesWithHost(host: string): Ingress[] {
    const s = this.ingressesByHost.get(host);
    return s ? inTextOrder([...s], byIng) : [];
  }

  namespaces(): string[] {
    return [...this.objectsPerNs.keys()].sort();
  }

  private index(obj: K8sObject): void {
    if (obj.name !== undefined) {
      const k = key(obj.kind, obj.namespace, obj.name);
      const list = this.byKey.get(k);
      if (list) list.push(obj);
      else this.byKey.set(k, [obj]);
    }
    this.objectsPerNs.set(obj.namespace, (this.objectsPerNs.get(obj.namespace) ?? 0) + 1);
    this.crds.add(obj);
    const svc = serviceOf(obj);
    if (svc) {
      setOf(this.servicesByNs, obj.namespace).add(svc);
      if (svc.selector?.size) {
        setOf(this.servicesBySelector, firstPair(svc.selector)).add(svc);
        setOf(this.servicesBySelectorKey, firstKey(svc.selector)).add(svc);
      }
      if (svc.ports.some((p) => p.nodePort !== undefined)) this.nodePortServices.add(svc);
    }
    const tpl = podTemplateOf(obj);
    if (tpl) {
      setOf(this.templatesByNs, obj.namespace).add(tpl);
      for (const [k, v] of tpl.labels) setOf(this.templatesByLabel, `${obj.namespace}\u0000${pairKey(k, v)}`).add(tpl);
      for (const k of tpl.controllerLabels.keys())
        setOf(this.templatesByControllerLabel, `${obj.namespace}\u0000${k}`).add(tpl);
      const sel = ownerSelector(tpl);
      if (sel?.size) setOf(this.templatesByOwnerSelector, nsPairKey(obj.namespace, sel)).add(tpl);
    }
    const ing = ingressOf(obj);
    if (ing) {
      this.ingresses.add(ing);
      setOf(this.ingressesByNs, obj.namespace).add(ing);
      for (const name of backendNames(ing)) setOf(this.ingressesByBackend, name).add(ing);
      for (const r of ing.rules) setOf(this.ingressesByHost, r.host ?? '').add(ing);
    }
  }

  private unindex(obj: K8sObject): void {
    if (obj.name !== undefined) {
      const k = key(obj.kind, obj.namespace, obj.name);
      const list = this.byKey.get(k)?.filter((o) => o !== obj);
      if (list && list.length) this.byKey.set(k, list);
      else this.byKey.delete(k);
    }
    const left = (this.objectsPerNs.get(obj.namespace) ?? 1) - 1;
    if (left > 0) this.objectsPerNs.set(obj.namespace, left);
    else this.objectsPerNs.delete(obj.namespace);
    this.crds.remove(obj);
    const svc = serviceOf(obj);
    if (svc) {
      this.servicesByNs.get(obj.namespace)?.delete(svc);
      if (svc.selector?.size) {
        deleteFrom(this.servicesBySelector, firstPair(svc.selector), svc);
        deleteFrom(this.servicesBySelectorKey, firstKey(svc.selector), svc);
      }
      this.nodePortServices.delete(svc);
    }
    const tpl = podTemplateOf(obj);
    if (tpl) {
      this.templatesByNs.get(obj.namespace)?.delete(tpl);
      for (const [k, v] of tpl.labels) deleteFrom(this.templatesByLabel, `${obj.namespace}\u0000${pairKey(k, v)}`, tpl);
      for (const k of tpl.controllerLabels.keys())
        deleteFrom(this.templatesByControllerLabel, `${obj.namespace}\u0000${k}`, tpl);
      const sel = ownerSelector(tpl);
      if (sel?.size) deleteFrom(this.templatesByOwnerSelector, nsPairKey(obj.namespace, sel), tpl);
    }
    const ing = ingressOf(obj);
    if (ing) {
      this.ingresses.delete(ing);
      this.ingressesByNs.get(obj.namespace)?.delete(ing);
      for (const name of backendNames(ing)) deleteFrom(this.ingressesByBackend, name, ing);
      for (const r of ing.rules) deleteFrom(this.ingressesByHost, r.host ?? '', ing);
    }
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

/**
 * Objects in the order of the files' paths, then of the text: answers do not depend on the order in which
 * files and documents were added or edited (rules that pick "the first" or "the closest" stay stable).
 */
function inTextOrder<T>(items: T[], objectOf: (item: T) => K8sObject): T[] {
  if (items.length < 2) return items;
  return items.sort((x, y) => {
    const a = objectOf(x);
    const b = objectOf(y);
    if (a === b) return 0;
    const pa = a.file;
    const pb = b.file;
    if (pa !== pb) return pa < pb ? -1 : 1;
    return a.doc.index - b.doc.index || (a.node.range?.[0] ?? 0) - (b.node.range?.[0] ?? 0);
  });
}

const bySvc = (s: Service): K8sObject => s.obj;
const byTpl = (t: PodTemplate): K8sObject => t.owner;
const byIng = (i: Ingress): K8sObject => i.obj;

function pairKey(k: string, v: string): string {
  return `${k}\u0000${v}`;
}

function firstPair(m: Map<string, string>): string {
  const [k, v] = m.entries().next().value as [string, string];
  return pairKey(k, v);
}

function firstKey(m: Map<string, string>): string {
  return m.keys().next().value as string;
}

/** `namespace label=value` for the first pair of a non-empty selector. */
function nsPairKey(namespace: string, selector: Map<string, string>): string {
  return `${namespace}\u0000${firstPair(selector)}`;
}

/** The selector of a pod template's owner, remembered per template (read once, when it is indexed). */
const ownerSelectors = new WeakMap<PodTemplate, Map<string, string> | null>();

function ownerSelector(t: PodTemplate): Map<string, string> | undefined {
  let sel = ownerSelectors.get(t);
  if (sel === undefined) {
    const o = t.owner;
    sel = o.reader.stringMap(o.get('spec', 'selector', 'matchLabels') ?? o.get('spec', 'selector')) ?? null;
    ownerSelectors.set(t, sel);
  }
  return sel ?? undefined;
}

/** The distinct Service names an Ingress's backends name. */
function backendNames(ing: Ingress): Set<string> {
  const names = new Set<string>();
  for (const b of serviceBackends(ing)) if (b.backend.serviceName !== undefined) names.add(b.backend.serviceName);
  return names;
}

function deleteFrom<T>(m: Map<string, Set<T>>, k: string, v: T): void {
  const s = m.get(k);
  if (!s) return;
  s.delete(v);
  if (s.size === 0) m.delete(k);
}

function setOf<T>(m: Map<string, Set<T>>, k: string): Set<T> {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  return s;
}
