/**
 * The one place hover and completion ask what a kind's fields are: the built-in Kubernetes schema, then the
 * CustomResourceDefinitions in force for the workspace (its files' CRDs, the bundled ones).
 */
import { groupOf, versionOf } from '../crd/definition';
import { describeCustomResourcePath } from '../crd/describe';
import type { Workspace } from '../model/workspace';
import { describePath, isKnownKind, knownKinds } from '../schema';
import type { PathDescription } from '../schema';

export interface KindInfo {
  apiVersion: string;
  kind: string;
  description: string;
}

export interface KindSchemas {
  /** What the schema of apiVersion/kind says at a path from the object's root; undefined when nothing is known. */
  describePath(apiVersion: string, kind: string, path: (string | number)[]): PathDescription | undefined;
  /** apiVersion/kind pairs that can be written: the built-in kinds, then the served versions of the CRDs. */
  knownKinds(): KindInfo[];
}

export function kindSchemas(ws: Workspace): KindSchemas {
  return {
    describePath(apiVersion, kind, path) {
      if (isKnownKind(apiVersion, kind)) return describePath(apiVersion, kind, path);
      const group = groupOf(apiVersion);
      const def = group.includes('.') ? ws.crds.lookup(group, kind) : undefined;
      const version = def?.versions.find((v) => v.name === versionOf(apiVersion) && v.served);
      return def && version ? describeCustomResourcePath(def, version, path) : undefined;
    },
    knownKinds() {
      const out: KindInfo[] = knownKinds();
      const custom = ws.crds
        .all()
        .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.kind < b.kind ? -1 : 1));
      for (const d of custom) {
        for (const v of d.versions) {
          if (!v.served) continue;
          out.push({ apiVersion: `${d.group}/${v.name}`, kind: d.kind, description: v.schema?.description ?? '' });
        }
      }
      return out;
    },
  };
}
