/**
 * The CustomResourceDefinitions in force for a workspace: the CRDs of its files, then the bundled ones.
 * A group that has a CRD in the files is taken from the files only (a repository that ships its own Gateway
 * API CRDs, of another release or channel, is checked against those, not against a mix).
 */
import type { K8sObject } from '../model/object';
import { bundledDefinition, bundledDefinitions } from './bundle';
import { definedKind, definitionOf, groupOf } from './definition';
import type { CrdDefinition } from './definition';

export class CrdRegistry {
  /** group → CRD objects of the files defining a kind of that group. */
  private readonly byGroup = new Map<string, Set<K8sObject>>();

  add(obj: K8sObject): void {
    const k = definedKind(obj);
    if (!k) return;
    let s = this.byGroup.get(k.group);
    if (!s) this.byGroup.set(k.group, (s = new Set()));
    s.add(obj);
  }

  remove(obj: K8sObject): void {
    const k = definedKind(obj);
    if (!k) return;
    const s = this.byGroup.get(k.group);
    if (!s) return;
    s.delete(obj);
    if (s.size === 0) this.byGroup.delete(k.group);
  }

  /** The definition of a kind of a group, or undefined when no CRD (in the files or bundled) defines it. */
  lookup(group: string, kind: string): CrdDefinition | undefined {
    const own = this.byGroup.get(group);
    if (own) {
      let first: K8sObject | undefined;
      for (const o of own) {
        if (definedKind(o)?.kind !== kind) continue;
        if (!first || before(o, first)) first = o;
      }
      return first ? definitionOf(first) : undefined;
    }
    return bundledDefinition(group, kind);
  }

  /** The definition for an object's apiVersion and kind. */
  forObject(obj: K8sObject): CrdDefinition | undefined {
    const group = groupOf(obj.apiVersion);
    if (!group || !group.includes('.')) return undefined;
    return this.lookup(group, obj.kind);
  }

  /** Every definition in force (completion of new documents). */
  all(): CrdDefinition[] {
    const out: CrdDefinition[] = [];
    for (const objs of this.byGroup.values())
      for (const o of objs) {
        const d = definitionOf(o);
        if (d) out.push(d);
      }
    for (const d of bundledDefinitions()) if (!this.byGroup.has(d.group)) out.push(d);
    return out;
  }
}

function before(a: K8sObject, b: K8sObject): boolean {
  if (a.file !== b.file) return a.file < b.file;
  return (
    a.doc.index - b.doc.index < 0 ||
    (a.doc.index === b.doc.index && (a.node.range?.[0] ?? 0) < (b.node.range?.[0] ?? 0))
  );
}
