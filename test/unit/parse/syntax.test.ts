/**
 * YAML problems: one syntax error per file, on the line a person would point at; duplicate keys (every
 * repetition); tabs as indentation; alias limits. Not Kubernetes YAML and Helm templates get nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { yamlAliasLimit } from '../../../server/src/engine/rules/yaml-alias-limit';
import { yamlDuplicateKey } from '../../../server/src/engine/rules/yaml-duplicate-key';
import { yamlSyntax } from '../../../server/src/engine/rules/yaml-syntax';
import { yamlTabIndent } from '../../../server/src/engine/rules/yaml-tab-indent';
import { ManifestFile } from '../../../server/src/engine/parse/manifestFile';
import { check } from '../../harness';

const YAML_RULES = [yamlSyntax, yamlTabIndent, yamlDuplicateKey, yamlAliasLimit];

/** Every YAML-level diagnostic as `line:char-line:char code: message` (0-based, as in LSP). */
function problems(text: string | string[]): string[] {
  const t = Array.isArray(text) ? text.join('\n') + '\n' : text;
  return check(t, { rules: YAML_RULES }).map(
    (d) =>
      `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code}: ${d.message}`,
  );
}

/** `line:char-line:char code` of a problem line. */
const where = (p: string): string => (/^\S+ [\w-]+/.exec(p) ?? [p])[0];

const HEAD = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: settings'];

describe('syntax errors: exactly one, where the problem is', () => {
  const cases: { name: string; lines: string[]; expected: string }[] = [
    {
      name: 'unclosed double quote: on the opening quote, not at the end of the file',
      lines: [...HEAD, '  namespace: "shop', 'data:', '  a: b'],
      expected:
        '4:13-4:18 yaml-syntax: YAML syntax error: missing closing ": the quoted string that starts here runs to the end of the document. Close it with ".',
    },
    {
      name: 'unclosed single quote',
      lines: [...HEAD, 'data:', "  greeting: 'hello", '  other: x'],
      expected:
        "5:12-5:18 yaml-syntax: YAML syntax error: missing closing ': the quoted string that starts here runs to the end of the document. Close it with '.",
    },
    {
      name: 'unclosed flow map: on the `{`',
      lines: ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: settings, namespace: shop', 'data:', '  a: b'],
      expected:
        '2:10-2:42 yaml-syntax: YAML syntax error: this flow map `{` is never closed: add the missing `}` (and the lines inside it must be indented more than its key).',
    },
    {
      name: 'unclosed flow sequence',
      lines: [...HEAD, '  finalizers: [a, b', 'data:', '  a: b'],
      expected:
        '4:14-4:19 yaml-syntax: YAML syntax error: this flow sequence `[` is never closed: add the missing `]` (and the lines inside it must be indented more than its key).',
    },
    {
      name: 'unclosed flow map inside a flow sequence: the inner one',
      lines: [...HEAD, '  finalizers: [a, {b: c', 'data:', '  a: b'],
      expected:
        '4:18-4:23 yaml-syntax: YAML syntax error: this flow map `{` is never closed: add the missing `}` (and the lines inside it must be indented more than its key).',
    },
    {
      name: 'unclosed JSON object',
      lines: ['{"apiVersion": "v1", "kind": "ConfigMap",', ' "metadata": {"name": "settings"}'],
      expected: '0:0-0:41 yaml-syntax: YAML syntax error: this flow map `{` is never closed: add the missing `}`.',
    },
    {
      name: 'a line indented deeper than its siblings: on that line',
      lines: [...HEAD, '    namespace: shop', 'data:', '  a: b'],
      expected:
        '4:4-4:19 yaml-syntax: YAML syntax error: this line is indented further than the line above it, so YAML reads it as part of that value: line it up with the keys it belongs with.',
    },
    {
      name: 'a line indented deeper inside a list item',
      lines: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: p',
        'spec:',
        '  containers:',
        '  - name: app',
        '      image: nginx',
      ],
      expected:
        '7:6-7:18 yaml-syntax: YAML syntax error: this line is indented further than the line above it, so YAML reads it as part of that value: line it up with the keys it belongs with.',
    },
    {
      name: 'a line indented less than its siblings',
      lines: [...HEAD, ' namespace: shop', 'data:', '  a: b'],
      expected: '4:1-4:2 yaml-syntax: YAML syntax error: all mapping items must start at the same column.',
    },
    {
      name: 'a list item key indented one space too little',
      lines: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: p',
        'spec:',
        '  containers:',
        '  - name: app',
        '   image: nginx',
      ],
      expected: '7:3-7:4 yaml-syntax: YAML syntax error: sequence item without - indicator.',
    },
    {
      name: 'a stray `: ` inside a plain value',
      lines: [...HEAD, 'data:', '  command: echo a: b'],
      expected:
        '5:11-5:20 yaml-syntax: YAML syntax error: a plain value cannot contain `: `: quote the value, or put the nested map on its own indented lines.',
    },
    {
      name: 'a key without `:` before an indented block',
      lines: ['apiVersion: v1', 'kind: ConfigMap', 'metadata', '  name: settings'],
      expected:
        '2:0-2:8 yaml-syntax: YAML syntax error: missing `:` after `metadata`: the lines below are indented under it as if it were a key.',
    },
    {
      name: 'a key without `:` at the end of a map',
      lines: [...HEAD, 'data:', '  a: b', '  c d'],
      expected:
        '6:2-6:5 yaml-syntax: YAML syntax error: `c d` is not a `key: value` pair: add the missing `:`, or indent this line to continue the value above it.',
    },
    {
      name: 'a key glued to its value (no space after `:`)',
      lines: [...HEAD, 'data:', '  a: b', '  mode:debug'],
      expected:
        '6:2-6:12 yaml-syntax: YAML syntax error: missing space after `:` in `mode:debug`: write `mode: debug`.',
    },
    {
      name: 'a key glued to its value, followed by more keys',
      lines: [...HEAD, 'data:', '  mode:debug', '  a: b'],
      expected:
        '5:2-5:12 yaml-syntax: YAML syntax error: missing space after `:` in `mode:debug`: write `mode: debug`.',
    },
    {
      name: 'a quote inside a single-quoted value',
      lines: [...HEAD, 'data:', "  greeting: 'it's me'"],
      expected:
        "5:16-5:21 yaml-syntax: YAML syntax error: text after the end of a quoted value: quote the whole value (inside single quotes write a quote as `''`, inside double quotes as `\\\"`).",
    },
    {
      name: 'text after a flow sequence',
      lines: [...HEAD, 'data:', '  args: [a, b] c'],
      expected:
        '5:15-5:16 yaml-syntax: YAML syntax error: text after the closing `]`: quote the whole value, or move the text inside the brackets.',
    },
    {
      name: 'a list item where a key is expected',
      lines: [...HEAD, 'data:', '  a: b', '  - c'],
      expected:
        '6:2-6:5 yaml-syntax: YAML syntax error: a list item (`- `) cannot start here: indent it under the key it belongs to.',
    },
    {
      name: 'a list item at the top level of a map document',
      lines: [...HEAD, '- b'],
      expected:
        '4:0-4:3 yaml-syntax: YAML syntax error: a list item (`- `) cannot start here: indent it under the key it belongs to.',
    },
    {
      name: 'an extra closing bracket',
      lines: [...HEAD, 'data: {a: b}}'],
      expected: '4:12-4:13 yaml-syntax: YAML syntax error: unexpected flow-map-end token in YAML stream: "}".',
    },
    {
      name: 'a missing comma in JSON',
      lines: ['{"apiVersion": "v1", "kind": "ConfigMap"', ' "metadata": {"name": "settings"}}'],
      expected: '1:1-1:2 yaml-syntax: YAML syntax error: missing , between flow map items.',
    },
    {
      name: 'a comment glued to a quoted value',
      lines: [...HEAD, 'data:', '  a: "b"#note'],
      expected:
        '5:8-5:13 yaml-syntax: YAML syntax error: comments must be separated from other tokens by white space characters.',
    },
    {
      name: 'an invalid escape in a double-quoted string',
      lines: [...HEAD, 'data:', '  path: "C:\\windows"'],
      expected: '5:11-5:12 yaml-syntax: YAML syntax error: invalid escape sequence \\w.',
    },
    {
      name: 'a reserved character starting a plain value',
      lines: [...HEAD, 'data:', '  user: @admin'],
      expected: '5:8-5:9 yaml-syntax: YAML syntax error: plain value cannot start with reserved character @.',
    },
    {
      name: 'a block scalar whose content is not indented',
      lines: [...HEAD, 'data:', '  script: |', '  echo hi'],
      expected:
        '6:2-6:9 yaml-syntax: YAML syntax error: `echo hi` is not a `key: value` pair: add the missing `:`, or indent this line to continue the value above it.',
    },
    {
      name: 'an alias to an anchor that is not defined',
      lines: [...HEAD, 'data:', '  a: &one x', '  b: *two'],
      expected:
        '6:5-6:9 yaml-syntax: YAML syntax error: unknown alias `*two`: no anchor `&two` is defined before it in this document.',
    },
    {
      name: 'an alias used before its anchor',
      lines: [...HEAD, 'data:', '  b: *one', '  a: &one x'],
      expected:
        '5:5-5:9 yaml-syntax: YAML syntax error: unknown alias `*one`: no anchor `&one` is defined before it in this document.',
    },
    {
      name: 'an alias inside the node it refers to',
      lines: [...HEAD, 'data: &data', '  self: *data'],
      expected:
        '5:8-5:13 yaml-syntax: YAML syntax error: alias `*data` is used inside the node anchored `&data`, so it would contain itself.',
    },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(problems(c.lines), [c.expected]));
  }

  it('reports only the first error of a file with several', () => {
    const text = [...HEAD, '  namespace: "shop', '---', ...HEAD, 'data: {a: b', '---', ...HEAD, '\tx: y'];
    assert.deepEqual(problems(text).map(where), ['4:13-4:18 yaml-syntax']);
    const text2 = [...HEAD, 'data: {a: [b}', '  c: "d'];
    assert.equal(problems(text2).length, 1);
  });

  it('reports an error in a later document, and keeps the earlier documents', () => {
    const text = [...HEAD, '---', 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: "web'];
    assert.deepEqual(
      problems(text).map((p) => p.split(' ')[0]),
      ['8:8-8:12'],
    );
    const file = new ManifestFile('t.yaml', text.join('\n'));
    assert.deepEqual(
      file.documents.map((d) => d.broken),
      [false, true],
    );
  });

  it('marks the broken document so that rules skip it', () => {
    const file = new ManifestFile('t.yaml', [...HEAD, 'data: {a: b'].join('\n'));
    assert.equal(file.documents[0].broken, true);
  });

  it('reports a document nested deeper than the limit, without a stack overflow', () => {
    for (const data of [
      '['.repeat(10_000),
      '['.repeat(10_000) + ']'.repeat(10_000),
      '{a: '.repeat(5000) + '}'.repeat(5000),
    ]) {
      const found = problems([...HEAD, `data: ${data}`]);
      assert.equal(found.length, 1);
      assert.match(
        found[0],
        /^4:\d+-4:\d+ yaml-syntax: YAML syntax error: this document nests maps and lists (too deeply for kubeway to read; it is not checked|more than 500 levels deep; kubeway does not read it)\.$/,
      );
    }
    const block = [...HEAD, 'data:', ...Array.from({ length: 600 }, (_, i) => `${' '.repeat(2 * i + 2)}k${i}:`)];
    const found = problems(block);
    assert.equal(found.length, 1);
    assert.match(found[0], / yaml-syntax: YAML syntax error: this document nests maps and lists/);
  });
});

describe('duplicate keys', () => {
  it('reports every repetition, on the repeated key', () => {
    assert.deepEqual(problems([...HEAD, '  name: other', 'data:', '  a: "1"', '  b: "2"', '  a: "3"', '  a: "4"']), [
      '4:2-4:6 yaml-duplicate-key: Duplicate key `name`: it is already set on line 4. YAML allows a key only once per map, and kubectl would silently keep only the last value. Remove one of them.',
      '8:2-8:3 yaml-duplicate-key: Duplicate key `a`: it is already set on line 7. YAML allows a key only once per map, and kubectl would silently keep only the last value. Remove one of them.',
      '9:2-9:3 yaml-duplicate-key: Duplicate key `a`: it is already set on line 7. YAML allows a key only once per map, and kubectl would silently keep only the last value. Remove one of them.',
    ]);
  });

  it('in flow maps, JSON, nested maps and list items; quoted and plain spellings of a key are the same key', () => {
    assert.deepEqual(
      problems(['{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a", "name": "b"}}']).map(where),
      ['0:68-0:74 yaml-duplicate-key'],
    );
    assert.deepEqual(
      problems([
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: p, labels: {app: a, "app": b}}',
        'spec:',
        '  containers:',
        '  - name: a',
        '    image: x',
        '    name: b',
      ]).map(where),
      ['2:37-2:42 yaml-duplicate-key', '7:4-7:8 yaml-duplicate-key'],
    );
  });

  it('keys that look alike but differ are not duplicates; the same key in different maps is fine', () => {
    assert.deepEqual(
      problems([...HEAD, '  labels: {app: a, App: b, app.kubernetes.io/name: c}', 'data:', '  name: x', '  app: y']),
      [],
    );
  });

  it('overriding keys brought in by `<<` is not a duplicate', () => {
    assert.deepEqual(
      problems([
        ...HEAD,
        'data:',
        '  base: &base {a: 1, b: 2}',
        '  one:',
        '    <<: *base',
        '    a: 3',
        '  two: {<<: [*base], b: 4}',
      ]),
      [],
    );
  });

  it('duplicates after a syntax error in the same document are not reported (they are follow-ups)', () => {
    assert.deepEqual(
      problems([...HEAD, '  namespace: "shop', '  name: again']).map((p) => p.split(' ')[1]),
      ['yaml-syntax:'],
    );
    assert.deepEqual(
      problems([...HEAD, '  name: again', 'data: {a: b']).map((p) => p.split(' ')[1]),
      ['yaml-duplicate-key:', 'yaml-syntax:'],
    );
  });
});

describe('tabs', () => {
  it('a tab used as indentation: an error on that line', () => {
    assert.deepEqual(problems([...HEAD, 'data:', '\tkey: value']), [
      '5:0-5:11 yaml-tab-indent: Tabs are not allowed as indentation in YAML: indent with spaces.',
    ]);
    assert.deepEqual(problems([...HEAD, 'data:', '  \tkey: value']), [
      '5:0-5:13 yaml-tab-indent: Tabs are not allowed as indentation in YAML: indent with spaces.',
    ]);
  });

  it('tabs inside comments, quoted strings and block scalars, and after `:`, are legal', () => {
    assert.deepEqual(
      problems([
        ...HEAD,
        '  # a\tcomment with a tab',
        'data: # \t',
        "  single: 'a\tb'",
        '  double: "a\tb"',
        '  plain: a\tb',
        '  after-colon:\tvalue',
        '  trailing: x\t# comment',
        '  script: |',
        '    echo\ta',
        '    \tindented content',
        '  folded: >-',
        '    a\tb',
      ]),
      [],
    );
  });
});

describe('what is not checked', () => {
  it('non-Kubernetes YAML gets no diagnostics, even when broken', () => {
    const workflow = [
      'name: CI',
      'on:',
      '  push:',
      '    branches: [main',
      'jobs:',
      '  build:',
      '\truns-on: ubuntu-latest',
      '    steps: []',
      'name: again',
    ];
    assert.deepEqual(problems(workflow), []);
    const compose = ['version: "3"', 'services:', '  web:', '    image: "nginx', '    ports: ["80:80"]'];
    assert.deepEqual(problems(compose), []);
    const kustomization = ['resources:', '- deployment.yaml', 'resources:', '- service.yaml'];
    assert.deepEqual(problems(kustomization), []);
  });

  it('a non-Kubernetes document next to a Kubernetes one: only the Kubernetes one is checked', () => {
    const text = ['foo: 1', 'foo: 2', '---', ...HEAD, '  name: twice'];
    assert.deepEqual(problems(text).map(where), ['7:2-7:6 yaml-duplicate-key']);
  });

  it('a broken document that has apiVersion and kind lines is still Kubernetes', () => {
    assert.equal(problems(['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: [x}']).length, 1);
    assert.equal(problems(['{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"']).length, 1);
  });

  it('a Helm template (`{{` where YAML structure is) gets nothing, not even syntax errors', () => {
    const helm = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ include "app.fullname" . }}',
      '{{- if .Values.x }}',
      '  labels: "broken',
      '\tname: x',
      '  name: y',
      '{{- end }}',
    ];
    assert.deepEqual(
      check(helm.join('\n')).map((d) => d.code),
      [],
    );
    const file = new ManifestFile('t.yaml', helm.join('\n'));
    assert.equal(file.template?.kind, 'template-structure');
    assert.deepEqual([file.documents.length, file.problems.length], [0, 0]);
  });
});

describe('hostile input', () => {
  it('an alias bomb (billion laughs) is reported once and not read', () => {
    const lines = [...HEAD, 'data:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const [prev, name] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
      lines.push(`  ${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const file = new ManifestFile('t.yaml', lines.join('\n'));
    assert.equal(file.documents[0].state, 'unread');
    assert.deepEqual(problems(lines), [
      '0:0-0:14 yaml-alias-limit: YAML aliases in this document expand to more than 100000 nodes; kubeway does not read it (likely an alias bomb).',
    ]);
  });

  it('a bomb made of `<<` merges is caught too', () => {
    const lines = [...HEAD, 'data:', `  m0: &m0 {${Array.from({ length: 10 }, (_, i) => `k${i}: 1`).join(', ')}}`];
    for (let i = 1; i < 30; i++) lines.push(`  m${i}: &m${i} {<<: [*m${i - 1}, *m${i - 1}, *m${i - 1}], own${i}: 1}`);
    assert.deepEqual(problems(lines).map(where), ['0:0-0:14 yaml-alias-limit']);
  });

  it('aliases used many times over, but within the limit, are read normally', () => {
    const lines = [
      ...HEAD,
      'data:',
      '  base: &b {a: 1, b: 2, c: 3}',
      ...Array.from({ length: 2000 }, (_, i) => `  k${i}: *b`),
    ];
    assert.deepEqual(problems(lines), []);
  });

  it('a 100 000-key map and 20 000 anchors are read in linear time (no quadratic duplicate check)', () => {
    const keys = [...HEAD, 'data:', ...Array.from({ length: 100_000 }, (_, i) => `  key${i}: value${i}`)];
    assert.deepEqual(problems(keys), []);
    const anchors = [
      ...HEAD,
      'data:',
      ...Array.from({ length: 20_000 }, (_, i) => `  a${i}: &a${i} v${i}`),
      ...Array.from({ length: 20_000 }, (_, i) => `  r${i}: *a${i}`),
    ];
    assert.deepEqual(problems(anchors), []);
  });

  it('a 10 MiB file, binary junk, NUL bytes and huge numbers neither throw nor hang', () => {
    const MiB = 1024 * 1024;
    const script = [...HEAD, 'data:', '  script: |', ...Array((10 * MiB) / 64).fill(`    echo ${'x'.repeat(54)}`)].join(
      '\n',
    );
    assert.deepEqual(problems(script), []);
    assert.deepEqual(problems([...HEAD, 'data:', `  line: ${'x'.repeat(10 * MiB)}`]), []);
    let docs = '';
    const doc = [...HEAD, 'data:', '  a: b', '---', ''].join('\n');
    while (docs.length < MiB) docs += doc;
    assert.equal(new ManifestFile('docs.yaml', docs).documents.length, Math.ceil(MiB / doc.length) + 1);
    let seed = 7;
    let junk = '';
    for (let i = 0; i < 200_000; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      junk += String.fromCharCode(seed >>> 24);
    }
    assert.deepEqual(problems(junk), []);
    assert.equal(problems([...HEAD, junk]).length <= 1, true);
    assert.deepEqual(problems([...HEAD, 'data:', '  a: x\u0000\u0000']), [
      '5:6-5:7 yaml-syntax: YAML syntax error: control character U+0000 is not allowed in YAML (kubectl rejects the file): remove it.',
    ]);
    assert.deepEqual(problems([...HEAD, 'data:', '  a: "\u001b[31m"']).map(where), ['5:6-5:7 yaml-syntax']);
    assert.deepEqual(
      problems([
        ...HEAD,
        'data:',
        `  big: ${'9'.repeat(100_000)}`,
        '  exp: 1e999999',
        `  oct: 0${'7'.repeat(5000)}`,
        `  hex: 0x${'f'.repeat(5000)}`,
      ]),
      [],
    );
  });
});
