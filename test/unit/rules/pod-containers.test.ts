import { podContainers } from '../../../server/src/engine/rules/pod-containers';
import { ruleTable } from '../../harness';

/** Indents a manifest by two spaces (a root map may be indented), so that annotations can point at column 0 keys. */
const indented = (text: string) =>
  text
    .split('\n')
    .map((l) => (l.startsWith('#') || l === '' ? l : `  ${l}`))
    .join('\n');

ruleTable(podContainers, {
  valid: [
    {
      name: 'a Pod with one container',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: c, image: i}\n',
    },
    {
      name: 'containers through an alias',
      yaml: `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: a}
    spec:
      template:
        spec:
          containers: &containers [{name: c, image: i}]
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: b}
    spec:
      template:
        spec:
          containers: *containers
`,
    },
    {
      name: 'a kustomize patch without containers',
      yaml: {
        'kustomization.yaml': 'patchesStrategicMerge: [patch.yaml]\n',
        'patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n',
      },
    },
    {
      name: 'a custom resource with an empty containers list',
      yaml: 'apiVersion: example.com/v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: []}\n',
    },
  ],
  invalid: [
    {
      name: 'containers indented one level too high',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  containers:
# ^^^^^^^^^^ error pod-containers: containers is written under spec, where it does not belong: the containers of a Deployment go under spec.template.spec.containers (check the indentation).
  - {name: web, image: nginx}
---
apiVersion: batch/v1
kind: Job
metadata: {name: once}
spec:
  template:
    containers:
#   ^^^^^^^^^^ error pod-containers: containers is written under spec.template, where it does not belong: the containers of a Job go under spec.template.spec.containers (check the indentation).
    - {name: once, image: busybox}
`,
    },
    {
      name: 'empty containers list',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers: []
#                 ^^ error pod-containers: The pod template of Deployment \`web\` has no containers: add at least one under spec.template.spec.containers.
`,
    },
    {
      name: 'null containers',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
#         ^^^^^^^^^^ error pod-containers: The pod template of CronJob \`c\` has no containers: add at least one under spec.jobTemplate.spec.template.spec.containers.
`,
    },
    {
      name: 'no containers key (reported on the pod spec key)',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  template:
    spec:
#   ^^^^ error pod-containers: The pod template of StatefulSet \`db\` has no containers: add at least one under spec.template.spec.containers.
      initContainers: [{name: init, image: busybox}]
`,
    },
    {
      name: 'a Deployment without pod template',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  template:
# ^^^^^^^^ error pod-containers: Deployment \`web\` has no pod template: add spec.template with metadata.labels and spec.containers.
`,
    },
    {
      name: 'a Pod without spec',
      yaml: indented(`apiVersion: v1
kind: Pod
#       ^^^ error pod-containers: Pod \`p\` has no containers: add at least one under spec.containers.
metadata: {name: p}
`),
    },
    {
      name: 'ephemeral containers',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: c, image: i}]
  ephemeralContainers: [{name: debug, image: busybox}]
# ^^^^^^^^^^^^^^^^^^^ error pod-containers: ephemeralContainers cannot be set when a Pod is created: add them to the running Pod with kubectl debug.
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers: [{name: c, image: i}]
      ephemeralContainers: [{name: debug, image: busybox}]
#     ^^^^^^^^^^^^^^^^^^^ error pod-containers: ephemeralContainers are not allowed in a pod template: use containers or initContainers.
`,
    },
  ],
});
