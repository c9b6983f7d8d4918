import type { ManifestFile } from '../parse/manifestFile';
import type { K8sObject } from '../model/object';
import type { Workspace } from '../model/workspace';
import type { EngineSettings } from '../settings';
import type { Finding, Severity } from '../types';
import type { ObjectReadName } from './reads';
import type { ContainerRef } from './utils/podSpec';

// The Finding type lives in types.ts (the schema and CRD walks report findings too, below the rules layer).
export type { Finding } from '../types';

/** Diagram edges with a reason: an Ingress route to a Service, a Service selecting pods, a Service port's targetPort. */
export type EdgeReason = 'route' | 'selection' | 'target-port';

export interface RuleContext {
  workspace: Workspace;
  settings: EngineSettings;
  report(finding: Finding): void;
}

/** A rule's documentation (docs/rules/<id>.md is made from it and the rest of the declaration, see ruleDocs.ts). */
export interface RuleDocs {
  /** Why it matters: what the API server does with such an object, or where the traffic goes. */
  why: string;
  /** A manifest the rule reports (the page shows the findings), and the same manifest fixed (no finding). */
  fails: string;
  fixed: string;
}

/**
 * One check, in a file of its own named by its id. A rule looks at one object at a time (`checkObject`,
 * only for objects of its `kinds` whose `appliesTo` returns true), at one container of such an object at a
 * time (`checkContainer`), or at a whole file (`checkFile`, for YAML-level checks).
 */
export interface Rule {
  id: string;
  /** One line for the README and for hovers. */
  description: string;
  severity: Severity;
  docs?: RuleDocs;
  /**
   * A generic check (the schema walk): its findings are dropped where a dedicated rule reports an
   * overlapping range, so one mistake gives one diagnostic, with the more specific message.
   */
  fallback?: boolean;
  /** Objects with a removed apiVersion are skipped unless the rule says otherwise. */
  includeRemovedApis?: boolean;
  /** The kinds of the objects the rule checks (all kinds when absent); `appliesTo` narrows further (apiVersions). */
  kinds?: readonly string[];
  appliesTo?(obj: K8sObject): boolean;
  /**
   * What the rule reads of other objects of the workspace (reads.ts): the check cache and the language
   * server's dependents follow these relations. A rule that reads only its own object (and its file's
   * kustomizations) lists nothing.
   */
  reads?: readonly ObjectReadName[];
  /**
   * The diagram edge whose break the rule's findings explain: the finding inside the reference is the
   * edge's reason (reasons.ts). Rules that read other objects are asked first.
   */
  explains?: EdgeReason;
  checkObject?(obj: K8sObject, ctx: RuleContext): void;
  /**
   * A check of one container at a time: the runner calls it for every container of the pod spec of each
   * object the rule applies to (containers, initContainers, ephemeralContainers, in that order).
   */
  checkContainer?(container: ContainerRef, obj: K8sObject, ctx: RuleContext): void;
  checkFile?(file: ManifestFile, ctx: RuleContext): void;
}
