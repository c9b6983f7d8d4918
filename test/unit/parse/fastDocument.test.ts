/**
 * The fast reader of plain block YAML (parse/fastDocument.ts) must build exactly what yaml's Composer builds
 * for the same document: node classes, values, scalar types and sources, formats, flow flags, ranges, and
 * the document's range, errors and warnings. Where it is not sure it gives up, and yaml reads the document.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Composer, Parser, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document } from 'yaml';
import { fastDocument } from '../../../server/src/engine/parse/fastDocument';
import { chunkStarts } from '../../../server/src/engine/parse/manifestFile';
import { YAML_OPTIONS } from '../../../server/src/engine/parse/yamlOptions';
import { repoRoot } from '../../harness';
import { corpus } from '../workspaceEdits';

function dump(doc: Document.Parsed): string[] {
  const out = [`doc ${JSON.stringify(doc.range)} errors ${JSON.stringify(doc.errors.map((e) => [e.code, e.pos]))} warnings ${JSON.stringify(doc.warnings.map((e) => [e.code, e.pos]))}`];
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
    const node = n as { range?: number[]; tag?: string; anchor?: string; constructor: { name: string } };
    const head = `${path} ${node.constructor.name} ${JSON.stringify(node.range)} tag=${node.tag ?? ''} anchor=${node.anchor ?? ''}`;
    if (isScalar(n)) {
      const v = n.value;
      const shown = typeof v === 'symbol' ? v.toString() : typeof v === 'bigint' ? `${v}n` : JSON.stringify(v);
      out.push(`${head} ${typeof v} ${shown} type=${n.type} source=${JSON.stringify(n.source)} format=${n.format ?? ''} min=${n.minFractionDigits ?? ''}`);
    } else if (isAlias(n)) out.push(`${head} alias ${n.source}`);
    else if (isMap(n) || isSeq(n)) {
      out.push(`${head} flow=${!!n.flow} items=${n.items.length} schema=${!!(n as { schema?: unknown }).schema}`);
      n.items.forEach((item, i) => walk(item, `${path}.${i}`));
    } else out.push(`${head} ?`);
  };
  walk(doc.contents, '');
  return out;
}

/** Whether some map of a tree sets a key twice (keys compared by their text; `<<` merges are not keys). */
function hasDuplicateKeys(root: unknown): boolean {
  if (isMap(root)) {
    const seen = new Set<string>();
    for (const p of root.items) {
      if (isScalar(p.key) && typeof p.key.value !== 'symbol') {
        const v = p.key.value;
        const name = v === null || v === undefined ? 'null' : String(v);
        if (seen.has(name)) return true;
        seen.add(name);
      }
      if (hasDuplicateKeys(p.value)) return true;
    }
  } else if (isSeq(root)) return root.items.some(hasDuplicateKeys);
  return false;
}

/** What yaml's Composer makes of one piece of a file (as ManifestFile parses it). */
function composed(source: string, base: number): Document.Parsed[] {
  const parser = new Parser();
  parser.offset = base;
  return [...new Composer(YAML_OPTIONS).compose(parser.parse(source), false, base + source.length)] as Document.Parsed[];
}

/** Checks every piece of a text; returns how many pieces the fast reader took (and how many there were). */
function check(text: string, name: string): { fast: number; all: number } {
  const starts = chunkStarts(text) ?? [0];
  let fast = 0;
  let all = 0;
  for (let i = 0; i < starts.length; i++) {
    const base = starts[i];
    const source = text.slice(base, i + 1 < starts.length ? starts[i + 1] : text.length).replace(/\r(?!\n)/g, '\n');
    const read = fastDocument(source, base);
    const theirs = composed(source, base);
    if (theirs.length === 1) all++;
    if (!read) continue;
    fast++;
    assert.equal(theirs.length, 1, `${name} @${base}: one document`);
    assert.deepEqual(dump(read.doc), dump(theirs[0]), `${name} @${base}: ${JSON.stringify(source.slice(0, 300))}`);
    assert.equal(read.duplicateKeys, hasDuplicateKeys(theirs[0].contents), `${name} @${base}: duplicate keys`);
  }
  return { fast, all };
}

const group = (i: number): string => `---
# Source: chart/templates/app.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: "app-${i}"
  namespace: 'shop'
  labels: {}
  annotations:
    note: 'it''s fine'
    empty:
    quoted-key: "x"
    "a key": 1
spec:
  replicas: ${i % 3}
  revisionHistoryLimit: 010
  progressDeadlineSeconds: 0x1F
  paused: no
  minReadySeconds: 1_000
  template:
    metadata:
      labels:
        app: app-${i}   # the app
    spec:
      containers:
      - name: web
        image: nginx:1.27
        args: []
        env2: ["--upstream=http://127.0.0.1:8080", --flag, 'x y', 1, yes, ~ ]
        nodeSelector: {disk: ssd, "zone": 'a', n: 1}
        empty: [ ]
        command:
          - /bin/sh
          - -c
          - echo hi
        ports:
          - containerPort: 8080
            name: http
          - {}
        resources:
          limits: {}
          requests:
            cpu: 0.50
            memory: 64Mi
        env:
          - name: A
            value: "1.0"
          - name: B
            value: ~
          - name: C
            value: null
          - name: D
            value: yes
          - name: E
            value: 1e3
          - name: F
            value: .inf
          - name: G
            value: 12:30
          - name: H
            value: 2001-12-14
          - name: I
            value: http://example.com:8080/path?q=a#frag
          - name: J
            value: -1
          - name: K
            value: "<<"
      # comment at the items' level
      - name: sidecar
        image: busybox

      volumes:
        - name: data
          emptyDir: {}
<<: {}
`;

describe('fast reader of plain block YAML', () => {
  it('builds what yaml builds for typical manifests, and takes most of them', () => {
    let fast = 0;
    let all = 0;
    for (let i = 0; i < 12; i++) {
      const r = check(group(i), `group ${i}`);
      fast += r.fast;
      all += r.all;
    }
    for (const [p, t] of corpus()) {
      const r = check(t, p);
      fast += r.fast;
      all += r.all;
    }
    assert.ok(fast >= all * 0.9, `fast reader took ${fast} of ${all} documents`);
  });

  it('builds what yaml builds for the repository fixtures and the sample apps (or leaves them to yaml)', () => {
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
    for (const p of files) check(readFileSync(p, 'utf8'), p);
  });

  it('builds what yaml builds after random edits (or leaves them to yaml)', () => {
    let seed = 17;
    const pick = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const snippets = ['\n', ' ', '  ', '# c\n', '  # c\n', ' # c', ':', ': ', '- ', '-', '"', "'", "''", '{}', '[]', '{', 'x', '1', '0.0', 'yes', '~', '\r\n', '\t', '#', '&a ', '*a', '!!str ', '|', '>', '? ', '\\', '%', '@', '---\n', '...\n', 'key: v\n', '  k: v\n', '- i\n', ', ', '[a, b]', '{k: v}', ']', '}', '[', ',', ' :', '  name: dup\n', 'apiVersion: again\n'];
    const base = group(1);
    for (let round = 0; round < 3000; round++) {
      let text = base;
      for (let k = 1 + pick(3); k > 0; k--) {
        const at = pick(text.length + 1);
        const cut = pick(4) === 0 ? pick(12) : 0;
        text = text.slice(0, at) + snippets[pick(snippets.length)] + text.slice(at + cut);
      }
      check(text, `round ${round}`);
    }
  });
});
