/** Inline editor fixtures in the manner of rust-analyzer: `$0` marks the cursor in a YAML text. */
import type { Position } from '../../../server/src/engine';

export function cursor(text: string): { text: string; position: Position } {
  const at = text.indexOf('$0');
  if (at === -1) throw new Error('fixture has no $0 cursor marker');
  const clean = text.slice(0, at) + text.slice(at + 2);
  const before = clean.slice(0, at).split('\n');
  return { text: clean, position: { line: before.length - 1, character: before[before.length - 1].length } };
}
