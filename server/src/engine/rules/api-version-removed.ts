import type { Rule } from './rule';

/** An apiVersion that Kubernetes no longer serves for this kind (extensions/v1beta1 Deployment, …). */
export const apiVersionRemoved: Rule = {
  id: 'api-version-removed',
  description: 'The apiVersion was removed from Kubernetes for this kind; the API server rejects the object.',
  severity: 'error',
  includeRemovedApis: true,
  appliesTo: (obj) => obj.removedApi !== undefined,
  checkObject(obj, ctx) {
    const node = obj.reader.pair(obj.node, 'apiVersion')?.value;
    if (!node) return;
    const to = obj.removedApi as string;
    ctx.report({
      at: node as never,
      message: `${obj.kind} ${obj.apiVersion} was removed from Kubernetes: use apiVersion: ${to}${obj.kind === 'Ingress' ? ' (backends become service.name and service.port, and every path needs a pathType)' : ''}.`,
      fix: { title: `Change apiVersion to ${to}`, edits: [{ range: obj.doc.rangeOf(node), newText: to }] },
    });
  },
};
