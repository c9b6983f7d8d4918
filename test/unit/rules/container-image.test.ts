import { containerImage } from '../../../server/src/engine/rules/container-image';
import { ruleTable } from '../../harness';

ruleTable(containerImage, {
  valid: [
    {
      name: 'images everywhere',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers: [{name: i, image: "busybox:1.36"}]\n  containers: [{name: c, image: registry.example.com/app@sha256:abc}]\n',
    },
    {
      name: 'a kustomize patch without image',
      yaml: {
        'kustomization.yaml': 'patchesStrategicMerge:\n  - patch.yaml\n',
        'patch.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: [{name: web, resources: {limits: {cpu: "1"}}}]\n',
      },
    },
    {
      name: 'a file named as a patch, whose kustomization is not among the checked files',
      yaml: {
        'overlays/prod/image-patch.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: [{name: web, env: [{name: A, value: b}]}]\n',
      },
    },
  ],
  invalid: [
    {
      name: 'missing and empty image',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: web
#         ^^^^ error container-image: Container \`web\` has no image: set image (e.g. nginx:1.27).
          ports: [{containerPort: 80}]
        - {name: side, image: ""}
#          ^^^^ error container-image: Container \`side\` has no image: set image (e.g. nginx:1.27).
`,
    },
    {
      name: 'whitespace around the image',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: c
      image: "nginx:1.27 "
#            ^^^^^^^^^^^^^ error container-image: The image of container \`c\` has leading or trailing whitespace: remove it.
`,
    },
  ],
});
