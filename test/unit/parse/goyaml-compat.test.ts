/**
 * Differential table: texts on which the yaml library and go-yaml (what kubectl decodes with) could differ,
 * each with what go-yaml does — the value it decodes, or that it fails — taken from reading go-yaml's
 * scanner and parser (gopkg.in/yaml.v2 `scannerc.go` / `parserc.go`; v3, which kustomize uses, is the same
 * for every case here). kubeway must read what go-yaml reads, with go-yaml's value, and may report a syntax
 * error only where go-yaml fails. `lenient` marks texts go-yaml fails on that kubeway reads anyway (not
 * reporting an error is allowed; reporting one kubectl would not is not).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMap, isSeq } from 'yaml';
import { ManifestFile } from '../../../server/src/engine/parse/manifestFile';
import { Workspace } from '../../../server/src/engine/model/workspace';
import { checkFile } from '../../../server/src/engine/check';
import { yamlSyntax } from '../../../server/src/engine/rules/yaml-syntax';
import { buildGraph } from '../../../server/src/engine/graph/build';

interface Case {
  name: string;
  text: string;
  /** go-yaml's value for each document, or 'error'. */
  go: unknown[] | 'error';
  /** The go-yaml function that decides it. */
  source: string;
  /** go-yaml fails, kubeway reads it (and reports nothing). */
  lenient?: true;
}

const CASES: Case[] = [
  // Quoted scalars: yaml_parser_scan_flow_scalar checks no indentation; it folds a line break to a space and
  // drops the leading blanks (spaces and tabs) of the next line.
  {
    name: 'single-quoted continuation at the key indentation',
    text: 'spec:\n  command: \'["a",\n  "b"]\'\n',
    go: [{ spec: { command: '["a", "b"]' } }],
    source: 'yaml_parser_scan_flow_scalar',
  },
  {
    name: 'single-quoted continuation at column 0',
    text: "a:\n  b: 'x\ny'\n",
    go: [{ a: { b: 'x y' } }],
    source: 'yaml_parser_scan_flow_scalar',
  },
  {
    name: 'closing quote alone at the key indentation',
    text: "a:\n  b: 'x\n  y\n  '\n  c: 1\n",
    go: [{ a: { b: 'x y ', c: 1 } }],
    source: 'yaml_parser_scan_flow_scalar',
  },
  {
    name: 'double-quoted continuation at the key indentation',
    text: 'a:\n  b: "x\n  y"\n',
    go: [{ a: { b: 'x y' } }],
    source: 'yaml_parser_scan_flow_scalar',
  },
  {
    name: 'escaped line break in a low continuation',
    text: 'a:\n  b: "x\\\ny"\n',
    go: [{ a: { b: 'xy' } }],
    source: 'yaml_parser_scan_flow_scalar (escaped line break)',
  },
  {
    name: 'empty line kept as a line break',
    text: "a:\n  b: 'x\n\ny'\n",
    go: [{ a: { b: 'x\ny' } }],
    source: 'yaml_parser_scan_flow_scalar (trailing_breaks)',
  },
  {
    name: 'tab-indented continuation of a quoted scalar',
    text: "a: 'x\n\ty'\n",
    go: [{ a: 'x y' }],
    source: 'yaml_parser_scan_flow_scalar (is_blank)',
  },
  {
    name: 'quoted scalar in a list item, continuation under the dash',
    text: "- 'a\n- b'\n- c\n",
    go: [['a - b', 'c']],
    source: 'yaml_parser_scan_flow_scalar',
  },
  {
    name: 'document marker inside a quoted scalar',
    text: "a: 'x\n---\ny'\n",
    go: 'error',
    source: 'yaml_parser_scan_flow_scalar: found unexpected document indicator',
  },
  {
    name: 'quote never closed',
    text: "a:\n  b: 'x\n  c: d\n",
    go: 'error',
    source: 'yaml_parser_scan_flow_scalar: found unexpected end of stream',
  },
  // Escapes: the switch in yaml_parser_scan_flow_scalar.
  {
    name: "\\' escape",
    text: 'a: "it\\\'s"\n',
    go: [{ a: "it's" }],
    source: "yaml_parser_scan_flow_scalar: case '\\''",
  },
  {
    name: "\\' next to an escaped backslash, over two lines",
    text: "a:\n  b: \"it\\'s\nok \\\\' \\'\"\n",
    go: [{ a: { b: "it's ok \\' '" } }],
    source: 'yaml_parser_scan_flow_scalar',
  },
  {
    name: 'tab after a backslash',
    text: 'a: "a\\\tb"\n',
    go: [{ a: 'a\tb' }],
    source: "yaml_parser_scan_flow_scalar: case 't', '\\t'",
  },
  {
    name: 'hex escapes',
    text: 'a: "\\x41\\u00e9\\U0001F600"\n',
    go: [{ a: 'Aé😀' }],
    source: "yaml_parser_scan_flow_scalar: case 'x', 'u', 'U'",
  },
  {
    name: 'unknown escape',
    text: 'a: "a\\qb"\n',
    go: 'error',
    source: 'yaml_parser_scan_flow_scalar: found unknown escape character',
  },
  {
    name: "\\/ (YAML 1.2's, not in go-yaml's table)",
    text: 'a: "a\\/b"\n',
    go: 'error',
    source: 'yaml_parser_scan_flow_scalar: found unknown escape character',
    lenient: true,
  },
  {
    name: 'bad hex digits',
    text: 'a: "\\xZZ"\n',
    go: 'error',
    source: 'yaml_parser_scan_flow_scalar: did not find expected hexdecimal number',
  },
  // Flow collections: yaml_parser_unroll_indent does nothing in the flow context; yaml_parser_scan_to_next_token
  // eats tabs there.
  {
    name: 'flow sequence continued at the key indentation',
    text: 'a:\n  b: [1,\n  2]\n  c: 3\n',
    go: [{ a: { b: [1, 2], c: 3 } }],
    source: 'yaml_parser_unroll_indent',
  },
  {
    name: 'flow sequence continued at column 0',
    text: 'a:\n  b: [1,\n2]\n',
    go: [{ a: { b: [1, 2] } }],
    source: 'yaml_parser_unroll_indent',
  },
  {
    name: 'flow map continued at the key indentation',
    text: 'a:\n  b: {x: 1,\n  z: 2}\n',
    go: [{ a: { b: { x: 1, z: 2 } } }],
    source: 'yaml_parser_unroll_indent',
  },
  {
    name: 'nested flow, a quoted scalar and a comment inside',
    text: 'a:\n  b: [{x: "p\nq"}, # c\n  2]\n  d: e\n',
    go: [{ a: { b: [{ x: 'p q' }, 2], d: 'e' } }],
    source: 'yaml_parser_unroll_indent, yaml_parser_scan_flow_scalar',
  },
  {
    name: 'tab-indented flow continuation',
    text: 'a: [b,\n\tc]\n',
    go: [{ a: ['b', 'c'] }],
    source: 'yaml_parser_scan_to_next_token (tabs in the flow context)',
  },
  {
    name: 'flow collection never closed',
    text: 'a:\n  b: [1,\n  c: 3\n',
    go: 'error',
    source: 'yaml_parser_parse_flow_sequence_entry: did not find expected , or ]',
  },
  {
    name: 'JSON-style key in a flow map, no space',
    text: '{"a":b}\n',
    go: [{ a: 'b' }],
    source: 'yaml_parser_fetch_next_token (value indicator in the flow context)',
  },
  {
    name: 'plain key:value in a flow map stays one scalar',
    text: '{a:1}\n',
    go: [{ 'a:1': null }],
    source: 'yaml_parser_scan_plain_scalar',
  },
  // Tabs in block context.
  {
    name: 'tab as indentation',
    text: 'a:\n\tb: c\n',
    go: 'error',
    source: 'yaml_parser_fetch_next_token: found character that cannot start any token',
  },
  { name: 'tab before a comment', text: 'a: b\t# c\n', go: [{ a: 'b' }], source: 'yaml_parser_scan_plain_scalar' },
  {
    name: 'tab after the colon',
    text: 'a:\tb\n',
    go: 'error',
    source: 'yaml_parser_scan_to_next_token (tabs not eaten where a simple key is allowed)',
    lenient: true,
  },
  { name: 'tab after a dash', text: '-\ta\n', go: 'error', source: 'yaml_parser_scan_to_next_token', lenient: true },
  {
    name: 'plain scalar continued with a tab at column 0',
    text: 'a: x\n\ty\n',
    go: 'error',
    source: 'yaml_parser_scan_plain_scalar: found a tab character that violates indentation',
  },
  // Plain scalars, comments, keys.
  {
    name: '# without a space before it is text',
    text: 'a: b#c\n',
    go: [{ a: 'b#c' }],
    source: 'yaml_parser_scan_plain_scalar',
  },
  {
    name: ' # starts a comment; a comment needs no space after #',
    text: 'a: b #c\n#d\n',
    go: [{ a: 'b' }],
    source: 'yaml_parser_scan_to_next_token',
  },
  {
    name: 'key:value without a space is one plain scalar',
    text: 'a:b\n',
    go: ['a:b'],
    source: 'yaml_parser_scan_plain_scalar',
  },
  {
    name: 'a URL as a value',
    text: 'a: http://x:80/y\n',
    go: [{ a: 'http://x:80/y' }],
    source: 'yaml_parser_scan_plain_scalar',
  },
  {
    name: 'quoted key glued to its value',
    text: '"a":b\n',
    go: 'error',
    source: 'yaml_parser_parse_document_start: did not find expected <document start>',
  },
  {
    name: 'plain value continued deeper',
    text: 'a: b\n  c\n',
    go: [{ a: 'b c' }],
    source: 'yaml_parser_scan_plain_scalar',
  },
  {
    name: 'plain value continued at the key indentation',
    text: 'a:\n  b: c\n  d\n',
    go: 'error',
    source: "yaml_parser_stale_simple_keys: could not find expected ':'",
  },
  {
    name: 'trailing spaces',
    text: 'a: b   \nc: d  \n',
    go: [{ a: 'b', c: 'd' }],
    source: 'yaml_parser_scan_plain_scalar',
  },
  {
    name: 'implicit key longer than 1024 characters',
    text: `${'k'.repeat(1100)}: v\n`,
    go: 'error',
    source: 'yaml_parser_stale_simple_keys (1024)',
  },
  { name: 'complex key', text: '? a\n: b\n', go: [{ a: 'b' }], source: 'yaml_parser_fetch_key' },
  {
    name: 'anchor on an empty value',
    text: 'a: &x\nb: *x\n',
    go: [{ a: null, b: null }],
    source: 'yaml_parser_parse_node',
  },
  {
    name: 'duplicate keys (v2 keeps the last; yaml-duplicate-key reports it, not yaml-syntax)',
    text: 'a: 1\na: 2\n',
    go: [{ a: 2 }],
    source: 'decode.go d.mapping (v2, not strict)',
  },
  {
    name: 'block scalar indented less than its key',
    text: 'a:\n  b: |\n  x\n',
    go: 'error',
    source: "yaml_parser_scan_block_scalar_breaks, then could not find expected ':'",
  },
  // Documents and directives.
  { name: 'byte order mark', text: '\ufeffa: 1\n', go: [{ a: 1 }], source: 'yaml_parser_scan_to_next_token (BOM)' },
  { name: 'document end marker', text: 'a: 1\n...\n', go: [{ a: 1 }], source: 'yaml_parser_fetch_document_indicator' },
  { name: '%YAML 1.1', text: '%YAML 1.1\n---\na: 1\n', go: [{ a: 1 }], source: 'yaml_parser_process_directives' },
  {
    name: '%YAML 1.2 (v2 accepts only 1.1)',
    text: '%YAML 1.2\n---\na: 1\n',
    go: 'error',
    source: 'yaml_parser_process_directives: found incompatible YAML document',
    lenient: true,
  },
  {
    name: 'block map on the --- line',
    text: '--- a: 1\n',
    go: 'error',
    source: 'yaml_parser_fetch_value: mapping values are not allowed in this context',
  },
  {
    name: 'flow map on the --- line',
    text: '--- {a: 1}\n',
    go: [{ a: 1 }],
    source: 'yaml_parser_fetch_document_indicator',
  },
];

function read(text: string): { broken: boolean; values: unknown[] } {
  const file = new ManifestFile('t.yaml', text);
  const docs = file.documents.filter((d) => d.contents !== null || d.broken);
  return { broken: docs.some((d) => d.broken), values: docs.map((d) => d.doc.toJS()) };
}

describe('kubeway reads YAML as go-yaml does (differential table from go-yaml v2 scannerc.go / parserc.go)', () => {
  for (const c of CASES) {
    it(`${c.name} (${c.source})`, () => {
      const got = read(c.text);
      if (c.go === 'error') {
        assert.equal(
          got.broken,
          !c.lenient,
          c.lenient ? 'go-yaml fails, kubeway reads it' : 'go-yaml fails: kubeway reports it too',
        );
      } else {
        assert.equal(got.broken, false, 'go-yaml reads this: no syntax error');
        assert.deepEqual(got.values, c.go);
      }
    });
  }
});

/** A real-world shape: a Pod's command written as one single-quoted string over several lines. */
const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: probe',
  'spec:',
  '  containers:',
  '  - name: main',
  '    image: busybox',
  '    command: \'["sh", "-c",',
  '    "echo hello; sleep 3600"',
  "    ]'",
  '    ports:',
  '    - containerPort: 8080',
  '      name: http',
  '',
].join('\n');

describe('multi-line quoted scalars as kubectl reads them', () => {
  it('no syntax error, the folded value, and exact ranges after the re-indented lines', () => {
    const ws = new Workspace();
    ws.setText('pod.yaml', POD);
    assert.deepEqual(checkFile(ws, 'pod.yaml', { rules: [yamlSyntax] }), []);
    const [obj] = ws.file('pod.yaml')!.objects;
    const container = obj.doc.reader.items(obj.doc.reader.at(obj.doc.contents, 'spec', 'containers'))[0];
    assert.equal(
      obj.doc.reader.str(obj.doc.reader.get(container, 'command')),
      '["sh", "-c", "echo hello; sleep 3600" ]',
    );
    const name = obj.doc.reader.at(obj.doc.reader.items(obj.doc.reader.get(container, 'ports'))[0], 'name');
    assert.deepEqual(obj.doc.rangeOf(name), { start: { line: 13, character: 12 }, end: { line: 13, character: 16 } });
    const command = obj.doc.reader.get(container, 'command');
    assert.deepEqual(obj.doc.rangeOf(command), { start: { line: 8, character: 13 }, end: { line: 10, character: 6 } });
  });

  it('an unclosed quote is still reported, on its opening quote', () => {
    const text = POD.replace("    ]'", '    ]');
    const ws = new Workspace();
    ws.setText('pod.yaml', text);
    const ds = checkFile(ws, 'pod.yaml', { rules: [yamlSyntax] });
    assert.deepEqual(
      ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`),
      ['8:13 yaml-syntax'],
    );
  });

  it('every node of a re-indented document keeps a range inside the text', () => {
    const text = 'a:\n  b: [1,\n2, {c: "x\ny"}]\n  d: [e,\nf]\n';
    const file = new ManifestFile('t.yaml', text);
    const spans: string[] = [];
    const walk = (n: unknown): void => {
      if (!n || typeof n !== 'object') return;
      const r = (n as { range?: number[] }).range;
      if (r) spans.push(text.slice(r[0], r[1]));
      if (isMap(n))
        for (const p of n.items) {
          walk(p.key);
          walk(p.value);
        }
      else if (isSeq(n)) n.items.forEach(walk);
    };
    walk(file.documents[0].contents);
    assert.deepEqual(spans, [
      text,
      'a',
      'b: [1,\n2, {c: "x\ny"}]\n  d: [e,\nf]\n',
      'b',
      '[1,\n2, {c: "x\ny"}]',
      '1',
      '2',
      '{c: "x\ny"}',
      'c',
      '"x\ny"',
      'd',
      '[e,\nf]',
      'e',
      'f',
    ]);
    assert.equal(file.documents[0].broken, false);
  });
});

describe('a syntax error in one document keeps the others checked, indexed and drawn', () => {
  const text = [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: web',
    'spec:',
    '  selector: {app: web}',
    '  ports:',
    '  - port: 80',
    '    targetPort: http',
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: broken',
    'data:',
    '  a: "unclosed',
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  selector:',
    '    matchLabels: {app: web}',
    '  template:',
    '    metadata:',
    '      labels: {app: web}',
    '    spec:',
    '      containers:',
    '      - name: web',
    '        image: nginx',
    '        ports:',
    '        - containerPort: 8080',
    '          name: htp',
    '',
  ].join('\n');

  it('the other documents get their findings, objects and edges', () => {
    const ws = new Workspace();
    ws.setText('all.yaml', text);
    const codes = checkFile(ws, 'all.yaml').map((d) => `${d.range.start.line} ${d.code}`);
    assert.ok(codes.includes('15 yaml-syntax'), codes.join(', '));
    // The Service's targetPort names a port the Deployment's container does not have (`htp`).
    assert.ok(
      codes.some((c) => /^8 /.test(c)),
      codes.join(', '),
    );
    assert.deepEqual(
      ws.file('all.yaml')!.objects.map((o) => `${o.kind}/${o.name}`),
      ['Service/web', 'ConfigMap/broken', 'Deployment/web'],
    );
    const graph = buildGraph(ws);
    assert.deepEqual(
      graph.edges.map((e) => `${e.kind} ${e.from} -> ${e.to}`),
      ['selects Service/default/web -> Deployment/default/web'],
    );
  });
});
