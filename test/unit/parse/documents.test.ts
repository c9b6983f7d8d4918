/** How manifest files are read: documents, Lists, aliases and merges, flow style, JSON, comments, CRLF, BOM. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManifestFile } from '../../../server/src/engine/parse/manifestFile';
import { Workspace } from '../../../server/src/engine/model/workspace';
import type { K8sObject } from '../../../server/src/engine/model/object';
import { apiVersionRemoved } from '../../../server/src/engine/rules/api-version-removed';
import { yamlAliasLimit } from '../../../server/src/engine/rules/yaml-alias-limit';
import { yamlDuplicateKey } from '../../../server/src/engine/rules/yaml-duplicate-key';
import { yamlSyntax } from '../../../server/src/engine/rules/yaml-syntax';
import { yamlTabIndent } from '../../../server/src/engine/rules/yaml-tab-indent';
import { check } from '../../harness';

const YAML_RULES = [yamlSyntax, yamlTabIndent, yamlDuplicateKey, yamlAliasLimit];

function objects(text: string): K8sObject[] {
  const ws = new Workspace();
  return ws.setText('t.yaml', text).objects;
}

function names(text: string): string[] {
  return objects(text).map((o) => `${o.kind}/${o.namespace}/${o.name}`);
}

/** YAML-level diagnostics only, as `line:char-line:char code`. */
function yamlProblems(text: string): string[] {
  return check(text, { rules: YAML_RULES }).map(
    (d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code}`,
  );
}

const svc = (name: string, ns?: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}spec:\n  ports:\n  - port: 80\n`;

describe('documents', () => {
  it('reads every document of a multi-document stream, skipping empty and comment-only ones', () => {
    const text = `# leading comment\n---\n${svc('a')}---\n---\n# only a comment\n---\n${svc('b', 'shop')}...\n---\n${svc('c')}`;
    assert.deepEqual(names(text), ['Service/default/a', 'Service/shop/b', 'Service/default/c']);
    assert.deepEqual(yamlProblems(text), []);
  });

  it('an empty file, a blank file, a comment-only file and a lone separator have no objects and no problems', () => {
    for (const text of ['', '\n\n   \n', '# nothing here\n', '---\n', '---\n...\n', '--- \n---\n', '\r\n']) {
      assert.deepEqual(names(text), [], JSON.stringify(text));
      assert.deepEqual(yamlProblems(text), [], JSON.stringify(text));
    }
  });

  it('ignores documents without apiVersion and kind', () => {
    const text = `name: CI\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n---\n${svc('a')}---\nkind: Service\n---\napiVersion: v1\n`;
    assert.deepEqual(names(text), ['Service/default/a']);
  });

  it('reads the items of a kind: List as objects of their own', () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a, namespace: shop}\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: web}\n- not-an-object\n- {kind: NoApiVersion}\n`;
    const objs = objects(text);
    assert.deepEqual(
      objs.map((o) => `${o.kind}/${o.namespace}/${o.name} ${o.inList}`),
      ['Service/shop/a true', 'Deployment/default/web true'],
    );
  });

  it('validates List items like top-level objects (their ranges point into the item)', () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: extensions/v1beta1\n  kind: Deployment\n  metadata: {name: web}\n`;
    const ds = check(text, { rules: [apiVersionRemoved] });
    assert.deepEqual(
      ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.code}`),
      ['3:14-32 api-version-removed'],
    );
  });

  it('reads typed lists (ServiceList) like List', () => {
    assert.deepEqual(names(`apiVersion: v1\nkind: ServiceList\nitems:\n- ${svc('a').split('\n').join('\n  ')}`), [
      'Service/default/a',
    ]);
  });
});

describe('anchors, aliases and merge keys', () => {
  it('follows aliases to their anchors', () => {
    const text = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: &labels\n    app: web\n    tier: front\nspec:\n  selector:\n    matchLabels: *labels\n  template:\n    metadata:\n      labels: *labels\n`;
    const [obj] = objects(text);
    const r = obj.reader;
    assert.deepEqual(
      [...(r.stringMap(obj.get('spec', 'selector', 'matchLabels')) ?? [])],
      [
        ['app', 'web'],
        ['tier', 'front'],
      ],
    );
    assert.deepEqual(
      [...(r.stringMap(obj.get('spec', 'template', 'metadata', 'labels')) ?? [])],
      [
        ['app', 'web'],
        ['tier', 'front'],
      ],
    );
    assert.deepEqual(yamlProblems(text), []);
  });

  it('an alias refers to the latest anchor of that name before it', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: &x one\n  b: *x\n  c: &x two\n  d: *x\n`;
    const [obj] = objects(text);
    assert.deepEqual(
      [...(obj.reader.stringMap(obj.get('data')) ?? [])],
      [
        ['a', 'one'],
        ['b', 'one'],
        ['c', 'two'],
        ['d', 'two'],
      ],
    );
  });

  it('merges `<<` maps as go-yaml v2 does: keys apply in order and the later wins (also over a `<<` after an own key), earlier merge sources win over later ones, lists of merges work', () => {
    const text = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: c}',
      'data:',
      '  base: &base {a: base-a, b: base-b, c: base-c}',
      '  extra: &extra {b: extra-b, d: extra-d}',
      '  one:',
      '    <<: *base',
      '    a: own-a',
      '  many:',
      '    <<: [*extra, *base]',
      '    c: own-c',
      '  inline:',
      '    <<: {e: inline-e}',
      '  nested:',
      '    <<: *many',
      '  late:',
      '    a: own-a',
      '    <<: *base',
      '',
    ]
      .join('\n')
      .replace('  many:', '  many: &many');
    const [obj] = objects(text);
    const r = obj.reader;
    const map = (k: string) => Object.fromEntries(r.stringMap(obj.get('data', k)) ?? []);
    assert.deepEqual(map('one'), { a: 'own-a', b: 'base-b', c: 'base-c' });
    assert.deepEqual(map('many'), { c: 'own-c', b: 'extra-b', d: 'extra-d', a: 'base-a' });
    assert.deepEqual(map('inline'), { e: 'inline-e' });
    assert.deepEqual(map('nested'), { c: 'own-c', b: 'extra-b', d: 'extra-d', a: 'base-a' });
    // kubectl keeps what the merge brings, since it comes after `a: own-a`.
    assert.deepEqual(map('late'), { a: 'base-a', b: 'base-b', c: 'base-c' });
    assert.equal(r.text(r.get(obj.get('data', 'late'), 'a')), 'base-a');
    assert.equal(r.text(r.get(obj.get('data', 'one'), 'b')), 'base-b');
    // An own key overriding a merged one is not a duplicate.
    assert.deepEqual(yamlProblems(text), []);
  });

  it('reads apiVersion, kind and metadata brought in by a merge', () => {
    const text = `common: &common\n  apiVersion: v1\n  kind: Service\n---\n`;
    // Anchors do not cross documents: only the second document of this file is an object.
    const text2 = `apiVersion: v1\nkind: List\nitems:\n- &svc\n  apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n- <<: *svc\n  metadata: {name: b}\n`;
    assert.deepEqual(names(text + svc('x')), ['Service/default/x']);
    assert.deepEqual(names(text2), ['Service/default/a', 'Service/default/b']);
  });
});

describe('flow style, JSON and comments', () => {
  it('reads an object written entirely in flow style', () => {
    const text = `{apiVersion: v1, kind: Service, metadata: {name: a, namespace: shop, labels: {app: a}}, spec: {ports: [{port: 80, targetPort: http}], selector: {app: a}}}\n`;
    const [obj] = objects(text);
    assert.equal(`${obj.kind}/${obj.namespace}/${obj.name}`, 'Service/shop/a');
    assert.equal(obj.reader.text(obj.get('spec', 'selector', 'app')), 'a');
    assert.deepEqual(yamlProblems(text), []);
  });

  it('reads JSON documents, one per file or several in a stream', () => {
    const json = JSON.stringify(
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'a', labels: { app: 'a' } },
        spec: { ports: [{ port: 80 }] },
      },
      null,
      2,
    );
    assert.deepEqual(names(json), ['Service/default/a']);
    assert.deepEqual(names(`${json}\n---\n${json.replace('"a"', '"b"')}\n`), [
      'Service/default/a',
      'Service/default/b',
    ]);
    const [obj] = objects(json);
    assert.deepEqual(obj.doc.rangeOf(obj.get('metadata', 'name')), {
      start: { line: 4, character: 12 },
      end: { line: 4, character: 15 },
    });
    assert.deepEqual(yamlProblems(json), []);
  });

  it('accepts comments anywhere', () => {
    const text = [
      '# file header',
      '--- # document start',
      '# before the first key',
      'apiVersion: v1 # trailing',
      'kind: Service',
      'metadata: # after a key',
      '  # between keys',
      '  name: a',
      '  labels: {app: a, # inside a flow map',
      '    tier: web}',
      'spec:',
      '  ports: # before a list',
      '  # between items',
      '  - port: 80 # after an item',
      '    # inside an item',
      '    targetPort: 8080',
      '  - [1, # inside a flow sequence',
      '     2]',
      '# at the end',
      '...',
      '# after the document end',
      '',
    ].join('\n');
    const [obj] = objects(text);
    assert.equal(obj.name, 'a');
    assert.equal(obj.reader.text(obj.get('metadata', 'labels', 'tier')), 'web');
    assert.deepEqual(yamlProblems(text), []);
  });

  it('treats `#` without a space before it as part of a value', () => {
    const [obj] = objects(
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  url: http://host/#anchor\n  color: red#not-a-comment\n`,
    );
    assert.equal(obj.reader.text(obj.get('data', 'url')), 'http://host/#anchor');
    assert.equal(obj.reader.text(obj.get('data', 'color')), 'red#not-a-comment');
  });
});

describe('line endings and byte order marks', () => {
  it('gives ranges on CRLF files that exclude the carriage return', () => {
    const text = `apiVersion: extensions/v1beta1\r\nkind: Deployment\r\nmetadata:\r\n  name: web\r\n  name: web2\r\n`;
    const ds = check(text, { rules: [...YAML_RULES, apiVersionRemoved] });
    assert.deepEqual(
      ds.map(
        (d) =>
          `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code}`,
      ),
      ['0:12-0:30 api-version-removed', '4:2-4:6 yaml-duplicate-key'],
    );
    const [obj] = objects(text);
    // Of a duplicated key kubectl keeps the last value.
    assert.deepEqual(obj.doc.rangeOf(obj.get('metadata', 'name')), {
      start: { line: 4, character: 8 },
      end: { line: 4, character: 12 },
    });
    assert.equal(obj.name, 'web2');
  });

  it('gives ranges on CRLF files for syntax errors and tabs', () => {
    assert.deepEqual(yamlProblems('apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: "a\r\n'), [
      '3:8-3:10 yaml-syntax',
    ]);
    assert.deepEqual(yamlProblems('apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n\tname: a\r\n'), [
      '3:0-3:8 yaml-tab-indent',
    ]);
  });

  it('reads multi-line values on CRLF files without carriage returns in them', () => {
    const [obj] = objects(
      'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: c\r\ndata:\r\n  script: |\r\n    echo one\r\n    echo two\r\n  folded: >\r\n    a\r\n    b\r\n',
    );
    assert.equal(obj.reader.text(obj.get('data', 'script')), 'echo one\necho two\n');
    assert.equal(obj.reader.text(obj.get('data', 'folded')), 'a b\n');
  });

  it('ends lines at a lone CR (old Mac files), as LSP clients and YAML do', () => {
    const text = 'apiVersion: v1\rkind: ConfigMap\rmetadata:\r  name: c\r  name: d\r';
    const [obj] = objects(text);
    assert.equal(`${obj.kind}/${obj.name}`, 'ConfigMap/d');
    assert.deepEqual(obj.doc.rangeOf(obj.get('metadata', 'name')), {
      start: { line: 4, character: 8 },
      end: { line: 4, character: 9 },
    });
    assert.deepEqual(yamlProblems(text), ['4:2-4:6 yaml-duplicate-key']);
  });

  it('reads a file that starts with a byte order mark', () => {
    const text = `\uFEFF${svc('a')}---\n${svc('b')}`;
    assert.deepEqual(names(text), ['Service/default/a', 'Service/default/b']);
    assert.deepEqual(yamlProblems(text), []);
    assert.deepEqual(yamlProblems(`\uFEFFapiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  name: b\n`), [
      '4:2-4:6 yaml-duplicate-key',
    ]);
  });
});

describe('YAML 1.1 scalars, as kubectl (go-yaml v2) decodes them', () => {
  const values: [string, unknown][] = [
    ['0755', 493],
    ['0o755', 493],
    ['-0o17', -15],
    ['0x1F', 31],
    ['0b101', 5],
    ['1_000', 1000],
    ['+12', 12],
    ['1e3', 1000],
    ['1.5', 1.5],
    ['.inf', Infinity],
    ['yes', true],
    ['Yes', true],
    ['on', true],
    ['ON', true],
    ['y', true],
    ['True', true],
    ['no', false],
    ['off', false],
    ['Off', false],
    ['n', false],
    ['FALSE', false],
    ['~', null],
    ['null', null],
    ['', null],
    ['10:30', '10:30'],
    ['1:20:30', '1:20:30'],
    ['2001-12-14', '2001-12-14'],
    ['2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'],
    ['"0755"', '0755'],
    ["'yes'", 'yes'],
    ['"80"', '80'],
    ['v1.2.3', 'v1.2.3'],
    // go-yaml v2 needs a digit in a float; the yaml library alone would read these as NaN.
    ['.', '.'],
    ['-.', '-.'],
    ['._', '._'],
    ['e3', 'e3'],
    ['.e3', '.e3'],
    ['.5', 0.5],
    ['1.', 1],
    ['-1.5e-3', -0.0015],
    ['1_000.5', 1000.5],
  ];
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n${values.map(([v], i) => `  k${i}: ${v}`).join('\n')}\n`;
  const file = new ManifestFile('t.yaml', text);
  const doc = file.documents[0];
  const data = doc.reader.get(doc.contents, 'data');
  for (const [i, [source, expected]] of values.entries()) {
    it(`${JSON.stringify(source)} is ${typeof expected === 'string' ? JSON.stringify(expected) : String(expected)}`, () => {
      const node = doc.reader.scalar(doc.reader.get(data, `k${i}`));
      assert.deepEqual(node?.value ?? null, expected);
    });
  }

  it('DocReader.int reads integers only, not quoted numbers', () => {
    const [obj] = objects(
      `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - {port: 0x50, targetPort: "8080", nodePort: 1e3, name: 80}\n`,
    );
    const port = obj.reader.items(obj.get('spec', 'ports'))[0];
    assert.equal(obj.reader.int(obj.reader.get(port, 'port')), 80);
    assert.equal(obj.reader.int(obj.reader.get(port, 'targetPort')), undefined);
    assert.equal(obj.reader.str(obj.reader.get(port, 'targetPort')), '8080');
    assert.equal(obj.reader.int(obj.reader.get(port, 'nodePort')), 1000);
    assert.equal(obj.reader.str(obj.reader.get(port, 'name')), undefined);
    assert.equal(obj.reader.text(obj.reader.get(port, 'name')), '80');
  });
});
