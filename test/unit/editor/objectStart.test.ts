/**
 * Where an object can start (the start of a document of a manifest, or of an empty file that will be one), completion
 * offers the kinds, most used first, with the snippets of snippets/kubernetes.json: one entry per kind or snippet.
 * Nowhere else, and never in YAML that is not Kubernetes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complete } from '../../../server/src/engine/editor/complete';
import { withDefaults } from '../../../server/src/engine';
import { objectSnippets } from '../../../server/src/lsp/snippets';
import { SHOP_WEB_DEPLOYMENT, workspaceAt } from './fixture';

const snippets = objectSnippets((m) => assert.fail(m));

function answer(files: Record<string, string> | string, triggerCharacter?: string) {
  const { ws, path, lines, position } = workspaceAt(files);
  return complete(ws, path, lines, position, withDefaults(), { snippets, triggerCharacter });
}
const labels = (files: Record<string, string> | string) => answer(files)?.items.map((i) => i.label) ?? [];
const SNIPPET_LABELS = [
  'Deployment',
  'Service',
  'Service (NodePort)',
  'Service (LoadBalancer)',
  'Service (headless)',
  'Service (ExternalName)',
  'Ingress',
  'Ingress (TLS)',
  'Deployment + Service + Ingress',
];

describe('completion where an object starts', () => {
  it('an empty file: the kinds most used first, each kind once, its snippet in place of its skeleton', () => {
    const a = answer({ 'app.yaml': '$0' })!;
    const got = a.items.map((i) => i.label);
    assert.deepEqual(got.slice(0, 11), [
      'Deployment',
      'Deployment + Service + Ingress',
      'Service',
      'Service (NodePort)',
      'Service (LoadBalancer)',
      'Service (headless)',
      'Service (ExternalName)',
      'Ingress',
      'Ingress (TLS)',
      'ConfigMap',
      'Secret',
    ]);
    assert.deepEqual(
      got.filter((l, i) => got.indexOf(l) !== i),
      [],
      'no entry twice',
    );
    for (const l of SNIPPET_LABELS) assert.equal(got.filter((x) => x === l).length, 1, `${l} once`);
    // the order the editor shows is the sortText order
    const sorted = [...a.items].sort((x, y) => (x.sortText < y.sortText ? -1 : 1)).map((i) => i.label);
    assert.deepEqual(sorted, got);
    assert.ok(
      got.indexOf('Service') < got.indexOf('ServiceCIDR') && got.indexOf('Service') < got.indexOf('ServiceAccount'),
      'Service before ServiceCIDR',
    );
    const dep = a.items.find((i) => i.label === 'Deployment')!;
    assert.equal(dep.format, 'snippet');
    assert.match(dep.insertText, /^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n {2}name: \$\{1:web\}/);
    const cm = a.items.find((i) => i.label === 'ConfigMap')!;
    assert.equal(cm.format, undefined);
    assert.equal(cm.insertText, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ');
    assert.deepEqual(a.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });

  it('a word typed at the start replaces the word; Serv ranks Service above ServiceCIDR', () => {
    const a = answer({ 'app.yaml': 'Serv$0' })!;
    assert.deepEqual(a.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } });
    const sort = (l: string) => a.items.find((i) => i.label === l)!.sortText;
    assert.ok(sort('Service') < sort('ServiceAccount') && sort('ServiceAccount') < sort('ServiceCIDR'));
  });

  it('a new document after the objects of a manifest', () => {
    assert.deepEqual(labels({ 'app.yaml': `${SHOP_WEB_DEPLOYMENT}---\n$0` }).slice(0, 3), [
      'Deployment',
      'Deployment + Service + Ingress',
      'Service',
    ]);
  });

  it('not in the YAML of other tools, empty or not', () => {
    assert.deepEqual(labels({ '.github/workflows/ci.yml': '$0' }), []);
    assert.deepEqual(labels({ 'docker-compose.yml': '$0' }), []);
    assert.deepEqual(labels({ 'chart/values.yaml': '$0' }), []);
    assert.deepEqual(
      labels({ 'ci.yml': 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n---\n$0' }),
      [],
      'a new document of a non-Kubernetes file',
    );
    assert.ok(!labels({ 'ci.yml': 'on: push\n$0' }).includes('Deployment'), 'next to the keys of a workflow');
  });

  it('not in a template, not inside an object', () => {
    assert.deepEqual(labels({ 'templates/x.yaml': '{{- if .Values.on }}\n$0' }), []);
    for (const text of [
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n      targetPort: $0\n',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    $0\n',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n$0\n',
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  defaultBackend:\n    service:\n      $0\n',
    ]) {
      const got = labels({ 'app.yaml': text });
      assert.deepEqual(
        got.filter((l) => SNIPPET_LABELS.includes(l) || l === 'ConfigMap'),
        [],
        `no object entries in ${JSON.stringify(text)}: ${got.join(', ')}`,
      );
    }
  });

  it('`kind:` values most used first', () => {
    const got = labels({ 'app.yaml': 'apiVersion: v1\nkind: $0\n' });
    assert.deepEqual(got.slice(0, 5), ['Service', 'ConfigMap', 'Secret', 'Pod', 'PersistentVolumeClaim']);
    const any = labels({ 'app.yaml': 'kind: $0\n' });
    assert.deepEqual(any.slice(0, 5), ['Deployment', 'Service', 'Ingress', 'ConfigMap', 'Secret']);
  });
});

const PORTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx
          ports:
            - name: http
              containerPort: 8080
            - name: metrics
`;

describe('completion on unfinished YAML', () => {
  it('a key typed at the dash column after `- name: metrics` + Enter is a key of that port item, inserted at its indentation', () => {
    const a = answer({ 'app.yaml': `${PORTS}            cont$0\n` })!;
    const item = a.items.find((i) => i.label === 'containerPort');
    assert.ok(item, a.items.map((i) => i.label).join(', '));
    assert.equal(item.insertText, '  containerPort: ');
    assert.equal(item.filterText, 'containerPort');
    assert.deepEqual(a.range, { start: { line: 14, character: 12 }, end: { line: 14, character: 16 } });
    assert.ok(!a.items.some((i) => i.label === 'name'), 'name is written already');
    assert.ok(!a.items.some((i) => i.label === 'image'), 'not the container’s keys');
  });

  it('Ctrl+Space on the blank line at the dash column: the item’s keys', () => {
    const a = answer({ 'app.yaml': `${PORTS}            $0\n` })!;
    assert.deepEqual(a.items.map((i) => i.label).sort(), ['containerPort', 'hostIP', 'hostPort', 'protocol']);
    assert.ok(a.items.every((i) => i.insertText.startsWith('  ')));
  });

  it('an indentless sequence keeps its meaning: a key at the dash column is a sibling of the sequence’s key', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n  sel$0\n';
    const a = answer({ 'app.yaml': text })!;
    const sel = a.items.find((i) => i.label === 'selector');
    assert.ok(sel, a.items.map((i) => i.label).join(', '));
    assert.ok(!sel.insertText.startsWith(' '));
  });

  it('a key on a half-written line of a file that does not parse', () => {
    const text = `${PORTS}            - name: admin\n              containerPort: [\n          imagePull$0\n`;
    const a = answer({ 'app.yaml': text })!;
    assert.ok(
      a.items.some((i) => i.label === 'imagePullPolicy'),
      a.items.map((i) => i.label).join(', '),
    );
  });

  it('spaces typed to indent open nothing; a space after `- ` or `key:` does', () => {
    assert.equal(answer({ 'app.yaml': `${PORTS}              $0\n` }, ' '), undefined);
    const afterDash = answer({ 'app.yaml': `${PORTS}            - $0\n` }, ' ')!;
    assert.ok(afterDash.items.some((i) => i.label === 'containerPort'));
    const value = answer({ 'app.yaml': `${PORTS}              protocol: $0\n` }, ' ')!;
    assert.deepEqual(
      value.items.map((i) => i.label),
      ['TCP', 'UDP', 'SCTP'],
    );
  });
});
