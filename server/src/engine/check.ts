import type { Node } from 'yaml';
import type { ManifestFile } from './parse/manifestFile';
import type { K8sObject } from './model/object';
import type { Workspace } from './model/workspace';
import { ALL_RULES } from './rules/registry';
import type { Finding, Rule, RuleContext } from './rules/rule';
import type { EngineSettings } from './settings';
import { withDefaults } from './settings';
import type { Diagnostic, Range } from './types';

export interface CheckOptions {
  settings?: EngineSettings;
  rules?: readonly Rule[];
  /** Called when a rule throws: its findings for that file are dropped and checking goes on. */
  onRuleError?: (rule: Rule, file: string, error: unknown) => void;
}

function isRange(at: Node | Range): at is Range {
  return (at as Range).start !== undefined && (at as Range).end !== undefined && (at as Node).range === undefined;
}

/** Checks one file of the workspace against the whole workspace. */
export function checkFile(ws: Workspace, path: string, options: CheckOptions = {}): Diagnostic[] {
  const model = ws.file(path);
  if (!model || model.file.template) return [];
  const settings = options.settings ?? withDefaults();
  const rules = options.rules ?? ALL_RULES;
  const out: Diagnostic[] = [];
  const fallbacks: Diagnostic[] = [];
  const file = model.file;
  for (const rule of rules) {
    const level = settings.rules[rule.id] ?? rule.severity;
    if (level === 'off') continue;
    const found: Diagnostic[] = [];
    let currentObj: K8sObject | undefined;
    const ctx: RuleContext = {
      workspace: ws,
      settings,
      report(f: Finding) {
        const range = isRange(f.at) ? f.at : currentObj ? currentObj.doc.rangeOf(f.at) : file.lines.range(0, 0);
        const d: Diagnostic = { file: path, range, severity: settings.rules[rule.id] ? level : (f.severity ?? level), code: rule.id, message: f.message, source: 'kubeway' };
        if (f.fix) d.fix = f.fix;
        found.push(d);
      },
    };
    try {
      if (rule.checkFile) rule.checkFile(file, ctx);
      if (rule.checkObject) {
        for (const obj of model.objects) {
          if (obj.doc.broken) continue;
          if (obj.removedApi && !rule.includeRemovedApis) continue;
          if (rule.appliesTo && !rule.appliesTo(obj)) continue;
          currentObj = obj;
          rule.checkObject(obj, ctx);
        }
      }
    } catch (error) {
      options.onRuleError?.(rule, path, error);
      continue;
    }
    (rule.fallback ? fallbacks : out).push(...found);
  }
  // Compare with the dedicated findings only (not with fallbacks already kept): linear in the fallbacks.
  const dedicated = out.length;
  for (const f of fallbacks) {
    let covered = false;
    for (let i = 0; i < dedicated && !covered; i++) covered = overlaps(out[i].range, f.range);
    if (!covered) out.push(f);
  }
  return out.sort(compareDiagnostics);
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Ranges that share a character, or are both empty at the same place. */
function overlaps(a: Range, b: Range): boolean {
  if (a.start.line === b.start.line && a.start.character === b.start.character) return true;
  return before(a.start, b.end) && before(b.start, a.end);
}

/** Checks every file of the workspace; diagnostics sorted by file, then position. */
export function checkWorkspace(ws: Workspace, options: CheckOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const path of ws.paths.sort()) out.push(...checkFile(ws, path, options));
  return out;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
