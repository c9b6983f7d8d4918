import { serviceSelectsNoPods } from '../../../server/src/engine/rules/service-selects-no-pods';
import { ruleTable } from '../../harness';

const deployment = (name: string, labels: string, ns = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}${ns ? `, namespace: ${ns}` : ''}}
spec:
  selector: {matchLabels: ${labels}}
  template:
    metadata: {labels: ${labels}}
    spec: {containers: [{name: app, image: nginx}]}
`;

/** A workload of another kind, with its spec before the template (the labels its controller adds come from both). */
const workload = (
  apiVersion: string,
  kind: string,
  name: string,
  spec: string,
  labels = '{app: web}',
) => `apiVersion: ${apiVersion}
kind: ${kind}
metadata: {name: ${name}}
spec:
${spec}  selector: {matchLabels: ${labels}}
  template:
    metadata: {labels: ${labels}}
    spec: {restartPolicy: ${kind === 'Job' ? 'Never' : 'Always'}, containers: [{name: app, image: nginx}]}
`;
const selecting = (selector: string) => `---
apiVersion: v1
kind: Service
metadata: {name: s}
spec: {selector: ${selector}, ports: [{port: 80}]}
`;
const cronJob = (name: string, jobSpec = '') => `apiVersion: batch/v1
kind: CronJob
metadata: {name: ${name}}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
${jobSpec}      template:
        metadata: {labels: {app: report}}
        spec: {restartPolicy: Never, containers: [{name: app, image: busybox}]}
`;

ruleTable(serviceSelectsNoPods, {
  valid: [
    {
      name: 'pods whose labels are indented beside the template metadata (workload-selector reports the workload)',
      yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata:\n    labels: {app: web}\n    spec: {containers: [{name: a, image: x}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n',
    },
    {
      name: "an invalid selector is service-selector-labels' to report",
      yaml:
        'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {selector: {app: "my app"}, ports: [{port: 80}]}\n---\n' +
        deployment('web', '{app: web}'),
    },
    {
      name: 'a Deployment in another file of the same namespace',
      yaml: {
        'svc.yaml':
          'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n',
        'deploy.yaml': deployment('web', '{app: web, tier: front}', 'shop'),
      },
    },
    {
      name: 'every kind of workload, and a bare Pod',
      yaml:
        ['StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']
          .map(
            (k, i) =>
              `apiVersion: ${k === 'Job' ? 'batch/v1' : 'apps/v1'}\nkind: ${k}\nmetadata: {name: w${i}}\nspec:\n  template:\n    metadata: {labels: {app: w${i}}}\n    spec: {containers: [{name: a, image: x}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s${i}}\nspec: {selector: {app: w${i}}, ports: [{port: 80}]}\n---\n`,
          )
          .join('') +
        'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        metadata: {labels: {app: c}}\n        spec: {containers: [{name: a, image: x}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: c}\nspec: {selector: {app: c}, ports: [{port: 80}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: p}}\nspec: {containers: [{name: a, image: x}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: p}\nspec: {selector: {app: p}, ports: [{port: 80}]}\n',
    },
    {
      name: 'no selector, or an empty one (endpoints managed by hand)',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec: {selector: {}, ports: [{port: 80}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: c}\nspec:\n  selector:\n  ports: [{port: 80}]\n',
    },
    {
      name: 'a kustomize patch is judged with its base',
      yaml: {
        'kustomization.yaml': 'patchesStrategicMerge: [patch.yaml]\n',
        'patch.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {version: v2}}\n',
      },
    },
    {
      name: 'pods of an Argo Rollout (a kind kubeway does not model)',
      yaml: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web}\nspec:\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: a, image: x}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n',
    },
    {
      name: 'kustomize commonLabels complete the pod labels',
      yaml: {
        'base/kustomization.yaml': 'commonLabels: {app: web}\nresources: [svc.yaml, deploy.yaml]\n',
        'base/svc.yaml':
          'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n',
        'base/deploy.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec: {containers: [{name: a, image: x}]}\n',
      },
    },
    {
      name: 'ExternalName Services have no endpoints',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {type: ExternalName, externalName: db.example.com, selector: {app: nothing}}\n',
    },
    {
      name: 'labels through anchors and merge keys, unset namespace = default',
      yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: default}\nspec:\n  template:\n    metadata:\n      labels: &l {app: web, tier: front}\n    spec: {containers: [{name: a, image: x}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector:\n    <<: {app: web}\n  ports: [{port: 80}]\n',
    },
    {
      name: 'a Deployment in a kind: List with CRLF',
      yaml: {
        'list.yaml': deployment('web', '{app: web}')
          .replace(/^/gm, '  ')
          .replace(/^ {2}apiVersion/, '- apiVersion')
          .replace(/^/, 'apiVersion: v1\nkind: List\nitems:\n')
          .replace(/\n/g, '\r\n'),
        'svc.yaml':
          'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n',
      },
    },
    // Labels the controllers add to the pods (pkg/controller/statefulset, daemon, deployment, job; Job selector defaulting).
    {
      name: 'a StatefulSet pod by name, and by index (replicas 3: web-0 … web-2)',
      yaml:
        workload('apps/v1', 'StatefulSet', 'web', '  replicas: 3\n') +
        selecting('{statefulset.kubernetes.io/pod-name: web-2}') +
        selecting('{app: web, apps.kubernetes.io/pod-index: "0"}'),
    },
    {
      name: 'a StatefulSet of one replica by default: web-0',
      yaml: workload('apps/v1', 'StatefulSet', 'web', '') + selecting('{statefulset.kubernetes.io/pod-name: web-0}'),
    },
    {
      name: 'StatefulSet ordinals starting at 5: web-5, web-6',
      yaml:
        workload('apps/v1', 'StatefulSet', 'web', '  replicas: 2\n  ordinals: {start: 5}\n') +
        selecting('{statefulset.kubernetes.io/pod-name: web-6}'),
    },
    {
      name: 'hashes and generations, whatever their value',
      yaml:
        workload('apps/v1', 'StatefulSet', 'web', '') +
        selecting('{app: web, controller-revision-hash: web-5d8f9c7b6}') +
        '---\n' +
        workload('apps/v1', 'Deployment', 'api', '', '{app: api}') +
        selecting('{app: api, pod-template-hash: 7c9d8f6b5}') +
        '---\n' +
        workload('apps/v1', 'DaemonSet', 'agent', '', '{app: agent}') +
        selecting('{pod-template-generation: "3", controller-revision-hash: x}'),
    },
    {
      name: 'a Job by the labels its selector defaulting adds',
      yaml:
        workload('batch/v1', 'Job', 'migrate', '').replace(/ {2}selector: .*\n/, '') +
        selecting('{job-name: migrate}') +
        selecting('{batch.kubernetes.io/job-name: migrate, batch.kubernetes.io/controller-uid: 0b3c}') +
        selecting('{controller-uid: 1f2e}'),
    },
    {
      name: 'an Indexed Job by completion index',
      yaml:
        workload('batch/v1', 'Job', 'shard', '  completionMode: Indexed\n  completions: 4\n').replace(
          / {2}selector: .*\n/,
          '',
        ) + selecting('{batch.kubernetes.io/job-name: shard, batch.kubernetes.io/job-completion-index: "3"}'),
    },
    {
      name: "a CronJob's Jobs, named <cronjob>-<minutes>",
      yaml: cronJob('report') + selecting('{batch.kubernetes.io/job-name: report-28973640}'),
    },
  ],
  invalid: [
    {
      name: 'web-7 of a StatefulSet of 3 replicas (pods web-0 … web-2)',
      yaml: `${workload('apps/v1', 'StatefulSet', 'web', '  replicas: 3\n')}---
apiVersion: v1
kind: Service
metadata: {name: web-7}
spec:
  selector:
# ^^^^^^^^ warning service-selects-no-pods: Service \`web-7\` selects no pods: no workload in namespace \`default\` has labels app=web, statefulset.kubernetes.io/pod-name=web-7 (closest: StatefulSet \`web\`, with app=web, statefulset.kubernetes.io/pod-name from its controller, never web-7).
    app: web
    statefulset.kubernetes.io/pod-name: web-7
  ports: [{port: 80}]
`,
    },
    {
      name: 'labels of other controllers: a Deployment has no pod names, a Job with manualSelector gets no job-name, a non-indexed Job no index',
      yaml: `${workload('apps/v1', 'Deployment', 'web', '')}${selecting('{statefulset.kubernetes.io/pod-name: web-0}')}#      ^^^^^^^^ warning service-selects-no-pods
---
${workload('batch/v1', 'Job', 'migrate', '  manualSelector: true\n', '{app: migrate}')}${selecting('{job-name: migrate}')}#      ^^^^^^^^ warning service-selects-no-pods
---
${workload('batch/v1', 'Job', 'once', '  completions: 2\n', '{app: once}').replace(/ {2}selector: .*\n/, '')}${selecting('{batch.kubernetes.io/job-completion-index: "0"}')}#      ^^^^^^^^ warning service-selects-no-pods
---
${workload('batch/v1', 'Job', 'other', '', '{app: other}').replace(/ {2}selector: .*\n/, '')}${selecting('{job-name: migrate2}')}#      ^^^^^^^^ warning service-selects-no-pods
`,
    },
    {
      name: 'no workload has the labels',
      yaml: {
        'svc.yaml': `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector:
# ^^^^^^^^ warning service-selects-no-pods: Service \`web\` selects no pods: no workload in namespace \`shop\` has labels app=web.
    app: web
  ports: [{port: 80}]
`,
        'other.yaml': deployment('api', '{role: api}', 'shop'),
      },
    },
    {
      name: 'the workload is in another namespace',
      yaml: {
        'svc.yaml': `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 80}]}
#      ^^^^^^^^ warning service-selects-no-pods: Service \`web\` selects no pods: no workload in namespace \`shop\` has labels app=web (Deployment \`web\` in namespace \`default\` has them, but a Service only selects pods of its own namespace).
`,
        'deploy.yaml': deployment('web', '{app: web}'),
      },
    },
    {
      name: 'same names in two namespaces: only the one without pods is reported',
      yaml: {
        'a.yaml': `apiVersion: v1
kind: Service
metadata: {name: web, namespace: a}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: b}
spec: {selector: {app: web, tier: front}, ports: [{port: 80}]}
#      ^^^^^^^^ warning service-selects-no-pods: Service \`web\` selects no pods: no workload in namespace \`b\` has labels app=web, tier=front (closest: Deployment \`web\`, with app=web, tier=frontend).
`,
        'b.yaml': deployment('web', '{app: web}', 'a') + '---\n' + deployment('web', '{app: web, tier: frontend}', 'b'),
      },
    },
    {
      name: 'a custom kind in another namespace does not count',
      yaml: `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: web, namespace: other}
spec:
  template:
    metadata: {labels: {app: web}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
#      ^^^^^^^^ warning service-selects-no-pods: Service \`web\` selects no pods: no workload in namespace \`default\` has labels app=web.
`,
    },
    {
      name: 'a typo in the only workload that has the key',
      yaml: `apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: wbe}, ports: [{port: 80}]}
#      ^^^^^^^^ warning service-selects-no-pods: Service \`web\` selects no pods: no workload in namespace \`default\` has labels app=wbe (closest: Deployment \`web\`, with app=web).
---
${deployment('web', '{app: web}')}---
${deployment('db', '{role: db}')}`,
    },
    {
      name: 'a selector needs all its labels on the pod template, not on the workload',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  template:
    metadata: {labels: {run: web}}
    spec: {containers: [{name: a, image: x}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
# ^^^^^^^^ warning service-selects-no-pods: Service \`web\` selects no pods: no workload in namespace \`default\` has labels app=web.
  ports: [{port: 80}]
`,
    },
  ],
});
