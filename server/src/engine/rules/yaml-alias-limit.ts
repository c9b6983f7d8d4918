import type { Rule } from './rule';

/** Aliases that expand into an enormous document (an "alias bomb"): not read, reported once. */
export const yamlAliasLimit: Rule = {
  id: 'yaml-alias-limit',
  description: 'YAML aliases expand beyond the limit kubeway reads (an alias bomb); the document is skipped.',
  severity: 'error',
  docs: {
    why: 'Aliases that refer to lists of aliases grow exponentially when they are expanded (a "billion laughs" document): kubeway does not expand such a document, so that one file cannot stall the editor, and says so.',
    fails: `apiVersion: v1
kind: ConfigMap
metadata:
  name: laughs
data:
  a: &a [x, x, x, x, x, x, x, x, x, x]
  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
  f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
`,
    fixed: `apiVersion: v1
kind: ConfigMap
metadata:
  name: laughs
data:
  a: &a [x, x, x]
  b: [*a, *a]
`,
  },
  checkFile(file, ctx) {
    for (const p of file.problems) {
      if (p.code !== 'yaml-alias-limit') continue;
      ctx.report({ at: file.lines.range(p.start, p.end), message: p.message });
    }
  },
};
