/** Quick fixes: the diagnostics' fixes (the one right fix, or the choices), where the editor asks for actions. */
import type { Diagnostic, Fix, Range } from '../types';

export interface QuickFix {
  title: string;
  fix: Fix;
  diagnostic: Diagnostic;
  /** The diagnostic's one right fix (an editor may apply it by itself), as opposed to one of its choices. */
  preferred: boolean;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Whether two ranges touch (share a position), as an editor's cursor or selection touches a diagnostic. */
export function touches(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export interface DiagnosticKey {
  range: Range;
  code?: string | number;
  message: string;
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/**
 * The fixes of a file's diagnostics at a range. When the editor says which diagnostics it shows there
 * (`only`), just those are fixed.
 */
export function quickFixes(
  diagnostics: readonly Diagnostic[],
  range: Range,
  only?: readonly DiagnosticKey[],
): QuickFix[] {
  const out: QuickFix[] = [];
  for (const d of diagnostics) {
    if (!d.fix && !d.choices?.length) continue;
    if (only && only.length) {
      if (
        !only.some(
          (k) =>
            k.message === d.message &&
            (k.code === undefined || String(k.code) === d.code) &&
            sameRange(k.range, d.range),
        )
      )
        continue;
    } else if (!touches(d.range, range)) continue;
    if (d.fix) out.push({ title: d.fix.title, fix: d.fix, diagnostic: d, preferred: true });
    for (const c of d.choices ?? []) out.push({ title: c.title, fix: c, diagnostic: d, preferred: false });
  }
  return out;
}
