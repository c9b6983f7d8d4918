/**
 * Custom resources: the CRD that defines an object's kind (from the checked files, or bundled), and the
 * validation of the object against it (validate.ts: schema walk and CEL rules).
 */
import type { K8sObject } from '../model/object';
import type { Workspace } from '../model/workspace';
import { isKnownKind } from '../schema';
import { versionOf } from './definition';
import type { CrdDefinition, CrdVersion } from './definition';

export type { CrdDefinition, CrdVersion } from './definition';
export { crdFindings } from './validate';
export type { CrdFinding, CrdRuleId } from './validate';

/** An object of a kind a CRD defines, with the CRD and (when it exists) the version its apiVersion names. */
export interface CustomResource {
  definition: CrdDefinition;
  version: CrdVersion | undefined;
}

/** The CRD an object's kind comes from; undefined for built-in kinds and kinds no CRD defines. */
export function customResourceOf(obj: K8sObject, ws: Workspace): CustomResource | undefined {
  if (isKnownKind(obj.apiVersion, obj.kind)) return undefined;
  const definition = ws.crds.forObject(obj);
  if (!definition) return undefined;
  const name = versionOf(obj.apiVersion);
  return { definition, version: definition.versions.find((v) => v.name === name) };
}

/** The served version of a custom resource, with its schema, when the object can be validated. */
export function servedVersion(
  obj: K8sObject,
  ws: Workspace,
): { definition: CrdDefinition; version: CrdVersion } | undefined {
  const cr = customResourceOf(obj, ws);
  if (!cr?.version?.served || !cr.version.schema) return undefined;
  return { definition: cr.definition, version: cr.version };
}
