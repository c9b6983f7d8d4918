/**
 * Which built-in kinds Kubernetes serves at which apiVersion: `kind: Deployment` with `apiVersion: v1`, or
 * `kind: deployment`, is rejected by the API server ("no matches for kind"). Only apiVersions whose kinds the
 * schema knows completely (the stable versions of the built-in groups) are judged, and an unknown kind only
 * when it is close to a built-in one: other tools put their own kinds under `v1` (kubeconfig `Config`,
 * OpenShift templates), and beta versions the schema does not ship may serve kinds it does not know.
 */
import { replacementApiVersion } from '../model/apiVersions';
import { closest } from './suggest';
import { k8sSchema } from './tables';

interface KindIndex {
  /** Stable apiVersion → the kinds it serves. */
  byApiVersion: Map<string, Set<string>>;
  /** Kind → the served apiVersions, newest stable first. */
  byKind: Map<string, string[]>;
  allKinds: string[];
}

let index: KindIndex | undefined;

function versionRank(apiVersion: string): number {
  const m = /v(\d+)(?:(alpha|beta)(\d+))?$/.exec(apiVersion);
  if (!m) return 0;
  const major = Number(m[1]) * 1000;
  return m[2] === undefined ? major + 999 : major + (m[2] === 'beta' ? 500 : 0) + Number(m[3]);
}

function kindIndex(): KindIndex {
  if (index) return index;
  const byApiVersion = new Map<string, Set<string>>();
  const byKind = new Map<string, string[]>();
  for (const k of k8sSchema().kindList) {
    if (k.removed || replacementApiVersion(k.apiVersion, k.kind)) continue;
    if (/\/v\d+$|^v\d+$/.test(k.apiVersion)) {
      let kinds = byApiVersion.get(k.apiVersion);
      if (!kinds) byApiVersion.set(k.apiVersion, (kinds = new Set()));
      kinds.add(k.kind);
    }
    const versions = byKind.get(k.kind) ?? [];
    versions.push(k.apiVersion);
    byKind.set(k.kind, versions);
  }
  for (const versions of byKind.values()) versions.sort((a, b) => versionRank(b) - versionRank(a));
  index = { byApiVersion, byKind, allKinds: [...byKind.keys()] };
  return index;
}

export type KindProblem =
  /** The kind is built in, but served under another apiVersion. */
  | { at: 'apiVersion'; kind: string; use: string }
  /** The kind is misspelt (`suggestion` is served at `apiVersion`, or elsewhere when `apiVersion` is set). */
  | { at: 'kind'; suggestion: string; apiVersion?: string };

/** What is wrong with an apiVersion/kind pair, when the schema can tell for sure. */
export function kindProblem(apiVersion: string, kind: string): KindProblem | undefined {
  const ix = kindIndex();
  const served = ix.byApiVersion.get(apiVersion);
  if (!served || served.has(kind) || /List$/.test(kind)) return undefined;
  const elsewhere = ix.byKind.get(kind);
  if (elsewhere?.length) return { at: 'apiVersion', kind, use: elsewhere[0] };
  const here = closest(kind, served);
  if (here) return { at: 'kind', suggestion: here };
  const other = closest(kind, ix.allKinds);
  if (other) return { at: 'kind', suggestion: other, apiVersion: ix.byKind.get(other)?.[0] };
  return undefined;
}
