import { objectName } from '../../../server/src/engine/rules/object-name';
import { ruleTable } from '../../harness';

/** Indents a manifest by two spaces (a root map may be indented), so that annotations can point at column 0 keys. */
const indented = (text: string) =>
  text
    .split('\n')
    .map((l) => (l.startsWith('#') || l === '' ? l : `  ${l}`))
    .join('\n');
const obj = (apiVersion: string, kind: string, metadata: string) =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: ${metadata}\n`;

ruleTable(objectName, {
  valid: [
    {
      name: 'DNS subdomains for most kinds',
      yaml: [
        obj('apps/v1', 'Deployment', '{name: web.v2}'),
        obj('v1', 'ConfigMap', '{name: app-config.1}'),
        obj('v1', 'Secret', `{name: ${'a'.repeat(253)}}`),
      ].join('---\n'),
    },
    { name: 'generateName with a trailing dash', yaml: obj('batch/v1', 'Job', '{generateName: migrate-}') },
    {
      name: 'RBAC names may contain colons and capitals',
      yaml: obj('rbac.authorization.k8s.io/v1', 'ClusterRole', '{name: "system:Controller:x"}'),
    },
    {
      name: 'a custom resource with a subdomain name, or without metadata (a tool may own the kind)',
      yaml:
        obj('example.com/v1', 'Widget', '{name: widget.v2}') +
        '---\n' +
        obj('example.com/v1', 'Widget', '{labels: {a: b}}') +
        '---\napiVersion: example.com/v1\nkind: Widget\nspec: {}\n',
    },
    {
      name: 'RBAC path segment names and capitals, in every RBAC kind',
      yaml: [
        obj('rbac.authorization.k8s.io/v1', 'ClusterRole', '{name: "system:controller:foo"}'),
        obj('rbac.authorization.k8s.io/v1', 'RoleBinding', '{name: "Team:Readers@x"}'),
      ].join('---\n'),
    },
    {
      name: 'generateName without a name, for custom resources too',
      yaml:
        obj('example.com/v1', 'Widget', '{generateName: run-}') + '---\n' + obj('v1', 'Pod', '{generateName: debug-}'),
    },
    {
      name: 'tool configuration files are not sent to the API server',
      yaml: [
        'apiVersion: skaffold/v4beta6\nkind: Config\nmetadata: {name: My App}\n',
        'apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nname: Dev_1\n',
        'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nmetadata: {name: X_Y}\n',
        'apiVersion: builtin\nkind: PrefixSuffixTransformer\nmetadata: {name: Not_Valid}\nprefix: a-\n',
      ].join('---\n'),
    },
    {
      name: 'a kustomize patch without a name',
      yaml: {
        'kustomization.yaml': 'resources: [base.yaml]\npatches: [{path: patches/sub/cm.yaml}]\n',
        'patches/sub/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {labels: {a: b}}\n',
      },
    },
    {
      name: 'an IPAddress named by its canonical address',
      yaml: obj('networking.k8s.io/v1', 'IPAddress', '{name: "2001:db8::1"}'),
    },
    {
      name: 'client-side configuration without metadata',
      yaml: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n---\napiVersion: v1\nkind: Config\nclusters: []\n',
    },
    { name: 'Services are left to the Service rules', yaml: obj('v1', 'Service', '{name: web.v2}') },
    { name: 'a number as name is left to the schema check', yaml: obj('v1', 'ConfigMap', '{name: 123}') },
    { name: 'a CronJob name of 52 characters', yaml: obj('batch/v1', 'CronJob', `{name: ${'c'.repeat(52)}}`) },
    {
      name: 'a long Job name with manualSelector',
      yaml: obj('batch/v1', 'Job', `{name: ${'j'.repeat(70)}}`) + 'spec: {manualSelector: true}\n',
    },
    {
      name: 'a CRD named plural.group',
      yaml:
        obj('apiextensions.k8s.io/v1', 'CustomResourceDefinition', '{name: widgets.example.com}') +
        'spec: {group: example.com, names: {plural: widgets, kind: Widget}}\n',
    },
    {
      name: 'a cluster-scoped kind ignores metadata.namespace',
      yaml: obj('v1', 'Namespace', '{name: shop, namespace: Whatever_}'),
    },
  ],
  invalid: [
    {
      name: 'subdomain names',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: My_App
#       ^^^^^^ error object-name: Deployment name \`My_App\` is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*').
---
apiVersion: v1
kind: ConfigMap
metadata: {name: app..config}
#                ^^^^^^^^^^^ error object-name: ConfigMap name \`app..config\` is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*').
`,
    },
    {
      name: 'DNS-label kinds: Namespace and StatefulSet',
      yaml: `apiVersion: v1
kind: Namespace
metadata: {name: team.shop}
#                ^^^^^^^^^ error object-name: Namespace name \`team.shop\` is invalid: must not contain dots.
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db.primary}
#                ^^^^^^^^^^ error object-name: StatefulSet name \`db.primary\` is invalid: must not contain dots.
`,
    },
    {
      name: 'missing name',
      yaml: indented(`apiVersion: v1
kind: ConfigMap
metadata:
# ^^^^^^^^ error object-name: ConfigMap has no metadata.name: set a name (or generateName).
  labels: {app: x}
`),
    },
    {
      name: 'no metadata at all',
      yaml: indented(`apiVersion: v1
kind: Secret
#       ^^^^^^ error object-name: Secret has no metadata.name: set a name (or generateName).
data: {}
`),
    },
    {
      name: 'an invalid generateName and an RBAC name with a slash',
      yaml: `apiVersion: v1
kind: Pod
metadata: {generateName: Debug-}
#                        ^^^^^^ error object-name: generateName \`Debug-\` is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*').
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: team/reader}
#                ^^^^^^^^^^^ error object-name: Role name \`team/reader\` is invalid: may not contain '/'.
`,
    },
    {
      name: 'names too long for generated names',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: ${'c'.repeat(53)}}
#                ${'^'.repeat(53)} error object-name: CronJob name \`${'c'.repeat(53)}\` is longer than 52 characters: its Jobs are named <name>-<11 characters>, which must fit in 63.
---
apiVersion: batch/v1
kind: Job
metadata: {name: ${'j'.repeat(64)}}
#                ${'^'.repeat(64)} error object-name: Job name \`${'j'.repeat(64)}\` is longer than 63 characters: the API server puts it in the job-name label of the Job's pods, and a label value has at most 63.
---
apiVersion: batch/v1
kind: Job
metadata: {name: ${'i'.repeat(60)}}
#                ${'^'.repeat(60)} error object-name: Indexed Job name \`${'i'.repeat(60)}\` is too long or not a DNS label: its last pod's hostname \`${'i'.repeat(60)}-100\` is invalid: must be no more than 63 characters.
spec: {completionMode: Indexed, completions: 101}
`,
    },
    {
      name: 'a CRD not named plural.group',
      yaml: `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widget.example.com}
#                ^^^^^^^^^^^^^^^^^^ error object-name: A CustomResourceDefinition must be named <spec.names.plural>.<spec.group>: \`widgets.example.com\`, not \`widget.example.com\`.
spec: {group: example.com, names: {plural: widgets, kind: Widget}}
`,
    },
    {
      name: 'custom resources are DNS subdomains, List items included, and a placeholder is an error',
      yaml: `apiVersion: example.com/v1
kind: Widget
metadata: {name: Not_A_DNS_Name}
#                ^^^^^^^^^^^^^^ error object-name: Widget name \`Not_A_DNS_Name\` is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*').
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: app-\${CLUSTER}
#       ^^^^^^^^^^^^^^ error object-name: ServiceMonitor name \`app-\${CLUSTER}\` is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*') (\`\${CLUSTER}\` is a placeholder that was never substituted).
---
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: Config.A}
#                  ^^^^^^^^ error object-name: ConfigMap name \`Config.A\` is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*').
---
apiVersion: networking.k8s.io/v1
kind: IPAddress
metadata: {name: "2001:DB8::1"}
#                ^^^^^^^^^^^^^ error object-name: IPAddress name \`2001:DB8::1\` is invalid: must be in canonical form ("2001:db8::1").
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ".."}
#                ^^^^ error object-name: ClusterRoleBinding name \`..\` is invalid: may not be '..'.
`,
    },
    {
      name: 'an invalid namespace',
      yaml: `apiVersion: v1
kind: ConfigMap
metadata: {name: c, namespace: Team_A}
#                              ^^^^^^ error object-name: Namespace \`Team_A\` is invalid: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?').
`,
    },
  ],
});
