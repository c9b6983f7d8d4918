import { schemaUnknownField } from '../../../server/src/engine/rules/schema-unknown-field';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, ruleTable } from '../../harness';

ruleTable(schemaUnknownField, {
  valid: [
    {
      name: 'every level spelt right',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}, annotations: {a: b}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx
        imagePullPolicy: IfNotPresent
        livenessProbe: {httpGet: {path: /, port: 80, scheme: HTTP}, periodSeconds: 5}
`,
    },
    {
      name: 'a custom resource is not checked field by field',
      yaml: 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: c}\nspec: {secretName: s, issuerRef: {name: x}, contianers: []}\n',
    },
    {
      name: 'an unknown apiVersion of a built-in kind name is not checked',
      yaml: 'apiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: c}\nspec: {anything: 1}\n',
    },
    {
      name: 'a removed apiVersion is not checked field by field',
      yaml: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: i}\nspec: {backend: {serviceName: s, servicePort: 80}, bogus: 1}\n',
    },
    {
      name: 'RawExtension / preserve-unknown-fields take anything',
      yaml: `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: foos.example.com}
spec:
  group: example.com
  names: {kind: Foo, plural: foos}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        x-kubernetes-preserve-unknown-fields: true
        properties:
          spec: {type: object, default: {anything: [1, 2]}, x-kubernetes-int-or-string: true}
`,
    },
    {
      name: 'strategic-merge directives in a kustomize patch',
      yaml: {
        'overlay/kustomization.yaml': 'patches:\n- path: scale.yaml\n',
        'overlay/scale.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n      - name: sidecar\n        $patch: delete\n',
      },
    },
    {
      name: 'keys brought in by a merge are known',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - &base
    name: a
    image: nginx
  - <<: *base
    name: b
`,
    },
  ],
  invalid: [
    {
      name: 'top level (a JSON document)',
      yaml: `{
  "apiVersion": "v1",
  "kind": "ConfigMap",
  "metdata": {"name": "c"},
# ^^^^^^^^^ error schema-unknown-field: Unknown field \`metdata\` in ConfigMap: did you mean \`metadata\`?
  "data": {"a": "b"}
}
`,
    },
    {
      name: 'metadata, spec, pod spec, container, probe',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  lables: {app: web}
# ^^^^^^ error schema-unknown-field: Unknown field \`lables\` in ObjectMeta: did you mean \`labels\`?
spec:
  replica: 2
# ^^^^^^^ error schema-unknown-field: Unknown field \`replica\` in DeploymentSpec: did you mean \`replicas\`?
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      contianers:
#     ^^^^^^^^^^ error schema-unknown-field: Unknown field \`contianers\` in PodSpec: did you mean \`containers\`?
      - name: web
      restartpolicy: Always
#     ^^^^^^^^^^^^^ error schema-unknown-field: Unknown field \`restartpolicy\` in PodSpec: did you mean \`restartPolicy\`?
      containers:
      - name: web
        image: nginx
        imagePulPolicy: Always
#       ^^^^^^^^^^^^^^ error schema-unknown-field: Unknown field \`imagePulPolicy\` in Container: did you mean \`imagePullPolicy\`?
        livenesProbe:
#       ^^^^^^^^^^^^ error schema-unknown-field: Unknown field \`livenesProbe\` in Container: did you mean \`livenessProbe\`?
          httpGet: {path: /}
        readinessProbe:
          httpGet: {path: /, port: 80}
          initalDelaySeconds: 5
#         ^^^^^^^^^^^^^^^^^^ error schema-unknown-field: Unknown field \`initalDelaySeconds\` in Probe: did you mean \`initialDelaySeconds\`?
          colour: red
#         ^^^^^^ error schema-unknown-field: Unknown field \`colour\` in Probe: the API server rejects fields it does not know.
`,
    },
    {
      name: 'Service port and Ingress path',
      yaml: `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports:
  - port: 80
    targetport: 8080
#   ^^^^^^^^^^ error schema-unknown-field: Unknown field \`targetport\` in ServicePort: did you mean \`targetPort\`?
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  rules:
  - http:
      paths:
      - path: /
        pathtype: Prefix
#       ^^^^^^^^ error schema-unknown-field: Unknown field \`pathtype\` in HTTPIngressPath: did you mean \`pathType\`?
        pathType: Prefix
        backend: {service: {name: web, port: {number: 80}}}
`,
    },
    {
      name: 'items of a kind: List are objects of their own',
      yaml: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ServiceAccount
  metadata: {name: a}
  automountToken: false
# ^^^^^^^^^^^^^^ error schema-unknown-field: Unknown field \`automountToken\` in ServiceAccount: the API server rejects fields it does not know.
`,
    },
    {
      name: 'a field brought in by a merge key is checked where it is written',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - &base
    name: a
    image: nginx
    imagePullPolicey: Always
#   ^^^^^^^^^^^^^^^^ error schema-unknown-field: Unknown field \`imagePullPolicey\` in Container: did you mean \`imagePullPolicy\`?
  - <<: *base
    name: b
`,
    },
    {
      name: 'quoted and flow-style keys',
      yaml: `{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"}, "stringdata": {"a": "b"}}
#                                                                 ^^^^^^^^^^^^ error schema-unknown-field: Unknown field \`stringdata\` in Secret: did you mean \`stringData\`?
`,
    },
  ],
});

describe('schema-unknown-field quick fix', () => {
  const deployment = (spec: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n${spec}  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n`;
  const fixesOf = (yaml: string) =>
    check(yaml, { rules: [schemaUnknownField] }).map(
      (d) => d.fix?.edits.map((e) => `${e.range.start.line}:${e.range.start.character} ${e.newText}`) ?? null,
    );

  it('renames a misspelt key to the suggestion', () => {
    assert.deepEqual(fixesOf(deployment('  replica: 2\n')), [['4:2 replicas']]);
  });

  it('offers no rename when the map already has the suggested key (it would make a duplicate)', () => {
    assert.deepEqual(fixesOf(deployment('  replica: 2\n  replicas: 3\n')), [null]);
  });
});
