import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Workspace, checkWorkspace, withDefaults } from '../../../server/src/engine';
import { workloadSelector } from '../../../server/src/engine/rules/workload-selector';
import { ruleTable } from '../../harness';

/** Indents a manifest by two spaces (a root map may be indented), so that annotations can point at column 0 keys. */
const indented = (text: string) =>
  text
    .split('\n')
    .map((l) => (l.startsWith('#') || l === '' ? l : `  ${l}`))
    .join('\n');

const deployment = (selector: string, labels = '{app: web, tier: fe}') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
${selector}
  template:
    metadata:
      labels: ${labels}
    spec:
      containers: [{name: web, image: nginx}]
`;

ruleTable(workloadSelector, {
  valid: [
    {
      name: 'matchLabels equal to a subset of the template labels',
      yaml: deployment('  selector:\n    matchLabels: {app: web}'),
    },
    {
      name: 'matchExpressions with every operator',
      yaml: deployment(`  selector:
    matchExpressions:
      - {key: app, operator: In, values: [web, api]}
      - {key: tier, operator: NotIn, values: [be]}
      - {key: tier, operator: Exists}
      - {key: canary, operator: DoesNotExist}`),
    },
    {
      name: 'selector and labels shared through an anchor',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  selector:
    matchLabels: &labels {app: db}
  template:
    metadata:
      labels: *labels
    spec:
      containers: [{name: db, image: postgres}]
`,
    },
    {
      name: 'template labels brought in by a merge key',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels:
        <<: {app: agent}
        extra: "yes"
    spec:
      containers: [{name: agent, image: busybox}]
`,
    },
    {
      name: 'a JSON document',
      yaml: `{"apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": {"name": "rs"}, "spec": {"selector": {"matchLabels": {"app": "rs"}}, "template": {"metadata": {"labels": {"app": "rs"}}, "spec": {"containers": [{"name": "c", "image": "i"}]}}}}\n`,
    },
    {
      name: 'CRLF line ends and comments',
      yaml: 'apiVersion: apps/v1\r\nkind: Deployment # the app\r\nmetadata: {name: web}\r\nspec:\r\n  # select the pods\r\n  selector:\r\n    matchLabels:\r\n      app: web\r\n  template:\r\n    metadata:\r\n      labels:\r\n        app: web\r\n    spec:\r\n      containers: [{name: web, image: nginx}]\r\n',
    },
    {
      name: 'a number where a label value belongs is left to the schema check',
      yaml: deployment('  selector:\n    matchLabels: {version: "1.0"}', '{version: 1.0}'),
    },
    {
      name: 'a ReplicationController without selector takes the template labels',
      yaml: `apiVersion: v1
kind: ReplicationController
metadata: {name: rc}
spec:
  template:
    metadata: {labels: {app: rc}}
    spec: {containers: [{name: c, image: i}]}
`,
    },
    {
      name: 'a Job without selector gets a generated one',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: i}]
`,
    },
    {
      name: 'a Job with manualSelector and a matching selector',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
  manualSelector: true
  selector: {matchLabels: {job: migrate}}
  template:
    metadata: {labels: {job: migrate}}
    spec:
      restartPolicy: Never
      containers: [{name: c, image: i}]
`,
    },
    {
      name: 'a removed apiVersion is left to api-version-removed',
      yaml: `apiVersion: extensions/v1beta1
kind: Deployment
metadata: {name: old}
spec:
  template:
    metadata: {labels: {app: old}}
    spec: {containers: [{name: c, image: i}]}
`,
    },
    {
      name: 'a kustomize patch is a partial object',
      yaml: {
        'overlay/kustomization.yaml':
          'resources: [../base]\npatchesStrategicMerge:\n  - replicas.yaml\npatches:\n  - path: ./more/env.yaml\n',
        'overlay/replicas.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n',
        'overlay/more/env.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    metadata: {labels: {extra: x}}\n    spec:\n      containers: [{name: web, env: [{name: A, value: b}]}]\n',
      },
    },
    {
      name: 'kustomize commonLabels fill in the selector of resources, through bases',
      yaml: {
        'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\ncommonLabels:\n  app: web\n',
        'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n  - ./sts.yaml\n',
        'base/deployment.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec: {containers: [{name: web, image: nginx}]}\n',
        'base/sts.yaml':
          'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  selector: {}\n  template:\n    spec: {containers: [{name: db, image: postgres}]}\n',
      },
    },
    {
      name: 'items of a List',
      yaml: `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: a}
    spec:
      selector: {matchLabels: {app: a}}
      template:
        metadata: {labels: {app: a}}
        spec: {containers: [{name: a, image: a}]}
`,
    },
    {
      name: 'a custom resource with a selector is not a workload',
      yaml: 'apiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {selector: {}}\n',
    },
  ],
  invalid: [
    {
      name: 'template labels indented beside metadata',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
    labels: {app: web}
#   ^^^^^^ error workload-selector: labels is written directly under spec.template, where it does not belong: the pod labels (which the selector must match) go under spec.template.metadata.labels (check the indentation).
    spec: {containers: [{name: web, image: nginx}]}
`,
    },
    {
      name: 'labels written directly under selector, the Service way',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector:
    app: web
#   ^^^ error workload-selector: \`app\` is not a field of a Deployment selector: labels go under matchLabels, as in selector: {matchLabels: {app: web, tier: front}} (a plain label map is how a Service writes its selector).
    tier: front
#   ^^^^ error workload-selector: \`tier\` is not a field of a Deployment selector: labels go under matchLabels, as in selector: {matchLabels: {app: web, tier: front}} (a plain label map is how a Service writes its selector).
  template:
    metadata: {labels: {app: web, tier: front}}
    spec: {containers: [{name: web, image: nginx}]}
`,
    },
    {
      name: 'missing selector (reported on spec)',
      yaml: indented(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
# ^^^^ error workload-selector: Deployment \`web\` has no spec.selector: apps/v1 requires one that matches the pod template labels, e.g. selector: {matchLabels: {app: web}}.
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: nginx}]
`),
    },
    {
      name: 'a kustomization without commonLabels does not fill in selectors',
      yaml: {
        'kustomization.yaml': 'resources: [deployment.yaml]\nnamePrefix: prod-\n',
        'deployment.yaml': indented(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
# ^^^^ error workload-selector
  template:
    spec: {containers: [{name: web, image: nginx}]}
`),
      },
    },
    {
      name: 'null selector',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  selector:
# ^^^^^^^^ error workload-selector: StatefulSet \`db\` has no spec.selector: apps/v1 requires one that matches the pod template labels, e.g. selector: {matchLabels: {app: db}}.
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: postgres}]}
`,
    },
    {
      name: 'empty selector',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {}
# ^^^^^^^^ error workload-selector: DaemonSet \`agent\` has an empty selector: it must select the pod template labels, e.g. matchLabels: {app: agent}.
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: a, image: busybox}]}
`,
    },
    {
      name: 'matchLabels value differs from the template',
      yaml: deployment(`  selector:
    matchLabels:
      app: webapp
#          ^^^^^^ error workload-selector: Selector app=webapp does not match the pod template (it has app=web): the API server rejects a Deployment whose selector does not match its template labels. Make spec.template.metadata.labels include app: webapp.`),
    },
    {
      name: 'matchLabels key absent from the template',
      yaml: deployment(`  selector:
    matchLabels: {app: web, version: v1}
#                           ^^^^^^^ error workload-selector: Selector version=v1 does not match the pod template (it has no label version): the API server rejects a Deployment whose selector does not match its template labels. Make spec.template.metadata.labels include version: v1.`),
    },
    {
      name: 'matchExpressions that do not hold',
      yaml: deployment(`  selector:
    matchExpressions:
      - {key: app, operator: In, values: [api]}
#                                        ^^^^^ error workload-selector: Selector app in (api) does not match the pod template (it has app=web): the API server rejects a Deployment whose selector does not match its template labels.
      - {key: tier, operator: DoesNotExist}
#             ^^^^ error workload-selector: Selector !tier does not match the pod template (it has tier=fe): the API server rejects a Deployment whose selector does not match its template labels.
      - {key: canary, operator: Exists}
#             ^^^^^^ error workload-selector: Selector canary does not match the pod template (it has no label canary): the API server rejects a Deployment whose selector does not match its template labels.`),
    },
    {
      name: 'invalid operators and values',
      yaml: deployment(`  selector:
    matchExpressions:
      - {key: app, operator: in, values: [web]}
#                            ^^ error workload-selector: Selector operator \`in\` must be written \`In\` (the API server is case-sensitive).
      - {key: app, operator: Equals, values: [web]}
#                            ^^^^^^ error workload-selector: Unsupported selector operator \`Equals\`: use In, NotIn, Exists or DoesNotExist.
      - {key: app, operator: NotIn}
#                            ^^^^^ error workload-selector: Operator NotIn needs a non-empty values list.
      - {key: app, operator: Exists, values: [web]}
#                                            ^^^^^ error workload-selector: Operator Exists takes no values: remove values (or use In / NotIn).`),
    },
    {
      name: 'ReplicationController selector that differs from its template',
      yaml: `apiVersion: v1
kind: ReplicationController
metadata: {name: rc}
spec:
  selector: {app: rc2}
#                 ^^^ error workload-selector: Selector app=rc2 does not match the pod template (it has app=rc): the API server rejects a ReplicationController whose selector does not match its template labels. Make spec.template.metadata.labels include app: rc2.
  template:
    metadata: {labels: {app: rc}}
    spec: {containers: [{name: c, image: i}]}
`,
    },
    {
      name: 'ReplicationController with neither selector nor labels',
      yaml: indented(`apiVersion: v1
kind: ReplicationController
metadata: {name: rc}
spec:
# ^^^^ error workload-selector: ReplicationController \`rc\` has neither a selector nor pod template labels: set spec.template.metadata.labels (the selector defaults to them).
  template:
    spec: {containers: [{name: c, image: i}]}
`),
    },
    {
      name: 'Job selector without manualSelector',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
  selector:
# ^^^^^^^^ error workload-selector: Job \`migrate\` sets spec.selector without manualSelector: true: the API server generates a Job's selector and rejects this one. Remove spec.selector (or set manualSelector: true).
    matchLabels: {app: migrate}
  template:
    metadata: {labels: {app: migrate}}
    spec:
      restartPolicy: Never
      containers: [{name: c, image: i}]
`,
    },
    {
      name: 'Job with manualSelector but no selector',
      yaml: indented(`apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
# ^^^^ error workload-selector: Job \`migrate\` sets manualSelector: true but has no spec.selector: add one that matches the pod template labels (or drop manualSelector).
  manualSelector: true
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: i}]
`),
    },
    {
      name: 'CronJob job template with a selector',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 0 * * *"
  jobTemplate:
    spec:
      manualSelector: true
#                     ^^^^ error workload-selector: CronJob \`nightly\` sets manualSelector: true in its job template: the API server only allows false or unset there.
      selector: {matchLabels: {app: nightly}}
#     ^^^^^^^^ error workload-selector: CronJob \`nightly\` sets spec.jobTemplate.spec.selector: the selector of its Jobs is always generated, and the API server rejects one set here. Remove it.
      template:
        metadata: {labels: {app: nightly}}
        spec:
          restartPolicy: OnFailure
          containers: [{name: c, image: i}]
`,
    },
  ],
});

describe('workload-selector and kustomizations that change', () => {
  it('sees a kustomization edited after the first check', () => {
    const ws = new Workspace();
    ws.setText(
      'base/deploy.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec: {containers: [{name: web, image: nginx}]}\n',
    );
    ws.setText('base/kustomization.yaml', 'resources: [deploy.yaml]\ncommonLabels: {app: web}\n');
    const run = () =>
      checkWorkspace(ws, { rules: [workloadSelector], settings: withDefaults() }).map(
        (d) => `${d.file}:${d.range.start.line}`,
      );
    assert.deepEqual(run(), []);
    ws.setText('base/kustomization.yaml', 'resources: [deploy.yaml]\n');
    assert.deepEqual(run(), ['base/deploy.yaml:3']);
    ws.remove('base/kustomization.yaml');
    assert.deepEqual(run(), ['base/deploy.yaml:3']);
  });
});
