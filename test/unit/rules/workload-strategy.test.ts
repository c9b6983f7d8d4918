import { workloadStrategy } from '../../../server/src/engine/rules/workload-strategy';
import { ruleTable } from '../../harness';

const deployment = (spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
${spec}
`;

const daemonSet = (rolling: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
${rolling}
`;

ruleTable(workloadStrategy, {
  valid: [
    { name: 'no strategy', yaml: deployment('  replicas: 2') },
    { name: 'Recreate', yaml: deployment('  strategy: {type: Recreate}') },
    {
      name: 'Recreate with a null rollingUpdate',
      yaml: deployment('  strategy:\n    type: Recreate\n    rollingUpdate:'),
    },
    {
      name: 'rolling update with numbers and percentages',
      yaml: deployment('  strategy:\n    type: RollingUpdate\n    rollingUpdate: {maxSurge: 1, maxUnavailable: 25%}'),
    },
    {
      name: 'maxUnavailable 0 with the default maxSurge',
      yaml: deployment('  strategy:\n    rollingUpdate: {maxUnavailable: 0}'),
    },
    {
      name: 'maxSurge above 100%',
      yaml: deployment('  strategy:\n    rollingUpdate: {maxSurge: 200%, maxUnavailable: 0}'),
    },
    {
      name: 'progressDeadlineSeconds above minReadySeconds',
      yaml: deployment('  minReadySeconds: 30\n  progressDeadlineSeconds: 60'),
    },
    { name: 'DaemonSet surge with maxUnavailable 0', yaml: daemonSet('      maxSurge: 1\n      maxUnavailable: 0') },
    { name: 'DaemonSet maxUnavailable only', yaml: daemonSet('      maxUnavailable: 10%') },
    {
      name: 'DaemonSet OnDelete',
      yaml: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: a}\nspec:\n  updateStrategy: {type: OnDelete}\n',
    },
    {
      name: 'StatefulSet with partition and Parallel',
      yaml: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  podManagementPolicy: Parallel\n  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate: {partition: 2}\n',
    },
  ],
  invalid: [
    {
      name: 'unknown strategy type',
      yaml: deployment(`  strategy:
    type: rolling
#         ^^^^^^^ error workload-strategy: Unsupported Deployment strategy type \`rolling\`: use RollingUpdate or Recreate.
    rollingUpdate: {maxSurge: 0, maxUnavailable: 0}`),
    },
    {
      name: 'strategy type in the wrong case',
      yaml: deployment(`  strategy: {type: recreate}
#                  ^^^^^^^^ error workload-strategy: Deployment strategy type \`recreate\` must be written \`Recreate\` (the API server is case-sensitive).`),
    },
    {
      name: 'Recreate with rollingUpdate',
      yaml: deployment(`  strategy:
    type: Recreate
    rollingUpdate:
#   ^^^^^^^^^^^^^ error workload-strategy: A Deployment with strategy type Recreate takes no rollingUpdate: remove it (or use type: RollingUpdate).
      maxSurge: 1`),
    },
    {
      name: 'maxSurge and maxUnavailable both 0',
      yaml: deployment(`  strategy:
    rollingUpdate:
      maxSurge: 0%
      maxUnavailable: 0
#                     ^ error workload-strategy: maxUnavailable and maxSurge are both 0: a rolling update could never replace a pod. Allow at least one (e.g. maxSurge: 1).`),
    },
    {
      name: 'malformed values',
      yaml: deployment(`  strategy:
    rollingUpdate:
      maxSurge: "1"
#               ^^^ error workload-strategy: maxSurge is the string "1": write a number without quotes (1) or a percentage (1%).
      maxUnavailable: -1
#                     ^^ error workload-strategy: maxUnavailable is -1: it must be 0 or more.
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: other}
spec:
  strategy:
    rollingUpdate: {maxSurge: 25 percent, maxUnavailable: 150%}
#                             ^^^^^^^^^^ error workload-strategy: maxSurge \`25 percent\` is neither a number nor a percentage like 25%.
#                                                         ^^^^ error workload-strategy: maxUnavailable 150% is more than 100%.`),
    },
    {
      name: 'progressDeadlineSeconds not above minReadySeconds',
      yaml: deployment(`  minReadySeconds: 60
  progressDeadlineSeconds: 60
#                          ^^ error workload-strategy: progressDeadlineSeconds (60) must be greater than minReadySeconds (60).
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: slow}
spec:
  minReadySeconds: 900
#                  ^^^ error workload-strategy: minReadySeconds (900) must be less than progressDeadlineSeconds, which defaults to 600: raise progressDeadlineSeconds.`),
    },
    {
      name: 'DaemonSet maxSurge with the default maxUnavailable',
      yaml: daemonSet(`      maxSurge: 1
#               ^ error workload-strategy: A DaemonSet cannot use maxSurge while maxUnavailable is non-zero (it defaults to 1): add maxUnavailable: 0.`),
    },
    {
      name: 'DaemonSet with both non-zero, and both zero',
      yaml: daemonSet(`      maxSurge: 10%
#               ^^^ error workload-strategy: A DaemonSet cannot use maxSurge and maxUnavailable together: set one of them to 0.
      maxUnavailable: 1
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: stuck}
spec:
  updateStrategy:
    rollingUpdate: {maxSurge: 0, maxUnavailable: 0}
#                                                ^ error workload-strategy: maxUnavailable and maxSurge are both 0: a rolling update could never replace a pod. Allow one of them.`),
    },
    {
      name: 'StatefulSet policies',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  podManagementPolicy: parallel
#                      ^^^^^^^^ error workload-strategy: podManagementPolicy \`parallel\` must be written \`Parallel\` (the API server is case-sensitive).
  updateStrategy:
    type: OnDelete
    rollingUpdate: {partition: 1}
#   ^^^^^^^^^^^^^ error workload-strategy: A StatefulSet with updateStrategy type OnDelete takes no rollingUpdate: remove it (or use type: RollingUpdate).
`,
    },
  ],
});
