/** How the schema walk treats YAML structure: aliases, merges, CRLF, Lists, removed versions, patches. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SCHEMA_RULES } from '../../../server/src/engine/rules/schema';
import { check } from '../../harness';

const show = (files: Record<string, string> | string) =>
  check(files, { rules: SCHEMA_RULES }).map(
    (d) => `${d.file}:${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.code} ${d.message}`,
  );

describe('schema walk', () => {
  it('reports a mistake inside an anchored node once, however often it is aliased or merged', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - &base
    name: a
    image: nginx
    imagePullPolicy: always
    resources: &res {limits: {memory: 1GB}}
  - <<: *base
    name: b
  - <<: *base
    name: c
    resources: *res
`;
    assert.deepEqual(show(yaml), [
      'test.yaml:8:21-27 schema-enum `always` must be written `Always`: `imagePullPolicy` is case-sensitive.',
      'test.yaml:9:38-41 schema-type `1GB` is not a valid quantity for `limits.memory`: did you mean `1Gi`?',
    ]);
  });

  it('gives ranges in CRLF files', () => {
    const yaml =
      'apiVersion: v1\r\nkind: Service\r\nmetadata: {name: s}\r\nspec:\r\n  ports:\r\n  - port: 80\r\n    protocol: udp\r\n';
    assert.deepEqual(show(yaml), [
      'test.yaml:6:14-17 schema-enum `udp` must be written `UDP`: `protocol` is case-sensitive.',
    ]);
  });

  it('validates the built-in items of a List and leaves the others alone', () => {
    const yaml = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: c}
  data: {port: 8080}
- apiVersion: example.com/v1
  kind: Widget
  metadata: {name: w}
  data: {port: 8080}
`;
    assert.deepEqual(show(yaml), [
      'test.yaml:6:15-19 schema-type `data.port` must be a string, but `8080` is read as a number: quote it ("8080").',
    ]);
  });

  it('does not validate apiVersions Kubernetes no longer serves', () => {
    const yaml = `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata: {name: p}
spec: {privileged: yes, bogus: 1}
---
apiVersion: apps/v1beta2
kind: Deployment
metadata: {name: d}
spec: {bogus: 1}
---
apiVersion: authorization.k8s.io/v1beta1
kind: SubjectAccessReview
spec: {bogus: 1}
`;
    assert.deepEqual(show(yaml), []);
  });

  it('skips Helm templates, non-Kubernetes YAML and broken documents', () => {
    assert.deepEqual(
      show({
        'templates/deploy.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: {{ .Values.replicas }}\n  bogus: 1\n',
      }),
      [],
    );
    assert.deepEqual(show({ 'values.yaml': 'replicaCount: 1\nimage: {repository: nginx, pullPolicy: always}\n' }), []);
    assert.deepEqual(show('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c\ndata: {a: 1}\n'), []);
  });

  it('takes one mistake per key: an unknown field is not also walked', () => {
    assert.deepEqual(
      show(
        'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: i}]\n  initContainer: [{image: 1}]\n',
      ),
      [
        'test.yaml:5:2-15 schema-unknown-field Unknown field `initContainer` in PodSpec: did you mean `initContainers`?',
      ],
    );
  });

  it("offers the suggested name as the fix of an unknown field, over the whole key, in the key's quotes", () => {
    const [d] = check(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: i, "imagepullpolicy": Always}]\n',
      { rules: SCHEMA_RULES },
    );
    assert.equal(d.message, 'Unknown field `imagepullpolicy` in Container: did you mean `imagePullPolicy`?');
    assert.deepEqual(d.fix?.edits, [{ range: d.range, newText: '"imagePullPolicy"' }]);
    assert.equal(d.range.end.character - d.range.start.character, '"imagepullpolicy"'.length);
  });
});
