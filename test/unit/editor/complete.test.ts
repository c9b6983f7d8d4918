import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complete } from '../../../server/src/engine/editor/complete';
import { withDefaults } from '../../../server/src/engine';
import { workspaceAt } from './fixture';

function labels(files: Record<string, string> | string): string[] {
  const { ws, path, lines, position } = workspaceAt(files);
  return complete(ws, path, lines, position)?.items.map((i) => i.label) ?? [];
}

function item(files: Record<string, string> | string, label: string) {
  const { ws, path, lines, position } = workspaceAt(files);
  const answer = complete(ws, path, lines, position, withDefaults());
  const found = answer?.items.find((i) => i.label === label);
  assert.ok(found, `no item ${label} in ${answer?.items.map((i) => i.label).join(', ')}`);
  return { ...found, range: answer!.range };
}

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        tier: frontend
    spec:
      containers:
        - name: app
          image: nginx
          ports:
            - name: http
              containerPort: 8080
            - name: dns
              containerPort: 53
              protocol: UDP
            - containerPort: 9090
`;

const svc = (spec: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
${spec}`;

describe('completion: values', () => {
  it('Service type after `type: ` with nothing typed, each with its explanation', () => {
    const { ws, path, lines, position } = workspaceAt(svc('  type: $0\n'));
    const answer = complete(ws, path, lines, position)!;
    assert.deepEqual(
      answer.items.map((i) => i.label),
      ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
    );
    assert.match(answer.items[0].documentation ?? '', /default.*inside the cluster/i);
    assert.deepEqual(answer.range, { start: { line: 6, character: 8 }, end: { line: 6, character: 8 } });
  });
  it('replaces the partial value and inserts a space after a bare colon', () => {
    const partial = item(svc('  type: Nod$0\n'), 'NodePort');
    assert.deepEqual(
      [partial.range.start.character, partial.range.end.character, partial.insertText],
      [8, 11, 'NodePort'],
    );
    const bare = item(svc('  type:$0\n'), 'ClusterIP');
    assert.equal(bare.insertText, ' ClusterIP');
  });
  it('protocol and Ingress pathType', () => {
    assert.deepEqual(labels(svc('  ports:\n    - port: 53\n      protocol: $0\n')), ['TCP', 'UDP', 'SCTP']);
    assert.deepEqual(labels(DEPLOY.replace('protocol: UDP', 'protocol: $0')), ['TCP', 'UDP', 'SCTP']);
    assert.deepEqual(
      labels(`apiVersion: networking.k8s.io/v1
kind: Ingress
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: $0
`),
      ['Prefix', 'Exact', 'ImplementationSpecific'],
    );
  });
  it('targetPort offers the names and numbers of the selected containers with the same protocol', () => {
    const files = {
      'deploy.yaml': DEPLOY,
      'svc.yaml': svc('  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: $0\n'),
    };
    assert.deepEqual(labels(files), ['http', '8080', '9090']);
    const udp = {
      'deploy.yaml': DEPLOY,
      'svc.yaml': svc(
        '  selector:\n    app: web\n  ports:\n    - port: 53\n      protocol: UDP\n      targetPort:$0\n',
      ),
    };
    assert.deepEqual(labels(udp), ['dns', '53']);
    assert.match(item(files, 'http').detail ?? '', /8080\/TCP in container app of Deployment\/web/);
  });
  it('targetPort offers nothing when the Service selects no pods', () => {
    assert.deepEqual(
      labels({
        'deploy.yaml': DEPLOY,
        'svc.yaml': svc('  selector:\n    app: api\n  ports:\n    - port: 80\n      targetPort: $0\n'),
      }),
      [],
    );
  });
  it('nodePort suggests the first free port of the range', () => {
    const other = `apiVersion: v1\nkind: Service\nmetadata: {name: other}\nspec:\n  type: NodePort\n  ports: [{port: 1, nodePort: 30000}, {port: 2, nodePort: 30001}]\n`;
    assert.deepEqual(
      labels({
        'other.yaml': other,
        'svc.yaml': svc('  type: NodePort\n  ports:\n    - port: 80\n      nodePort: $0\n'),
      }),
      ['30002'],
    );
  });
  it('Service selector values come from the pod labels of the namespace', () => {
    assert.deepEqual(labels({ 'deploy.yaml': DEPLOY, 'svc.yaml': svc('  selector:\n    tier: $0\n') }), ['frontend']);
  });
  it("Ingress backend: Services of the namespace, then that Service's port names and numbers", () => {
    const services = `${svc('  ports:\n    - name: http\n      port: 80\n    - name: admin\n      port: 9000\n')}---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
---
apiVersion: v1
kind: Service
metadata:
  name: elsewhere
  namespace: other
`;
    const ingress = (backend: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
${backend}`;
    assert.deepEqual(labels({ 's.yaml': services, 'i.yaml': ingress('                name: $0\n') }), ['api', 'web']);
    assert.deepEqual(
      labels({
        's.yaml': services,
        'i.yaml': ingress('                name: web\n                port:\n                  name: $0\n'),
      }),
      ['http', 'admin'],
    );
    assert.deepEqual(
      labels({
        's.yaml': services,
        'i.yaml': ingress('                name: web\n                port:\n                  number: $0\n'),
      }),
      ['80', '9000'],
    );
  });
  it('enums and booleans from the schema', () => {
    assert.deepEqual(labels(DEPLOY.replace('image: nginx', 'image: nginx\n          imagePullPolicy: $0')).sort(), [
      'Always',
      'IfNotPresent',
      'Never',
    ]);
    assert.deepEqual(labels(DEPLOY.replace('image: nginx', 'image: nginx\n          tty: $0')), ['true', 'false']);
  });
  it('apiVersion and kind values', () => {
    assert.ok(labels('apiVersion: apps/v1\nkind: $0\n').includes('Deployment'));
    assert.ok(!labels('apiVersion: apps/v1\nkind: $0\n').includes('Service'));
    assert.deepEqual(labels('apiVersion: $0\nkind: Ingress\n'), ['networking.k8s.io/v1']);
  });
  it('nothing in comments and block scalars', () => {
    assert.deepEqual(labels(svc('  type: ClusterIP # $0\n')), []);
    assert.deepEqual(labels('apiVersion: v1\nkind: ConfigMap\ndata:\n  run.sh: |\n    type: $0\n'), []);
  });
});

describe('completion: keys', () => {
  it('Service port keys that fit, nodePort only for NodePort and LoadBalancer, minus keys already there', () => {
    assert.deepEqual(labels(svc('  ports:\n    - port: 80\n      $0\n')), [
      'name',
      'targetPort',
      'protocol',
      'appProtocol',
    ]);
    assert.deepEqual(labels(svc('  type: NodePort\n  ports:\n    - port: 80\n      $0\n')), [
      'name',
      'targetPort',
      'protocol',
      'nodePort',
      'appProtocol',
    ]);
    assert.deepEqual(labels(svc('  type: LoadBalancer\n  ports:\n    - $0\n')), [
      'name',
      'port',
      'targetPort',
      'protocol',
      'nodePort',
      'appProtocol',
    ]);
  });
  it('a partial key is replaced, with the value shape in the inserted text', () => {
    const { ws, path, lines, position } = workspaceAt(svc('  ports:\n    - port: 80\n      tar$0\n'));
    const answer = complete(ws, path, lines, position)!;
    assert.deepEqual(answer.range, { start: { line: 8, character: 6 }, end: { line: 8, character: 9 } });
    assert.equal(answer.items.find((i) => i.label === 'targetPort')?.insertText, 'targetPort: ');
  });
  it('keys from the schema at any depth, with descriptions; nested values get their indentation', () => {
    const at = DEPLOY.replace('          image: nginx\n', '          image: nginx\n          $0\n');
    const all = labels(at);
    for (const k of ['livenessProbe', 'resources', 'env', 'command']) assert.ok(all.includes(k), k);
    assert.ok(
      !all.includes('image') && !all.includes('name') && !all.includes('ports'),
      'keys already written are not offered',
    );
    assert.equal(item(at, 'resources').insertText, 'resources:\n            ');
    assert.equal(item(at, 'env').insertText, 'env:\n            - ');
    assert.equal(item(at, 'command').insertText, 'command:\n            - ');
    assert.ok((item(at, 'livenessProbe').documentation ?? '').length > 20);
  });
  it('container port keys at the start of an existing key', () => {
    const all = labels(DEPLOY.replace('            - containerPort: 9090', '            - $0containerPort: 9090'));
    assert.ok(all.includes('containerPort') && all.includes('protocol') && all.includes('hostPort'));
  });
  it('Service selector and Deployment matchLabels offer the pod labels of the namespace', () => {
    assert.deepEqual(labels({ 'deploy.yaml': DEPLOY, 'svc.yaml': svc('  selector:\n    $0\n') }), [
      'app: web',
      'tier: frontend',
    ]);
    assert.deepEqual(labels({ 'deploy.yaml': DEPLOY, 'svc.yaml': svc('  selector:\n    app: web\n    $0\n') }), [
      'tier: frontend',
    ]);
    assert.deepEqual(labels({ 'd.yaml': DEPLOY.replace('      app: web\n  template', '      $0\n  template') }), [
      'app: web',
      'tier: frontend',
    ]);
  });
  it('a new document offers apiVersion/kind pairs', () => {
    const { ws, path, lines, position } = workspaceAt(
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n$0\n',
    );
    const answer = complete(ws, path, lines, position)!;
    const deployment = answer.items.find((i) => i.label === 'Deployment');
    assert.equal(deployment?.insertText, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ');
    assert.ok(!answer.items.some((i) => i.detail === 'extensions/v1beta1'), 'removed apiVersions are not offered');
  });
  it('keys of the object root once the kind is known', () => {
    assert.deepEqual(labels('apiVersion: v1\nkind: Service\n$0\n').sort(), ['metadata', 'spec']);
  });
  it("inside an item of a `kind: List`, from that item's kind", () => {
    const list = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: a}
  - apiVersion: v1
    kind: Service
    metadata: {name: b}
    spec:
      type: $0
`;
    assert.deepEqual(labels(list), ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);
  });
});
