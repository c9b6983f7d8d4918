import type { Rule } from './rule';
import { isDNS1123Subdomain } from '../k8s/validation';
import { isInvalid } from './utils/messages';
import { isKustomizePatch } from '../model/kustomize';
import { keyNode } from '../parse/values';
import { replaceFix } from './utils/edits';
import { appliesToService, serviceTypeOf, specField, svcName } from './utils/service';

/**
 * An ExternalName Service is a DNS CNAME: `externalName` is required and must be a lowercase DNS-1123
 * subdomain, a trailing dot allowed (ValidateService). It is a host name, so a URL, a path or a port is
 * the usual mistake; the fix keeps the host. On other types the field is ignored by the API server.
 */
export const serviceExternalName: Rule = {
  id: 'service-external-name',
  description: 'An ExternalName Service needs externalName, a lowercase DNS name (no scheme, path or port).',
  severity: 'error',
  docs: {
    why: 'An ExternalName Service is a DNS CNAME: its externalName must be a lowercase DNS name, without a scheme, path or port, or the API server rejects it.',
    fails: `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  type: ExternalName
  externalName: https://db.example.com
`,
    fixed: `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  type: ExternalName
  externalName: db.example.com
`,
  },
  kinds: ['Service'],
  appliesTo: appliesToService,
  checkObject(obj, ctx) {
    if (serviceTypeOf(obj) !== 'ExternalName') return;
    const r = obj.reader;
    const node = specField(obj, 'externalName');
    const scalar = r.scalar(node);
    if (node && (!scalar || (scalar.value !== null && typeof scalar.value !== 'string'))) return; // type error: schema walk
    const value = r.str(node) ?? '';
    const cname = value.endsWith('.') ? value.slice(0, -1) : value;
    if (cname === '') {
      if (!node && isKustomizePatch(ctx.workspace, obj)) return;
      ctx.report({
        at: node ?? keyNode(obj.reader, obj.node, 'spec') ?? obj.anchor,
        message: `${svcName(obj)} is of type ExternalName but has no externalName: set externalName to the DNS name it stands for (e.g. db.example.com).`,
      });
      return;
    }
    const errs = isDNS1123Subdomain(cname);
    if (!errs.length) return;
    const host = hostOf(value);
    const hostOk = host !== undefined && host !== value && isDNS1123Subdomain(host.replace(/\.$/, '')).length === 0;
    const isUrlish = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value) || /[/:@?#]/.test(value);
    ctx.report({
      at: node!,
      message: isUrlish
        ? `externalName \`${value}\` must be a DNS name, not a URL or an address with a port or path${hostOk ? `: use \`${host}\`` : ''} (ports belong in spec.ports).`
        : `externalName \`${value}\` ${isInvalid(errs)}.`,
      fix: hostOk ? replaceFix(obj, node!, host!) : undefined,
    });
  },
};

/** The host name inside a URL-like value, lowercased (scheme, user, port, path, query dropped). */
function hostOf(value: string): string | undefined {
  let s = value.trim().replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\//, '');
  s = s.split(/[/?#]/)[0];
  s = s.slice(s.lastIndexOf('@') + 1);
  s = s.replace(/:[0-9]*$/, '');
  s = s.toLowerCase();
  return s === '' ? undefined : s;
}
