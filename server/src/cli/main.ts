#!/usr/bin/env node
/** The kubeway command line: `kubeway check` (and `kubeway graph`) over files and folders, using the same engine as the editor. */
import { Workspace } from '../engine/model/workspace';
import { checkWorkspace } from '../engine/check';
import { collectFiles, displayPath, InputError, readText } from './files';
import { formatJson, formatSarif, formatText } from './format';
import { commands } from './commands';
import './graph';

declare const KUBEWAY_VERSION: string;
export const VERSION = typeof KUBEWAY_VERSION === 'string' ? KUBEWAY_VERSION : '0.0.0-dev';

const USAGE = `kubeway ${VERSION}: Kubernetes manifests checked offline

Usage:
  kubeway check <file|dir>... [--format text|json|sarif] [--node-port-range 30000-32767]
  kubeway graph <file|dir>... [--format json|svg|html] [--out FILE]
  kubeway --version | --help

Folders are scanned for *.yaml and *.yml; all files given form one set, so references
resolve across them. Exit codes: 0 no errors, 1 errors found, 2 usage or I/O failure.`;

export interface ParsedArgs {
  command: string | undefined;
  paths: string[];
  options: Map<string, string>;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const paths: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--') {
      paths.push(...rest.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) options.set(a.slice(2, eq), a.slice(eq + 1));
      else if (i + 1 < rest.length && !rest[i + 1].startsWith('--')) options.set(a.slice(2), rest[++i]);
      else options.set(a.slice(2), '');
    } else paths.push(a);
  }
  return { command, paths, options };
}

/** Loads every file given into one workspace; paths are stored as the user will see them. */
export function loadWorkspace(paths: string[]): Workspace {
  const ws = new Workspace();
  for (const f of collectFiles(paths)) ws.setText(displayPath(f), readText(f));
  return ws;
}

export function parseNodePortRange(value: string | undefined): { min: number; max: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)-(\d+)$/.exec(value);
  if (!m || +m[1] > +m[2] || +m[2] > 65535) throw new UsageError(`--node-port-range takes MIN-MAX, e.g. 30000-32767 (got "${value}")`);
  return { min: +m[1], max: +m[2] };
}

export class UsageError extends Error {}

function check(args: ParsedArgs, out: (s: string) => void): number {
  const format = args.options.get('format') ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown --format "${format}" (text, json or sarif)`);
  if (args.paths.length === 0) throw new UsageError('check needs at least one file or folder');
  const nodePortRange = parseNodePortRange(args.options.get('node-port-range'));
  const ws = loadWorkspace(args.paths);
  const diagnostics = checkWorkspace(ws, { settings: { nodePortRange: nodePortRange ?? { min: 30000, max: 32767 }, rules: {} } });
  if (format === 'json') out(formatJson(diagnostics));
  else if (format === 'sarif') out(formatSarif(diagnostics, VERSION));
  else out(formatText(diagnostics, !!process.stdout.isTTY && !process.env.NO_COLOR));
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

export function run(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + '\n'), err: (s: string) => void = (s) => process.stderr.write(s + '\n')): number {
  const args = parseArgs(argv);
  try {
    if (!args.command || args.command === '--help' || args.command === '-h' || args.command === 'help') {
      out(USAGE);
      return args.command ? 0 : 2;
    }
    if (args.command === '--version') {
      out(VERSION);
      return 0;
    }
    if (args.command === 'check') return check(args, out);
    const extra = commands[args.command];
    if (extra) return extra(args, out);
    throw new UsageError(`unknown command "${args.command}"`);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`kubeway: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof InputError) {
      err(`kubeway: ${e.message}`);
      return 2;
    }
    err(`kubeway: internal error: ${(e as Error)?.stack ?? e}`);
    return 2;
  }
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2));
}
