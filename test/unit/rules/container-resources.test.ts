import {
  compareQuantities,
  containerResources,
  parseQuantity,
} from '../../../server/src/engine/rules/container-resources';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ruleTable } from '../../harness';

const container = (resources: string) => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: i
      resources:
${resources}
`;

it('compares quantities exactly across suffixes', () => {
  const cmp = (a: string, b: string) => compareQuantities(parseQuantity(a)!, parseQuantity(b)!);
  assert.equal(cmp('1', '1000m'), 0);
  assert.equal(cmp('0.1', '100m'), 0);
  assert.equal(cmp('1Gi', '1073741824'), 0);
  assert.equal(cmp('1G', '1Gi'), -1);
  assert.equal(cmp('1.5Gi', '1536Mi'), 0);
  assert.equal(cmp('2e3', '2k'), 0);
  assert.equal(cmp('129M', '128Mi'), -1);
  assert.equal(parseQuantity('1GB'), undefined);
});

ruleTable(containerResources, {
  valid: [
    {
      name: 'requests below or equal to limits, in any unit',
      yaml: container(
        '        requests: {cpu: 100m, memory: 128Mi, ephemeral-storage: 1G}\n        limits: {cpu: "0.5", memory: 134217728, ephemeral-storage: 1Gi}',
      ),
    },
    { name: 'numbers as quantities', yaml: container('        requests: {cpu: 0.5}\n        limits: {cpu: 1}') },
    {
      name: 'limits only, and requests only',
      yaml:
        container('        limits: {memory: 1Gi, nvidia.com/gpu: 1}') +
        '---\n' +
        container('        requests: {cpu: "2"}'),
    },
    {
      name: 'extended resources and hugepages with requests equal to limits',
      yaml: container(
        '        requests: {nvidia.com/gpu: 2, hugepages-2Mi: 100Mi, memory: 100Mi}\n        limits: {nvidia.com/gpu: "2", hugepages-2Mi: 100Mi, memory: 100Mi}',
      ),
    },
    {
      name: 'malformed quantities are left to the schema check',
      yaml: container('        requests: {memory: 2GB}\n        limits: {memory: 1Gi}'),
    },
  ],
  invalid: [
    {
      name: 'a request above its limit',
      yaml: container(`        requests:
          cpu: "2"
#              ^^^ error container-resources: requests.cpu (2) is more than limits.cpu (1500m) in container \`app\`: a request may not exceed its limit.
          memory: 1Gi
#                 ^^^ error container-resources: requests.memory (1Gi) is more than limits.memory (1000Mi) in container \`app\`: a request may not exceed its limit.
        limits:
          cpu: 1500m
          memory: 1000Mi`),
    },
    {
      name: 'unknown resource names',
      yaml: container(`        limits:
          CPU: 1
#         ^^^ error container-resources: Resource name \`CPU\` must be written \`cpu\`.
          gpu: 1
#         ^^^ error container-resources: Resource name \`gpu\` is not a container resource (use cpu, memory, ephemeral-storage, hugepages-<size>, or a domain-qualified extended resource such as nvidia.com/gpu).
          storage: 1Gi
#         ^^^^^^^ error container-resources: Resource name \`storage\` is not a container resource (use cpu, memory, ephemeral-storage, hugepages-<size>, or a domain-qualified extended resource such as nvidia.com/gpu).`),
    },
    {
      name: 'extended resources that are overcommitted or split, and negative values',
      yaml: container(`        requests:
          nvidia.com/gpu: 1
#                         ^ error container-resources: requests.nvidia.com/gpu (1) must equal limits.nvidia.com/gpu (2) in container \`app\`: nvidia.com/gpu cannot be overcommitted.
          example.com/foo: 1
#                          ^ error container-resources: requests.example.com/foo needs a limit too: example.com/foo cannot be overcommitted, so set limits.example.com/foo: 1.
          cpu: -100m
#              ^^^^^ error container-resources: requests.cpu is negative (-100m): resource quantities must be 0 or more.
        limits:
          nvidia.com/gpu: 2
          example.com/bar: 500m
#                          ^^^^ error container-resources: limits.example.com/bar must be a whole number (it is 500m): extended resources cannot be split.`),
    },
  ],
});
