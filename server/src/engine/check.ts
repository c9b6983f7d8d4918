import type { Node } from 'yaml';
import type { ManifestFile } from './parse/manifestFile';
import type { K8sObject } from './model/object';
import type { Workspace } from './model/workspace';
import { ALL_RULES } from './rules/registry';
import type { Finding, Rule, RuleContext } from './rules/rule';
import { containersOf, podSpecOf } from './rules/utils/podSpec';
import type { EngineSettings, RuleSetting } from './settings';
import { withDefaults } from './settings';
import type { Diagnostic, Fix, Range, Severity } from './types';
import { fileCache } from './checkCache';
import type { ObjectResults, RuleResult, Thrown } from './checkCache';
import { shortenQuoted } from './text';

export interface CheckOptions {
  settings?: EngineSettings;
  rules?: readonly Rule[];
  /** Called when a rule throws: its findings for that file are dropped and checking goes on. */
  onRuleError?: (rule: Rule, file: string, error: unknown) => void;
}

function isRange(at: Node | Range): at is Range {
  return (at as Range).start !== undefined && (at as Range).end !== undefined && (at as Node).range === undefined;
}

/** No findings (shared, so that a clean object costs no array). */
const NONE: readonly Diagnostic[] = [];

/**
 * Checks one file of the workspace against the whole workspace. Each rule's findings per object are kept
 * (checkCache.ts): checking the file again runs the rules only on objects that changed since, and re-runs
 * the cross-object rules only where a change may affect them.
 */
export function checkFile(ws: Workspace, path: string, options: CheckOptions = {}): Diagnostic[] {
  const model = ws.file(path);
  if (!model || model.file.template) return [];
  const settings = options.settings ?? withDefaults();
  const rules = options.rules ?? ALL_RULES;
  const out: Diagnostic[] = [];
  const fallbacks: Diagnostic[] = [];
  const file = model.file;
  const objects = model.objects;
  const cache = fileCache(ws, path, rules, JSON.stringify(settings), objects);
  const kept = objects.map((obj) => {
    const line = documentLine(obj);
    let entry = cache.objects.get(obj);
    if (!entry) cache.objects.set(obj, (entry = { line, results: [] }));
    else if (entry.line !== line) moveResults(entry, line);
    return entry;
  });
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    const run = new RuleRunner(rule, ws, settings, file);
    if (run.off) continue;
    const found: Diagnostic[] = [];
    const ofFile = run.wholeFile();
    let failed: Thrown | undefined;
    if (isThrown(ofFile)) failed = ofFile;
    else for (let d = 0; d < ofFile.length; d++) found.push(ofFile[d]);
    if ((rule.checkObject || rule.checkContainer) && !failed) {
      for (let k = 0; k < objects.length; k++) {
        let result = kept[k].results[i];
        if (result === undefined) kept[k].results[i] = result = run.object(objects[k]);
        if (result === NONE) continue;
        if (isThrown(result)) {
          failed = result;
          break;
        }
        for (let d = 0; d < result.length; d++) found.push(result[d]);
      }
    }
    if (failed) {
      options.onRuleError?.(rule, path, failed.error);
      continue;
    }
    (rule.fallback ? fallbacks : out).push(...distinct(found));
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

export function isThrown(r: RuleResult): r is Thrown {
  return (r as Thrown).error !== undefined || !Array.isArray(r);
}

/** Whether a rule looks at an object at all: not a broken document, not a removed apiVersion (unless the rule asks), one of its kinds. */
export function ruleApplies(rule: Rule, obj: K8sObject): boolean {
  if (obj.doc.broken || (obj.removedApi && !rule.includeRemovedApis)) return false;
  if (rule.kinds && !rule.kinds.includes(obj.kind)) return false;
  return !rule.appliesTo || rule.appliesTo(obj);
}

/**
 * Runs one rule on the objects of one file, as every caller must: the user's severity (or `off`), the
 * objects the rule applies to, findings turned into diagnostics of the file, and a throwing rule caught
 * (its result is the error: the caller drops the rule's findings for the file and goes on). checkFile and
 * the diagram's reasons (reasons.ts) both run rules through it.
 */
export class RuleRunner {
  /** The severity findings get, or `off`: then the rule is not run. */
  readonly level: RuleSetting;
  private readonly ctx: RuleContext;
  /** One list for every evaluation (copied out only when something was found: most objects are clean). */
  private readonly sink: Diagnostic[] = [];
  private obj: K8sObject | undefined;

  constructor(
    readonly rule: Rule,
    workspace: Workspace,
    settings: EngineSettings,
    private readonly file: ManifestFile,
  ) {
    const setting = settings.rules[rule.id];
    this.level = setting ?? rule.severity;
    const level = this.level as Severity;
    this.ctx = {
      workspace,
      settings,
      report: (f: Finding) => {
        const range = isRange(f.at) ? f.at : this.obj ? this.obj.doc.rangeOf(f.at) : this.file.lines.range(0, 0);
        const d: Diagnostic = {
          file: this.file.path,
          range,
          severity: setting ? level : (f.severity ?? level),
          code: rule.id,
          message: shortenQuoted(f.message),
          source: 'kubeway',
        };
        if (f.fix) d.fix = f.fix;
        if (f.choices?.length) d.choices = f.choices;
        this.sink.push(d);
      },
    };
  }

  get off(): boolean {
    return this.level === 'off';
  }

  /** The rule's findings for one object of the file (none when it does not apply, or the rule is off). */
  object(obj: K8sObject): RuleResult {
    const rule = this.rule;
    if (this.off || (!rule.checkObject && !rule.checkContainer) || !ruleApplies(rule, obj)) return NONE;
    this.obj = obj;
    try {
      return this.collect(() => {
        rule.checkObject?.(obj, this.ctx);
        if (rule.checkContainer)
          for (const c of containersOf(obj.reader, podSpecOf(obj))) rule.checkContainer(c, obj, this.ctx);
      });
    } finally {
      this.obj = undefined;
    }
  }

  /** The rule's findings about the file as a whole (YAML-level rules). */
  wholeFile(): RuleResult {
    const rule = this.rule;
    if (this.off || !rule.checkFile) return NONE;
    return this.collect(() => rule.checkFile!(this.file, this.ctx));
  }

  private collect(run: () => void): RuleResult {
    this.sink.length = 0;
    try {
      run();
    } catch (error) {
      return { error };
    }
    return this.sink.length ? this.sink.slice() : NONE;
  }
}

/** The line an object's document starts on (it moves when lines are added or removed above it). */
function documentLine(obj: K8sObject): number {
  const doc = obj.doc;
  return doc.file.lines.position(doc.base + (doc.doc.range?.[0] ?? 0)).line;
}

/** Kept findings of a document that moved by some lines: same text, so the same findings, that many lines lower. */
function moveResults(entry: ObjectResults, line: number): void {
  const by = line - entry.line;
  entry.line = line;
  const move = (r: Range): Range => ({
    start: { line: r.start.line + by, character: r.start.character },
    end: { line: r.end.line + by, character: r.end.character },
  });
  entry.results = entry.results.map((result) => {
    if (result === undefined || isThrown(result) || result.length === 0) return result;
    return result.map((d) => {
      const moved: Diagnostic = { ...d, range: move(d.range) };
      const moveFix = (f: Fix): Fix => ({ ...f, edits: f.edits.map((e) => ({ ...e, range: move(e.range) })) });
      if (d.fix) moved.fix = moveFix(d.fix);
      if (d.choices) moved.choices = d.choices.map(moveFix);
      return moved;
    });
  });
}

/**
 * One rule's findings without repeats: a value that aliases or `<<` merges bring into several places (a shared
 * port list, a merged container) is one node, and one mistake in it is reported once, where it is written.
 */
function distinct(found: Diagnostic[]): Diagnostic[] {
  if (found.length < 2) return found;
  const seen = new Set<string>();
  return found.filter((d) => {
    const k = `${d.range.start.line}:${d.range.start.character}:${d.range.end.line}:${d.range.end.character}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
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
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}
