/**
 * Quick fixes with choices: one per container port for a targetPort that names none, removing nodePort as well
 * as a free port, the closest Services for an Ingress backend, the closest fields for an unknown one. Each
 * choice is applied to the text: the result keeps the YAML's style and kubeway finds that problem gone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quickFixes } from '../../../server/src/engine/editor/fixes';
import type { QuickFix } from '../../../server/src/engine/editor/fixes';
import type { Diagnostic, Fix } from '../../../server/src/engine';
import { check } from '../../harness';

function apply(text: string, fix: Fix): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)))
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

function fixesOf(files: Record<string, string>, file: string, code: string): { d: Diagnostic; fixes: QuickFix[] } {
  const all = check(files).filter((x) => x.file === file);
  const d = all.find((x) => x.code === code);
  assert.ok(d, `a ${code} finding in ${file}: ${all.map((x) => x.code).join(', ')}`);
  return { d, fixes: quickFixes(all, d.range).filter((f) => f.diagnostic === d) };
}

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
    spec:
      containers:
        - name: app
          image: shop:1
          ports:
            - name: http
              containerPort: 8080
            - name: metrics
              containerPort: 9090
            - containerPort: 7070
`;

const service = (ports: string, type = '') => `apiVersion: v1
kind: Service
metadata:
  name: shop
spec:
${type}  selector:
    app: shop
  ports:
${ports}`;

describe('quick fixes with choices', () => {
  it('a targetPort naming no container port: one fix per declared port, by name and by number, quotes kept for names', () => {
    const svc = service('    - port: 80\n      targetPort: "htpp" # the web port\n');
    const { fixes } = fixesOf({ 'd.yaml': DEPLOY, 's.yaml': svc }, 's.yaml', 'service-target-port');
    assert.deepEqual(
      fixes.map((f) => [f.title, f.preferred]),
      [
        ['Change targetPort to http (container port 8080/TCP of Deployment shop)', false],
        ['Change targetPort to metrics (container port 9090/TCP of Deployment shop)', false],
        ['Change targetPort to 8080 (container port http of Deployment shop)', false],
        ['Change targetPort to 9090 (container port metrics of Deployment shop)', false],
        ['Change targetPort to 7070 (container port of Deployment shop)', false],
      ],
    );
    const byName = apply(svc, fixes[0].fix);
    assert.match(byName, /^ {6}targetPort: "http" # the web port$/m);
    const byNumber = apply(svc, fixes[2].fix);
    assert.match(byNumber, /^ {6}targetPort: 8080 # the web port$/m);
    for (const f of fixes)
      assert.deepEqual(
        check({ 'd.yaml': DEPLOY, 's.yaml': apply(svc, f.fix) })
          .filter((d) => d.file === 's.yaml')
          .map((d) => d.code),
        [],
        f.title,
      );
  });

  it('a nodePort out of range: a free port (the fix) or remove nodePort; block and flow style', () => {
    const block = service(
      '    - port: 80 # web\n      nodePort: 99999 # was fixed\n      targetPort: http\n',
      '  type: NodePort\n',
    );
    const { fixes } = fixesOf({ 'd.yaml': DEPLOY, 's.yaml': block }, 's.yaml', 'service-node-port');
    assert.deepEqual(
      fixes.map((f) => [f.title, f.preferred]),
      [
        ['Change to the free node port 30000', true],
        ['Remove nodePort (let the cluster pick one)', false],
      ],
    );
    assert.equal(
      apply(block, fixes[1].fix),
      service('    - port: 80 # web\n      targetPort: http\n', '  type: NodePort\n'),
    );
    const first = service('    - nodePort: 99999\n      port: 80\n      targetPort: http\n', '  type: NodePort\n');
    assert.equal(
      apply(first, fixesOf({ 'd.yaml': DEPLOY, 's.yaml': first }, 's.yaml', 'service-node-port').fixes[1].fix),
      service('    - port: 80\n      targetPort: http\n', '  type: NodePort\n'),
    );
    const flow = service('    - {port: 80, nodePort: 99999, targetPort: http}\n', '  type: NodePort\n');
    assert.equal(
      apply(flow, fixesOf({ 'd.yaml': DEPLOY, 's.yaml': flow }, 's.yaml', 'service-node-port').fixes[1].fix),
      service('    - {port: 80, targetPort: http}\n', '  type: NodePort\n'),
    );
    for (const text of [block, first, flow]) {
      for (const f of fixesOf({ 'd.yaml': DEPLOY, 's.yaml': text }, 's.yaml', 'service-node-port').fixes) {
        assert.deepEqual(
          check({ 'd.yaml': DEPLOY, 's.yaml': apply(text, f.fix) })
            .filter((d) => d.file === 's.yaml')
            .map((d) => d.code),
          [],
          f.title,
        );
      }
    }
  });

  it('an Ingress backend to an absent Service: the closest Services of its namespace', () => {
    const svcs = ['shop-web', 'shop-api', 'ledger', 'payments']
      .map((n) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${n}\nspec:\n  ports:\n    - port: 80\n`)
      .join('---\n');
    const ing = `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\nspec:\n  defaultBackend:\n    service:\n      name: 'shop-app'\n      port:\n        number: 80\n`;
    const { fixes } = fixesOf({ 's.yaml': svcs, 'i.yaml': ing }, 'i.yaml', 'ingress-service-missing');
    // shop-api is one typo away: the fix; the next closest are choices.
    assert.deepEqual(
      fixes.map((f) => [f.title, f.preferred]),
      [
        ['Change to shop-api', true],
        ['Route to Service shop-web', false],
        ['Route to Service ledger', false],
      ],
    );
    const far = ing.replace("'shop-app'", "'storefront'");
    assert.deepEqual(
      fixesOf({ 's.yaml': svcs, 'i.yaml': far }, 'i.yaml', 'ingress-service-missing').fixes.map((f) => [
        f.title,
        f.preferred,
      ]).length,
      3,
      'no name is near: three Services to choose from',
    );
    assert.match(apply(ing, fixes[0].fix), /^ {6}name: 'shop-api'$/m, 'quotes kept');
    assert.deepEqual(
      check({ 's.yaml': svcs, 'i.yaml': apply(ing, fixes[0].fix) })
        .filter((d) => d.file === 'i.yaml')
        .map((d) => d.code),
      [],
    );
  });

  it('an unknown field: the closest fields to choose from; one field a typo away is the fix', () => {
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: i\n      imagePolicy: Always\n';
    const { fixes } = fixesOf({ 'p.yaml': pod }, 'p.yaml', 'schema-unknown-field');
    assert.ok(fixes.length >= 2, fixes.map((f) => f.title).join(', '));
    assert.equal(fixes[0].title, 'Change to imagePullPolicy');
    assert.ok(
      fixes.every((f) => !f.preferred),
      'no field is one typo away: choices only',
    );
    assert.ok(
      fixes.slice(1).every((f) => !f.preferred && f.title !== 'Change to image'),
      'no rename onto a key the map has',
    );
    assert.match(apply(pod, fixes[0].fix), /^ {6}imagePullPolicy: Always$/m);
    const none =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: i\n      restartPolicyy: Always\n';
    const r = fixesOf({ 'p.yaml': none }, 'p.yaml', 'schema-unknown-field');
    assert.deepEqual([r.fixes[0].title, r.fixes[0].preferred], ['Change to restartPolicy', true]);
  });
});
