import type { Rule } from './rule';
import { replaceFix } from './utils/edits';
import { appliesToService, portMaps } from './utils/service';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
/** Application protocols people write in `protocol` although they run over TCP. */
const OVER_TCP = new Set(['http', 'https', 'http2', 'h2c', 'grpc', 'ws', 'wss', 'tls', 'websocket']);

/** A Service port's protocol must be TCP, UDP or SCTP in exact case (unset or "" defaults to TCP). */
export const servicePortProtocol: Rule = {
  id: 'service-port-protocol',
  description: 'Service port protocol must be TCP, UDP or SCTP (exact case).',
  severity: 'error',
  docs: {
    why: 'The API server accepts the protocols TCP, UDP and SCTP, spelled exactly.',
    fails: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      protocol: tcp
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
      protocol: TCP
`,
  },
  kinds: ['Service'],
  appliesTo: appliesToService,
  checkObject(obj, ctx) {
    const r = obj.reader;
    for (const { map } of portMaps(obj)) {
      const node = r.get(map, 'protocol');
      const value = r.str(node);
      if (!node || value === undefined || value === '' || PROTOCOLS.includes(value)) continue;
      const right = PROTOCOLS.find((p) => p === value.toUpperCase());
      if (right) {
        ctx.report({
          at: node,
          message: `Protocol \`${value}\` must be written \`${right}\` (the API server is case-sensitive).`,
          fix: replaceFix(obj, node, right),
        });
      } else if (OVER_TCP.has(value.toLowerCase())) {
        ctx.report({
          at: node,
          message: `Unsupported protocol \`${value}\`: use TCP, UDP or SCTP. ${value.toUpperCase()} runs over TCP: write protocol: TCP (appProtocol: ${value.toLowerCase()} can name the application protocol).`,
          fix: replaceFix(obj, node, 'TCP'),
        });
      } else {
        ctx.report({ at: node, message: `Unsupported protocol \`${value}\`: use TCP, UDP or SCTP.` });
      }
    }
  },
};
