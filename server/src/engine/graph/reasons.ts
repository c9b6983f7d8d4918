/**
 * The words of a broken edge are the words of its diagnostic: the reference rules are run on the object
 * and their findings are matched to the YAML node the edge comes from. One text, never two to keep in step.
 */
import type { Node } from 'yaml';
import type { K8sObject } from '../model/object';
import type { Workspace } from '../model/workspace';
import { ruleById } from '../rules/registry';
import type { Finding } from '../rules/rule';
import { withDefaults } from '../settings';
import type { Range } from '../types';

export const REFERENCE_RULES = {
  serviceMissing: 'ingress-service-missing',
  servicePort: 'ingress-service-port',
  selectsNoPods: 'service-selects-no-pods',
  targetPort: 'service-target-port',
} as const;

/**
 * Rules about the written value of a reference (a port name that cannot exist, a quoted number): when
 * one of them says why a reference leads nowhere, its message is the edge's reason.
 */
export const VALUE_RULES = {
  backend: 'ingress-backend',
  backendPort: 'ingress-backend-port',
  servicePort: 'service-port',
} as const;

export interface RuleFinding {
  rule: string;
  message: string;
  range: Range;
}

function isRange(at: Node | Range): at is Range {
  return (at as Range).start !== undefined && (at as Node).range === undefined;
}

/** The findings of the given rules on one object (a throwing rule gives none, as in check.ts). */
export function findingsOf(ws: Workspace, obj: K8sObject, ruleIds: readonly string[]): RuleFinding[] {
  if (obj.doc.broken) return [];
  const out: RuleFinding[] = [];
  const settings = withDefaults();
  for (const id of ruleIds) {
    const rule = ruleById(id);
    if (!rule?.checkObject || (obj.removedApi && !rule.includeRemovedApis) || (rule.appliesTo && !rule.appliesTo(obj))) continue;
    const found: RuleFinding[] = [];
    try {
      rule.checkObject(obj, {
        workspace: ws,
        settings,
        report(f: Finding) {
          found.push({ rule: id, message: f.message, range: isRange(f.at) ? f.at : obj.doc.rangeOf(f.at) });
        },
      });
    } catch {
      continue;
    }
    out.push(...found);
  }
  return out;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** The message of the first finding inside a range, by the rules' order of preference. */
export function reasonWithin(findings: RuleFinding[], range: Range, rules: readonly string[]): string | undefined {
  for (const rule of rules) {
    const f = findings.find((x) => x.rule === rule && within(x.range, range));
    if (f) return f.message;
  }
  return undefined;
}

/** Whether a finding's range lies within a node's range (findings point at a value inside the reference). */
export function within(range: Range, outer: Range): boolean {
  return before(outer.start, range.start) && before(range.end, outer.end);
}
