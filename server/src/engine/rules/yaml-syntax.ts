import type { Rule } from './rule';

/** A YAML syntax error: the first one of each file, where the parser stopped making sense of it. */
export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  description: 'The file is not valid YAML (first error of each file only, to avoid follow-up noise).',
  severity: 'error',
  docs: {
    why: 'kubectl cannot decode the file, so nothing in it is applied. Only the first error of a file is reported: after it the parser has lost track, and later errors are mostly its consequences.',
    fails: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  greeting: [hello
`,
    fixed: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  greeting: "[hello"
`,
  },
  checkFile(file, ctx) {
    if (!file.looksLikeKubernetes) return;
    for (const p of file.problems) {
      if (p.code !== 'yaml-syntax') continue;
      ctx.report({ at: file.lines.range(p.start, Math.max(p.end, p.start + 1)), message: p.message });
    }
  },
};
