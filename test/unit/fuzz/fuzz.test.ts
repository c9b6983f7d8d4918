/**
 * Fuzzing the whole engine: realistic manifests, mutated the way people and editors break YAML (lines
 * deleted, duplicated or swapped, indentation changed, tabs, quotes, colons, `{{`, random bytes, huge
 * numbers, deep nesting, …). Every case must be read without an exception escaping the engine (a throwing
 * rule fails the test), within 1 s, and every diagnostic must have a range inside its file.
 *
 * Reproducible: case i uses seed BASE + i over the base manifests (those below plus the fixture and example
 * files, so adding a fixture changes the cases). A failing case is saved to out/fuzz-failures/case-<seed>.json;
 * to replay it exactly:
 *   KUBEWAY_FUZZ_REPLAY=out/fuzz-failures/case-<seed>.json node scripts/quick-test.mjs test/unit/fuzz/fuzz.test.ts
 * or, with the same fixtures, KUBEWAY_FUZZ_SEED=<seed> KUBEWAY_FUZZ_CASES=1.
 * KUBEWAY_FUZZ_SEED=random explores new seeds; KUBEWAY_FUZZ_CASES sets the count (default 10 000).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Workspace, checkWorkspace, withDefaults } from '../../../server/src/engine';
import type { Diagnostic, Range } from '../../../server/src/engine';
import { buildGraph } from '../../../server/src/engine/graph/build';
import { ALL_RULES } from '../../../server/src/engine/rules/registry';
import { repoRoot } from '../../harness';

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; the same seed always gives the same cases. */
class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const SEED_MANIFESTS: string[] = [
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: &labels
    app: web
    tier: frontend
spec:
  replicas: 3
  selector:
    matchLabels: *labels
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
  template:
    metadata:
      labels: *labels
    spec:
      containers:
      - name: web
        image: "nginx:1.27"
        ports:
        - name: http
          containerPort: 8080
          protocol: TCP
        readinessProbe:
          httpGet: {path: /healthz, port: http}
        env:
        - name: MODE
          value: "production"
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  type: NodePort
  selector: {app: web}
  ports:
  - name: http
    port: 80
    targetPort: http
    nodePort: 30080
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
spec:
  ingressClassName: nginx
  tls:
  - hosts: [shop.example.com]
    secretName: shop-tls
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port: {name: http}
`,
  `# A StatefulSet with a headless Service, merge keys and a CronJob
x-defaults: &defaults
  restartPolicy: OnFailure
---
apiVersion: v1
kind: Service
metadata: {name: db}
spec:
  clusterIP: None
  selector: {app: db}
  ports: [{name: pg, port: 5432}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 1
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers:
      - name: postgres
        image: postgres:16
        ports: [{name: pg, containerPort: 5432}]
        args: ["-c", "max_connections=200"]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: backup}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          base: &pod
            restartPolicy: OnFailure
          <<: *pod
          containers:
          - name: backup
            image: alpine:3
            command: [sh, -c, "pg_dump -h db > /tmp/x"]
`,
  `{
  "apiVersion": "v1",
  "kind": "List",
  "items": [
    {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "api"},
     "spec": {"type": "LoadBalancer", "selector": {"app": "api"}, "ports": [{"port": 443, "targetPort": 8443}]}},
    {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "api"},
     "spec": {"selector": {"matchLabels": {"app": "api"}},
              "template": {"metadata": {"labels": {"app": "api"}},
                           "spec": {"containers": [{"name": "api", "image": "api:1", "ports": [{"containerPort": 8443}]}]}}}}
  ]
}
`,
  `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  annotations:
    note: "quoted: with colon"
data:
  mode: 0755
  enabled: yes
  time: 10:30
  script: |
    #!/bin/sh
    echo "hello	world"
  folded: >-
    a long
    text
---
apiVersion: v1
kind: Service
metadata: {name: external}
spec:
  type: ExternalName
  externalName: db.example.com.
`,
];

function loadBaseManifests(): string[] {
  const root = repoRoot();
  const out = [...SEED_MANIFESTS];
  for (const dir of [
    'test/fixtures/clean',
    'examples',
    'test/fixtures/cli/clean',
    'test/fixtures/cli/errors',
    'test/fixtures/cli/warnings',
  ]) {
    const abs = join(root, dir);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs).sort()) {
      if (!/\.ya?ml$/.test(name)) continue;
      const text = readFileSync(join(abs, name), 'utf8');
      if (text.length < 40_000 && !text.includes('{{')) out.push(text);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Mutations

const NASTY_VALUES = [
  '',
  '~',
  'null',
  '{}',
  '[]',
  '-1',
  '0',
  '65536',
  '99999999999999999999999999999999',
  '1e309',
  '-.inf',
  '.nan',
  '0x',
  '0o9',
  '"80"',
  "'http'",
  'yes',
  'NodePort',
  'None',
  '*',
  '&',
  '!!binary',
  '!!int x',
  '|',
  '>-',
  '"\\u0000"',
  '"\\xZZ"',
  'a: b',
  '- x',
  '[a, {b: c]',
  '{a: [b}',
  '<<',
  '<<: *nothing',
  '&anchor value',
  '*anchor',
  'http://x/#y',
  '🚀',
  '\u00e9\u0301',
  '\ud83d',
  'x'.repeat(300),
];

const INSERTIONS = [
  '\t',
  '"',
  "'",
  ':',
  ': ',
  '{{',
  '}}',
  '{',
  '}',
  '[',
  ']',
  ',',
  '#',
  '- ',
  '? ',
  '&a ',
  '*a',
  '|',
  '>',
  '%',
  '@',
  '`',
  '!',
  '\\',
  '---',
  '...',
  '\r',
  '\u0000',
  '\uFEFF',
  '\u2028',
  '<<: ',
];

type Mutation = (lines: string[], r: Rng) => string[] | undefined;

function lineAt(lines: string[], r: Rng): number {
  return lines.length ? r.int(lines.length) : 0;
}

function randomNumber(r: Rng): string {
  return r.pick([
    () => '9'.repeat(1 + r.int(400)),
    () => `1e${r.int(100_000)}`,
    () => `0x${'f'.repeat(1 + r.int(100))}`,
    () => `-${r.int(1 << 30)}`,
    () => `0${'7'.repeat(1 + r.int(50))}`,
    () => String(r.int(70_000)),
    () => `${r.int(100)}.${r.int(100)}`,
  ])();
}

function randomBytes(r: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const kind = r.int(4);
    s += String.fromCharCode(
      kind === 0 ? r.int(32) : kind === 1 ? 32 + r.int(95) : kind === 2 ? 128 + r.int(128) : r.int(0x10000),
    );
  }
  return s;
}

function deepNesting(r: Rng): string {
  const depth = 50 + r.int(1500);
  return r.pick([
    () => '['.repeat(depth) + (r.chance(0.5) ? ']'.repeat(depth) : ''),
    () => '{a: '.repeat(depth) + (r.chance(0.5) ? '}'.repeat(depth) : ''),
    () => '- '.repeat(depth) + 'x',
    () => Array.from({ length: Math.min(depth, 600) }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'),
  ])();
}

const MUTATIONS: [string, Mutation][] = [
  ['delete line', (l, r) => (l.splice(lineAt(l, r), 1 + (r.chance(0.2) ? r.int(5) : 0)), l)],
  [
    'duplicate line',
    (l, r) => {
      const i = lineAt(l, r);
      l.splice(i, 0, l[i] ?? '');
      return l;
    },
  ],
  [
    'swap lines',
    (l, r) => {
      const i = lineAt(l, r);
      const j = lineAt(l, r);
      [l[i], l[j]] = [l[j], l[i]];
      return l;
    },
  ],
  [
    'move line',
    (l, r) => {
      const [x] = l.splice(lineAt(l, r), 1);
      l.splice(lineAt(l, r), 0, x ?? '');
      return l;
    },
  ],
  [
    'indent',
    (l, r) => {
      const i = lineAt(l, r);
      l[i] = ' '.repeat(1 + r.int(4)) + (l[i] ?? '');
      return l;
    },
  ],
  [
    'dedent',
    (l, r) => {
      const i = lineAt(l, r);
      l[i] = (l[i] ?? '').replace(new RegExp(`^ {1,${1 + r.int(4)}}`), '');
      return l;
    },
  ],
  [
    'tab indent',
    (l, r) => {
      const i = lineAt(l, r);
      l[i] = (l[i] ?? '').replace(/^( *)/, (m) => (r.chance(0.5) ? '\t' + m : m.replace(/ {2}/, '\t')));
      return l;
    },
  ],
  [
    'insert character',
    (l, r) => {
      const i = lineAt(l, r);
      const s = l[i] ?? '';
      const at = r.int(s.length + 1);
      l[i] = s.slice(0, at) + r.pick(INSERTIONS) + s.slice(at);
      return l;
    },
  ],
  [
    'delete characters',
    (l, r) => {
      const i = lineAt(l, r);
      const s = l[i] ?? '';
      const at = r.int(s.length + 1);
      l[i] = s.slice(0, at) + s.slice(at + 1 + r.int(4));
      return l;
    },
  ],
  [
    'replace value',
    (l, r) => {
      const i = lineAt(l, r);
      l[i] = (l[i] ?? '').replace(/(:\s+|-\s+)(.*)$/, (_m, p: string) => p + r.pick(NASTY_VALUES));
      return l;
    },
  ],
  [
    'huge number',
    (l, r) => {
      const i = lineAt(l, r);
      l[i] = (l[i] ?? '').replace(/\d+/, randomNumber(r));
      return l;
    },
  ],
  [
    'template',
    (l, r) => {
      const i = lineAt(l, r);
      l[i] = (l[i] ?? '').replace(/:\s+.*$/, ': {{ .Values.x }}');
      return l;
    },
  ],
  [
    'random bytes',
    (l, r) => {
      const i = lineAt(l, r);
      const s = l[i] ?? '';
      const at = r.int(s.length + 1);
      l[i] = s.slice(0, at) + randomBytes(r, 1 + r.int(20)) + s.slice(at);
      return l;
    },
  ],
  [
    'deep nesting',
    (l, r) => {
      l.splice(lineAt(l, r), 0, `deep: ${deepNesting(r)}`);
      return l;
    },
  ],
  [
    'document separator',
    (l, r) => (l.splice(lineAt(l, r), 0, r.pick(['---', '...', '--- |', '---\n---', '--- # c'])), l),
  ],
  ['stray list item', (l, r) => (l.splice(lineAt(l, r), 0, ' '.repeat(r.int(8)) + '- ' + r.pick(NASTY_VALUES)), l)],
  [
    'stray key',
    (l, r) => (
      l.splice(
        lineAt(l, r),
        0,
        ' '.repeat(r.int(8)) +
          r.pick(['name', 'port', 'targetPort', 'selector', 'apiVersion', 'kind', 'metadata', 'spec', '<<', 'items']) +
          ': ' +
          r.pick(NASTY_VALUES),
      ),
      l
    ),
  ],
  [
    'alias',
    (l, r) => {
      const i = lineAt(l, r);
      l[i] = (l[i] ?? '').replace(/:\s+(.*)$/, r.chance(0.5) ? ': &x $1' : ': *x');
      return l;
    },
  ],
  ['truncate', (l, r) => l.slice(0, lineAt(l, r))],
];

const WHOLE_TEXT: [string, (t: string, r: Rng) => string][] = [
  ['CRLF', (t) => t.replace(/\r?\n/g, '\r\n')],
  ['BOM', (t) => '\uFEFF' + t],
  ['cut in the middle', (t, r) => t.slice(0, r.int(t.length + 1))],
  ['junk file', (_t, r) => randomBytes(r, r.int(5000))],
  [
    'alias bomb',
    (t) =>
      t +
      '\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata:\n  a: &a [x,x,x,x,x,x,x,x,x]\n' +
      Array.from(
        { length: 8 },
        (_, i) =>
          `  b${i}: &${String.fromCharCode(98 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(',')}]`,
      ).join('\n') +
      '\n',
  ],
  ['no trailing newline', (t) => t.replace(/\n+$/, '')],
];

interface Case {
  seed: number;
  steps: string[];
  files: Record<string, string>;
}

function makeCase(seed: number, bases: readonly string[]): Case {
  const r = new Rng(seed);
  const steps: string[] = [];
  let lines = r.pick(bases).split('\n');
  const n = 1 + r.int(r.chance(0.2) ? 12 : 4);
  for (let i = 0; i < n; i++) {
    const [name, mutate] = r.pick(MUTATIONS);
    steps.push(name);
    lines = mutate(lines, r) ?? lines;
  }
  let text = lines.join('\n');
  if (r.chance(0.15)) {
    const [name, f] = r.pick(WHOLE_TEXT);
    steps.push(name);
    text = f(text, r);
  }
  const files: Record<string, string> = { 'mutated.yaml': text };
  // A companion file, unmutated, so that cross-file rules (selectors, backends) meet broken objects.
  if (r.chance(0.3)) files['companion.yaml'] = r.pick(bases);
  return { seed, steps, files };
}

// ---------------------------------------------------------------------------------------------------------
// Checks on the results

const RULE_IDS = new Set(ALL_RULES.map((r) => r.id));
const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

/** Why a range is not a valid range of the text, or undefined when it is. */
function badRange(range: Range, lines: string[]): string | undefined {
  const { start, end } = range;
  for (const p of [start, end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0)
      return `bad position ${JSON.stringify(p)}`;
    if (p.line >= lines.length) return `line ${p.line} beyond the last line ${lines.length - 1}`;
    const content = lines[p.line];
    if (p.character > content.length)
      return `character ${p.character} beyond the end of line ${p.line} (length ${content.length})`;
    const c = content.charCodeAt(p.character);
    if (
      p.character > 0 &&
      c >= 0xdc00 &&
      c <= 0xdfff &&
      content.charCodeAt(p.character - 1) >= 0xd800 &&
      content.charCodeAt(p.character - 1) <= 0xdbff
    )
      return `position ${JSON.stringify(p)} splits a surrogate pair`;
  }
  if (start.line > end.line || (start.line === end.line && start.character > end.character))
    return `start after end: ${JSON.stringify(range)}`;
  return undefined;
}

function problemsOf(d: Diagnostic, texts: Record<string, string>): string[] {
  const text = texts[d.file];
  if (text === undefined) return [`diagnostic for unknown file ${d.file}`];
  const lines = text.split(/\r\n|\r|\n/); // LSP line breaks
  const out: string[] = [];
  const bad = badRange(d.range, lines);
  if (bad) out.push(`${d.code}: ${bad}`);
  for (const edit of d.fix?.edits ?? []) {
    const badEdit = badRange(edit.range, lines);
    if (badEdit) out.push(`${d.code} fix: ${badEdit}`);
  }
  if (!RULE_IDS.has(d.code)) out.push(`unknown rule id ${d.code}`);
  if (!SEVERITIES.has(d.severity)) out.push(`${d.code}: bad severity ${d.severity}`);
  if (!d.message || /undefined|\[object Object\]/.test(d.message))
    out.push(`${d.code}: suspicious message ${JSON.stringify(d.message)}`);
  if (d.source !== 'kubeway') out.push(`${d.code}: source ${d.source}`);
  return out;
}

/** Runs one case: parse, model, every rule, the traffic graph. Returns what went wrong, if anything. */
function runCase(c: Case): { failures: string[]; ms: number } {
  const failures: string[] = [];
  const t0 = performance.now();
  try {
    const ws = new Workspace();
    for (const [name, text] of Object.entries(c.files)) ws.setText(name, text);
    const diagnostics = checkWorkspace(ws, {
      settings: withDefaults(),
      onRuleError: (rule, file, error) =>
        failures.push(`rule ${rule.id} threw on ${file}: ${(error as Error)?.stack ?? error}`),
    });
    for (const d of diagnostics) failures.push(...problemsOf(d, c.files));
    buildGraph(ws);
  } catch (error) {
    failures.push(`exception escaped the engine: ${(error as Error)?.stack ?? error}`);
  }
  return { failures, ms: performance.now() - t0 };
}

function baseSeed(): number {
  const env = process.env.KUBEWAY_FUZZ_SEED;
  if (env === 'random') return (Math.random() * 2 ** 32) >>> 0;
  return env ? Number(env) >>> 0 : 0x6b756265; // "kube"
}

const MAX_CASE_MS = 1000;

describe('fuzz: mutated manifests through the whole engine', () => {
  it('no exception, within 1 s per case, every range inside its file', () => {
    const bases = loadBaseManifests();
    const count = Number(process.env.KUBEWAY_FUZZ_CASES ?? 10_000);
    const seed0 = baseSeed();
    const failed: string[] = [];
    let slowest = { ms: 0, seed: 0 };
    const started = performance.now();
    const replay = process.env.KUBEWAY_FUZZ_REPLAY;
    let ran = 0;
    for (let i = 0; i < (replay ? 1 : count) && failed.length < 5; i++, ran++) {
      const c: Case = replay ? JSON.parse(readFileSync(replay, 'utf8')) : makeCase((seed0 + i) >>> 0, bases);
      const { failures, ms } = runCase(c);
      if (ms > slowest.ms) slowest = { ms, seed: c.seed };
      if (ms > MAX_CASE_MS) failures.push(`took ${ms.toFixed(0)} ms (limit ${MAX_CASE_MS} ms)`);
      if (failures.length) {
        const dir = join(repoRoot(), 'out', 'fuzz-failures');
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `case-${c.seed}.json`), JSON.stringify(c, null, 2));
        failed.push(
          `seed ${c.seed} (${c.steps.join(', ')}; input in out/fuzz-failures/case-${c.seed}.json):\n  ${[...new Set(failures)].slice(0, 5).join('\n  ')}`,
        );
      }
    }
    const total = performance.now() - started;
    console.log(
      `fuzz: ${ran} cases from base seed ${seed0} over ${bases.length} manifests in ${(total / 1000).toFixed(1)} s; slowest case ${slowest.ms.toFixed(0)} ms (seed ${slowest.seed})`,
    );
    assert.deepEqual(failed, [], `replay with KUBEWAY_FUZZ_SEED=<seed> KUBEWAY_FUZZ_CASES=1`);
  });

  it('the generator is reproducible: the same seed gives the same case', () => {
    const bases = loadBaseManifests();
    assert.deepEqual(makeCase(12345, bases), makeCase(12345, bases));
    assert.notDeepEqual(makeCase(12345, bases).files, makeCase(12346, bases).files);
  });

  it('the range check rejects ranges outside the text (it can fail)', () => {
    const lines = ['ab', 'cd'];
    assert.equal(badRange({ start: { line: 0, character: 0 }, end: { line: 0, character: 2 } }, lines), undefined);
    assert.match(
      badRange({ start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, lines) ?? '',
      /beyond the end of line 0/,
    );
    assert.match(
      badRange({ start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, lines) ?? '',
      /beyond the last line/,
    );
    assert.match(
      badRange({ start: { line: 1, character: 1 }, end: { line: 1, character: 0 } }, lines) ?? '',
      /start after end/,
    );
    assert.match(
      badRange({ start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, ['\ud83d\ude80']) ?? '',
      /surrogate/,
    );
  });
});
