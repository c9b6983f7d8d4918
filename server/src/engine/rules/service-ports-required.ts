import type { Rule } from './rule';
import { isKustomizePatch } from '../model/kustomize';
import { keyNode } from '../parse/values';
import { specOf } from './utils/object';
import { appliesToService, isHeadless, specField, svcName } from './utils/service';

/**
 * spec.ports is required, except for ExternalName and headless (clusterIP: None) Services (ValidateService).
 * A wrongly-cased `externalname` type is left to service-type; kustomize patches get their ports from the base.
 */
export const servicePortsRequired: Rule = {
  id: 'service-ports-required',
  description: 'A Service needs at least one port, unless it is ExternalName or headless (clusterIP: None).',
  severity: 'error',
  docs: {
    why: 'A Service with a cluster IP forwards its ports, so the API server requires at least one. Headless Services (`clusterIP: None`) and ExternalName Services may have none.',
    fails: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
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
`,
  },
  kinds: ['Service'],
  appliesTo: appliesToService,
  checkObject(obj, ctx) {
    const r = obj.reader;
    const type = r.text(specField(obj, 'type'));
    if (type !== undefined && type.toLowerCase() === 'externalname') return;
    if (isHeadless(obj)) return;
    const ports = specField(obj, 'ports');
    if (ports && !r.seq(ports) && r.scalar(ports)?.value !== null) return; // not a list: the schema walk reports it
    if (r.items(ports).length > 0 || isKustomizePatch(ctx.workspace, obj)) return;
    const at = keyNode(obj.reader, obj.node, 'spec') ?? obj.anchor;
    const portsKey = keyNode(obj.reader, specOf(obj), 'ports');
    ctx.report({
      at: portsKey ?? at,
      message: `${svcName(obj)} has no ports: add at least one under spec.ports (only ExternalName and headless Services, with clusterIP: None, may have none).`,
    });
  },
};
