import type { Rule } from './rule';

/** A YAML syntax error: the first one of each file, where the parser stopped making sense of it. */
export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  description: 'The file is not valid YAML (first error of each file only, to avoid follow-up noise).',
  severity: 'error',
  checkFile(file, ctx) {
    if (!file.looksLikeKubernetes) return;
    for (const p of file.problems) {
      if (p.code !== 'yaml-syntax') continue;
      ctx.report({ at: file.lines.range(p.start, Math.max(p.end, p.start + 1)), message: p.message });
    }
  },
};
