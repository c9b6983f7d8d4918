/**
 * Each rule's documentation page (docs/rules/<id>.md), made from what the rule declares: its description,
 * severity, the kinds it checks, what it reads of other objects, why it matters, and its example — run
 * through the engine, so that the page shows the very finding kubeway gives and that the fixed manifest
 * gives none. `npm run docs` writes the pages (scripts/rule-pages.mjs); test/unit/rules/docs.test.ts fails
 * when a committed page is stale.
 */
import { checkWorkspace } from './check';
import { Workspace } from './model/workspace';
import { OBJECT_READS } from './rules/reads';
import type { Rule } from './rules/rule';
import type { Diagnostic } from './types';

/** Where the pages are published: the repository's docs/rules folder (package.json names no repository). */
export const RULE_DOCS_BASE = 'https://github.com/kubeway/kubeway/blob/main/docs/rules/';

/** The page of a rule (also for a diagnostic's `codeDescription.href` and SARIF's `helpUri`). */
export function ruleDocUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}

/** The rule's findings on a manifest (only this rule runs: the example shows what it finds). */
export function exampleFindings(rule: Rule, text: string): Diagnostic[] {
  const ws = new Workspace();
  ws.setText('example.yaml', text);
  return checkWorkspace(ws, { rules: [rule] });
}

function fence(text: string): string {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  const ticks = /^```/m.test(body) ? '````' : '```';
  return `${ticks}yaml\n${body}${ticks}`;
}

function codeList(items: readonly string[]): string {
  return items.map((k) => `\`${k}\``).join(', ');
}

/** The markdown page of a rule. */
export function rulePage(rule: Rule): string {
  const docs = rule.docs;
  const lines: string[] = [`# \`${rule.id}\``, '', rule.description, ''];
  const scope =
    rule.checkFile && !rule.checkObject
      ? 'every manifest file, as YAML'
      : rule.kinds
        ? codeList(rule.kinds)
        : 'objects of every kind';
  lines.push('| | |', '|---|---|', `| default severity | ${rule.severity} |`, `| checks | ${scope} |`);
  if (rule.reads?.length) lines.push(`| reads | ${rule.reads.map((r) => OBJECT_READS[r].description).join('; ')} |`);
  if (rule.fallback)
    lines.push('| gives way | to a dedicated rule that reports the same place: one mistake, one finding |');
  lines.push('');
  if (docs) {
    lines.push('## Why it matters', '', docs.why, '');
    lines.push('## Example', '', 'kubeway reports this manifest:', '', fence(docs.fails), '');
    const found = exampleFindings(rule, docs.fails);
    for (const d of found)
      lines.push(
        `- line ${d.range.start.line + 1}, ${d.severity}: ${d.message}${d.fix ? ` (quick fix: ${d.fix.title})` : ''}`,
      );
    if (found.length) lines.push('');
    lines.push('Fixed:', '', fence(docs.fixed), '');
  }
  lines.push(
    '## Settings',
    '',
    `Change the severity or turn the rule off with the editor setting \`"kubeway.rules": {"${rule.id}": "off"}\`, or \`--rule ${rule.id}=off\` on the command line.`,
    '',
  );
  return lines.join('\n');
}
