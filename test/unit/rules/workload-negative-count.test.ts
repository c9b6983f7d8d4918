import { workloadNegativeCount } from '../../../server/src/engine/rules/workload-negative-count';
import { ruleTable } from '../../harness';

ruleTable(workloadNegativeCount, {
  valid: [
    {
      name: 'zero and positive counts',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 0
  minReadySeconds: 5
  revisionHistoryLimit: 0
  progressDeadlineSeconds: 600
`,
    },
    {
      name: 'a quoted number is left to the schema check',
      yaml: 'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: rs}\nspec: {replicas: "-1"}\n',
    },
    {
      name: 'a custom resource may have negative replicas',
      yaml: 'apiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {replicas: -1}\n',
    },
  ],
  invalid: [
    {
      name: 'negative replicas',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  replicas: -1
#           ^^ error workload-negative-count: replicas is -1: the API server requires a replica count of 0 or more.
  updateStrategy:
    rollingUpdate: {partition: -2}
#                              ^^ error workload-negative-count: updateStrategy.rollingUpdate.partition is -2: the API server requires a value of 0 or more.
`,
    },
    {
      name: 'negative Job and CronJob limits',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "@hourly"
  successfulJobsHistoryLimit: -3
#                             ^^ error workload-negative-count: successfulJobsHistoryLimit is -3: the API server requires a value of 0 or more.
  jobTemplate:
    spec:
      backoffLimit: -1
#                   ^^ error workload-negative-count: jobTemplate.spec.backoffLimit is -1: the API server requires a value of 0 or more.
---
apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec: {parallelism: -4, completions: 2}
#                   ^^ error workload-negative-count: parallelism is -4: the API server requires a value of 0 or more.
`,
    },
  ],
});
