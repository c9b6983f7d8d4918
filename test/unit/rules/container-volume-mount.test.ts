import { containerVolumeMount } from '../../../server/src/engine/rules/container-volume-mount';
import { ruleTable } from '../../harness';

ruleTable(containerVolumeMount, {
  valid: [
    {
      name: 'relative subPaths, subPathExpr, Bidirectional on a privileged container',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  volumes: [{name: v, emptyDir: {}}]
  containers:
    - name: c
      image: i
      securityContext: {privileged: true}
      volumeMounts:
        - {name: v, mountPath: /a, subPath: conf/app.yaml}
        - {name: v, mountPath: /b, subPathExpr: $(POD_NAME)}
        - {name: v, mountPath: /c, subPath: ./x..y}
        - {name: v, mountPath: /d, mountPropagation: Bidirectional}
`,
    },
    {
      name: 'mounts of pod volumes and of StatefulSet claim templates',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  template:
    spec:
      volumes: [{name: config, configMap: {name: db}}]
      containers:
        - name: db
          image: postgres
          volumeMounts:
            - {name: config, mountPath: /etc/db}
            - {name: data, mountPath: /var/lib/postgresql}
            - {name: config, mountPath: /etc/other, subPath: x}
  volumeClaimTemplates:
    - metadata: {name: data}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`,
    },
    {
      name: 'the same mountPath in two containers',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  volumes: [{name: v, emptyDir: {}}]\n  containers:\n    - {name: a, image: i, volumeMounts: [{name: v, mountPath: /v}]}\n    - {name: b, image: i, volumeMounts: [{name: v, mountPath: /v}]}\n',
    },
    {
      name: 'a kustomize patch may mount a volume of the base',
      yaml: {
        'kustomization.yaml': 'patches:\n  - path: patch.yaml\n',
        'patch.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: [{name: web, volumeMounts: [{name: cache, mountPath: /cache}]}]\n',
      },
    },
  ],
  invalid: [
    {
      name: 'subPaths leaving the volume, both subPath kinds, Bidirectional without privilege',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  volumes: [{name: v, emptyDir: {}}]
  containers:
    - name: c
      image: i
      volumeMounts:
        - {name: v, mountPath: /a, subPath: /etc/app}
#                                           ^^^^^^^^ error container-volume-mount: subPath \`/etc/app\` must be a relative path (it is joined to the volume): it names a file or directory inside the volume.
        - {name: v, mountPath: /b, subPath: data/../../etc}
#                                           ^^^^^^^^^^^^^^ error container-volume-mount: subPath \`data/../../etc\` must not contain '..': it names a file or directory inside the volume.
        - {name: v, mountPath: /c, subPath: x, subPathExpr: $(POD_NAME)}
#                                              ^^^^^^^^^^^ error container-volume-mount: A volumeMount sets both subPath and subPathExpr: keep one of them.
        - {name: v, mountPath: /d, mountPropagation: Bidirectional}
#                                                    ^^^^^^^^^^^^^ error container-volume-mount: mountPropagation Bidirectional is only available to privileged containers: set securityContext.privileged: true on container \`c\`, or use HostToContainer.
`,
    },
    {
      name: 'a mount of an absent volume',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      volumes: [{name: config, configMap: {name: web}}]
      containers:
        - name: web
          image: nginx
          volumeMounts:
            - name: conf
#                   ^^^^ error container-volume-mount: volumeMount \`conf\` refers to no volume of this pod (it has \`config\`): add it under volumes, or fix the name.
              mountPath: /etc/nginx
`,
    },
    {
      name: 'missing fields and a repeated mountPath',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  volumes: [{name: a, emptyDir: {}}, {name: b, emptyDir: {}}]
  containers:
    - name: c
      image: i
      volumeMounts:
        - {name: a}
#          ^^^^ error container-volume-mount: volumeMount \`a\` has no mountPath: set the path inside the container.
        - mountPath: /x
#         ^^^^^^^^^ error container-volume-mount: A volumeMount of container \`c\` has no name: name the volume to mount.
        - {name: a, mountPath: /data}
        - {name: b, mountPath: /data}
#                              ^^^^^ error container-volume-mount: mountPath \`/data\` is used twice in container \`c\`: each mount needs its own path.
`,
    },
  ],
});
