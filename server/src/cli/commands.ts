import type { ParsedArgs } from './args';
import { graphCommand } from './graph';
import { routeCommand } from './route';

export type Command = (args: ParsedArgs, out: (s: string) => void, err: (s: string) => void) => number;

/** Commands beyond `check`, by name. */
export const commands: Record<string, Command> = {
  graph: graphCommand,
  route: routeCommand,
};
