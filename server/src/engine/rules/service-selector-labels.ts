import type { Node } from 'yaml';
import type { Rule } from './rule';
import { isQualifiedName, isValidLabelValue } from '../k8s/validation';
import { isInvalid, shown } from './utils/messages';
import { appliesToService, specField } from './utils/service';

/**
 * spec.selector is a map of labels (ValidateService → ValidateLabels): keys are qualified names
 * (`[prefix/]name`), values label values (at most 63 letters, digits, '-', '_', '.'; may be empty).
 * Non-string values are type errors for the schema walk, except a nested map: `matchLabels` written the
 * Deployment way, which gets its own message.
 */
export const serviceSelectorLabels: Rule = {
  id: 'service-selector-labels',
  description: 'Service selector keys must be label keys and values label values.',
  severity: 'error',
  docs: {
    why: 'A selector is compared with pod labels, so its keys and values must be valid label keys and values: the API server rejects the Service otherwise.',
    fails: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web server
  ports:
    - port: 80
`,
    fixed: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web-server
  ports:
    - port: 80
`,
  },
  kinds: ['Service'],
  appliesTo: appliesToService,
  checkObject(obj, ctx) {
    const r = obj.reader;
    const selector = r.map(specField(obj, 'selector'));
    if (!selector) return;
    for (const pair of r.pairs(selector)) {
      // `selector: {matchLabels: {...}}`, the Deployment way of writing it: a Service selector is the labels themselves.
      const nested = r.map(pair.value);
      if (nested) {
        const key = r.str(pair.key);
        const labels = r
          .pairs(nested)
          .map((p) => `${r.text(p.key) ?? ''}: ${r.text(p.value) ?? ''}`)
          .join(', ');
        ctx.report({
          at: nested,
          message:
            key === 'matchLabels' || key === 'matchExpressions'
              ? `A Service selector is a plain map of labels, not a label selector with ${key}${key === 'matchLabels' && labels ? `: write selector: {${labels}}` : ': list the labels the pods must have'}.`
              : `Selector value of \`${key ?? ''}\` is a map: a Service selector maps each label key to one value.`,
        });
        continue;
      }
      const key = r.str(pair.key);
      if (key !== undefined) {
        const errs = isQualifiedName(key);
        if (errs.length) {
          ctx.report({
            at: pair.key as Node,
            message: `Selector key ${shown(key)} ${isInvalid(errs)}.`,
          });
        }
      }
      const valueNode = r.resolve(pair.value);
      const value = r.str(valueNode);
      if (!valueNode || value === undefined) continue;
      const errs = isValidLabelValue(value);
      if (errs.length) {
        ctx.report({
          at: valueNode,
          message: `Selector value \`${value}\` ${isInvalid(errs)}.`,
        });
      }
    }
  },
};
