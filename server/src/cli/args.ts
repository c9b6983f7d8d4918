/** The command line's words: the command, its paths and its options, and the error for a wrong use. */

export interface ParsedArgs {
  command: string | undefined;
  paths: string[];
  options: Map<string, string>;
  /** Every option in command-line order, for options that may repeat (`--header`). */
  optionList: [string, string][];
}

/** Options that never take a value (so that `--help dir/` keeps `dir/` as a path). */
const FLAGS = new Set(['help', 'version', 'follow-symlinks']);

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
      else if (!FLAGS.has(a.slice(2)) && i + 1 < rest.length && !rest[i + 1].startsWith('--'))
        set(a.slice(2), rest[++i]);
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

/** A wrong use of the command line: the CLI prints the message and the usage, and exits with code 2. */
export class UsageError extends Error {}
