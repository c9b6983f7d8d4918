import type { Node } from 'yaml';
import { isMergeKey } from '../parse/nodes';
import type { Rule } from './rule';
import { appliesToService, portMaps } from './utils/service';

/** The same port number and protocol twice in one Service (ValidateService: duplicate (protocol, port)). */
export const servicePortDuplicate: Rule = {
  id: 'service-port-duplicate',
  description: 'A Service must not declare the same port and protocol twice.',
  severity: 'error',
  docs: {
    why: 'kube-proxy forwards each port and protocol of a Service once: the API server rejects a Service that declares the same pair twice.',
    fails: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
    - name: web
      port: 80
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
    - name: web
      port: 8080
`,
  },
  kinds: ['Service'],
  appliesTo: appliesToService,
  checkObject(obj, ctx) {
    const r = obj.reader;
    const seen = new Map<string, number>();
    for (const { index, map } of portMaps(obj)) {
      const portNode = r.get(map, 'port');
      const port = r.int(portNode);
      if (!portNode || port === undefined) continue;
      const protocol = r.text(r.get(map, 'protocol')) || 'TCP';
      const key = `${port}/${protocol}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, index);
        continue;
      }
      // A port brought in by `<<: *port` is written elsewhere: the duplicate is this item's merge.
      const own = map.items.includes(r.pair(map, 'port') as never);
      const merge = own ? undefined : (map.items.find((p) => isMergeKey(p.key))?.key as Node | undefined);
      ctx.report({
        at: merge ?? portNode,
        message: `Port ${key} is already declared by ports[${first}]: each port and protocol pair must appear once in a Service. Remove this entry or change its port.`,
      });
    }
  },
};
