import type { Rule } from './rule';

/** Aliases that expand into an enormous document (an "alias bomb"): not read, reported once. */
export const yamlAliasLimit: Rule = {
  id: 'yaml-alias-limit',
  description: 'YAML aliases expand beyond the limit kubeway reads (an alias bomb); the document is skipped.',
  severity: 'error',
  checkFile(file, ctx) {
    for (const p of file.problems) {
      if (p.code !== 'yaml-alias-limit') continue;
      ctx.report({ at: file.lines.range(p.start, p.end), message: p.message });
    }
  },
};
