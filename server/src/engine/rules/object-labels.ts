import type { Node, Pair } from 'yaml';
import { isWorkload } from '../model/apiVersions';
import type { K8sObject } from '../model/object';
import { keyText } from '../parse/nodes';
import type { Rule, RuleContext } from './rule';
import { isQualifiedName, isValidLabelValue } from '../k8s/validation';
import { isInvalid } from './utils/messages';
import { stringOrNull } from '../parse/values';
import { podSpecOf, templatePath } from './utils/podSpec';

/**
 * Label syntax (apimachinery ValidateLabels, ValidateLabelSelector): the API server checks metadata.labels of
 * every object, the labels of pod templates, the keys and values of workload selectors, and a pod's
 * nodeSelector. Values that are not strings are left to the schema check.
 */
export const objectLabels: Rule = {
  id: 'object-labels',
  description:
    'Label keys and values must be valid (qualified-name keys; values of at most 63 characters of [A-Za-z0-9_.-]).',
  severity: 'error',
  docs: {
    why: 'Labels are what selectors match: the API server requires qualified-name keys and values of at most 63 characters of letters, digits, `-`, `_` and `.`, beginning and ending with a letter or digit.',
    fails: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels:
    team: platform team
data:
  mode: production
`,
    fixed: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels:
    team: platform-team
data:
  mode: production
`,
  },
  checkObject(obj, ctx) {
    const r = obj.reader;
    const seen = new Set<Node>();
    const check = (pairs: Pair[], where: string) => {
      for (const p of pairs) checkPair(obj, ctx, p, where, seen);
    };
    check(r.pairs(r.get(obj.metadata, 'labels')), 'Label');
    if (!isWorkload(obj.apiVersion, obj.kind)) return;
    if (obj.kind !== 'Pod') {
      const template = obj.get(...templatePath(obj.kind));
      check(r.pairs(r.get(r.get(template, 'metadata'), 'labels')), 'Label');
      const specNode = obj.kind === 'CronJob' ? obj.get('spec', 'jobTemplate', 'spec') : obj.get('spec');
      if (obj.kind === 'CronJob')
        check(r.pairs(r.get(r.get(obj.get('spec', 'jobTemplate'), 'metadata'), 'labels')), 'Label');
      const selector = r.get(specNode, 'selector');
      if (obj.kind === 'ReplicationController') {
        check(r.pairs(selector), 'Selector label');
      } else {
        check(r.pairs(r.get(selector, 'matchLabels')), 'Selector label');
        for (const item of r.items(r.get(selector, 'matchExpressions'))) {
          const keyNode = r.get(item, 'key');
          const key = stringOrNull(r, keyNode);
          if (key && !seen.has(keyNode as Node)) {
            seen.add(keyNode as Node);
            const errs = isQualifiedName(key);
            if (errs.length)
              ctx.report({ at: keyNode as Node, message: `Selector key \`${key}\` ${isInvalid(errs)}.` });
          }
          for (const v of r.items(r.get(item, 'values'))) {
            const value = stringOrNull(r, v);
            if (value === undefined || value === null || seen.has(v)) continue;
            seen.add(v);
            const errs = isValidLabelValue(value);
            if (errs.length) ctx.report({ at: v, message: `Selector value \`${value}\` ${isInvalid(errs)}.` });
          }
        }
      }
    }
    check(r.pairs(r.get(podSpecOf(obj), 'nodeSelector')), 'nodeSelector label');
  },
};

function checkPair(obj: K8sObject, ctx: RuleContext, p: Pair, where: string, seen: Set<Node>): void {
  const r = obj.reader;
  const keyNode = p.key as Node;
  if (keyNode && !seen.has(keyNode)) {
    seen.add(keyNode);
    const key = keyText(p.key);
    const errs = isQualifiedName(key);
    if (errs.length) ctx.report({ at: keyNode, message: `${where} key \`${key}\` ${isInvalid(errs)}.` });
  }
  const valueNode = r.resolve(p.value);
  if (!valueNode || seen.has(valueNode)) return;
  seen.add(valueNode);
  const value = stringOrNull(r, valueNode);
  if (value === undefined || value === null) return; // not a string (or null, which decodes as ""): the schema check
  const errs = isValidLabelValue(value);
  if (errs.length) ctx.report({ at: valueNode, message: `${where} value \`${value}\` ${isInvalid(errs)}.` });
}
