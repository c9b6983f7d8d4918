import type { Rule } from './rule';
import { replaceFix } from './utils/edits';
import { SERVICE_TYPE_NAMES, appliesToService, specField } from './utils/service';

export const SERVICE_TYPES = SERVICE_TYPE_NAMES;

/** Service `type` must be one of the four types, in exact case (unset, null and "" default to ClusterIP). */
export const serviceType: Rule = {
  id: 'service-type',
  description: 'Service type must be ClusterIP, NodePort, LoadBalancer or ExternalName (exact case).',
  severity: 'error',
  docs: {
    why: 'The API server knows four Service types, spelled exactly: any other value rejects the Service.',
    fails: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: nodeport
  selector:
    app: web
  ports:
    - port: 80
`,
    fixed: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - port: 80
`,
  },
  kinds: ['Service'],
  appliesTo: appliesToService,
  checkObject(obj, ctx) {
    const node = specField(obj, 'type');
    if (!node) return;
    const scalar = obj.reader.scalar(node);
    if (!scalar) return; // a map or a list: the schema walk reports the type error
    const value = obj.reader.text(node);
    if (value === undefined || value === '' || (SERVICE_TYPES as readonly string[]).includes(value)) return;
    const right = SERVICE_TYPES.find((t) => t.toLowerCase() === value.toLowerCase());
    ctx.report({
      at: node,
      message: right
        ? `Service type \`${value}\` must be written \`${right}\` (the API server is case-sensitive).`
        : `Unsupported Service type \`${value}\`: use ClusterIP, NodePort, LoadBalancer or ExternalName.`,
      fix: right ? replaceFix(obj, node, right) : undefined,
    });
  },
};
