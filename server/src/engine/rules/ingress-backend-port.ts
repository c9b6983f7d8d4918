import type { Node, Pair } from 'yaml';
import type { Rule } from './rule';
import { isValidPortName } from '../k8s/validation';
import { isInvalid } from './utils/messages';
import { isUnset, pairKey, setPair } from '../parse/values';
import { laterPair, replaceScalarEdit } from './utils/edits';
import { backendSites, hasLegacyFields, isIngressV1 } from './utils/ingress';

/**
 * validateIngressBackend: `service.port` sets exactly one of `name` (a valid port name) or `number`
 * (1-65535). A `number` of 0 counts as not set, as in the API server.
 */
export const ingressBackendPort: Rule = {
  id: 'ingress-backend-port',
  description:
    'An Ingress service backend names its port with exactly one of `port.name` (a valid port name) or `port.number` (1-65535).',
  severity: 'error',
  docs: {
    why: "The controller looks the backend's port up in the Service by name or by number, one of them: the API server rejects a port with both, with neither, or with an invalid name or number.",
    fails: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
                  name: http
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
`,
  },
  explains: 'route',
  kinds: ['Ingress'],
  appliesTo: isIngressV1,
  checkObject(obj, ctx) {
    const r = obj.reader;
    for (const site of backendSites(obj)) {
      const b = site.map;
      if (!b || hasLegacyFields(r, b) || setPair(r, b, 'resource')) continue;
      const service = setPair(r, b, 'service');
      const svc = service ? r.map(service.value) : undefined;
      if (!service || !svc) continue;
      const portPair = setPair(r, svc, 'port');
      const port = portPair ? r.map(portPair.value) : undefined;
      if (portPair && !port) continue; // not a map: schema rule
      const namePair = port ? setPair(r, port, 'name') : undefined;
      const numberPair = port ? setPair(r, port, 'number') : undefined;
      const nameNode = namePair ? r.resolve(namePair.value) : undefined;
      const numberNode = numberPair ? r.resolve(numberPair.value) : undefined;
      const name = r.str(nameNode);
      const number = r.int(numberNode);
      // Values of the wrong type (a quoted number, a number as name) are the schema rule's.
      if (
        (nameNode && !isUnset(r, nameNode) && name === undefined) ||
        (numberNode && !isUnset(r, numberNode) && number === undefined)
      )
        continue;
      const hasName = !!name;
      const hasNumber = number !== undefined && number !== 0;
      const svcName = r.str(r.get(svc, 'name'));
      const ofService = svcName ? ` of Service \`${svcName}\`` : '';
      if (hasName && hasNumber) {
        const second = laterPair(namePair as Pair, numberPair as Pair);
        ctx.report({
          at: pairKey(second) as Node,
          message: `The backend port sets both \`name\` and \`number\`: set one of them (the name or the number of a port${ofService}).`,
        });
      } else if (!hasName && !hasNumber) {
        ctx.report({
          at: (pairKey(portPair) ?? pairKey(service)) as Node,
          message: `The backend has no port: set \`port.number\` or \`port.name\` to a port${ofService}.`,
        });
      } else if (hasNumber && (number < 1 || number > 65535) && numberNode) {
        ctx.report({
          at: numberNode,
          message: `Port number ${r.scalar(numberNode)?.source || number} is out of range: use 1-65535.`,
        });
      } else if (hasName && nameNode) {
        const errs = isValidPortName(name);
        if (!errs.length) continue;
        const lower = name.toLowerCase();
        const fixable = lower !== name && !isValidPortName(lower).length;
        ctx.report({
          at: nameNode,
          message: `Port name \`${name}\` ${isInvalid(errs)}${fixable ? ` (write \`${lower}\`)` : ''}.`,
          fix: fixable ? { title: `Change to ${lower}`, edits: [replaceScalarEdit(obj, nameNode, lower)] } : undefined,
        });
      }
    }
  },
};
