import { serviceName } from '../../../server/src/engine/rules/service-name';
import { ruleTable } from '../../harness';

const svc = (meta: string) => `apiVersion: v1\nkind: Service\nmetadata:\n${meta}\nspec: {ports: [{port: 80}]}\n`;

ruleTable(serviceName, {
  valid: [
    {
      name: 'DNS-1035 labels',
      yaml: [svc('  name: web'), svc('  name: a'), svc('  name: web-2-api'), svc(`  name: ${'a'.repeat(63)}`)].join(
        '---\n',
      ),
    },
    { name: 'generateName with a trailing dash', yaml: svc('  generateName: web-') },
    { name: "a name that is not a string is the schema walk's", yaml: svc('  name: 123') },
    {
      name: 'name from an anchor, flow style',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: &n web, labels: {app: *n}}\nspec: {ports: [{port: 80}]}\n',
    },
    {
      name: 'a kustomize patch needs no name',
      yaml: {
        'kustomization.yaml': 'resources: [svc.yaml]\npatchesStrategicMerge:\n- patch.yaml\n',
        'patch.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {}\nspec: {type: NodePort}\n',
      },
    },
    { name: 'a valid namespace', yaml: svc('  name: web\n  namespace: shop-2') },
    {
      name: 'other kinds may use subdomain names',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web.config}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: 1web}\n',
    },
  ],
  invalid: [
    {
      name: 'starts with a digit',
      yaml: `apiVersion: v1
kind: Service
metadata:
  name: 1web
#       ^^^^ error service-name: Service name \`1web\` is invalid: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?').
spec: {ports: [{port: 80}]}
`,
    },
    {
      name: 'uppercase, dots, underscores, dashes at the end, too long',
      yaml: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata: {name: Web}
#                  ^^^ error service-name: Service name \`Web\` is invalid: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?').
- apiVersion: v1
  kind: Service
  metadata: {name: web.shop}
#                  ^^^^^^^^ error service-name: Service name \`web.shop\` is invalid: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?').
- apiVersion: v1
  kind: Service
  metadata: {name: "my_web"}
#                  ^^^^^^^^ error service-name: Service name \`my_web\` is invalid: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?').
- apiVersion: v1
  kind: Service
  metadata: {name: web-}
#                  ^^^^ error service-name: Service name \`web-\` is invalid: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?').
- apiVersion: v1
  kind: Service
  metadata: {name: ${'a'.repeat(64)}}
#                  ${'^'.repeat(64)} error service-name: Service name \`${'a'.repeat(64)}\` is invalid: must be no more than 63 characters.
`,
    },
    {
      name: 'no name',
      yaml: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata:
# ^^^^^^^^ error service-name: Service has no metadata.name: set a name (or generateName).
    labels: {app: web}
  spec: {ports: [{port: 80}]}
- apiVersion: v1
  kind: Service
  metadata:
    name: ""
#   ^^^^ error service-name: Service has no metadata.name: set a name (or generateName).
  spec: {ports: [{port: 80}]}
`,
    },
    {
      name: 'a namespace that is not a DNS label',
      yaml: `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: Shop.Prod
#            ^^^^^^^^^ error service-name: Namespace \`Shop.Prod\` is invalid: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?').
spec: {ports: [{port: 80}]}
`,
    },
    {
      name: 'generateName that starts with a digit',
      yaml: `apiVersion: v1
kind: Service
metadata:
  generateName: 9web-
#               ^^^^^ error service-name: Service generateName \`9web-\` is invalid: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?').
spec: {ports: [{port: 80}]}
`,
    },
  ],
});
