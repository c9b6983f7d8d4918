import { containerEnv } from '../../../server/src/engine/rules/container-env';
import { ruleTable } from '../../harness';

const env = (items: string, field = 'env') => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: i
      ${field}:
${items}
`;

ruleTable(containerEnv, {
  valid: [
    {
      name: 'values and each valueFrom source',
      yaml: env(`        - {name: PLAIN, value: x}
        - {name: my.var-1, value: ""}
        - {name: "with space", value: ok}
        - {name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
        - {name: CPU, valueFrom: {resourceFieldRef: {resource: limits.cpu}}}
        - {name: CM, value: "", valueFrom: {configMapKeyRef: {name: cfg, key: k}}}
        - {name: SECRET, valueFrom: {secretKeyRef: {name: s, key: k, optional: true}}}`),
    },
    { name: 'envFrom with one source each', yaml: env('        - configMapRef: {name: cfg}\n        - {secretRef: {name: s}, prefix: S_}', 'envFrom') },
  ],
  invalid: [
    {
      name: 'names',
      yaml: env(`        - value: x
#         ^^^^^ error container-env: An env variable of container \`app\` has no name.
        - {name: "A=B", value: x}
#                ^^^^^ error container-env: Env variable name \`A=B\` contains '=': a name may use any printable ASCII character except '='.`),
    },
    {
      name: 'valueFrom sources',
      yaml: env(`        - name: NONE
          valueFrom: {}
#         ^^^^^^^^^ error container-env: valueFrom of \`NONE\` names no source: use one of fieldRef, resourceFieldRef, configMapKeyRef or secretKeyRef.
        - name: BOTH
          value: x
          valueFrom: {fieldRef: {fieldPath: metadata.name}}
#         ^^^^^^^^^ error container-env: \`BOTH\` sets both value and valueFrom: keep one of them.
        - name: TWO
          valueFrom:
            configMapKeyRef: {name: cfg, key: k}
            secretKeyRef: {name: s, key: k}
#           ^^^^^^^^^^^^ error container-env: valueFrom of \`TWO\` has configMapKeyRef and secretKeyRef: use exactly one source.
        - name: NOKEY
          valueFrom:
            secretKeyRef: {name: s}
#                          ^^^^ error container-env: secretKeyRef has no key: name the key of the Secret to read.`),
    },
    {
      name: 'envFrom sources',
      yaml: env(`        - prefix: X_
#         ^^^^^^ error container-env: An envFrom entry of container \`app\` names no source: use configMapRef or secretRef.
        - configMapRef: {name: cfg}
          secretRef: {name: s}
#         ^^^^^^^^^ error container-env: An envFrom entry has both configMapRef and secretRef: use one entry for each.
        - configMapRef: {optional: true}
#                        ^^^^^^^^ error container-env: configMapRef has no name: name the ConfigMap to read.`, 'envFrom'),
    },
  ],
});
