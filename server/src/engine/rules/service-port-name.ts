import type { Rule } from './rule';
import { isDNS1123Label } from '../k8s/validation';
import { isInvalid } from './utils/messages';
import { isKustomizePatch } from '../model/kustomize';
import { itemAnchor } from './utils/object';
import { appliesToService, portMaps, specField } from './utils/service';

/**
 * Service port names (validateServicePort): required when the Service has more than one port, each a
 * DNS-1123 label, unique within the Service. (Container port names follow the stricter IANA syntax, but a
 * Service port name only needs to be a DNS label.)
 */
export const servicePortName: Rule = {
  id: 'service-port-name',
  description:
    'Service port names are required when there is more than one port, must be DNS-1123 labels, and must be unique.',
  severity: 'error',
  docs: {
    why: 'With more than one port, Endpoints and Ingresses tell the ports apart by name, so the API server requires a name on each, a DNS-1123 label, unique within the Service.',
    fails: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
    - port: 443
`,
    fixed: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
    - name: https
      port: 443
`,
  },
  kinds: ['Service'],
  appliesTo: appliesToService,
  checkObject(obj, ctx) {
    const r = obj.reader;
    const ports = portMaps(obj);
    const requireName = r.items(specField(obj, 'ports')).length > 1;
    const seen = new Map<string, number>();
    for (const { index, map } of ports) {
      const node = r.get(map, 'name');
      const scalar = r.scalar(node);
      if (node && (!scalar || (scalar.value !== null && typeof scalar.value !== 'string'))) continue; // type error: schema walk
      const name = r.str(node) ?? '';
      if (name === '') {
        // A kustomize patch merges its ports into the base's by port number: names may come from there.
        if (requireName && !isKustomizePatch(ctx.workspace, obj)) {
          const what = describePort(r.text(r.get(map, 'port')), r.text(r.get(map, 'protocol')));
          ctx.report({
            at: node ?? itemAnchor(obj, map),
            message: `${what} needs a name: when a Service has more than one port, every port must be named (e.g. name: http).`,
          });
        }
        continue;
      }
      const errs = isDNS1123Label(name);
      if (errs.length) {
        ctx.report({
          at: node!,
          message: `Port name \`${name}\` ${isInvalid(errs)}.`,
        });
      }
      const first = seen.get(name);
      if (first !== undefined) {
        ctx.report({
          at: node!,
          message: `Port name \`${name}\` is already used by ports[${first}]: port names must be unique within a Service.`,
        });
      } else seen.set(name, index);
    }
  },
};

function describePort(port: string | undefined, protocol: string | undefined): string {
  if (port === undefined) return 'This port';
  return `Port ${port}/${protocol || 'TCP'}`;
}
