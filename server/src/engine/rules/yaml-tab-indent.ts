import type { Rule } from './rule';

/** A tab used to indent a line: YAML allows only spaces there. */
export const yamlTabIndent: Rule = {
  id: 'yaml-tab-indent',
  description: 'A tab is used as indentation; YAML indentation must be spaces.',
  severity: 'error',
  docs: {
    why: 'YAML allows only spaces as indentation: kubectl refuses the file (`found character that cannot start any token`), and editors show tabs and spaces alike, so the mistake is hard to see.',
    fails: `apiVersion: v1
kind: ConfigMap
metadata:
\tname: settings
`,
    fixed: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
`,
  },
  checkFile(file, ctx) {
    if (!file.looksLikeKubernetes) return;
    for (const p of file.problems) {
      if (p.code !== 'yaml-tab-indent') continue;
      ctx.report({ at: file.lines.lineRange(file.lines.position(p.start).line), message: p.message });
    }
  },
};
