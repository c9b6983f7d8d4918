#!/usr/bin/env node
/** The kubeway command line: `kubeway check` (and `kubeway graph`) over files and folders, using the same engine as the editor. */
import type { TemplateReason } from '../engine/parse/templates';
import { checkWorkspace } from '../engine/check';
import { withDefaults } from '../engine/settings';
import type { RuleSetting } from '../engine/settings';
import { ruleById } from '../engine/rules/registry';
import { parseArgs, rejectUnknownOptions, UsageError } from './args';
import type { ParsedArgs } from './args';
import { commands } from './commands';
import { InputError, loadWorkspace, reportUnreadable } from './files';
import { escapeControls } from '../engine/text';
import { describeSkippedLinks } from '../symlinks';
import type { SkippedLink } from '../symlinks';
import { formatJson, formatSarif, formatText } from './format';

declare const KUBEWAY_VERSION: string;
export const VERSION = typeof KUBEWAY_VERSION === 'string' ? KUBEWAY_VERSION : '0.0.0-dev';

const USAGE = `kubeway ${VERSION}: Kubernetes manifests checked offline

Usage:
  kubeway check <file|dir|->... [--format text|json|sarif] [--node-port-range 30000-32767]
                [--rule ID=error|warning|information|hint|off[,ID=...]] [--follow-symlinks]
  kubeway graph <file|dir>... [--format json|svg|html] [--out FILE]
  kubeway route <url> <file|dir>... [--class NAME] [--header NAME:VALUE]... [--method METHOD]
                [--format text|json]
  kubeway --version | --help

Folders are scanned for *.yaml and *.yml; symbolic links are followed inside the
folders given (--follow-symlinks: also those leading outside); "-" reads standard
input. All files given form one set, so references resolve across them. Checked
files are only read.
Text output is coloured on a terminal (NO_COLOR / FORCE_COLOR override it).
Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or I/O failure;
for route: 0 every trace routed, 1 some trace has no route or is broken.`;

export function parseNodePortRange(value: string | undefined): { min: number; max: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{1,5})-(\d{1,5})$/.exec(value);
  if (!m || +m[1] < 1 || +m[1] > +m[2] || +m[2] > 65535)
    throw new UsageError(`--node-port-range takes MIN-MAX within 1-65535, e.g. 30000-32767 (got "${value}")`);
  return { min: +m[1], max: +m[2] };
}

const RULE_LEVELS = ['error', 'warning', 'information', 'hint', 'off'];

/** `--rule service-selects-no-pods=off,ingress-host=warning`: per-rule severity, as the editor's kubeway.rules. */
export function parseRuleSettings(value: string | undefined): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  if (value === undefined) return out;
  for (const item of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [id, level] = item.split('=').map((s) => s.trim());
    if (!ruleById(id))
      throw new UsageError(`--rule: unknown rule "${id}" (the rule ids are in the README and in each diagnostic)`);
    if (!RULE_LEVELS.includes(level))
      throw new UsageError(`--rule ${id}: "${level ?? ''}" is not one of ${RULE_LEVELS.join(', ')}`);
    out[id] = level as RuleSetting;
  }
  return out;
}

/** Colour for a terminal only; NO_COLOR (https://no-color.org) and FORCE_COLOR win over the guess. */
function useColour(): boolean {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (process.env.NO_COLOR) return false;
  return !!process.stdout.isTTY;
}

/** `2 files skipped as templates: a.yaml (why), b.yaml (why)`. */
function skippedTemplates(skipped: { path: string; reason: TemplateReason }[]): string {
  const n = skipped.length;
  const shown = skipped.slice(0, 10).map((s) => `${s.path} (${s.reason.message})`);
  return `${n} file${n === 1 ? '' : 's'} skipped as template${n === 1 ? '' : 's'}: ${shown.join(', ')}${n > 10 ? `, and ${n - 10} more` : ''}`;
}

function check(args: ParsedArgs, out: (s: string) => void, err: (s: string) => void): number {
  rejectUnknownOptions(args, ['format', 'node-port-range', 'rule', 'follow-symlinks']);
  const format = args.options.get('format') ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format))
    throw new UsageError(`unknown --format "${format}" (text, json or sarif)`);
  if (args.paths.length === 0) throw new UsageError('check needs at least one file or folder');
  const dashed = args.paths.find((p) => p.startsWith('-') && p !== '-');
  if (dashed)
    throw new UsageError(`unknown option ${dashed} for check (a file whose name starts with "-" goes after --)`);
  const nodePortRange = parseNodePortRange(args.options.get('node-port-range'));
  const rules = parseRuleSettings(args.options.get('rule'));
  const skippedLinks: SkippedLink[] = [];
  const unreadable: string[] = [];
  const ws = loadWorkspace(args.paths, {
    followSymlinks: args.options.has('follow-symlinks'),
    skippedLinks,
    unreadable,
  });
  const links = describeSkippedLinks(skippedLinks, '--follow-symlinks');
  if (links) err(`kubeway: ${escapeControls(links)}`);
  if (ws.paths.length === 0 && !unreadable.length)
    err(`kubeway: no *.yaml or *.yml files in ${escapeControls(args.paths.join(', '))}`);
  // Templates are skipped by design; say so on stderr, and in the text report's summary.
  const skipped = ws.skippedFiles();
  if (skipped.length) err(`kubeway: ${escapeControls(skippedTemplates(skipped))}`);
  const diagnostics = checkWorkspace(ws, {
    settings: withDefaults({ ...(nodePortRange ? { nodePortRange } : {}), rules }),
  });
  if (format === 'json') out(formatJson(diagnostics));
  else if (format === 'sarif') out(formatSarif(diagnostics, VERSION));
  else
    out(
      formatText(diagnostics, useColour()) + (skipped.length ? `\n${escapeControls(skippedTemplates(skipped))}` : ''),
    );
  if (reportUnreadable(unreadable, err)) return 2;
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

export function run(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s + '\n'),
  err: (s: string) => void = (s) => process.stderr.write(s + '\n'),
): number {
  const args = parseArgs(argv);
  try {
    if (!args.command) {
      err(USAGE);
      return 2;
    }
    if (args.command === '--help' || args.command === '-h' || args.command === 'help' || args.options.has('help')) {
      out(USAGE);
      return 0;
    }
    if (args.command === '--version' || args.command === '-v' || args.command === 'version') {
      out(VERSION);
      return 0;
    }
    if (args.command === 'check') return check(args, out, err);
    const extra = commands[args.command];
    if (extra) return extra(args, out, err);
    throw new UsageError(
      args.command.startsWith('-') ? `unknown option ${args.command}` : `unknown command "${args.command}"`,
    );
  } catch (e) {
    if (e instanceof UsageError) {
      err(`kubeway: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof InputError) {
      err(`kubeway: ${escapeControls(e.message)}`);
      return 2;
    }
    err(`kubeway: internal error: ${(e as Error)?.stack ?? e}`);
    return 2;
  }
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2));
}
