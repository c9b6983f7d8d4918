import { apiRemoval } from '../model/apiVersions';
import type { Rule } from './rule';

/** What else changes when moving to the current version, where changing apiVersion alone is not enough. */
const MIGRATION_NOTES: Record<string, string> = {
  Ingress: ' (backends become service.name and service.port, and every path needs a pathType)',
  Deployment: ' (apps/v1 requires spec.selector)',
  DaemonSet: ' (apps/v1 requires spec.selector)',
  ReplicaSet: ' (apps/v1 requires spec.selector)',
  StatefulSet: ' (apps/v1 requires spec.selector)',
  CustomResourceDefinition: ' (v1 requires a structural schema per version under spec.versions)',
};

/** An apiVersion that Kubernetes no longer serves for this kind (extensions/v1beta1 Deployment, …). */
export const apiVersionRemoved: Rule = {
  id: 'api-version-removed',
  description: 'The apiVersion was removed from Kubernetes for this kind; the API server rejects the object.',
  severity: 'error',
  docs: {
    why: 'Kubernetes stops serving old API versions (the deprecated API migration guide lists when): `kubectl apply` fails with "no matches for kind", and the object has to be written for the current version, sometimes with more changes than the apiVersion line.',
    fails: `apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
`,
    fixed: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
`,
  },
  includeRemovedApis: true,
  appliesTo: (obj) => apiRemoval(obj.apiVersion, obj.kind) !== undefined,
  checkObject(obj, ctx) {
    const removal = apiRemoval(obj.apiVersion, obj.kind);
    const node = obj.reader.pair(obj.node, 'apiVersion')?.value;
    if (!removal || !node) return;
    const gone = `${obj.kind} ${obj.apiVersion} was removed in Kubernetes ${removal.removedIn}`;
    if (removal.use === null) {
      ctx.report({
        at: node as never,
        message:
          obj.kind === 'PodSecurityPolicy'
            ? `${gone}, with no replacement: enforce pod security with Pod Security Admission (namespace labels pod-security.kubernetes.io/*) instead.`
            : `${gone}, with no replacement.`,
      });
      return;
    }
    const to = removal.use;
    ctx.report({
      at: node as never,
      message: `${gone}: use apiVersion: ${to}${MIGRATION_NOTES[obj.kind] ?? ''}.`,
      fix: { title: `Change apiVersion to ${to}`, edits: [{ range: obj.doc.rangeOf(node), newText: to }] },
    });
  },
};
