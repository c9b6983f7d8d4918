/**
 * Legal constructs must not upset any workload, container, pod or object rule: every manifest here is one the
 * API server accepts. The whole list of WORKLOAD_RULES runs over each.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WORKLOAD_RULES } from '../../../server/src/engine/rules/workload';
import { check } from '../../harness';

const cases: Record<string, string | Record<string, string>> = {
  'block style with comments everywhere': `# a web app
apiVersion: apps/v1 # current
kind: Deployment
metadata:
  name: web # the name
  labels:
    app.kubernetes.io/name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: web # must match
  template:
    metadata:
      labels:
        app.kubernetes.io/name: web
      annotations:
        prometheus.io/scrape: "true"
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 80
          readinessProbe:
            httpGet: {path: /, port: http}
          resources:
            requests: {cpu: 100m, memory: 64Mi}
            limits: {memory: 128Mi}
`,
  'a JSON document with CRLF line ends':
    '{\r\n  "apiVersion": "apps/v1",\r\n  "kind": "StatefulSet",\r\n  "metadata": {"name": "db"},\r\n  "spec": {\r\n    "serviceName": "db",\r\n    "selector": {"matchLabels": {"app": "db"}},\r\n    "template": {\r\n      "metadata": {"labels": {"app": "db"}},\r\n      "spec": {"containers": [{"name": "db", "image": "postgres:16", "ports": [{"containerPort": 5432, "name": "pg"}], "volumeMounts": [{"name": "data", "mountPath": "/var/lib/postgresql/data"}]}]}\r\n    },\r\n    "volumeClaimTemplates": [{"metadata": {"name": "data"}, "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}]\r\n  }\r\n}\r\n',
  'anchors and merge keys shared between objects of a List': `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api, labels: &api {app: api, tier: backend}}
    spec:
      selector: {matchLabels: *api}
      template:
        metadata: {labels: *api}
        spec:
          containers:
            - &container
              name: api
              image: example/api:1
              env:
                - {name: MODE, value: prod}
                - name: POD
                  valueFrom: {fieldRef: {fieldPath: metadata.name}}
              ports: [{name: http, containerPort: 8080}]
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: worker}
    spec:
      selector: {matchLabels: {app: worker}}
      template:
        metadata:
          labels:
            <<: {app: worker}
        spec:
          containers:
            - <<: *container
              name: worker
`,
  'quoted numbers where strings belong': `apiVersion: batch/v1
kind: CronJob
metadata:
  name: "0123"
  labels: {"version": "1.0", "build": "42"}
spec:
  schedule: "*/15 * * * *"
  jobTemplate:
    spec:
      template:
        metadata: {labels: {"id": "007"}}
        spec:
          restartPolicy: "OnFailure"
          containers: [{name: "c1", image: "busybox:1.36", args: ["8080"]}]
`,
  'every workload kind, minimal': `apiVersion: v1
kind: Pod
metadata: {name: p}
spec: {containers: [{name: c, image: i}]}
---
apiVersion: v1
kind: ReplicationController
metadata: {name: rc}
spec:
  replicas: 1
  template:
    metadata: {labels: {app: rc}}
    spec: {containers: [{name: c, image: i}]}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs}
spec:
  selector: {matchLabels: {app: rs}}
  template:
    metadata: {labels: {app: rs}}
    spec: {containers: [{name: c, image: i}]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: ds}
spec:
  selector: {matchLabels: {app: ds}}
  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 1}}
  template:
    metadata: {labels: {app: ds}}
    spec:
      hostNetwork: true
      containers: [{name: c, image: i, ports: [{containerPort: 9100, hostPort: 9100}]}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      initContainers: [{name: wait, image: busybox}]
      containers: [{name: c, image: i}]
`,
  'empty documents and a document of comments only':
    '---\n# nothing here\n---\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n...\n',
  'non-Kubernetes YAML and client-side configuration': {
    'values.yaml': 'replicaCount: -1\nimage: {repository: nginx}\n',
    'kustomization.yaml':
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nlabels:\n  - pairs: {app: web}\n    includeSelectors: true\nresources: [deploy.yaml]\n',
    'kind.yaml': 'apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes: [{role: control-plane}]\n',
    'deploy.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec: {containers: [{name: web, image: nginx}]}\n',
  },
};

describe('workload rules accept legal constructs', () => {
  for (const [name, yaml] of Object.entries(cases)) {
    it(name, () => {
      assert.deepEqual(
        check(yaml, { rules: WORKLOAD_RULES }).map((d) => `${d.file}:${d.range.start.line}: ${d.code}: ${d.message}`),
        [],
      );
    });
  }
});
