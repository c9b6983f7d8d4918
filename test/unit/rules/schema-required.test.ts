import assert from 'node:assert/strict';
import { it } from 'node:test';
import { schemaRequired } from '../../../server/src/engine/rules/schema-required';
import { SCHEMA_RULES } from '../../../server/src/engine/rules/schema';
import { check, ruleTable } from '../../harness';

const scalePatch =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n      - name: web\n        resources: {limits: {memory: 1Gi}}\n';

ruleTable(schemaRequired, {
  valid: [
    {
      name: 'complete objects',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: rb}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}\nsubjects: [{kind: ServiceAccount, name: sa}]\n',
    },
    {
      name: 'a required field brought in by a merge key',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - &c {name: a, image: i, ports: [{containerPort: 80}]}\n  - <<: *c\n    image: j\n',
    },
    {
      name: 'a null map is left to the dedicated rules',
      yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n',
    },
    {
      name: 'a misspelt required field is reported once, as unknown',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  contianers: [{name: a, image: i}]\n',
    },
    {
      name: 'a patch listed by a kustomization',
      yaml: {
        'app/overlays/prod/kustomization.yaml':
          'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../base]\npatchesStrategicMerge:\n- ./scale.yaml\n',
        'app/overlays/prod/scale.yaml': scalePatch,
      },
    },
    {
      name: 'a patch listed by path from a parent folder',
      yaml: {
        'app/overlays/prod/kustomization.yml':
          'resources: [../../base]\npatches:\n- path: patches/scale.yaml\n  target: {kind: Deployment}\n',
        'app/overlays/prod/patches/scale.yaml': scalePatch,
      },
    },
    { name: 'a patch by its file name', yaml: { 'deploy/replicas-patch.yaml': scalePatch } },
    {
      name: 'custom resources',
      yaml: 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: m}\nspec: {endpoints: [{}]}\n',
    },
  ],
  invalid: [
    {
      name: 'missing fields at every level, on the parent key (or the first key of a list item)',
      yaml: `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
# ^^^^ error schema-required: Missing required field \`selector\` in DeploymentSpec.
    template:
      metadata: {labels: {app: web}}
      spec:
        containers:
        - image: nginx
#         ^^^^^ error schema-required: Missing required field \`name\` in Container.
          env:
          - value: "1"
#           ^^^^^ error schema-required: Missing required field \`name\` in EnvVar.
          volumeMounts:
          - name: v
#           ^^^^ error schema-required: Missing required field \`mountPath\` in VolumeMount.
          ports:
          - name: http
#           ^^^^ error schema-required: Missing required field \`containerPort\` in ContainerPort.
          readinessProbe:
            httpGet: {path: /healthz}
#           ^^^^^^^ error schema-required: Missing required field \`port\` in HTTPGetAction.
        - name: ok
          image: nginx
        volumes:
        - {name: v, emptyDir: {}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  ports:
  - name: http
#   ^^^^ error schema-required: Missing required field \`port\` in ServicePort.
    targetPort: 8080
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  rules:
  - http:
      paths:
      - path: /
#       ^^^^ error schema-required: Missing required field \`pathType\` in HTTPIngressPath.
        backend: {service: {name: web, port: {number: 80}}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
#                ^^^ error schema-required: Missing required field \`spec\` in HorizontalPodAutoscaler.
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rb}
#                ^^ error schema-required: Missing required field \`roleRef\` in RoleBinding.
subjects: [{kind: ServiceAccount, namespace: default}]
#           ^^^^ error schema-required: Missing required field \`name\` in Subject.
`,
    },
    {
      name: 'a file that is not listed as a patch is a complete object',
      yaml: {
        'app/overlays/prod/kustomization.yaml': 'resources: [deployment.yaml]\n',
        'app/overlays/prod/deployment.yaml': `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec: {replicas: 3, template: {spec: {containers: [{name: web, image: i}]}}}
# ^^^^ error schema-required: Missing required field \`selector\` in DeploymentSpec.
`,
      },
    },
  ],
});

it('schema-required: the fallback gives way to a dedicated rule on the same key', () => {
  // Only schema rules: the finding is there; the whole engine keeps the dedicated rule's message instead.
  const yaml =
    'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        backend: {service: {name: s, port: {number: 80}}}\n';
  const alone = check(yaml, { rules: SCHEMA_RULES });
  assert.deepEqual(
    alone.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`),
    ['7:8 schema-required'],
  );
  const all = check(yaml).filter((d) => d.range.start.line === 7 && d.range.start.character === 8);
  assert.equal(all.length, 1);
});
