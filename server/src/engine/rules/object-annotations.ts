import type { Node, Pair } from 'yaml';
import { isWorkload } from '../model/apiVersions';
import { keyText } from '../parse/nodes';
import type { Rule } from './rule';
import { byteLength, isQualifiedName } from '../k8s/validation';
import { isInvalid } from './utils/messages';
import { templatePath } from './utils/podSpec';

const TOTAL_LIMIT = 256 * 1024;

/**
 * Annotation keys (apimachinery ValidateAnnotations): a qualified name, compared in lowercase, so upper case is
 * allowed; all keys and values of one object together at most 256 KiB. Checked on every object and on pod
 * templates.
 */
export const objectAnnotations: Rule = {
  id: 'object-annotations',
  description: 'Annotation keys must be qualified names (prefix/name), and all annotations together at most 256 KiB.',
  severity: 'error',
  docs: {
    why: 'Annotation keys are qualified names (an optional DNS-subdomain prefix and a name), and all annotations of an object together may hold 256 KiB: the API server rejects the object otherwise.',
    fails: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  annotations:
    example.com/owner/team: shop
data:
  mode: production
`,
    fixed: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  annotations:
    example.com/owner-team: shop
data:
  mode: production
`,
  },
  checkObject(obj, ctx) {
    const r = obj.reader;
    const maps: unknown[] = [r.get(obj.metadata, 'annotations')];
    if (isWorkload(obj.apiVersion, obj.kind) && obj.kind !== 'Pod')
      maps.push(r.get(r.get(obj.get(...templatePath(obj.kind)), 'metadata'), 'annotations'));
    const seen = new Set<Node>();
    for (const map of maps) {
      const pairs: Pair[] = r.pairs(map);
      let total = 0;
      for (const p of pairs) {
        const key = keyText(p.key);
        const value = r.str(p.value) ?? '';
        total += byteLength(key) + byteLength(value);
        if (!p.key || seen.has(p.key as Node)) continue;
        seen.add(p.key as Node);
        // ValidateAnnotations checks the lowercased key: capitals are allowed in annotation keys.
        const errs = isQualifiedName(key.toLowerCase());
        if (errs.length) {
          ctx.report({
            at: p.key as Node,
            message: `Annotation key \`${key}\` ${isInvalid(errs)}.`,
          });
        }
      }
      if (total > TOTAL_LIMIT) {
        const key = r.pair(
          map === maps[0] ? obj.metadata : r.get(obj.get(...templatePath(obj.kind)), 'metadata'),
          'annotations',
        )?.key as Node | undefined;
        if (key)
          ctx.report({
            at: key,
            message: `These annotations take ${total} bytes: the API server allows at most 262144 (256 KiB) per object.`,
          });
      }
    }
  },
};
