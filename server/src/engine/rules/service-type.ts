import { isService } from '../model/apiVersions';
import type { Rule } from './rule';

export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const;

/** Service `type` must be one of the four types, in exact case. */
export const serviceType: Rule = {
  id: 'service-type',
  description: 'Service type must be ClusterIP, NodePort, LoadBalancer or ExternalName (exact case).',
  severity: 'error',
  appliesTo: (obj) => isService(obj.apiVersion, obj.kind),
  checkObject(obj, ctx) {
    const node = obj.get('spec', 'type');
    if (!node) return;
    const value = obj.reader.text(node);
    if (value === undefined || (SERVICE_TYPES as readonly string[]).includes(value)) return;
    const right = SERVICE_TYPES.find((t) => t.toLowerCase() === value.toLowerCase());
    ctx.report({
      at: node,
      message: right
        ? `Service type \`${value}\` must be written \`${right}\` (the API server is case-sensitive).`
        : `Unsupported Service type \`${value}\`: use ClusterIP, NodePort, LoadBalancer or ExternalName.`,
      fix: right ? { title: `Change to ${right}`, edits: [{ range: obj.doc.rangeOf(node), newText: right }] } : undefined,
    });
  },
};
