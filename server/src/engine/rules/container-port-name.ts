import type { Node } from 'yaml';
import { WORKLOAD_KINDS, isWorkload } from '../model/apiVersions';
import type { Rule } from './rule';
import { isValidPortName } from '../k8s/validation';
import { isInvalid } from './utils/messages';
import { stringOrNull } from '../parse/values';

/**
 * Container port names (core validateContainerPorts, validation.IsValidPortName): an IANA service name — at
 * most 15 characters of lowercase letters, digits and '-', with at least one letter and no leading, trailing
 * or double '-' — and unique among the ports of one container (the API server does not compare containers).
 */
export const containerPortName: Rule = {
  id: 'container-port-name',
  description:
    "Container port names are IANA service names (≤15 lowercase letters, digits, '-') and unique within a container.",
  severity: 'error',
  docs: {
    why: 'Services and probes refer to container ports by name: the API server requires IANA service names (at most 15 lowercase letters, digits and `-`, with a letter), unique within the container.',
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - name: http_metrics
          containerPort: 9100
`,
    fixed: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - name: http-metrics
          containerPort: 9100
`,
  },
  kinds: WORKLOAD_KINDS,
  appliesTo: (obj) => isWorkload(obj.apiVersion, obj.kind),
  checkContainer(c, obj, ctx) {
    const r = obj.reader;
    const names = new Set<string>();
    for (const item of r.items(r.get(c.map, 'ports'))) {
      const node = r.get(item, 'name');
      const name = stringOrNull(r, node);
      if (!name) continue; // unset, empty or not a string (the schema check reports the type)
      const errs = isValidPortName(name);
      if (errs.length) {
        ctx.report({
          at: node as Node,
          message: `Port name \`${name}\` ${isInvalid(errs)}.`,
          fix: fixedName(name)
            ? {
                title: `Change to ${fixedName(name)}`,
                edits: [{ range: obj.doc.rangeOf(node), newText: fixedName(name)! }],
              }
            : undefined,
        });
      } else if (names.has(name)) {
        ctx.report({
          at: node as Node,
          message: `Port name \`${name}\` is used twice in this container: port names must be unique within a container.`,
        });
      } else {
        names.add(name);
      }
    }
  },
};

/** The obvious repair (lowercase, '_' and '.' to '-') when it yields a valid name. */
function fixedName(name: string): string | undefined {
  const fixed = name
    .toLowerCase()
    .replace(/[_.\s]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return fixed !== name && !isValidPortName(fixed).length ? fixed : undefined;
}
