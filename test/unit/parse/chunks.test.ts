/**
 * ManifestFile parses a file piece by piece (cut at `---` lines) and takes unchanged pieces over from the
 * file's previous version. Both must read exactly what yaml reads from the whole text: same documents, same
 * node ranges in the file, same errors, same problems.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Composer, Parser, isMap, isPair, isScalar, isSeq, isAlias } from 'yaml';
import type { Document } from 'yaml';
import { ManifestFile, chunkStarts } from '../../../server/src/engine/parse/manifestFile';
import type { ManifestDocument } from '../../../server/src/engine/parse/manifestFile';
import { YAML_OPTIONS } from '../../../server/src/engine/parse/yamlOptions';
import { repoRoot } from '../../harness';

/** A document's tree with absolute offsets: `type@start-end value`, one entry per node, in order. */
function dumpTree(root: unknown, base: number): string[] {
  const out: string[] = [];
  const walk = (n: unknown, path: string): void => {
    if (n === null || n === undefined) {
      out.push(`${path} null`);
      return;
    }
    if (isPair(n)) {
      walk(n.key, `${path}.k`);
      walk(n.value, `${path}.v`);
      return;
    }
    const r = (n as { range?: [number, number, number] }).range;
    const at = r ? `@${base + r[0]}-${base + r[1]}-${base + r[2]}` : '@?';
    const tag = (n as { tag?: string }).tag ?? '';
    const anchor = (n as { anchor?: string }).anchor ?? '';
    if (isScalar(n)) out.push(`${path} scalar${at} ${tag} ${anchor} ${typeof n.value} ${String(n.value)} ${n.type}`);
    else if (isAlias(n)) out.push(`${path} alias${at} ${n.source}`);
    else if (isMap(n) || isSeq(n)) {
      out.push(
        `${path} ${isMap(n) ? 'map' : 'seq'}${at} ${tag} ${anchor} ${n.flow ? 'flow' : 'block'} ${n.items.length}`,
      );
      n.items.forEach((item, i) => walk(item, `${path}.${i}`));
    } else out.push(`${path} ?${at}`);
  };
  walk(root, '');
  return out;
}

function dumpDoc(doc: Document.Parsed, base: number): string[] {
  const r = doc.range;
  return [
    `doc@${base + r[0]}-${base + r[1]}-${base + r[2]}`,
    ...doc.errors.map(
      (e) =>
        `error ${e.code}@${base + e.pos[0]}-${base + e.pos[1]} ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
    ),
    ...doc.warnings.map((e) => `warning ${e.code}@${base + e.pos[0]}-${base + e.pos[1]}`),
    ...dumpTree(doc.contents, base),
  ];
}

/** What yaml reads from the whole text in one go. */
function wholeParse(text: string): string[][] {
  const composer = new Composer(YAML_OPTIONS);
  return [...composer.compose(new Parser().parse(text), true, text.length)].map((d) =>
    dumpDoc(d as Document.Parsed, 0),
  );
}

function fileDump(f: ManifestFile): string[][] {
  return f.documents.map((d: ManifestDocument) => dumpDoc(d.doc, d.base));
}

/**
 * Errors moved to the document whose text holds them. yaml reports an error token that comes before a
 * document is complete (a stray `}` right after `---`) with the previous document; read piece by piece, it
 * belongs to its own.
 */
function byPosition(docs: string[][]): string[][] {
  const span = (d: string[]) =>
    d[0]
      .match(/^doc@(\d+)-\d+-(\d+)$/)!
      .slice(1)
      .map(Number);
  const errors = docs.flatMap((d) => d.filter((l) => l.startsWith('error ')));
  const out = docs.map((d) => d.filter((l) => !l.startsWith('error ')));
  for (const e of errors) {
    const pos = Number(e.match(/@(\d+)-/)![1]);
    let at = 0;
    for (let i = 0; i < docs.length; i++) if (span(docs[i])[0] < pos) at = i;
    out[at].splice(1, 0, e);
  }
  return out.map((d) => [
    d[0],
    ...d
      .slice(1)
      .filter((l) => l.startsWith('error '))
      .sort(),
    ...d.slice(1).filter((l) => !l.startsWith('error ')),
  ]);
}

/**
 * ManifestFile's documents equal yaml's whole-text parse when the text is valid YAML. In broken text they
 * may differ from the first broken document on, because yaml lets a broken document spill into the next:
 * a quote that is never closed swallows the rest of the stream, through every `---` line; an error token
 * right after `---` goes to the previous document; a cut-off quote loses its last character. Read piece by
 * piece, the damage stays in its own document, as with kubectl (which splits the stream at `---` lines
 * before decoding each document). Then the documents before the first broken one must be equal, and the
 * text must still have an error.
 */
function assertReadsLikeYaml(text: string, name = JSON.stringify(text)): void {
  const f = new ManifestFile('t.yaml', text);
  if (f.template) return;
  const ours = byPosition(fileDump(f));
  const theirs = byPosition(wholeParse(text));
  const broken = (d: string[]) => d.some((l) => l.startsWith('error '));
  const firstBroken = theirs.findIndex(broken);
  if (firstBroken < 0 || chunkStarts(text) === undefined) {
    assert.deepEqual(ours, theirs, name);
    return;
  }
  assert.deepEqual(ours.slice(0, firstBroken), theirs.slice(0, firstBroken), name);
  assert.ok(ours.slice(firstBroken).some(broken), name);
}

function state(f: ManifestFile): unknown {
  return {
    docs: fileDump(f),
    lineStarts: f.lines.lineStarts,
    flags: f.documents.map((d) => [d.index, d.state, d.kubernetes, d.file === f]),
    problems: f.problems,
    looksLikeKubernetes: f.looksLikeKubernetes,
    template: f.template,
  };
}

const svc = (name: string, extra = '') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n  - port: 80\n${extra}`;

/** Texts where the cut at `---` lines is easy to get wrong. */
const TRICKY: string[] = [
  '',
  '\n',
  '---',
  '---\n',
  '--- \n---\n',
  '---\t\n---\r\n',
  '# only a comment\n',
  `# header\n---\n${svc('a')}---\n${svc('b')}`,
  `${svc('bare')}---\n${svc('b')}`,
  `\uFEFF---\n${svc('bom')}---\n${svc('b')}`,
  `\uFEFF${svc('bom')}---\n${svc('b')}`,
  `---\r\n${svc('crlf').replace(/\n/g, '\r\n')}---\r\n${svc('b').replace(/\n/g, '\r\n')}`,
  // markers that are not markers
  `---\na: |\n  ---\n  text\nb: "x\n  --- y"\n----\nc: ---x\n`,
  `---\na: ---\n---b: 1\n`,
  '---\n---x: 1\n--- # comment\nb: 2\n',
  // markers inside content that still end the document
  '---\na: "multi\n---\nline"\n---\nb: 1\n',
  "---\na: 'multi\n---\nline'\n",
  '---\na: [1,\n---\n2]\nb: {x: 1,\n---\n}\n',
  '--- |\n  block\n---\n--- >\nfolded\n---\nplain\n  multi\n---\n',
  '--- |\ntop-level block at column 0\n---\nnext: 1\n',
  '---\nkey: value\n  bad indent\n---\nok: 1\n',
  '---\na: "unclosed\n---\nb: 1\n',
  '---\na: "unclosed\n---\nb: "closed"\n',
  "---\na: 'unclosed\n---\nb: 1\n---\nc: 'x'\n",
  // anchors are per document
  '---\nx: &a 1\n---\ny: *a\n---\nz: &a 2\nw: *a\n',
  `---\nbase: &b {p: 1}\nm:\n  <<: *b\n  q: 2\n---\n${svc('c')}`,
  // duplicate keys, tabs, control characters
  '---\na: 1\na: 2\n---\nb: 1\n\tc: 2\n---\nd: "\u0007"\n',
  `---\n${svc('d', 'spec:\n  type: x\n')}---\n${svc('d2')}`,
  // flow and JSON documents
  '---\n{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "j"}}\n---\n[1, 2]\n',
  // trailing separators and empty documents
  `---\n${svc('e')}---\n---\n\n---\n# c\n---`,
  // directives and document-end markers: parsed whole
  `%YAML 1.1\n---\n${svc('f')}---\n${svc('g')}`,
  `${svc('h')}...\n${svc('i')}---\n${svc('j')}`,
  `---\n${svc('k')}...\n---\n${svc('l')}`,
  '--- |\n%not a directive\n---\na: 1\n',
  // a document marker right at the end, and one without a line break
  'a: 1\n---',
  'a: 1\n--- ',
  '---\n---\n---\n',
];

describe('document chunks', () => {
  it('cut at `---` lines only, never at directives or document-end markers', () => {
    assert.deepEqual(chunkStarts('a: 1\n---\nb: 2\n--- x\n----\n---'), [0, 5, 14, 25]);
    assert.deepEqual(chunkStarts('---\na'), [0]);
    assert.deepEqual(chunkStarts('a: "x\n--- y"\n'), [0, 6]);
    assert.equal(chunkStarts('%YAML 1.1\n---\na: 1\n'), undefined);
    assert.equal(chunkStarts('a: 1\n...\nb: 2\n'), undefined);
    assert.deepEqual(chunkStarts('a: 1\n....\nb: 2\n'), [0]);
    assert.equal(chunkStarts('\uFEFF%YAML 1.1\n---\n'), undefined);
  });

  it('reads tricky texts exactly as yaml reads the whole text', () => {
    for (const text of TRICKY) assertReadsLikeYaml(text);
  });

  it('reads the repository fixtures and the sample apps exactly as yaml reads the whole text', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      if (!existsSync(dir)) return;
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.ya?ml$/.test(name)) files.push(p);
      }
    };
    walk(join(repoRoot(), 'test'));
    walk(join(repoRoot(), 'examples'));
    walk(join(repoRoot(), '..', 'shared', 'real-world'));
    assert.ok(files.length > 10);
    for (const p of files) {
      assertReadsLikeYaml(readFileSync(p, 'utf8'), p);
    }
  });

  it('reads random splices of the tricky texts exactly as yaml reads the whole text', () => {
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pieces = TRICKY.join('').split(/(?<=\n)/);
    for (let round = 0; round < 400; round++) {
      let text = '';
      for (let k = rnd(12); k >= 0; k--) text += pieces[rnd(pieces.length)];
      if (rnd(3) === 0) text = text.slice(0, rnd(text.length + 1));
      assertReadsLikeYaml(text);
    }
  });
});

describe('a new version of a file', () => {
  const group = (i: number) =>
    `---\n${svc(`s${i}`)}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  k: "${i}"\n`;
  const base = Array.from({ length: 20 }, (_, i) => group(i)).join('');

  /** Parses `before`, then `after` from it: the result must equal a fresh parse of `after`. */
  function update(before: string, after: string): { fresh: ManifestFile; next: ManifestFile; kept: number } {
    const prev = new ManifestFile('t.yaml', before);
    const prevDocs = new Set(prev.documents);
    const next = new ManifestFile('t.yaml', after, prev);
    const fresh = new ManifestFile('t.yaml', after);
    assert.deepEqual(state(next), state(fresh), JSON.stringify({ before, after }));
    return { fresh, next, kept: next.documents.filter((d) => prevDocs.has(d)).length };
  }

  it('takes over the unchanged documents and parses only the changed one', () => {
    const after = base.replace('k: "7"', 'k: "seven"');
    const { next, kept } = update(base, after);
    assert.equal(kept, next.documents.length - 1);
  });

  it('shifts the documents after a change that moves them', () => {
    const after = base.replace('name: c3\n', 'name: c3\n  labels:\n    a: b\n');
    const { next, kept } = update(base, after);
    assert.equal(kept, next.documents.length - 1);
    const moved = next.documents[next.documents.length - 1];
    assert.ok(moved.base > 0);
    assert.equal(
      after.slice(...(moved.span(moved.contents) as [number, number])),
      base.slice(base.lastIndexOf('---\n') + 4).trimEnd() + '\n',
    );
  });

  it('parses again around added, removed and split documents, and documents with problems', () => {
    const cases: [string, string][] = [
      [base, base.replace(group(5), '')],
      [base, base.replace(group(5), group(5) + group(99))],
      [base, base.replace('  name: s4\n', '  name: s4\n---\n')],
      [
        base,
        base.replace(
          '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c9',
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c9',
        ),
      ],
      [base, base.replace('k: "2"', 'k: "2"\n  k: dup')],
      [
        base.replace('k: "2"', 'k: "2"\n  k: dup'),
        base.replace('k: "2"', 'k: "2"\n  k: dup').replace('name: c1\n', 'name: c1\n  namespace: x\n'),
      ],
      [base, base.replace('k: "4"', 'k: "4')],
      [base, `%YAML 1.1\n${base}`],
      [`%YAML 1.1\n${base}`, base],
      [base, base.replace(group(19), `${group(19)}...\n`)],
      [base, ''],
      ['', base],
      [base, base.replace('---\n', '')],
      [base, `# header\n${base}`],
      [base, base.replace(/\n/g, '\r\n')],
      [base, `{{ .Values.x }}\n${base}`],
      [`{{ .Values.x }}\n${base}`, base],
    ];
    for (const [before, after] of cases) update(before, after);
  });

  it('gives the same result as a fresh parse for random edits', () => {
    let seed = 11;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const snippets = [
      '\n',
      '---\n',
      'x',
      ' ',
      '  extra: 1\n',
      '"',
      '- ',
      ': ',
      '\t',
      '&a ',
      '*a',
      '...\n',
      '%',
      '{',
      '\r',
      '\r\n',
      '\n---',
      '---',
      '\uFEFF',
    ];
    let text = base;
    for (let round = 0; round < 600; round++) {
      const at = rnd(text.length + 1);
      const cut = rnd(3) === 0 ? rnd(40) : 0;
      const next = text.slice(0, at) + (rnd(4) === 0 ? '' : snippets[rnd(snippets.length)]) + text.slice(at + cut);
      update(text, next);
      // Keep the text from degrading into noise: go back to the clean base now and then.
      text = rnd(5) === 0 ? base : next;
    }
  });
});
