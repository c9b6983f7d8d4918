/**
 * The clean corpus (test/fixtures/clean): realistic manifests using every legal construct, checked as one
 * set with every rule. Any diagnostic is a false positive of some rule. The corpus is also checked for
 * what it must contain, so that it cannot silently lose its coverage.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Workspace, checkWorkspace, serviceOf, withDefaults } from '../../server/src/engine';
import { repoRoot } from '../harness';

const dir = join(repoRoot(), 'test', 'fixtures', 'clean');
const files = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

function load(): Workspace {
  const ws = new Workspace();
  for (const f of files) ws.setText(f, readFileSync(join(dir, f), 'utf8'));
  return ws;
}

describe('clean corpus', () => {
  it('gives no error, warning or hint with every rule, checked as one set', () => {
    const ws = load();
    const thrown: string[] = [];
    const found = checkWorkspace(ws, {
      settings: withDefaults(),
      onRuleError: (rule, file, e) => thrown.push(`${rule.id} on ${file}: ${e}`),
    });
    assert.deepEqual(thrown, []);
    assert.deepEqual(
      found.map(
        (d) =>
          `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message} [${d.code}]`,
      ),
      [],
    );
  });

  it('each file alone is clean too, except for references to what other files declare', () => {
    for (const f of files) {
      const ws = new Workspace();
      ws.setText(f, readFileSync(join(dir, f), 'utf8'));
      const found = checkWorkspace(ws).filter((d) => d.severity === 'error');
      assert.deepEqual(
        found.map((d) => `${f}:${d.range.start.line + 1} ${d.message} [${d.code}]`),
        [],
        f,
      );
    }
  });

  it('covers the legal constructs it is meant to cover', () => {
    const text = (f: string) => readFileSync(join(dir, f), 'utf8');
    assert.ok(
      text('crlf.yaml').includes('\r\n') && !/[^\r]\n/.test(text('crlf.yaml')),
      'crlf.yaml must keep its CRLF line endings',
    );
    assert.equal(text('bom.yaml').charCodeAt(0), 0xfeff, 'bom.yaml must start with a byte order mark');
    const all = files.map(text).join('\n');
    for (const construct of [
      '<<: *',
      '<<: [',
      '&',
      '*worker-labels',
      '{"apiVersion"',
      '{apiVersion:',
      'kind: List',
      'kind: ServiceList',
      '# Source:',
      'defaultMode: 0644',
      ': yes',
      '\t',
      '...',
    ]) {
      assert.ok(all.includes(construct), `the corpus uses ${JSON.stringify(construct)}`);
    }
    const ws = load();
    const objects = [...ws.objects()];
    const kinds = new Set(objects.map((o) => o.kind));
    for (const kind of [
      'Deployment',
      'StatefulSet',
      'DaemonSet',
      'ReplicaSet',
      'ReplicationController',
      'Job',
      'CronJob',
      'Pod',
      'Service',
      'Ingress',
      'IngressClass',
      'ConfigMap',
      'Secret',
      'CustomResourceDefinition',
      'StorageBucket',
      'Certificate',
      'EndpointSlice',
      'NetworkPolicy',
      'HorizontalPodAutoscaler',
      'Gateway',
      'HTTPRoute',
      'GRPCRoute',
      'ReferenceGrant',
    ]) {
      assert.ok(kinds.has(kind), `the corpus has a ${kind}`);
    }
    const services = objects.flatMap((o) => serviceOf(o) ?? []);
    const types = new Set(services.map((s) => (s.clusterIP === 'None' ? 'headless' : s.type)));
    assert.deepEqual([...types].sort(), ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort', 'headless']);
    assert.ok(
      objects.some((o) => o.inList),
      'List items are read as objects',
    );
    assert.ok(
      ws.services('team-a', 'web').length === 1 && ws.services('team-b', 'web').length === 1,
      'the same name in two namespaces',
    );
    assert.ok(
      ws
        .allIngresses()
        .some(
          (i) =>
            i.tls.length &&
            i.defaultBackend &&
            i.rules.some((r) => r.host?.startsWith('*.')) &&
            i.rules.some((r) => r.paths.some((p) => p.backend?.resource)),
        ),
    );
    // No YAML problem anywhere: every document of the corpus was read.
    for (const f of files) {
      const model = ws.file(f);
      assert.ok(model && !model.file.problems.length, `${f} has no YAML problems`);
    }
  });
});
