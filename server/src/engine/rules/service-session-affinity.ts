import type { Rule } from './rule';
import { replaceFix } from './utils/edits';
import { appliesToService, specField } from './utils/service';

const AFFINITIES = ['None', 'ClientIP'];
const MAX_TIMEOUT = 86400;

/**
 * sessionAffinity is None or ClientIP (unset or "" defaults to None); with ClientIP,
 * sessionAffinityConfig.clientIP.timeoutSeconds must be 1-86400 (validateClientIPAffinityConfig). With None
 * the API server drops sessionAffinityConfig while defaulting, so it is not an error there.
 */
export const serviceSessionAffinity: Rule = {
  id: 'service-session-affinity',
  description: 'sessionAffinity must be None or ClientIP; a ClientIP timeoutSeconds must be 1-86400.',
  severity: 'error',
  docs: {
    why: 'sessionAffinity is None or ClientIP (kube-proxy keeps a client on one pod); the API server rejects other values and timeouts outside 1-86400 seconds.',
    fails: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  sessionAffinity: Sticky
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
  sessionAffinity: ClientIP
  selector:
    app: web
  ports:
    - port: 80
`,
  },
  kinds: ['Service'],
  appliesTo: appliesToService,
  checkObject(obj, ctx) {
    const r = obj.reader;
    const node = specField(obj, 'sessionAffinity');
    const value = r.str(node) || 'None';
    if (node && !AFFINITIES.includes(value)) {
      const right = AFFINITIES.find((a) => a.toLowerCase() === value.toLowerCase());
      ctx.report({
        at: node,
        message: right
          ? `sessionAffinity \`${value}\` must be written \`${right}\`.`
          : `Unsupported sessionAffinity \`${value}\`: use None or ClientIP.`,
        fix: right ? replaceFix(obj, node, right) : undefined,
      });
      return;
    }
    if (value !== 'ClientIP') return;
    const tNode = r.at(specField(obj, 'sessionAffinityConfig'), 'clientIP', 'timeoutSeconds');
    const t = r.int(tNode);
    if (!tNode || t === undefined || (t > 0 && t <= MAX_TIMEOUT)) return;
    ctx.report({
      at: tNode,
      message: `timeoutSeconds ${t} is out of range: ClientIP session affinity lasts from 1 to ${MAX_TIMEOUT} seconds (default 10800).`,
    });
  },
};
