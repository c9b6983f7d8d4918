/**
 * Values of the wrong shape (the schema check reports those) must not make a workload rule throw: a rule that
 * throws loses all its findings for the file.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Workspace, checkWorkspace, withDefaults } from '../../../server/src/engine';
import { WORKLOAD_RULES } from '../../../server/src/engine/rules/workload';

const SHAPES = ['5', '"text"', 'true', 'null', '[]', '[1, "a", null, [2]]', '{}', '{a: 1}'];
const PATHS = [
  'spec',
  'spec.selector',
  'spec.selector.matchLabels',
  'spec.selector.matchExpressions',
  'spec.template',
  'spec.template.metadata',
  'spec.template.metadata.labels',
  'spec.template.spec',
  'spec.template.spec.containers',
  'spec.template.spec.volumes',
  'spec.strategy',
  'spec.strategy.rollingUpdate',
  'spec.updateStrategy',
  'metadata',
  'metadata.labels',
  'metadata.annotations',
  'metadata.name',
];

/** A Deployment whose value at `path` is replaced by `shape`. */
function deployment(path: string, shape: string): string {
  const base: Record<string, unknown> = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      strategy: { rollingUpdate: { maxSurge: 1 } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }], volumes: [] },
      },
    },
  };
  const keys = path.split('.');
  let at = base;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[keys[keys.length - 1]] = '__SHAPE__';
  return JSON.stringify(base).replace('"__SHAPE__"', shape);
}

it('no workload rule throws on values of the wrong shape', () => {
  const errors: string[] = [];
  for (const kind of ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'ReplicationController']) {
    for (const path of PATHS) {
      for (const shape of SHAPES) {
        const ws = new Workspace();
        const apiVersion =
          kind === 'Job' || kind === 'CronJob'
            ? 'batch/v1'
            : kind === 'Pod' || kind === 'ReplicationController'
              ? 'v1'
              : 'apps/v1';
        ws.setText(
          't.yaml',
          deployment(path, shape).replace('"apps/v1"', `"${apiVersion}"`).replace('"Deployment"', `"${kind}"`),
        );
        checkWorkspace(ws, {
          rules: WORKLOAD_RULES,
          settings: withDefaults(),
          onRuleError: (rule, _file, e) => errors.push(`${kind} ${path}=${shape}: ${rule.id}: ${e}`),
        });
      }
    }
  }
  const ws = new Workspace();
  ws.setText(
    'alias.yaml',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: &m {name: web, labels: *m}\nspec: &s {selector: *s, template: {spec: *s}}\n',
  );
  checkWorkspace(ws, {
    rules: WORKLOAD_RULES,
    settings: withDefaults(),
    onRuleError: (rule, _file, e) => errors.push(`alias: ${rule.id}: ${e}`),
  });
  assert.deepEqual(errors, []);
});
