import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiVersionRemoved } from '../../../server/src/engine/rules/api-version-removed';
import { check, ruleTable } from '../../harness';

ruleTable(apiVersionRemoved, {
  valid: [
    {
      name: 'current versions',
      yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: b}\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\n',
    },
    {
      name: 'a removed group version with a kind it never served (not ours to judge)',
      yaml: 'apiVersion: apps/v1beta2\nkind: Whatever\nmetadata: {name: a}\n',
    },
    {
      name: 'custom resources in a group that happens to be versioned v1beta1',
      yaml: 'apiVersion: cert-manager.io/v1beta1\nkind: Certificate\nmetadata: {name: a}\n',
    },
    { name: 'non-Kubernetes documents', yaml: 'apiVersion: extensions/v1beta1\nname: not-an-object\n' },
  ],
  invalid: [
    {
      name: 'extensions/v1beta1 Deployment',
      yaml: `apiVersion: extensions/v1beta1
#           ^^^^^^^^^^^^^^^^^^ error api-version-removed: Deployment extensions/v1beta1 was removed in Kubernetes 1.16: use apiVersion: apps/v1 (apps/v1 requires spec.selector).
kind: Deployment
metadata: {name: web}
`,
    },
    {
      name: 'networking.k8s.io/v1beta1 Ingress, quoted',
      yaml: `apiVersion: "networking.k8s.io/v1beta1"
#           ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error api-version-removed: Ingress networking.k8s.io/v1beta1 was removed in Kubernetes 1.22: use apiVersion: networking.k8s.io/v1 (backends become service.name and service.port, and every path needs a pathType).
kind: Ingress
metadata: {name: web}
`,
    },
    {
      name: 'apps/v1beta2 StatefulSet and batch/v1beta1 CronJob in one stream',
      yaml: `apiVersion: apps/v1beta2
#           ^^^^^^^^^^^^ error api-version-removed: StatefulSet apps/v1beta2 was removed in Kubernetes 1.16: use apiVersion: apps/v1 (apps/v1 requires spec.selector).
kind: StatefulSet
metadata: {name: db}
---
kind: CronJob
apiVersion: batch/v1beta1
#           ^^^^^^^^^^^^^ error api-version-removed: CronJob batch/v1beta1 was removed in Kubernetes 1.25: use apiVersion: batch/v1.
metadata: {name: nightly}
`,
    },
    {
      name: 'PodSecurityPolicy: gone, no replacement',
      yaml: `apiVersion: policy/v1beta1
#           ^^^^^^^^^^^^^^ error api-version-removed: PodSecurityPolicy policy/v1beta1 was removed in Kubernetes 1.25, with no replacement: enforce pod security with Pod Security Admission (namespace labels pod-security.kubernetes.io/*) instead.
kind: PodSecurityPolicy
metadata: {name: restricted}
`,
    },
    {
      name: 'an item of a kind: List',
      yaml: `apiVersion: v1
kind: List
items:
- apiVersion: rbac.authorization.k8s.io/v1beta1
#             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error api-version-removed: Role rbac.authorization.k8s.io/v1beta1 was removed in Kubernetes 1.22: use apiVersion: rbac.authorization.k8s.io/v1.
  kind: Role
  metadata: {name: reader}
`,
    },
    {
      name: 'flow style',
      yaml: `{apiVersion: autoscaling/v2beta2, kind: HorizontalPodAutoscaler, metadata: {name: web}}
#            ^^^^^^^^^^^^^^^^^^^ error api-version-removed: HorizontalPodAutoscaler autoscaling/v2beta2 was removed in Kubernetes 1.26: use apiVersion: autoscaling/v2.
`,
    },
  ],
});

describe('api-version-removed', () => {
  it('offers the replacement version as the fix, on the apiVersion value', () => {
    const [d] = check('apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: web}\n', {
      rules: [apiVersionRemoved],
    });
    assert.deepEqual(d.fix, {
      title: 'Change apiVersion to apps/v1',
      edits: [{ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 24 } }, newText: 'apps/v1' }],
    });
  });

  it('no fix when the kind has no replacement', () => {
    const [d] = check('apiVersion: extensions/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: p}\n', {
      rules: [apiVersionRemoved],
    });
    assert.equal(d.fix, undefined);
  });

  it('objects with a removed apiVersion are not validated further: one error, whatever else is wrong', () => {
    const text = `apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: Web_App
spec:
  replicas: -1
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: app
        image: nginx
        ports:
        - containerPort: 99999
          name: this-name-is-far-too-long
      - name: app
---
apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: web}
spec:
  rules:
  - host: WWW.Example.com
    http:
      paths:
      - path: relative
        backend: {serviceName: nowhere, servicePort: 80}
`;
    assert.deepEqual(
      check(text).map((d) => `${d.range.start.line} ${d.code}`),
      ['0 api-version-removed', '17 api-version-removed'],
    );
  });
});
