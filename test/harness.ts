/**
 * Inline fixtures for rule tests, in the manner of rust-analyzer: the expected diagnostics are written in the
 * YAML itself, as comment lines under the line they point at:
 *
 *   spec:
 *     type: nodeport
 *   #       ^^^^^^^^ error service-type: Service type `nodeport` must be written `NodePort` ...
 *
 * The carets give the exact range on the line above (the nearest line that is not an annotation); the
 * message after the colon, when written, must match exactly.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { LineIndex, Workspace, checkWorkspace, withDefaults } from '../server/src/engine';
import type { Diagnostic, EngineSettings, Rule } from '../server/src/engine';

export interface Expected {
  file: string;
  line: number;
  start: number;
  end: number;
  severity: string;
  code: string;
  message?: string;
}

const ANNOTATION = /^(\s*#\s*)(\^+)\s+(error|warning|information|hint)\s+([\w-]+)(?::\s?(.*))?$/;

export function annotations(file: string, text: string): Expected[] {
  const lines = text.split(/\r?\n/);
  const out: Expected[] = [];
  let target = -1;
  lines.forEach((line, i) => {
    const m = ANNOTATION.exec(line);
    if (!m) {
      target = i;
      return;
    }
    const start = m[1].length;
    out.push({ file, line: target, start, end: start + m[2].length, severity: m[3], code: m[4], message: m[5] });
  });
  return out;
}

/** Checks a set of files (name → text) with the whole engine, or with the given rules only. */
export function check(
  files: Record<string, string> | string,
  options: { rules?: readonly Rule[]; settings?: Partial<EngineSettings> } = {},
): Diagnostic[] {
  const ws = new Workspace();
  const set = typeof files === 'string' ? { 'test.yaml': files } : files;
  for (const [name, text] of Object.entries(set)) ws.setText(name, text);
  return checkWorkspace(ws, { rules: options.rules, settings: withDefaults(options.settings) });
}

function show(d: {
  file: string;
  line: number;
  start: number;
  end: number;
  severity: string;
  code: string;
  message?: string;
}): string {
  return `${d.file}:${d.line}:${d.start}-${d.end} ${d.severity} ${d.code}${d.message !== undefined ? `: ${d.message}` : ''}`;
}

/** Asserts that checking the files gives exactly the annotated diagnostics (ranges on one line). */
export function assertAnnotated(
  files: Record<string, string> | string,
  options: { rules?: readonly Rule[]; settings?: Partial<EngineSettings> } = {},
): void {
  const set = typeof files === 'string' ? { 'test.yaml': files } : files;
  const expected = Object.entries(set).flatMap(([f, t]) => annotations(f, t));
  const actual = check(set, options);
  const actualShown = actual.map((d) => {
    const withMessage = expected.some(
      (e) => e.file === d.file && e.line === d.range.start.line && e.code === d.code && e.message !== undefined,
    );
    return show({
      file: d.file,
      line: d.range.start.line,
      start: d.range.start.character,
      end: d.range.end.line === d.range.start.line ? d.range.end.character : -1,
      severity: d.severity,
      code: d.code,
      message: withMessage ? d.message : undefined,
    });
  });
  assert.deepEqual(actualShown.sort(), expected.map(show).sort());
}

export interface RuleTable {
  /** Manifests that must give no diagnostic from this rule. */
  valid: { name: string; yaml: string | Record<string, string> }[];
  /**
   * Manifests with annotated expected diagnostics; `fixed` is the text after applying the quick fix of every
   * finding that has one (annotation lines left out), per file when the case has several.
   */
  invalid: {
    name: string;
    yaml: string | Record<string, string>;
    settings?: Partial<EngineSettings>;
    fixed?: string | Record<string, string>;
  }[];
}

/**
 * A text with the quick fixes of the given diagnostics applied (a fix whose edits overlap an earlier fix's is
 * left out, as an editor applying them one after the other would find them stale), annotation lines removed.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): string {
  const lines = new LineIndex(text);
  const edits: { start: number; end: number; newText: string }[] = [];
  for (const d of diagnostics) {
    if (!d.fix) continue;
    const mine = d.fix.edits.map((e) => ({
      start: lines.offset(e.range.start),
      end: lines.offset(e.range.end),
      newText: e.newText,
    }));
    const same = (a: (typeof mine)[number], b: (typeof mine)[number]) =>
      a.start === b.start && a.end === b.end && a.newText === b.newText;
    // The same fix offered by two findings (one rewrite for two fields) is applied once.
    if (mine.every((e) => edits.some((x) => same(x, e)))) continue;
    if (mine.some((e) => edits.some((x) => e.start < x.end && x.start < e.end))) continue;
    edits.push(...mine);
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out
    .split(/(?<=\n)/)
    .filter((line) => !ANNOTATION.test(line.replace(/\r?\n$/, '')))
    .join('');
}

/** A rule's test table: every valid case is clean, every invalid case gives exactly its annotations (and its fixed text). */
export function ruleTable(rule: Rule, table: RuleTable): void {
  describe(`rule ${rule.id}`, () => {
    for (const c of table.valid) {
      it(`valid: ${c.name}`, () => {
        assert.deepEqual(
          check(c.yaml, { rules: [rule] }).map((d) => `${d.range.start.line}: ${d.message}`),
          [],
        );
      });
    }
    for (const c of table.invalid) {
      it(`invalid: ${c.name}`, () => {
        assertAnnotated(c.yaml, { rules: [rule], settings: c.settings });
        if (c.fixed === undefined) return;
        const set = typeof c.yaml === 'string' ? { 'test.yaml': c.yaml } : c.yaml;
        const expected = typeof c.fixed === 'string' ? { 'test.yaml': c.fixed } : c.fixed;
        const found = check(set, { rules: [rule], settings: c.settings });
        const actual = Object.fromEntries(
          Object.keys(expected).map((f) => [
            f,
            applyFixes(
              set[f],
              found.filter((d) => d.file === f),
            ),
          ]),
        );
        assert.deepEqual(actual, expected, 'the text after the quick fixes');
      });
    }
  });
}

/** The project's root folder, found from this file (works for `npm test` and for scripts/quick-test.mjs). */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'kubeway') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('kubeway repository root not found');
    dir = up;
  }
}
