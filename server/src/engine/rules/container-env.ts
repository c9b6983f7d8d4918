import type { Node, YAMLMap } from 'yaml';
import { isWorkload } from '../model/apiVersions';
import type { DocReader } from '../parse/nodes';
import type { Rule, RuleContext } from './rule';
import { containerLabel, containersOf, firstKey, isUnset, keyNode, lowerFirst, podSpecOf, stringOrNull } from './workload-support';

const VALUE_SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'];
const ENV_FROM_SOURCES = ['configMapRef', 'secretRef'];

/**
 * Container environment as core ValidateEnv / validateEnvVarValueFrom / ValidateEnvFrom check it: every variable
 * has a name (printable ASCII without '=', the relaxed rule of current clusters); valueFrom has exactly one
 * source and no `value` beside it; configMapKeyRef / secretKeyRef name a ConfigMap / Secret and a key; each
 * envFrom entry has exactly one of configMapRef and secretRef.
 */
export const containerEnv: Rule = {
  id: 'container-env',
  description: 'Container env variables need a name; valueFrom and envFrom need exactly one source.',
  severity: 'error',
  appliesTo: (obj) => isWorkload(obj.apiVersion, obj.kind),
  checkObject(obj, ctx) {
    const r = obj.reader;
    for (const c of containersOf(r, podSpecOf(obj))) {
      for (const item of r.items(r.get(c.map, 'env'))) {
        const env = r.map(item);
        if (!env) continue;
        const nameNode = r.get(env, 'name');
        const name = nameNode === undefined ? null : stringOrNull(r, nameNode);
        if (name === null || name === '') {
          ctx.report({ at: firstKey(env), message: `An env variable of ${lowerFirst(containerLabel(c))} has no name.` });
        } else if (name !== undefined && envNameProblem(name)) {
          ctx.report({ at: nameNode as Node, message: `Env variable name \`${name}\` ${envNameProblem(name)}: a name may use any printable ASCII character except '='.` });
        }
        const valueFrom = r.get(env, 'valueFrom');
        if (isUnset(r, valueFrom) || !r.map(valueFrom)) continue;
        const label = name ? `\`${name}\`` : 'the variable';
        const sources = VALUE_SOURCES.filter((s) => !isUnset(r, r.get(valueFrom, s)));
        const valueFromKey = keyNode(r, env, 'valueFrom') as Node;
        if (sources.length === 0) {
          ctx.report({ at: valueFromKey, message: `valueFrom of ${label} names no source: use one of fieldRef, resourceFieldRef, configMapKeyRef or secretKeyRef.` });
          continue;
        }
        const value = stringOrNull(r, r.get(env, 'value'));
        if (value) {
          ctx.report({ at: valueFromKey, message: `${label.charAt(0).toUpperCase() + label.slice(1)} sets both value and valueFrom: keep one of them.` });
        } else if (sources.length > 1) {
          ctx.report({ at: keyNode(r, valueFrom, sources[1]) as Node, message: `valueFrom of ${label} has ${sources.join(' and ')}: use exactly one source.` });
        }
        for (const s of ['configMapKeyRef', 'secretKeyRef']) {
          const ref = r.map(r.get(valueFrom, s));
          if (ref) checkRefNames(ctx, r, ref, s, true);
        }
      }
      for (const item of r.items(r.get(c.map, 'envFrom'))) {
        const from = r.map(item);
        if (!from) continue;
        const sources = ENV_FROM_SOURCES.filter((s) => !isUnset(r, r.get(from, s)));
        if (sources.length === 0) {
          ctx.report({ at: firstKey(from), message: `An envFrom entry of ${lowerFirst(containerLabel(c))} names no source: use configMapRef or secretRef.` });
        } else if (sources.length > 1) {
          ctx.report({ at: keyNode(r, from, sources[1]) as Node, message: `An envFrom entry has both configMapRef and secretRef: use one entry for each.` });
        }
        for (const s of ENV_FROM_SOURCES) {
          const ref = r.map(r.get(from, s));
          if (ref) checkRefNames(ctx, r, ref, s, false);
        }
      }
    }
  },
};

/** configMapKeyRef / secretKeyRef need a name and a key; configMapRef / secretRef a name. */
function checkRefNames(ctx: RuleContext, r: DocReader, ref: YAMLMap, field: string, needsKey: boolean): void {
  const what = field.startsWith('configMap') ? 'ConfigMap' : 'Secret';
  const nameNode = r.get(ref, 'name');
  const name = nameNode === undefined ? null : stringOrNull(r, nameNode);
  if (name === null || name === '') {
    ctx.report({ at: keyNode(r, ref, 'name') ?? firstKey(ref), message: `${field} has no name: name the ${what} to read.` });
  }
  if (!needsKey) return;
  const keyValue = r.get(ref, 'key');
  const key = keyValue === undefined ? null : stringOrNull(r, keyValue);
  if (key === null || key === '') {
    ctx.report({ at: keyNode(r, ref, 'key') ?? firstKey(ref), message: `${field} has no key: name the key of the ${what} to read.` });
  }
}

function envNameProblem(name: string): string | undefined {
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    if (ch === '=') return `contains '='`;
    if (code === 9) return 'contains a tab';
    if (code < 0x20 || code === 0x7f) return 'contains a control character';
    if (code > 0x7f) return `contains non-ASCII \`${ch}\``;
  }
  return undefined;
}
