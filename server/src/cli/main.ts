#!/usr/bin/env node
/** The kubeway command line: `kubeway check` (and `kubeway graph`) over files and folders, using the same engine as the editor. */
import { Workspace } from '../engine/model/workspace';
import { checkWorkspace } from '../engine/check';
import { withDefaults } from '../engine/settings';
import type { RuleSetting } from '../engine/settings';
import { ruleById } from '../engine/rules/registry';
import { collectFiles, displayPath, InputError, readText } from './files';
import { formatJson, formatSarif, formatText } from './format';
import { commands } from './commands';
import './graph';
import './route';
import { escapeControls } from '../engine/text';

declare const KUBEWAY_VERSION: string;
export const VERSION = typeof KUBEWAY_VERSION === 'string' ? KUBEWAY_VERSION : '0.0.0-dev';

const USAGE = `kubeway ${VERSION}: Kubernetes manifests checked offline

Usage:
  kubeway check <file|dir|->... [--format text|json|sarif] [--node-port-range 30000-32767]
                [--rule ID=error|warning|information|hint|off[,ID=...]]
  kubeway graph <file|dir>... [--format json|svg|html] [--out FILE]
  kubeway route <url> <file|dir>... [--class NAME] [--header NAME:VALUE]... [--method METHOD]
                [--format text|json]
  kubeway --version | --help

Folders are scanned for *.yaml and *.yml; "-" reads standard input. All files given
form one set, so references resolve across them. Checked files are only read.
Text output is coloured on a terminal (NO_COLOR / FORCE_COLOR override it).
Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or I/O failure;
for route: 0 every trace routed, 1 some trace has no route or is broken.`;

export interface ParsedArgs {
  command: string | undefined;
  paths: string[];
  options: Map<string, string>;
  /** Every option in command-line order, for options that may repeat (`--header`). */
  optionList: [string, string][];
}

/** Options that never take a value (so that `--help dir/` keeps `dir/` as a path). */
const FLAGS = new Set(['help', 'version']);

export function parseArgs(argv: string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const paths: string[] = [];
  const options = new Map<string, string>();
  const optionList: [string, string][] = [];
  const set = (name: string, value: string): void => {
    options.set(name, value);
    optionList.push([name, value]);
  };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--') {
      paths.push(...rest.slice(i + 1));
      break;
    }
    if (a === '-h') set('help', '');
    else if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) set(a.slice(2, eq), a.slice(eq + 1));
      else if (!FLAGS.has(a.slice(2)) && i + 1 < rest.length && !rest[i + 1].startsWith('--')) set(a.slice(2), rest[++i]);
      else set(a.slice(2), '');
    } else paths.push(a);
  }
  return { command, paths, options, optionList };
}

/** Fails with a usage error on an option the command does not know (a typo must not be ignored). */
export function rejectUnknownOptions(args: ParsedArgs, known: readonly string[]): void {
  for (const name of args.options.keys()) {
    if (!known.includes(name)) throw new UsageError(`unknown option --${name} for ${args.command}`);
  }
}

/** Loads every file given into one workspace; paths are stored as the user will see them. */
/**
 * The Workspace of the files given. Files and folders that cannot be read are listed in `unreadable` (the
 * others are still read and reported: the caller names these on stderr and exits 2); without the list, the
 * first one is an InputError.
 */
export function loadWorkspace(paths: string[], unreadable?: string[]): Workspace {
  const ws = new Workspace();
  for (const f of collectFiles(paths, unreadable)) {
    let text: string;
    try {
      text = readText(f);
    } catch (e) {
      if (!unreadable || !(e instanceof InputError)) throw e;
      unreadable.push(e.message);
      continue;
    }
    ws.setText(displayPath(f), text);
  }
  return ws;
}

/** Names the files that could not be read, after the report of the others: exit code 2. */
export function reportUnreadable(unreadable: string[], err: (s: string) => void): boolean {
  for (const message of unreadable) err(`kubeway: ${escapeControls(message)}`);
  const s = unreadable.length === 1 ? '' : 's';
  if (unreadable.length) err(`kubeway: ${unreadable.length} file${s} or folder${s} could not be read; the report covers the others`);
  return unreadable.length > 0;
}

export function parseNodePortRange(value: string | undefined): { min: number; max: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{1,5})-(\d{1,5})$/.exec(value);
  if (!m || +m[1] < 1 || +m[1] > +m[2] || +m[2] > 65535) throw new UsageError(`--node-port-range takes MIN-MAX within 1-65535, e.g. 30000-32767 (got "${value}")`);
  return { min: +m[1], max: +m[2] };
}

export class UsageError extends Error {}

const RULE_LEVELS = ['error', 'warning', 'information', 'hint', 'off'];

/** `--rule service-selects-no-pods=off,ingress-host=warning`: per-rule severity, as the editor's kubeway.rules. */
export function parseRuleSettings(value: string | undefined): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  if (value === undefined) return out;
  for (const item of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [id, level] = item.split('=').map((s) => s.trim());
    if (!ruleById(id)) throw new UsageError(`--rule: unknown rule "${id}" (the rule ids are in the README and in each diagnostic)`);
    if (!RULE_LEVELS.includes(level)) throw new UsageError(`--rule ${id}: "${level ?? ''}" is not one of ${RULE_LEVELS.join(', ')}`);
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

function check(args: ParsedArgs, out: (s: string) => void, err: (s: string) => void): number {
  rejectUnknownOptions(args, ['format', 'node-port-range', 'rule']);
  const format = args.options.get('format') ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown --format "${format}" (text, json or sarif)`);
  if (args.paths.length === 0) throw new UsageError('check needs at least one file or folder');
  const dashed = args.paths.find((p) => p.startsWith('-') && p !== '-');
  if (dashed) throw new UsageError(`unknown option ${dashed} for check (a file whose name starts with "-" goes after --)`);
  const nodePortRange = parseNodePortRange(args.options.get('node-port-range'));
  const rules = parseRuleSettings(args.options.get('rule'));
  const unreadable: string[] = [];
  const ws = loadWorkspace(args.paths, unreadable);
  if (ws.paths.length === 0 && !unreadable.length) err(`kubeway: no *.yaml or *.yml files in ${escapeControls(args.paths.join(', '))}`);
  // Templates are skipped by design; say so, on stderr so that the report itself stays as documented.
  const templates = ws.paths.filter((p) => ws.file(p)?.file.template);
  if (templates.length) err(`kubeway: skipped ${templates.length} file${templates.length === 1 ? '' : 's'} containing \`{{\` (unrendered Helm/Go templates are not checked): ${escapeControls(templates.slice(0, 5).join(', '))}${templates.length > 5 ? ', …' : ''}`);
  const diagnostics = checkWorkspace(ws, { settings: withDefaults({ ...(nodePortRange ? { nodePortRange } : {}), rules }) });
  if (format === 'json') out(formatJson(diagnostics));
  else if (format === 'sarif') out(formatSarif(diagnostics, VERSION));
  else out(formatText(diagnostics, useColour()));
  if (reportUnreadable(unreadable, err)) return 2;
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

export function run(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + '\n'), err: (s: string) => void = (s) => process.stderr.write(s + '\n')): number {
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
    throw new UsageError(args.command.startsWith('-') ? `unknown option ${args.command}` : `unknown command "${args.command}"`);
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
