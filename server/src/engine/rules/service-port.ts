import type { Rule } from './rule';
import { isValidPortName } from '../k8s/validation';
import { replaceFix } from './utils/edits';
import { appliesToService, portMaps, serviceTypeOf } from './utils/service';

/** The kubelet's port: a LoadBalancer may not expose it (over-open cloud firewalls would reach every node's kubelet). */
const KUBELET_PORT = 10250;

/**
 * Service port numbers and targetPorts (validateServicePort): `port` 1-65535; a numeric targetPort 1-65535
 * (0 means unset: it defaults to `port`); a string targetPort is a container port NAME (IANA_SVC_NAME), so
 * `targetPort: "8080"` is an invalid name, not a number. A quoted `port` is a type error that the schema walk
 * reports (the model reads no number from it), so it is not reported again here. A LoadBalancer may not
 * expose the kubelet's port 10250.
 */
export const servicePort: Rule = {
  id: 'service-port',
  description: 'Service port and numeric targetPort must be 1-65535; a string targetPort must be a valid port name.',
  severity: 'error',
  docs: {
    why: "Ports are 16-bit numbers from 1 to 65535; a string targetPort is looked up by name among the pods' container ports, so it must be a valid port name. The API server rejects anything else.",
    fails: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 80800
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
      targetPort: 8080
`,
  },
  explains: 'target-port',
  kinds: ['Service'],
  appliesTo: appliesToService,
  checkObject(obj, ctx) {
    const r = obj.reader;
    const loadBalancer = serviceTypeOf(obj) === 'LoadBalancer';
    for (const { map } of portMaps(obj)) {
      const portNode = r.get(map, 'port');
      const port = r.int(portNode);
      // `containerPort: 8080` copied from a pod: a Service port has `port` (and `targetPort` for the container).
      const containerPortPair = r.pair(map, 'containerPort');
      if ((!portNode || r.scalar(portNode)?.value === null) && containerPortPair) {
        const n = r.int(containerPortPair.value);
        ctx.report({
          at: containerPortPair.key as never,
          message: `containerPort is a container field: a Service port is written \`port: ${n ?? 80}\` (the port clients connect to), with \`targetPort\` for the container's port.`,
          fix:
            n !== undefined && map.items.includes(containerPortPair as never)
              ? { title: 'Rename to port', edits: [{ range: obj.doc.rangeOf(containerPortPair.key), newText: 'port' }] }
              : undefined,
        });
      }
      if (portNode && port !== undefined && (port < 1 || port > 65535)) {
        ctx.report({
          at: portNode,
          message: `Service port ${port} is out of range: use a port number from 1 to 65535.`,
        });
      } else if (portNode && port === KUBELET_PORT && loadBalancer) {
        ctx.report({
          at: portNode,
          message: `A LoadBalancer Service may not expose port ${KUBELET_PORT}: the kubelet uses it on every node. Use another port (targetPort can stay ${KUBELET_PORT}).`,
        });
      }

      const tpNode = r.get(map, 'targetPort');
      const tp = r.scalar(tpNode);
      if (!tpNode || !tp) continue;
      if (typeof tp.value === 'number') {
        const n = r.int(tp);
        if (n === undefined || n === 0) continue; // a fraction is the schema walk's; 0 defaults to `port`
        if (n < 0 || n > 65535) {
          ctx.report({
            at: tpNode,
            message: `targetPort ${n} is out of range: use a container port number from 1 to 65535, or a container port name.`,
          });
        }
        continue;
      }
      if (typeof tp.value !== 'string' || tp.value === '') continue; // "" defaults to `port`
      const name = tp.value;
      if (/^[0-9]+$/.test(name)) {
        const n = Number(name);
        const valid = n >= 1 && n <= 65535;
        ctx.report({
          at: tpNode,
          message: `targetPort "${name}" is quoted, so Kubernetes reads it as a port name, and a port name needs a letter: ${valid ? `write the number without quotes (targetPort: ${n})` : 'use a container port number from 1 to 65535 without quotes'}.`,
          fix: valid ? replaceFix(obj, tpNode, String(n), `Write targetPort as the number ${n}`) : undefined,
        });
        continue;
      }
      const errs = isValidPortName(name);
      if (!errs.length) continue;
      const lower = name.toLowerCase();
      const lowerOk = lower !== name && isValidPortName(lower).length === 0;
      ctx.report({
        at: tpNode,
        message: `targetPort \`${name}\` is not a valid port name: ${errs.join('; ')}. Use the container port's name or its number.`,
        fix: lowerOk ? replaceFix(obj, tpNode, lower) : undefined,
      });
    }
  },
};
