/**
 * The few facts about a workload's pod template that several rules need: where it lives, its containers,
 * and the paths and file modes inside its volumes (core validateLocalDescendingPath, validateKeyToPath).
 */
import type { K8sObject } from '../../model/object';
import type { DocReader } from '../../parse/nodes';
import type { Node, Pair, YAMLMap } from 'yaml';

/** Where the pod template of a workload kind lives, from the object's root. */
export function templatePath(kind: string): string[] {
  if (kind === 'Pod') return [];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template'];
  return ['spec', 'template'];
}

/**
 * A `labels` map written directly under a workload's pod template (beside metadata and spec) instead of
 * under template.metadata: the API server rejects the unknown field, and the pods get none of those labels.
 */
export function misplacedTemplateLabels(obj: K8sObject): Pair | undefined {
  if (obj.kind === 'Pod') return undefined;
  const r = obj.reader;
  const pair = r.pair(obj.get(...templatePath(obj.kind)), 'labels');
  return pair && r.map(pair.value) ? pair : undefined;
}

/** The map holding a workload's pod-template spec keys (`spec` of the template; a Pod's own `spec`). */
export function podSpecPath(kind: string): string[] {
  return [...templatePath(kind), 'spec'];
}

/** Kinds whose pod template must keep `restartPolicy: Always` (long-running controllers). */
export const ALWAYS_RESTART_KINDS = new Set([
  'Deployment',
  'ReplicaSet',
  'DaemonSet',
  'StatefulSet',
  'ReplicationController',
]);

export const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const;

export type ContainerList = (typeof CONTAINER_LISTS)[number];

/** One container of a pod spec, read straight from YAML (every list, including ephemeralContainers). */
export interface ContainerRef {
  map: YAMLMap;
  list: ContainerList;
  index: number;
  /** The name when it is a string. */
  name: string | undefined;
  nameNode: Node | undefined;
}

/** The pod spec map of a workload (the template's `spec`; a Pod's own `spec`). */
export function podSpecOf(obj: K8sObject): YAMLMap | undefined {
  return obj.reader.map(obj.get(...podSpecPath(obj.kind)));
}

/** The containers of a pod spec, in API order: containers, initContainers, ephemeralContainers. */
export function containersOf(r: DocReader, spec: unknown): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const list of CONTAINER_LISTS) {
    r.items(r.get(spec, list)).forEach((item, index) => {
      const map = r.map(item);
      if (!map) return;
      const nameNode = r.get(map, 'name');
      out.push({ map, list, index, name: r.str(nameNode), nameNode });
    });
  }
  return out;
}

/** How a container is called in messages: "Container `web`", "Init container `setup`", "Container #2". */
export function containerLabel(c: ContainerRef): string {
  const what =
    c.list === 'containers' ? 'Container' : c.list === 'initContainers' ? 'Init container' : 'Ephemeral container';
  return c.name ? `${what} \`${c.name}\`` : `${what} #${c.index + 1}`;
}

/**
 * Why a path that must stay inside its volume is invalid: absolute, or with a `..` element (subPath,
 * items[].path); `reserved` also refuses a leading `..` (`..data` is the atomic writer's own directory).
 */
export function localPathProblem(path: string, reserved: boolean): string | undefined {
  if (path.startsWith('/')) return 'must be a relative path (it is joined to the volume)';
  if (path.split('/').includes('..')) return "must not contain '..'";
  if (reserved && path.startsWith('..')) return "must not start with '..'";
  return undefined;
}

/** The largest file mode, 0777 (511 in decimal). */
export const MAX_FILE_MODE = 0o777;

/**
 * Why a file mode (defaultMode, items[].mode) is out of range, or undefined. A decimal number that reads as an
 * octal mode (644, 755) is the usual mistake: YAML reads `0644` as octal, `644` as decimal.
 */
export function fileModeProblem(mode: number): { message: string; octal?: string } | undefined {
  if (mode >= 0 && mode <= MAX_FILE_MODE) return undefined;
  const digits = String(mode);
  if (mode > 0 && /^[0-7]{3,4}$/.test(digits) && parseInt(digits, 8) <= MAX_FILE_MODE) {
    const octal = `0${digits.replace(/^0+/, '')}`;
    return {
      message: `is read as the decimal number ${mode}, above 0777 (511): file modes are octal, so write ${octal} (YAML reads a leading 0 as octal) or ${parseInt(digits, 8)}`,
      octal,
    };
  }
  return { message: `is out of range: a file mode is between 0 and 0777 (octal; 0 to 511 in decimal)` };
}
