/**
 * The words of a broken edge are the words of its diagnostic: the rules that explain an edge (`explains` in
 * their declaration) are run on the object, through check.ts's runner (the same skips, settings and error
 * isolation as the diagnostics), and their findings are matched to the YAML node the edge comes from. One
 * text, never two to keep in step.
 */
import { RuleRunner, isThrown } from './check';
import type { K8sObject } from './model/object';
import type { Workspace } from './model/workspace';
import { ALL_RULES } from './rules/registry';
import type { EdgeReason, Rule } from './rules/rule';
import type { EngineSettings } from './settings';
import { withDefaults } from './settings';
import type { Range } from './types';

export interface RuleFinding {
  rule: string;
  /** From a rule that reads other objects: it says why the reference leads nowhere (not how its value is written). */
  reference: boolean;
  message: string;
  range: Range;
}

const explaining = new Map<EdgeReason, readonly Rule[]>();

/** The rules that explain an edge: those that resolve the reference (they read other objects) first, then those about its written value. */
function rulesExplaining(edge: EdgeReason): readonly Rule[] {
  let rules = explaining.get(edge);
  if (!rules) {
    const all = ALL_RULES.filter((r) => r.explains === edge);
    explaining.set(edge, (rules = [...all.filter((r) => r.reads?.length), ...all.filter((r) => !r.reads?.length)]));
  }
  return rules;
}

/** The findings on one object of the rules that explain an edge, in their order of preference (a throwing or disabled rule gives none). */
export function findingsOf(
  ws: Workspace,
  obj: K8sObject,
  edge: EdgeReason,
  settings: EngineSettings = withDefaults(),
): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const rule of rulesExplaining(edge)) {
    const result = new RuleRunner(rule, ws, settings, obj.doc.file).object(obj);
    if (isThrown(result)) continue;
    for (const d of result)
      out.push({ rule: rule.id, reference: !!rule.reads?.length, message: d.message, range: d.range });
  }
  return out;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/**
 * The reason for a broken reference: the first finding of a reference rule inside the reference's range,
 * else the first finding of a value rule inside the range of its value (by default the same range).
 */
export function reasonWithin(
  findings: readonly RuleFinding[],
  reference: Range,
  value: Range = reference,
): string | undefined {
  return (
    findings.find((f) => f.reference && within(f.range, reference)) ??
    findings.find((f) => !f.reference && within(f.range, value))
  )?.message;
}

/** Whether a finding's range lies within a node's range (findings point at a value inside the reference). */
export function within(range: Range, outer: Range): boolean {
  return before(outer.start, range.start) && before(range.end, outer.end);
}
