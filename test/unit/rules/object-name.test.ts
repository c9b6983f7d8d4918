import { objectName } from '../../../server/src/engine/rules/object-name';
import { ruleTable } from '../../harness';

/** Indents a manifest by two spaces (a root map may be indented), so that annotations can point at column 0 keys. */
const indented = (text: string) => text.split('\n').map((l) => (l.startsWith('#') || l === '' ? l : `  ${l}`)).join('\n');
const obj = (apiVersion: string, kind: string, metadata: string) => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: ${metadata}\n`;

ruleTable(objectName, {
  valid: [
    { name: 'DNS subdomains for most kinds', yaml: [obj('apps/v1', 'Deployment', '{name: web.v2}'), obj('v1', 'ConfigMap', '{name: app-config.1}'), obj('v1', 'Secret', `{name: ${'a'.repeat(253)}}`)].join('---\n') },
    { name: 'generateName with a trailing dash', yaml: obj('batch/v1', 'Job', '{generateName: migrate-}') },
    { name: 'RBAC names may contain colons and capitals', yaml: obj('rbac.authorization.k8s.io/v1', 'ClusterRole', '{name: "system:Controller:x"}') },
    { name: 'custom resources are not judged', yaml: obj('example.com/v1', 'Widget', '{name: Not_A_DNS_Name}') + '---\n' + obj('example.com/v1', 'Widget', '{labels: {a: b}}') },
    { name: 'client-side configuration without metadata', yaml: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n---\napiVersion: v1\nkind: Config\nclusters: []\n' },
    { name: 'Services are left to the Service rules', yaml: obj('v1', 'Service', '{name: web.v2}') },
    { name: 'a number as name is left to the schema check', yaml: obj('v1', 'ConfigMap', '{name: 123}') },
    { name: 'a CronJob name of 52 characters', yaml: obj('batch/v1', 'CronJob', `{name: ${'c'.repeat(52)}}`) },
    { name: 'a long Job name with manualSelector', yaml: obj('batch/v1', 'Job', `{name: ${'j'.repeat(70)}}`) + 'spec: {manualSelector: true}\n' },
    { name: 'a CRD named plural.group', yaml: obj('apiextensions.k8s.io/v1', 'CustomResourceDefinition', '{name: widgets.example.com}') + 'spec: {group: example.com, names: {plural: widgets, kind: Widget}}\n' },
    { name: 'a cluster-scoped kind ignores metadata.namespace', yaml: obj('v1', 'Namespace', '{name: shop, namespace: Whatever_}') },
  ],
  invalid: [
    {
      name: 'subdomain names',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: My_App
#       ^^^^^^ error object-name: Deployment name \`My_App\` contains uppercase \`M\` (only lowercase letters, digits, '-' and '.' are allowed): a Deployment name must be a DNS subdomain (lowercase letters, digits, '-' and '.', at most 253 characters).
---
apiVersion: v1
kind: ConfigMap
metadata: {name: app..config}
#                ^^^^^^^^^^^ error object-name: ConfigMap name \`app..config\` has an empty part or a part starting or ending with '-' (each dot-separated part must start and end with a letter or digit): a ConfigMap name must be a DNS subdomain (lowercase letters, digits, '-' and '.', at most 253 characters).
`,
    },
    {
      name: 'DNS-label kinds: Namespace and StatefulSet',
      yaml: `apiVersion: v1
kind: Namespace
metadata: {name: team.shop}
#                ^^^^^^^^^ error object-name: Namespace name \`team.shop\` must not contain dots: a Namespace name must be a DNS label (lowercase letters, digits and '-', at most 63 characters).
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db.primary}
#                ^^^^^^^^^^ error object-name: StatefulSet name \`db.primary\` must not contain dots: a StatefulSet name must be a DNS label (lowercase letters, digits and '-', at most 63 characters).
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
#                        ^^^^^^ error object-name: generateName \`Debug-\` contains uppercase \`D\` (only lowercase letters, digits, '-' and '.' are allowed): a Pod name must be a DNS subdomain (lowercase letters, digits, '-' and '.', at most 253 characters).
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: team/reader}
#                ^^^^^^^^^^^ error object-name: Role name \`team/reader\` may not contain '/': a Role name must be usable in a URL path (not '.' or '..', without '/' or '%').
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
#                ${'^'.repeat(60)} error object-name: Indexed Job name \`${'i'.repeat(60)}\` is too long or not a DNS label: its last pod's hostname \`${'i'.repeat(60)}-100\` must be a DNS label (at most 63 characters, no dots).
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
      name: 'an invalid namespace',
      yaml: `apiVersion: v1
kind: ConfigMap
metadata: {name: c, namespace: Team_A}
#                              ^^^^^^ error object-name: Namespace \`Team_A\` contains uppercase \`T\` (only lowercase letters, digits and '-' are allowed): a namespace name must be a DNS label (lowercase letters, digits and '-', at most 63 characters).
`,
    },
  ],
});
