import type { Rule } from './rule';

/** A key set twice in one map: invalid YAML; kubectl (go-yaml v2) silently keeps the last value. */
export const yamlDuplicateKey: Rule = {
  id: 'yaml-duplicate-key',
  description: 'A map sets the same key twice: invalid YAML, and kubectl would silently keep only the last value.',
  severity: 'error',
  checkFile(file, ctx) {
    if (!file.looksLikeKubernetes) return;
    for (const p of file.problems) {
      if (p.code !== 'yaml-duplicate-key') continue;
      ctx.report({ at: file.lines.range(p.start, p.end), message: p.message });
    }
  },
};
