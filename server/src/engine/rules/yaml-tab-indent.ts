import type { Rule } from './rule';

/** A tab used to indent a line: YAML allows only spaces there. */
export const yamlTabIndent: Rule = {
  id: 'yaml-tab-indent',
  description: 'A tab is used as indentation; YAML indentation must be spaces.',
  severity: 'error',
  checkFile(file, ctx) {
    if (!file.looksLikeKubernetes) return;
    for (const p of file.problems) {
      if (p.code !== 'yaml-tab-indent') continue;
      ctx.report({ at: file.lines.lineRange(file.lines.position(p.start).line), message: p.message });
    }
  },
};
