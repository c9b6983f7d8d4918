import { podRestartPolicy } from '../../../server/src/engine/rules/pod-restart-policy';
import { ruleTable } from '../../harness';

const workload = (kind: string, policy: string) => `apiVersion: apps/v1
kind: ${kind}
metadata: {name: w}
spec:
  selector: {matchLabels: {app: w}}
  template:
    metadata: {labels: {app: w}}
    spec:
${policy}
      containers: [{name: w, image: nginx}]
`;

const job = (policy: string, extra = '') => `apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
${extra}  template:
    spec:
${policy}
      containers: [{name: j, image: busybox}]
`;

ruleTable(podRestartPolicy, {
  valid: [
    {
      name: 'a sidecar init container with restartPolicy Always, a Job deadline',
      yaml: job(
        '      restartPolicy: Never\n      activeDeadlineSeconds: 600\n      initContainers: [{name: proxy, image: envoy, restartPolicy: Always}]',
      ),
    },
    { name: 'Deployment without restartPolicy (defaults to Always)', yaml: workload('Deployment', '') },
    { name: 'StatefulSet with Always', yaml: workload('StatefulSet', '      restartPolicy: Always') },
    { name: 'Job with Never', yaml: job('      restartPolicy: Never') },
    { name: 'Job with OnFailure', yaml: job('      restartPolicy: "OnFailure"') },
    {
      name: 'Job with a podFailurePolicy and Never',
      yaml: job('      restartPolicy: Never', '  podFailurePolicy: {rules: []}\n'),
    },
    {
      name: 'CronJob with OnFailure',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: c, image: busybox}]
`,
    },
    {
      name: 'Pod with each policy',
      yaml: ['Always', 'OnFailure', 'Never']
        .map(
          (p) =>
            `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  restartPolicy: ${p}\n  containers: [{name: c, image: i}]\n`,
        )
        .join('---\n'),
    },
    {
      name: 'bare Pod without restartPolicy',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: i}]}\n',
    },
    {
      name: 'Job patch without restartPolicy',
      yaml: {
        'kustomization.yaml': 'patches:\n  - path: job-patch.yaml\n',
        'job-patch.yaml': job('      serviceAccountName: runner'),
      },
    },
    { name: 'restartPolicy as a number is left to the schema check', yaml: job('      restartPolicy: 1') },
  ],
  invalid: [
    {
      name: 'a Job whose only restartPolicy is indented into its container: one finding, with the consequence',
      yaml: job('').replace(
        '      containers: [{name: j, image: busybox}]',
        `      containers:
        - name: j
          image: busybox
          restartPolicy: OnFailure
#         ^^^^^^^^^^^^^ error pod-restart-policy: Container \`j\` sets restartPolicy, which only init containers may set (Always, for a sidecar): the pod's restartPolicy belongs in the pod spec, next to containers (the pod has none, so it defaults to Always, which a Job does not allow).`,
      ),
    },
    {
      name: 'a restartPolicy indented into the container, an init container that is not a sidecar',
      yaml: job(`      restartPolicy: Never
      initContainers:
        - name: setup
          image: busybox
          restartPolicy: OnFailure
#                        ^^^^^^^^^ error pod-restart-policy: An init container's restartPolicy can only be Always (which makes it a sidecar); \`OnFailure\` is rejected: remove it, or set the pod's restartPolicy instead.`).replace(
        '      containers: [{name: j, image: busybox}]',
        `      containers:
        - name: j
          image: busybox
          restartPolicy: Never
#         ^^^^^^^^^^^^^ error pod-restart-policy: Container \`j\` sets restartPolicy, which only init containers may set (Always, for a sidecar): the pod's restartPolicy belongs in the pod spec, next to containers.`,
      ),
    },
    {
      name: 'activeDeadlineSeconds in a Deployment template, and out of range in a Job',
      yaml:
        workload(
          'Deployment',
          `      activeDeadlineSeconds: 3600
#     ^^^^^^^^^^^^^^^^^^^^^ error pod-restart-policy: activeDeadlineSeconds is not supported in the pod template of a Deployment, whose pods run until they are replaced: remove it (a Job can have a deadline).`,
        ) +
        '---\n' +
        job(
          '      restartPolicy: Never\n      activeDeadlineSeconds: 0\n#                            ^ error pod-restart-policy: activeDeadlineSeconds 0 is out of range: it must be from 1 to 2147483647 seconds.',
        ),
    },
    {
      name: 'Deployment with Never',
      yaml: workload(
        'Deployment',
        `      restartPolicy: Never
#                    ^^^^^ error pod-restart-policy: A Deployment only runs pods with restartPolicy: Always (the default); Never is rejected. Use a Job for pods that should finish.`,
      ),
    },
    {
      name: 'wrong case',
      yaml: workload(
        'DaemonSet',
        `      restartPolicy: always
#                    ^^^^^^ error pod-restart-policy: restartPolicy \`always\` must be written \`Always\` (the API server is case-sensitive).`,
      ),
    },
    {
      name: 'unknown policy on a Pod',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  restartPolicy: Sometimes
#                ^^^^^^^^^ error pod-restart-policy: Unsupported restartPolicy \`Sometimes\`: use Always, OnFailure or Never.
  containers: [{name: c, image: i}]
`,
    },
    {
      name: 'Job without restartPolicy',
      yaml: job(`      # no restartPolicy here
      serviceAccountName: runner`).replace(
        '  template:\n    spec:\n',
        '  template:\n    spec:\n#   ^^^^ error pod-restart-policy: The Job pod template has no restartPolicy: it defaults to Always, which a Job does not allow. Set restartPolicy: OnFailure or Never.\n',
      ),
    },
    {
      name: 'Job with Always',
      yaml: job(`      restartPolicy: Always
#                    ^^^^^^ error pod-restart-policy: A Job does not allow restartPolicy: Always: use OnFailure or Never.`),
    },
    {
      name: 'Job with a podFailurePolicy and OnFailure',
      yaml: job(
        `      restartPolicy: OnFailure
#                    ^^^^^^^^^ error pod-restart-policy: A Job with a podFailurePolicy needs restartPolicy: Never (not OnFailure).`,
        '  podFailurePolicy:\n    rules: [{action: FailJob, onExitCodes: {operator: In, values: [42]}}]\n',
      ),
    },
    {
      name: 'CronJob without restartPolicy',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec: {containers: [{name: c, image: busybox}]}
#       ^^^^ error pod-restart-policy: The CronJob pod template has no restartPolicy: it defaults to Always, which a CronJob does not allow. Set restartPolicy: OnFailure or Never.
`,
    },
  ],
});
