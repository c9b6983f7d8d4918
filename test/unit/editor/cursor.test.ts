import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cursorContext } from '../../../server/src/engine/editor/cursor';
import { textLines } from '../../../server/src/engine/editor/lines';
import { cursor } from './fixture';

function ctx(src: string) {
  const { text, position } = cursor(src);
  const c = cursorContext(textLines(text), position);
  return (
    c && {
      role: c.role,
      path: c.path,
      key: c.key,
      prefix: c.prefix,
      word: text.split('\n')[c.line].slice(c.wordStart, c.wordEnd),
      kind: c.doc.kind,
      name: c.doc.name,
    }
  );
}

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  type: $0
  ports:
    - port: 80
`;

describe('cursorContext', () => {
  it('value after `type: ` with nothing typed', () => {
    assert.deepEqual(ctx(SERVICE), {
      role: 'value',
      path: ['spec', 'type'],
      key: 'type',
      prefix: '',
      word: '',
      kind: 'Service',
      name: 'web',
    });
  });
  it('partial value', () => {
    assert.deepEqual(ctx('kind: Service\nspec:\n  type: Nod$0ePort\n')?.word, 'NodePort');
    assert.deepEqual(ctx('kind: Service\nspec:\n  type: Nod$0ePort\n')?.prefix, 'Nod');
  });
  it('`targetPort:` at the end of a line, in the second item', () => {
    const c = ctx(
      'apiVersion: v1\nkind: Service\nspec:\n  ports:\n    - port: 80\n    - port: 81\n      targetPort:$0\n',
    );
    assert.deepEqual(c?.path, ['spec', 'ports', 1, 'targetPort']);
    assert.equal(c?.role, 'value');
  });
  it('a partial key on a new line of a sequence item', () => {
    const c = ctx('kind: Service\nspec:\n  ports:\n    - port: 80\n      tar$0\n  selector: {}\n');
    assert.deepEqual(c && [c.role, c.path, c.prefix], ['key', ['spec', 'ports', 0], 'tar']);
  });
  it('a new key right after a dash', () => {
    const c = ctx('spec:\n  ports:\n  - port: 1\n  - $0\n');
    assert.deepEqual(c && [c.role, c.path], ['key', ['spec', 'ports', 1]]);
  });
  it('on an existing key', () => {
    const c = ctx('spec:\n  containers:\n    - name: a\n      ports:\n        - $0containerPort: 80\n');
    assert.deepEqual(c && [c.role, c.path, c.key, c.word], [
      'key',
      ['spec', 'containers', 0, 'ports', 0],
      'containerPort',
      'containerPort',
    ]);
  });
  it('an empty line at the indentation of a map', () => {
    const c = ctx('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  $0\nspec: {}\n');
    assert.deepEqual(c && [c.role, c.path], ['key', ['metadata']]);
  });
  it('document root in the second document', () => {
    const c = ctx('kind: Service\n---\n$0\n');
    assert.deepEqual(c && [c.role, c.path, c.kind], ['key', [], undefined]);
  });
  it('nested sequences and indentless sequences', () => {
    assert.deepEqual(ctx('a:\n- - x: 1\n  - y: 2\n    z$0\n')?.path, ['a', 0, 1]);
    assert.deepEqual(
      ctx(
        'spec:\n  rules:\n  - host: a\n  - host: b\n    http:\n      paths:\n      - path: /\n        backend:\n          service:\n            name: $0\n',
      )?.path,
      ['spec', 'rules', 1, 'http', 'paths', 0, 'backend', 'service', 'name'],
    );
  });
  it('nothing inside comments and block scalars', () => {
    assert.equal(ctx('spec:\n  type: a # $0\n'), undefined);
    assert.equal(ctx('data:\n  script: |\n    echo $0\n'), undefined);
    assert.equal(ctx('data:\n  script: |\n    ec$0\n'), undefined);
  });
  it('skips the contents of earlier siblings and block scalars', () => {
    const c = ctx(
      'spec:\n  template:\n    spec:\n      containers:\n        - name: a\n          args:\n            - |\n              x: y\n          $0\n',
    );
    assert.deepEqual(c?.path, ['spec', 'template', 'spec', 'containers', 0]);
  });
  it('quoted values and keys', () => {
    const c = ctx('spec:\n  "type": "Load$0"\n');
    assert.deepEqual(c && [c.role, c.path, c.word, c.prefix], ['value', ['spec', 'type'], 'Load', 'Load']);
  });
  it('CRLF line ends', () => {
    const c = ctx('spec:\r\n  ports:\r\n    - name: a\r\n      $0\r\n');
    assert.deepEqual(c && [c.role, c.path], ['key', ['spec', 'ports', 0]]);
  });
});
