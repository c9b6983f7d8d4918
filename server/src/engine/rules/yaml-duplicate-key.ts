import type { Rule } from './rule';

/** A key set twice in one map: invalid YAML; kubectl (go-yaml v2) silently keeps the last value. */
export const yamlDuplicateKey: Rule = {
  id: 'yaml-duplicate-key',
  description: 'A map sets the same key twice: invalid YAML, and kubectl would silently keep only the last value.',
  severity: 'error',
  docs: {
    why: 'A key may appear once in a map. kubectl (go-yaml) silently keeps the last value, so the first one is lost without a word: a label, a port or an environment variable that was meant to be set is not.',
    fails: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels:
    app: shop
    app: web
`,
    fixed: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels:
    app: web
`,
  },
  checkFile(file, ctx) {
    if (!file.looksLikeKubernetes) return;
    for (const p of file.problems) {
      if (p.code !== 'yaml-duplicate-key') continue;
      ctx.report({ at: file.lines.range(p.start, p.end), message: p.message });
    }
  },
};
