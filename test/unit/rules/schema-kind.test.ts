import assert from 'node:assert/strict';
import { it } from 'node:test';
import { schemaKind } from '../../../server/src/engine/rules/schema-kind';
import { check, ruleTable } from '../../harness';

ruleTable(schemaKind, {
  valid: [
    {
      name: 'built-in kinds at their apiVersions',
      yaml: [
        'v1 Service',
        'apps/v1 Deployment',
        'networking.k8s.io/v1 Ingress',
        'batch/v1 CronJob',
        'autoscaling/v1 HorizontalPodAutoscaler',
        'autoscaling/v2 HorizontalPodAutoscaler',
        'v1 Event',
        'events.k8s.io/v1 Event',
        'policy/v1 PodDisruptionBudget',
      ]
        .map((s) => `apiVersion: ${s.split(' ')[0]}\nkind: ${s.split(' ')[1]}\nmetadata: {name: x}\n`)
        .join('---\n'),
    },
    {
      name: 'custom resources, other tools and lists',
      yaml: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\n---\napiVersion: v1\nkind: Config\nclusters: []\n---\napiVersion: v1\nkind: Template\n---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n---\napiVersion: apps/v1\nkind: DeploymentList\nitems: []\n---\napiVersion: v1\nkind: ConfigMapList\nitems: []\n',
    },
    {
      name: 'beta versions the schema does not ship',
      yaml: 'apiVersion: networking.k8s.io/v1beta1\nkind: IPAddress\n---\napiVersion: resource.k8s.io/v1beta2\nkind: DeviceClass\n',
    },
  ],
  invalid: [
    {
      name: 'kinds under the wrong apiVersion, and misspelt kinds',
      yaml: `apiVersion: v1
#           ^^ error schema-kind: Deployment is not served by apiVersion \`v1\`: use \`apps/v1\`.
kind: Deployment
metadata: {name: a}
---
apiVersion: apps/v1
kind: deployment
#     ^^^^^^^^^^ error schema-kind: Unknown kind \`deployment\` in \`apps/v1\`: did you mean \`Deployment\`?
metadata: {name: b}
---
apiVersion: apps/v1
#           ^^^^^^^ error schema-kind: Ingress is not served by apiVersion \`apps/v1\`: use \`networking.k8s.io/v1\`.
kind: Ingress
metadata: {name: c}
---
apiVersion: v1
kind: Servce
#     ^^^^^^ error schema-kind: Unknown kind \`Servce\` in \`v1\`: did you mean \`Service\`?
metadata: {name: d}
---
apiVersion: v1
kind: Deploymnet
#     ^^^^^^^^^^ error schema-kind: Unknown kind \`Deploymnet\` in \`v1\`: did you mean \`Deployment\` (apiVersion \`apps/v1\`)?
metadata: {name: e}
---
apiVersion: v1
kind: Config
---
apiVersion: v1
kind: Template
---
apiVersion: apps/v1
kind: DeploymentList
items: []
---
apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: f}
---
apiVersion: batch/v1
#           ^^^^^^^^ error schema-kind: HorizontalPodAutoscaler is not served by apiVersion \`batch/v1\`: use \`autoscaling/v2\`.
kind: HorizontalPodAutoscaler
metadata: {name: g}
---
apiVersion: networking.k8s.io/v1beta1
kind: IPAddress
metadata: {name: h}
---
apiVersion: v1
kind: Route
`,
    },
  ],
});

it('schema-kind: fixes the apiVersion or the kind', () => {
  const [d] = check('apiVersion: extensions/v1\nkind: Ingress\n', { rules: [schemaKind] });
  assert.equal(d, undefined); // not a served stable apiVersion: nothing is known for sure
  const [e] = check('apiVersion: v1\nkind: CronJob\nmetadata: {name: c}\n', { rules: [schemaKind] });
  assert.deepEqual(e.fix, { title: 'Change apiVersion to batch/v1', edits: [{ range: e.range, newText: 'batch/v1' }] });
  const [f] = check('apiVersion: v1\nkind: configmap\n', { rules: [schemaKind] });
  assert.deepEqual(f.fix, { title: 'Change kind to ConfigMap', edits: [{ range: f.range, newText: 'ConfigMap' }] });
});
