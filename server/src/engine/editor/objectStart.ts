/**
 * What completion offers where a Kubernetes object can start: the kinds, most used first, and the snippets
 * (bodies kept as data in snippets/kubernetes.json, passed in by the caller). Offered only at the start of a
 * document of a file that is, or will be, a manifest: never inside an object, never in other YAML.
 */
import type { Workspace } from '../model/workspace';
import { knownKinds } from '../schema';
import type { CursorContext } from './cursor';
import { lineShape } from './lines';
import type { TextLines } from './lines';

/** A snippet as kept in snippets/kubernetes.json (VS Code's snippet syntax). */
export interface ObjectSnippet {
  /** What the user picks: a kind, or a kind and its variant ("Service (NodePort)"). */
  prefix: string;
  description: string;
  body: string | string[];
  /** The kind whose plain skeleton this snippet replaces in the list (one entry per kind or snippet). */
  kind?: string;
}

/**
 * Kinds, most used first: an application's workload, its Service and Ingress, its configuration, then the other
 * workloads, storage, access control and policy (in the real-world manifests checked by the tests, Service and
 * Deployment alone are half of all objects). Kinds not listed follow in the schema's order.
 */
export const KINDS_BY_USE: readonly string[] = [
  'Deployment',
  'Service',
  'Ingress',
  'ConfigMap',
  'Secret',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Pod',
  'PersistentVolumeClaim',
  'ServiceAccount',
  'Namespace',
  'HorizontalPodAutoscaler',
  'NetworkPolicy',
  'Role',
  'RoleBinding',
  'ClusterRole',
  'ClusterRoleBinding',
  'PodDisruptionBudget',
  'PersistentVolume',
  'StorageClass',
  'IngressClass',
  'ResourceQuota',
  'LimitRange',
  'PriorityClass',
  'CustomResourceDefinition',
  'ReplicaSet',
];

/** The rank of a kind for sorting (0 = most used). */
export function kindRank(kind: string): number {
  const i = KINDS_BY_USE.indexOf(kind);
  return i === -1 ? KINDS_BY_USE.length : i;
}

/** The known kinds (one entry per kind: its preferred apiVersion), most used first; `known`: the built-in ones, or those of editor/schemas.ts (CRDs too). */
export function kindsByUse(
  known: readonly { apiVersion: string; kind: string; description: string }[] = knownKinds(),
): { apiVersion: string; kind: string; description: string }[] {
  const seen = new Set<string>();
  const kinds = known.filter((k) => !seen.has(k.kind) && seen.add(k.kind));
  return kinds
    .map((k, i) => ({ k, i }))
    .sort((a, b) => kindRank(a.k.kind) - kindRank(b.k.kind) || a.i - b.i)
    .map((x) => x.k);
}

/** YAML files of other tools, by path: no Kubernetes object goes there even while they are empty. */
const OTHER_TOOLS = [
  /(^|\/)\.github\//,
  /(^|\/)\.gitlab-ci\.ya?ml$/,
  /(^|\/)\.circleci\//,
  /(^|\/)\.travis\.ya?ml$/,
  /(^|\/)(azure|bitbucket)-pipelines\.ya?ml$/,
  /(^|\/)(docker-)?compose[^/]*\.ya?ml$/,
  /(^|\/)Chart\.ya?ml$/,
  /(^|\/)values[^/]*\.ya?ml$/,
  /(^|\/)\.pre-commit-config\.ya?ml$/,
  /(^|\/)mkdocs\.ya?ml$/,
  /(^|\/)pnpm-lock\.yaml$/,
  /(^|\/)\.yarnrc\.yml$/,
  /(^|\/)\.golangci\.ya?ml$/,
  /(^|\/)codecov\.ya?ml$/,
];

/** Whether a file's path names the YAML of another tool (a workflow, a compose file, a chart's values). */
export function isOtherToolsYaml(path: string): boolean {
  const p = path.replace(/\\/g, '/');
  return OTHER_TOOLS.some((re) => re.test(p));
}

function hasContent(text: string): boolean {
  const s = lineShape(text);
  return !s.blank && !s.docMarker && !/^%/.test(text);
}

/**
 * Whether an object can start at the cursor: a word (or nothing) at column 0 of a document that holds
 * nothing else yet, in a file that is a manifest (another document is a Kubernetes object) or will be one
 * (the file is otherwise empty and not another tool's YAML by its name). Templates never.
 */
export function objectCanStart(ws: Workspace, path: string, lines: TextLines, ctx: CursorContext): boolean {
  if (ctx.role !== 'key' || ctx.keyColumn !== 0 || ctx.path.length !== 0 || ctx.key !== undefined) return false;
  const model = ws.file(path);
  if (model?.file.template) return false;
  for (let l = ctx.doc.startLine; l < ctx.doc.endLine; l++)
    if (l !== ctx.line && hasContent(lines.lineText(l))) return false;
  let otherContent = false;
  for (let l = 0; l < lines.lineCount && !otherContent; l++) {
    if (l >= ctx.doc.startLine && l < ctx.doc.endLine) continue;
    otherContent = hasContent(lines.lineText(l));
  }
  if (otherContent) return model?.file.looksLikeKubernetes === true;
  return !isOtherToolsYaml(path);
}
