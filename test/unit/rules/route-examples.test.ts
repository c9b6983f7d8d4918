/**
 * The Gateway API project's cross-namespace routing example (examples/standard/cross-namespace-routing,
 * v1.6.1), with the Services it routes to: clean with every rule; and the mistakes the reference rules
 * are for, made in it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check, repoRoot } from '../../harness';

const dir = join(repoRoot(), 'test/fixtures/gateway-api/examples-standard/cross-namespace-routing');
const example = Object.fromEntries(
  ['0-namespaces.yaml', 'gateway.yaml', 'site-route.yaml', 'store-route.yaml'].map((f) => [
    f,
    readFileSync(join(dir, f), 'utf8'),
  ]),
);
const svc = (name: string, ns: string, port = 8080) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  ports: [{port: ${port}}]\n`;
const services = [
  svc('home', 'site-ns'),
  svc('login-v1', 'site-ns'),
  svc('login-v2', 'site-ns'),
  svc('store', 'store-ns'),
].join('---\n');

const show = (files: Record<string, string>) =>
  check(files).map((d) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code}`);

describe('Gateway API cross-namespace routing example', () => {
  it('is clean with the Services it routes to', () => {
    assert.deepEqual(show({ ...example, 'services.yaml': services }), []);
  });

  it('a route in a namespace without the label the listener selects', () => {
    const files = {
      ...example,
      'services.yaml': services,
      '0-namespaces.yaml': example['0-namespaces.yaml'].replace(
        'name: store-ns\n  labels:\n    shared-gateway-access: "true"',
        'name: store-ns',
      ),
    };
    assert.deepEqual(show(files), ['store-route.yaml:10:11 error route-not-allowed']);
  });

  it('a hostname the listener does not serve, a backend port that is not the Service port', () => {
    const files = {
      ...example,
      'services.yaml': services.replace(
        'name: store, namespace: store-ns}\nspec:\n  ports: [{port: 8080}]',
        'name: store, namespace: store-ns}\nspec:\n  ports: [{port: 80, targetPort: 8080}]',
      ),
      'store-route.yaml': example['store-route.yaml'].replace('spec:\n', 'spec:\n  hostnames: [store.example.org]\n'),
    };
    assert.deepEqual(show(files), [
      'store-route.yaml:9:15 error route-hostname',
      'store-route.yaml:19:13 error route-backend-port',
    ]);
  });
});
