import { objectConfigData } from '../../../server/src/engine/rules/object-config-data';
import { ruleTable } from '../../harness';

ruleTable(objectConfigData, {
  valid: [
    {
      name: 'file names as keys, binaryData',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  app.properties: |\n    a=b\n  LOG_LEVEL: info\n  .hidden: x\n  my_key-1.yaml: ""\nbinaryData:\n  logo.png: aGVsbG8=\n',
    },
    {
      name: 'typed Secrets with their keys, in data or stringData',
      yaml: `apiVersion: v1
kind: Secret
metadata: {name: tls}
type: kubernetes.io/tls
data: {tls.crt: aGVsbG8=}
stringData: {tls.key: x}
---
apiVersion: v1
kind: Secret
metadata: {name: pull}
type: kubernetes.io/dockerconfigjson
stringData:
  .dockerconfigjson: '{"auths": {}}'
---
apiVersion: v1
kind: Secret
metadata: {name: basic}
type: kubernetes.io/basic-auth
stringData: {password: p}
---
apiVersion: v1
kind: Secret
metadata:
  name: token
  annotations: {kubernetes.io/service-account.name: build-robot}
type: kubernetes.io/service-account-token
---
apiVersion: v1
kind: Secret
metadata: {name: custom}
type: example.com/whatever
stringData: {anything: x}
`,
    },
  ],
  invalid: [
    {
      name: 'keys that are not file names, a key in data and binaryData',
      yaml: `apiVersion: v1
kind: ConfigMap
metadata: {name: c}
data:
  config/app.yaml: x
# ^^^^^^^^^^^^^^^ error object-config-data: ConfigMap key \`config/app.yaml\` is invalid: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name', or 'KEY_NAME', or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+') (a key becomes a file name: mount it under a directory with items[].path instead).
  "log level": debug
# ^^^^^^^^^^^ error object-config-data: ConfigMap key \`log level\` is invalid: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name', or 'KEY_NAME', or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+').
  logo.png: x
binaryData:
  logo.png: aGVsbG8=
# ^^^^^^^^ error object-config-data: ConfigMap key \`logo.png\` is in both data and binaryData: each key may appear once.
`,
    },
    {
      name: 'typed Secrets without their keys',
      yaml: `apiVersion: v1
kind: Secret
metadata: {name: tls}
type: kubernetes.io/tls
#     ^^^^^^^^^^^^^^^^^ error object-config-data: A Secret of type kubernetes.io/tls needs \`tls.key\` in data or stringData (it has \`tls.crt\`, \`tls.cert\`).
stringData:
  tls.crt: x
  tls.cert: y
---
apiVersion: v1
kind: Secret
metadata: {name: token}
type: kubernetes.io/service-account-token
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error object-config-data: A Secret of type kubernetes.io/service-account-token needs the annotation kubernetes.io/service-account.name: the ServiceAccount whose token it holds.
`,
    },
  ],
});
