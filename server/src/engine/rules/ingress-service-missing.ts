import { serviceNamesNear } from '../model/nearNames';
import type { Rule } from './rule';
import { isIngressV1, replaceScalarEdit, serviceRefs } from './ingress-common';

/**
 * An Ingress backend names a Service that none of the checked files declares in the Ingress's namespace
 * (Ingresses route only within their namespace). A warning: the Service may be installed separately.
 */
export const ingressServiceMissing: Rule = {
  id: 'ingress-service-missing',
  description: 'An Ingress routes to a Service that is not in the checked files for its namespace.',
  severity: 'warning',
  reads: ['servicesNamed'],
  explains: 'route',
  appliesTo: isIngressV1,
  checkObject(obj, ctx) {
    const ws = ctx.workspace;
    const ns = obj.namespace;
    let namespaces: string[] | undefined;
    for (const ref of serviceRefs(obj)) {
      if (ws.services(ns, ref.name).length) continue;
      let hint = '';
      let fix;
      const elsewhere = (namespaces ??= ws.namespaces()).filter((other) => other !== ns && ws.services(other, ref.name).length);
      const candidates = serviceNamesNear(ws, ns, ref.name, ref.name.length > 4 ? 2 : 1);
      if (elsewhere.length) {
        hint = ` A Service \`${ref.name}\` is declared in namespace${elsewhere.length > 1 ? 's' : ''} ${elsewhere.map((n) => `\`${n}\``).join(', ')}, but an Ingress routes only to Services of its own namespace.`;
      } else if (candidates.length === 1) {
        hint = ` Did you mean \`${candidates[0]}\`?`;
        fix = { title: `Change to ${candidates[0]}`, edits: [replaceScalarEdit(obj, ref.nameNode, candidates[0])] };
      }
      ctx.report({
        at: ref.nameNode,
        message: `Ingress \`${obj.name ?? '(no name)'}\` routes to Service \`${ref.name}\`, which is not in the checked files for namespace \`${ns}\`.${hint}`,
        fix,
      });
    }
  },
};
