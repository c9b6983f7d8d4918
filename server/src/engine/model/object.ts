import type { Node, Pair, Scalar, YAMLMap } from 'yaml';
import type { ManifestDocument } from '../parse/manifestFile';
import type { DocReader } from '../parse/nodes';
import { replacementApiVersion } from './apiVersions';

export const DEFAULT_NAMESPACE = 'default';

/** One Kubernetes object: a top-level document with apiVersion and kind, or an item of a `kind: List`. */
export class K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string | undefined;
  /** metadata.namespace, or `default` when it is not set. */
  readonly namespace: string;
  /** The version to use instead, when apiVersion is removed from Kubernetes. */
  readonly removedApi: string | undefined;
  readonly metadata: YAMLMap | undefined;

  constructor(
    readonly doc: ManifestDocument,
    /** The object's own map node. */
    readonly node: YAMLMap,
    apiVersion: string,
    kind: string,
    /** Set for items of a `kind: List`. */
    readonly inList: boolean,
  ) {
    this.apiVersion = apiVersion;
    this.kind = kind;
    const r = doc.reader;
    this.metadata = r.map(r.get(node, 'metadata'));
    this.name = r.text(r.get(this.metadata, 'name'));
    this.namespace = r.text(r.get(this.metadata, 'namespace')) || DEFAULT_NAMESPACE;
    this.removedApi = replacementApiVersion(apiVersion, kind);
  }

  get reader(): DocReader {
    return this.doc.reader;
  }

  get file(): string {
    return this.doc.file.path;
  }

  /** `Kind/name` as people write it in kubectl. */
  get displayName(): string {
    return `${this.kind}/${this.name ?? '(no name)'}`;
  }

  pair(key: string): Pair | undefined {
    return this.reader.pair(this.node, key);
  }

  get(...path: string[]): Node | undefined {
    return this.reader.at(this.node, ...path);
  }

  /** The key node of `metadata.name` (or of `metadata`), where object-level findings are anchored. */
  get anchor(): Node {
    const namePair = this.reader.pair(this.metadata, 'name');
    if (namePair?.value) return namePair.value as Node;
    const kindPair = this.reader.pair(this.node, 'kind');
    return (kindPair?.value as Scalar | undefined) ?? this.node;
  }
}

/** Reads the Kubernetes objects of a parsed document (the document itself, or the items of a List). */
export function objectsOfDocument(doc: ManifestDocument): K8sObject[] {
  if (doc.unread) return [];
  const r = doc.reader;
  const root = r.map(doc.contents);
  if (!root) return [];
  const apiVersion = r.text(r.get(root, 'apiVersion'));
  const kind = r.text(r.get(root, 'kind'));
  if (!apiVersion || !kind) return [];
  if (kind === 'List' || (kind.endsWith('List') && apiVersion === 'v1' && r.seq(r.get(root, 'items')))) {
    const out: K8sObject[] = [];
    for (const item of r.items(r.get(root, 'items'))) {
      const m = r.map(item);
      if (!m) continue;
      const iv = r.text(r.get(m, 'apiVersion'));
      const ik = r.text(r.get(m, 'kind'));
      if (iv && ik) out.push(new K8sObject(doc, m, iv, ik, true));
    }
    return out;
  }
  return [new K8sObject(doc, root, apiVersion, kind, false)];
}
