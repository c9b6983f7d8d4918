import { containerName } from '../../../server/src/engine/rules/container-name';
import { ruleTable } from '../../harness';

const pod = (containers: string) => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
${containers}
`;

ruleTable(containerName, {
  valid: [
    {
      name: 'DNS-label names, unique across lists',
      yaml: pod(
        '  initContainers: [{name: init-1, image: i}]\n  containers:\n    - {name: app, image: i}\n    - {name: 0sidecar, image: i}',
      ),
    },
    { name: 'a name of 63 characters', yaml: pod(`  containers: [{name: ${'a'.repeat(63)}, image: i}]`) },
    { name: 'a number as name is left to the schema check', yaml: pod('  containers: [{name: 123, image: i}]') },
    {
      name: 'a kustomize patch may leave names to the base',
      yaml: { 'kustomization.yaml': 'patches:\n  - path: p.yaml\n', 'p.yaml': pod('  containers: [{image: i}]') },
    },
  ],
  invalid: [
    {
      name: 'invalid names',
      yaml: pod(`  containers:
    - name: Web
#           ^^^ error container-name: Container name \`Web\` is invalid: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?').
      image: i
    - {name: my_app, image: i}
#            ^^^^^^ error container-name: Container name \`my_app\` is invalid: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?').
    - {name: app.v1, image: i}
#            ^^^^^^ error container-name: Container name \`app.v1\` is invalid: must not contain dots.
    - {name: -app, image: i}
#            ^^^^ error container-name: Container name \`-app\` is invalid: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?').
    - {name: ${'a'.repeat(64)}, image: i}
#            ${'^'.repeat(64)} error container-name: Container name \`${'a'.repeat(64)}\` is invalid: must be no more than 63 characters.`),
    },
    {
      name: 'missing name (reported on the first key of the entry)',
      yaml: pod(`  containers:
    - image: nginx
#     ^^^^^ error container-name: Container #1 has no name: every container needs a name (lowercase letters, digits and '-').
    - name: ""
#     ^^^^ error container-name: Container #2 has no name: every container needs a name (lowercase letters, digits and '-').
      image: nginx`),
    },
    {
      name: 'duplicate names across containers and initContainers',
      yaml: pod(`  initContainers:
    - {name: setup, image: i}
  containers:
    - {name: app, image: i}
    - {name: setup, image: i}
#            ^^^^^ error container-name: Container name \`setup\` is already used by an init container of this pod: names must be unique across containers and initContainers.
    - {name: app, image: i}
#            ^^^ error container-name: Container name \`app\` is already used by a container of this pod: names must be unique across containers and initContainers.`),
    },
  ],
});
