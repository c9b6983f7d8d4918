import type { Rule } from './rule';
import { shown } from './utils/messages';
import { replaceFix } from './utils/edits';
import { appliesToService, specField } from './utils/service';

const POLICIES = ['Cluster', 'Local'];

/** internalTrafficPolicy, when set, is Cluster or Local (validateServiceInternalTrafficFieldsValue). */
export const serviceInternalTrafficPolicy: Rule = {
  id: 'service-internal-traffic-policy',
  description: 'internalTrafficPolicy must be Cluster or Local.',
  severity: 'error',
  docs: {
    why: 'internalTrafficPolicy decides whether traffic from inside the cluster stays on the node; the API server accepts Cluster or Local, spelled exactly.',
    fails: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  internalTrafficPolicy: local
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
  internalTrafficPolicy: Local
  selector:
    app: web
  ports:
    - port: 80
`,
  },
  kinds: ['Service'],
  appliesTo: appliesToService,
  checkObject(obj, ctx) {
    const node = specField(obj, 'internalTrafficPolicy');
    const value = obj.reader.str(node);
    if (!node || value === undefined || POLICIES.includes(value)) return;
    const right = POLICIES.find((p) => p.toLowerCase() === value.toLowerCase());
    ctx.report({
      at: node,
      message: right
        ? `internalTrafficPolicy \`${value}\` must be written \`${right}\`.`
        : `Unsupported internalTrafficPolicy ${shown(value)}: use Cluster or Local (or leave it out).`,
      fix: right ? replaceFix(obj, node, right) : undefined,
    });
  },
};
