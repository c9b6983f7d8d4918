import type { ParsedArgs } from './main';

/** Commands beyond `check`, registered by name (the graph command adds itself here). */
export const commands: Record<string, (args: ParsedArgs, out: (s: string) => void, err: (s: string) => void) => number> = {};
