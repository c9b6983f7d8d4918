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
      name: 'downward API fields, label subscripts, resource fields, key names with dots',
      yaml: env(`        - {name: NODE, valueFrom: {fieldRef: {fieldPath: spec.nodeName, apiVersion: v1}}}
        - {name: IPS, valueFrom: {fieldRef: {fieldPath: status.podIPs}}}
        - {name: APP, valueFrom: {fieldRef: {fieldPath: "metadata.labels['app.kubernetes.io/name']"}}}
        - {name: NOTE, valueFrom: {fieldRef: {fieldPath: "metadata.annotations['Example.com/Note']"}}}
        - {name: MEM, valueFrom: {resourceFieldRef: {resource: requests.memory, divisor: 1Mi}}}
        - {name: HUGE, valueFrom: {resourceFieldRef: {resource: limits.hugepages-2Mi}}}
        - {name: CFG, valueFrom: {configMapKeyRef: {name: app.config, key: application.properties}}}
        - {name: TOKEN, valueFrom: {secretKeyRef: {name: api-token, key: .dockerconfigjson}}}`),
    },
    { name: 'envFrom names as prefixes', yaml: env('        - {configMapRef: {name: app-}, prefix: APP_}', 'envFrom') },
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
    {
      name: 'envFrom with one source each',
      yaml: env('        - configMapRef: {name: cfg}\n        - {secretRef: {name: s}, prefix: S_}', 'envFrom'),
    },
  ],
  invalid: [
    {
      name: 'fields the downward API does not offer, invalid names and keys',
      yaml: env(`        - {name: IP, valueFrom: {fieldRef: {fieldPath: status.podIp}}}
#                                                      ^^^^^^^^^^^^ error container-env: fieldPath \`status.podIp\` must be written \`status.podIP\` (the API server is case-sensitive).
        - {name: ALL, valueFrom: {fieldRef: {fieldPath: metadata.labels}}}
#                                                       ^^^^^^^^^^^^^^^ error container-env: fieldPath \`metadata.labels\` cannot be read by an env variable: use one of metadata.name, metadata.namespace, metadata.uid, spec.nodeName, spec.serviceAccountName, status.hostIP, status.hostIPs, status.podIP, status.podIPs, or metadata.labels['<key>'] / metadata.annotations['<key>'].
        - {name: MEM, valueFrom: {resourceFieldRef: {resource: memory}}}
#                                                              ^^^^^^ error container-env: resourceFieldRef resource \`memory\` is not supported: use one of limits.cpu, limits.memory, limits.ephemeral-storage, requests.cpu, requests.memory, requests.ephemeral-storage (or limits.hugepages-<size>).
        - {name: CFG, valueFrom: {configMapKeyRef: {name: App_Config, key: "config/app.yaml"}}}
#                                                         ^^^^^^^^^^ error container-env: ConfigMap name \`App_Config\` is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*').
#                                                                          ^^^^^^^^^^^^^^^^^ error container-env: Key \`config/app.yaml\` is invalid: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name', or 'KEY_NAME', or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+').`),
    },
    {
      name: 'envFrom names and prefixes',
      yaml: env(
        `        - secretRef: {name: db_credentials}
#                           ^^^^^^^^^^^^^^ error container-env: Secret name \`db_credentials\` is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*').
        - {configMapRef: {name: cfg}, prefix: "CFG="}
#                                             ^^^^^^ error container-env: envFrom prefix \`CFG=\` is invalid: a valid environment variable name must consist only of printable ASCII characters other than '='.`,
        'envFrom',
      ),
    },
    {
      name: 'names',
      yaml: env(`        - value: x
#         ^^^^^ error container-env: An env variable of container \`app\` has no name.
        - {name: "A=B", value: x}
#                ^^^^^ error container-env: Env variable name \`A=B\` is invalid: a valid environment variable name must consist only of printable ASCII characters other than '='.`),
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
      yaml: env(
        `        - prefix: X_
#         ^^^^^^ error container-env: An envFrom entry of container \`app\` names no source: use configMapRef or secretRef.
        - configMapRef: {name: cfg}
          secretRef: {name: s}
#         ^^^^^^^^^ error container-env: An envFrom entry has both configMapRef and secretRef: use one entry for each.
        - configMapRef: {optional: true}
#                        ^^^^^^^^ error container-env: configMapRef has no name: name the ConfigMap to read.`,
        'envFrom',
      ),
    },
  ],
});
