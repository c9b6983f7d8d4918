import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  describePath,
  docUrl,
  enumValuesAt,
  isKnownKind,
  keysAt,
  knownKinds,
  kubernetesVersion,
} from '../../../server/src/engine/schema';

describe('schema API', () => {
  it('describes a container field', () => {
    const d = describePath('apps/v1', 'Deployment', ['spec', 'template', 'spec', 'containers', 0, 'imagePullPolicy']);
    assert.ok(d);
    assert.equal(d.field?.name, 'imagePullPolicy');
    assert.equal(d.field?.type, 'string');
    assert.equal(d.field?.required, false);
    assert.deepEqual(d.field?.enum, ['Always', 'IfNotPresent', 'Never']);
    assert.match(d.field?.description ?? '', /^Image pull policy\. One of Always, Never, IfNotPresent/);
    assert.deepEqual(d.children, []);
    assert.equal(
      d.docUrl,
      `https://kubernetes.io/docs/reference/generated/kubernetes-api/v${kubernetesVersion().replace(/\.\d+$/, '')}/#deployment-v1-apps`,
    );
  });

  it('lists the keys of a container, required ones marked', () => {
    const keys = keysAt('v1', 'Pod', ['spec', 'containers', 0]);
    const names = keys.map((k) => k.name);
    for (const k of [
      'name',
      'image',
      'imagePullPolicy',
      'livenessProbe',
      'ports',
      'resources',
      'securityContext',
      'volumeMounts',
    ])
      assert.ok(names.includes(k), k);
    assert.deepEqual(
      keys.filter((k) => k.required).map((k) => k.name),
      ['name'],
    );
    assert.equal(keys.find((k) => k.name === 'ports')?.type, '[]ContainerPort');
    assert.equal(keys.find((k) => k.name === 'livenessProbe')?.type, 'Probe');
  });

  it('knows int-or-string, quantities, maps, deprecations and the object root', () => {
    const tp = describePath('v1', 'Service', ['spec', 'ports', 0, 'targetPort']);
    assert.equal(tp?.field?.type, 'IntOrString');
    assert.equal(tp?.field?.intOrString, true);
    assert.equal(describePath('v1', 'Service', ['spec', 'ports', 0, 'port'])?.field?.required, true);
    assert.equal(
      describePath('v1', 'Pod', ['spec', 'containers', 0, 'resources', 'limits'])?.field?.type,
      'map[string]Quantity',
    );
    const label = describePath('v1', 'Pod', ['metadata', 'labels', 'app.kubernetes.io/name']);
    assert.equal(label?.field?.name, 'app.kubernetes.io/name');
    assert.equal(label?.field?.type, 'string');
    assert.equal(describePath('v1', 'Pod', ['spec', 'serviceAccount'])?.field?.deprecated, true);
    const root = describePath('networking.k8s.io/v1', 'Ingress', []);
    assert.equal(root?.field, undefined);
    assert.deepEqual(
      root?.children.map((c) => c.name),
      ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
    );
    assert.deepEqual(
      enumValuesAt('networking.k8s.io/v1', 'Ingress', ['spec', 'rules', 0, 'http', 'paths', 0, 'pathType']),
      ['Exact', 'ImplementationSpecific', 'Prefix'],
    );
    assert.deepEqual(
      enumValuesAt('v1', 'PersistentVolumeClaim', ['spec', 'accessModes']),
      ['ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod', 'ReadOnlyMany'].sort(),
    );
  });

  it('is undefined for custom resources and paths that leave the schema', () => {
    assert.equal(describePath('cert-manager.io/v1', 'Certificate', ['spec']), undefined);
    assert.equal(describePath('apps/v1', 'Deployment', ['spec', 'bogus']), undefined);
    assert.equal(describePath('apps/v1', 'Deployment', ['spec', 'replicas', 'x']), undefined);
    assert.equal(describePath('apps/v1', 'Deployment', ['spec', 'template', 'spec', 'containers', 'x']), undefined);
    assert.equal(describePath('apps/v1', 'ControllerRevision', ['data', 'anything']), undefined);
    assert.deepEqual(keysAt('example.com/v1', 'Foo', []), []);
  });

  it('lists the served built-in kinds for new documents', () => {
    const kinds = knownKinds();
    const has = (apiVersion: string, kind: string) => kinds.some((k) => k.apiVersion === apiVersion && k.kind === kind);
    for (const [v, k] of [
      ['apps/v1', 'Deployment'],
      ['v1', 'Service'],
      ['networking.k8s.io/v1', 'Ingress'],
      ['batch/v1', 'CronJob'],
      ['autoscaling/v2', 'HorizontalPodAutoscaler'],
      ['policy/v1', 'PodDisruptionBudget'],
      ['rbac.authorization.k8s.io/v1', 'ClusterRole'],
      ['v1', 'ConfigMap'],
    ])
      assert.ok(has(v, k), `${v} ${k}`);
    assert.ok(!has('extensions/v1beta1', 'Ingress'));
    assert.ok(!has('batch/v1beta1', 'CronJob'));
    assert.ok(!has('policy/v1beta1', 'PodSecurityPolicy'));
    assert.ok(!kinds.some((k) => k.kind.endsWith('List')));
    assert.match(
      kinds.find((k) => k.kind === 'Deployment')?.description ?? '',
      /^Deployment enables declarative updates/,
    );
    assert.ok(isKnownKind('extensions/v1beta1', 'Ingress'));
    assert.ok(!isKnownKind('v1', 'Deployment'));
  });

  it('links the API reference anchors', () => {
    assert.match(docUrl('v1', 'Service'), /#service-v1-core$/);
    assert.match(docUrl('rbac.authorization.k8s.io/v1', 'ClusterRole'), /#clusterrole-v1-rbac-authorization-k8s-io$/);
    assert.match(kubernetesVersion(), /^1\.\d+\.\d+$/);
  });
});
