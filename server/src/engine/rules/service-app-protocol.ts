import type { Rule } from './rule';
import { isQualifiedName } from '../k8s/validation';
import { isInvalid, shown } from './utils/messages';
import { appliesToService, portMaps } from './utils/service';

/**
 * appProtocol, when set, must be a qualified name (validateServicePort): `http`, `kubernetes.io/h2c`,
 * `example.com/custom`; no spaces, ':' or URLs.
 */
export const serviceAppProtocol: Rule = {
  id: 'service-app-protocol',
  description:
    'Service port appProtocol must be a qualified name such as http, kubernetes.io/h2c or example.com/proto.',
  severity: 'error',
  docs: {
    why: 'appProtocol tells proxies and controllers the application protocol; the API server requires a qualified name (an IANA name such as `http`, `kubernetes.io/h2c`, or a domain-prefixed name).',
    fails: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      appProtocol: grpc web
`,
    fixed: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      appProtocol: grpc-web
`,
  },
  kinds: ['Service'],
  appliesTo: appliesToService,
  checkObject(obj, ctx) {
    const r = obj.reader;
    for (const { map } of portMaps(obj)) {
      const node = r.get(map, 'appProtocol');
      const value = r.str(node);
      if (!node || value === undefined) continue;
      const errs = isQualifiedName(value);
      if (!errs.length) continue;
      ctx.report({
        at: node,
        message: `appProtocol ${shown(value)} ${isInvalid(errs)} (use a name such as http, https, kubernetes.io/h2c or a prefixed name like example.com/proto).`,
      });
    }
  },
};
