import type { Node, Pair } from 'yaml';
import { keyText } from '../parse/nodes';
import type { Rule } from './rule';
import { isConfigMapKey } from '../k8s/validation';
import { isInvalid, shown } from './utils/messages';
import { stringOrNull } from '../parse/values';

/** Keys a Secret of a built-in type must hold (ValidateSecret), after stringData is merged into data. */
const REQUIRED_KEYS: Record<string, { keys: string[]; any?: boolean }> = {
  'kubernetes.io/tls': { keys: ['tls.crt', 'tls.key'] },
  'kubernetes.io/dockerconfigjson': { keys: ['.dockerconfigjson'] },
  'kubernetes.io/dockercfg': { keys: ['.dockercfg'] },
  'kubernetes.io/basic-auth': { keys: ['username', 'password'], any: true },
  'kubernetes.io/ssh-auth': { keys: ['ssh-privatekey'] },
};
const SERVICE_ACCOUNT_ANNOTATION = 'kubernetes.io/service-account.name';

/**
 * The keys of ConfigMaps and Secrets (ValidateConfigMap, ValidateSecret): each a valid key (letters, digits,
 * '-', '_', '.'; so no '/' or spaces), a ConfigMap key in data or binaryData but not both; and the keys each
 * built-in Secret type requires (tls.crt and tls.key for kubernetes.io/tls, ...), counting stringData, which
 * the API server merges into data.
 */
export const objectConfigData: Rule = {
  id: 'object-config-data',
  description:
    'ConfigMap and Secret keys must be valid file names (letters, digits, -, _, .), and typed Secrets need their keys (tls.crt and tls.key, ...).',
  severity: 'error',
  docs: {
    why: 'ConfigMap and Secret keys become file names when mounted as a volume: the API server requires letters, digits, `-`, `_` and `.`; typed Secrets (kubernetes.io/tls, ...) need their keys.',
    fails: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  config/app.yaml: |
    mode: production
`,
    fixed: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  app.yaml: |
    mode: production
`,
  },
  kinds: ['ConfigMap', 'Secret'],
  appliesTo: (obj) => obj.apiVersion === 'v1' && (obj.kind === 'ConfigMap' || obj.kind === 'Secret'),
  checkObject(obj, ctx) {
    const r = obj.reader;
    const fields = obj.kind === 'ConfigMap' ? ['data', 'binaryData'] : ['data', 'stringData'];
    const keys = new Map<string, { field: string; pair: Pair }>();
    for (const field of fields) {
      for (const pair of r.pairs(obj.get(field))) {
        const key = keyText(pair.key);
        const errs = isConfigMapKey(key);
        if (errs.length) {
          ctx.report({
            at: pair.key as Node,
            message: `${obj.kind} key ${shown(key)} ${isInvalid(errs)}${key.includes('/') ? ' (a key becomes a file name: mount it under a directory with items[].path instead)' : ''}.`,
          });
          continue;
        }
        const first = keys.get(key);
        if (first && obj.kind === 'ConfigMap' && first.field !== field) {
          ctx.report({
            at: pair.key as Node,
            message: `ConfigMap key \`${key}\` is in both data and binaryData: each key may appear once.`,
          });
        }
        if (!first) keys.set(key, { field, pair });
      }
    }
    if (obj.kind !== 'Secret') return;
    const typeNode = obj.get('type');
    const type = stringOrNull(r, typeNode);
    if (!type) return;
    if (type === 'kubernetes.io/service-account-token') {
      if (!r.pair(obj.get('metadata', 'annotations'), SERVICE_ACCOUNT_ANNOTATION)) {
        ctx.report({
          at: typeNode as Node,
          message: `A Secret of type kubernetes.io/service-account-token needs the annotation ${SERVICE_ACCOUNT_ANNOTATION}: the ServiceAccount whose token it holds.`,
        });
      }
      return;
    }
    const required = REQUIRED_KEYS[type];
    if (!required) return;
    const missing = required.keys.filter((k) => !keys.has(k));
    if (missing.length === 0 || (required.any && missing.length < required.keys.length)) return;
    const present = [...keys.keys()];
    ctx.report({
      at: typeNode as Node,
      message: `A Secret of type ${type} needs ${required.any ? 'one of ' : ''}${missing.map((k) => `\`${k}\``).join(required.any ? ' or ' : ' and ')} in data or stringData${present.length ? ` (it has ${present.map((k) => `\`${k}\``).join(', ')})` : ''}.`,
    });
  },
};
