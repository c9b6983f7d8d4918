import { serviceName } from '../../../server/src/engine/rules/service-name';
import { ruleTable } from '../../harness';

const svc = (meta: string) => `apiVersion: v1\nkind: Service\nmetadata:\n${meta}\nspec: {ports: [{port: 80}]}\n`;

ruleTable(serviceName, {
  valid: [
    { name: 'DNS-1035 labels', yaml: [svc('  name: web'), svc('  name: a'), svc('  name: web-2-api'), svc(`  name: ${'a'.repeat(63)}`)].join('---\n') },
    { name: 'generateName with a trailing dash', yaml: svc('  generateName: web-') },
    { name: 'a name that is not a string is the schema walk\'s', yaml: svc('  name: 123') },
    { name: 'name from an anchor, flow style', yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: &n web, labels: {app: *n}}\nspec: {ports: [{port: 80}]}\n' },
    { name: 'a kustomize patch needs no name', yaml: { 'kustomization.yaml': 'resources: [svc.yaml]\npatchesStrategicMerge:\n- patch.yaml\n', 'patch.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {}\nspec: {type: NodePort}\n' } },
    { name: 'a valid namespace', yaml: svc('  name: web\n  namespace: shop-2') },
    { name: 'other kinds may use subdomain names', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web.config}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: 1web}\n' },
  ],
  invalid: [
    {
      name: 'starts with a digit',
      yaml: `apiVersion: v1
kind: Service
metadata:
  name: 1web
#       ^^^^ error service-name: Service name \`1web\` starts with a digit (it must start with a letter): a Service name must be a DNS-1035 label (lowercase letters, digits and '-', starting with a letter, at most 63 characters).
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
#                  ^^^ error service-name: Service name \`Web\` has uppercase letters (use lowercase): a Service name must be a DNS-1035 label (lowercase letters, digits and '-', starting with a letter, at most 63 characters).
- apiVersion: v1
  kind: Service
  metadata: {name: web.shop}
#                  ^^^^^^^^ error service-name: Service name \`web.shop\` contains \`.\` (only lowercase letters, digits and '-' are allowed): a Service name must be a DNS-1035 label (lowercase letters, digits and '-', starting with a letter, at most 63 characters).
- apiVersion: v1
  kind: Service
  metadata: {name: "my_web"}
#                  ^^^^^^^^ error service-name: Service name \`my_web\` contains \`_\` (only lowercase letters, digits and '-' are allowed): a Service name must be a DNS-1035 label (lowercase letters, digits and '-', starting with a letter, at most 63 characters).
- apiVersion: v1
  kind: Service
  metadata: {name: web-}
#                  ^^^^ error service-name: Service name \`web-\` ends with '-': a Service name must be a DNS-1035 label (lowercase letters, digits and '-', starting with a letter, at most 63 characters).
- apiVersion: v1
  kind: Service
  metadata: {name: ${'a'.repeat(64)}}
#                  ${'^'.repeat(64)} error service-name: Service name \`${'a'.repeat(64)}\` is 64 characters long (at most 63): a Service name must be a DNS-1035 label (lowercase letters, digits and '-', starting with a letter, at most 63 characters).
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
#            ^^^^^^^^^ error service-name: Namespace \`Shop.Prod\` contains \`.\` (only lowercase letters, digits and '-' are allowed): a namespace name must be a DNS label (lowercase letters, digits and '-', at most 63 characters).
spec: {ports: [{port: 80}]}
`,
    },
    {
      name: 'generateName that starts with a digit',
      yaml: `apiVersion: v1
kind: Service
metadata:
  generateName: 9web-
#               ^^^^^ error service-name: Service generateName \`9web-\` starts with a digit (it must start with a letter): generated Service names must be DNS-1035 labels (lowercase letters, digits and '-', starting with a letter).
spec: {ports: [{port: 80}]}
`,
    },
  ],
});
