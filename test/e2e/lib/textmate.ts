/**
 * Tokenizes text the way VS Code does, with vscode-textmate + vscode-oniguruma: a base YAML grammar plus the
 * grammars package.json injects into `source.yaml`. Used by the grammar tests (unit: the classic TextMate YAML
 * grammar from tm-grammars; e2e: VS Code's own YAML grammar from the code-server install).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it as itTest } from 'node:test';
import { MissingPrerequisite, skipOrFail } from './workbench';
import { INITIAL, Registry, parseRawGrammar } from 'vscode-textmate';
import type { IGrammar } from 'vscode-textmate';
import { OnigScanner, OnigString, loadWASM } from 'vscode-oniguruma';

export interface Token {
  line: number;
  text: string;
  scopes: string[];
}

let wasmLoaded: Promise<void> | undefined;
function loadOniguruma(): Promise<void> {
  wasmLoaded ??= loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
  return wasmLoaded;
}

interface ContributedGrammar {
  scopeName: string;
  path: string;
  injectTo?: string[];
}

/**
 * A tokenizer for source.yaml. `baseGrammars` maps scope names to grammar files (the YAML grammar and the
 * grammars it includes); `root`'s package.json contributes the injections, exactly as VS Code reads them.
 * With `inject: false` the base grammar runs alone (to compare against).
 */
export async function yamlTokenizer(
  root: string,
  baseGrammars: Record<string, string>,
  inject = true,
): Promise<(text: string) => Token[]> {
  await loadOniguruma();
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const contributed: ContributedGrammar[] = pkg.contributes?.grammars ?? [];
  const files: Record<string, string> = { ...baseGrammars };
  for (const g of contributed) files[g.scopeName] = join(root, g.path);
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (s: string[]) => new OnigScanner(s),
      createOnigString: (s: string) => new OnigString(s),
    }),
    loadGrammar: async (scopeName: string) =>
      files[scopeName] ? parseRawGrammar(readFileSync(files[scopeName], 'utf8'), files[scopeName]) : null,
    getInjections: (scopeName: string) =>
      inject ? contributed.filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName) : [],
  });
  const grammar: IGrammar | null = await registry.loadGrammar('source.yaml');
  if (!grammar) throw new Error('source.yaml grammar did not load');
  return (text: string) => {
    const tokens: Token[] = [];
    let state = INITIAL;
    text.split(/\r?\n/).forEach((lineText, line) => {
      const r = grammar.tokenizeLine(lineText, state);
      state = r.ruleStack;
      for (const t of r.tokens)
        tokens.push({
          line,
          text: lineText.slice(t.startIndex, Math.min(t.endIndex, lineText.length)),
          scopes: t.scopes,
        });
    });
    return tokens;
  };
}

/** Every scope of the tokens that make up `text` on line `line` (the tokens must cover exactly that text). */
export function scopesOf(tokens: Token[], line: number, text: string, lines: string[]): string[] {
  const start = lines[line].indexOf(text);
  if (start < 0) throw new Error(`"${text}" is not on line ${line}: ${lines[line]}`);
  let col = 0;
  const covering: Token[] = [];
  for (const t of tokens.filter((tok) => tok.line === line)) {
    const from = col;
    col += t.text.length;
    if (col <= start || from >= start + text.length) continue;
    if (from < start || col > start + text.length)
      throw new Error(`token "${t.text}" straddles "${text}" on line ${line}`);
    covering.push(t);
  }
  return [...new Set(covering.flatMap((t) => t.scopes))];
}

// ---- the shared expectations: one realistic manifest, tokenized with a given base grammar --------------------

/** A realistic manifest set: what the Kubernetes scopes must mark, and what they must leave to the base grammar. */
export const MANIFEST = `# shop frontend: Deployment, Service and Ingress
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: &labels
    app: web
spec:
  replicas: 2
  strategy:
    type: RollingUpdate
  selector:
    matchLabels: *labels
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: "nginx:1.27"
          imagePulPolicy: Always
          args: ["--listen", "port: 8080"]
          ports:
            - name: http
              containerPort: 8080 # the app listens here
              protocol: TCP
            - name: dns
              containerPort: 53
              protocol: UDP
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: http
      nodePort: 30080
      protocol: TCP
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
  annotations:
    description: |
      type: NodePort
      port: 80
spec:
  ingressClassName: nginx
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
---
# not a Kubernetes object: no apiVersion/kind
services:
  web:
    type: NodePort
    port: 80
`;

/** Not a manifest at all (a CI workflow): the Kubernetes grammar must not mark anything. */
export const NOT_A_MANIFEST = `name: ci
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    services:
      db:
        image: postgres:16
        ports:
          - 5432:5432
    steps:
      - name: kind
        run: echo "apiVersion: v1"
`;

const K8S = /kubernetes/;
/** Scopes this grammar adds to a token, beyond the manifest region every token of a manifest is in. */
const marked = (scopes: string[]) => scopes.some((s) => K8S.test(s) && !s.startsWith('meta.kubernetes.manifest'));

/**
 * The grammar tests over one base grammar. When `makeTokenizer` throws a MissingPrerequisite (the e2e run without
 * code-server), every test prints SKIPPED and skips, or fails under KUBEWAY_E2E=required.
 */
export function describeGrammar(
  title: string,
  makeTokenizer: (inject: boolean) => Promise<(text: string) => Token[]>,
): void {
  describe(`Kubernetes injection grammar over ${title}`, () => {
    let missing: string | undefined;
    const it = (name: string, fn: () => void) =>
      itTest(name, (t) => {
        if (missing !== undefined) return skipOrFail(t, missing);
        fn();
      });
    const lines = MANIFEST.split('\n');
    let tokens: Token[] = [];
    let plain: Token[] = [];
    let notManifest: Token[] = [];
    const at = (line: number, text: string) => scopesOf(tokens, line, text, lines);
    const lineOf = (text: string, from = 0) => {
      const i = lines.findIndex((l, n) => n >= from && l.includes(text));
      assert.ok(i >= 0, `fixture has "${text}"`);
      return i;
    };
    before(async () => {
      try {
        tokens = (await makeTokenizer(true))(MANIFEST);
      } catch (e) {
        if (!(e instanceof MissingPrerequisite)) throw e;
        missing = e.message;
        return;
      }
      plain = (await makeTokenizer(false))(MANIFEST);
      notManifest = (await makeTokenizer(true))(NOT_A_MANIFEST);
    });

    it('marks apiVersion and kind values', () => {
      assert.ok(at(lineOf('apiVersion: apps/v1'), 'apps/v1').includes('support.type.kubernetes.api-version.yaml'));
      assert.ok(
        at(lineOf('apiVersion: networking.k8s.io/v1'), 'networking.k8s.io/v1').includes(
          'support.type.kubernetes.api-version.yaml',
        ),
      );
      assert.ok(at(lineOf('kind: Deployment'), 'Deployment').includes('entity.name.type.kubernetes.kind.yaml'));
      assert.ok(at(lineOf('kind: Ingress'), 'Ingress').includes('entity.name.type.kubernetes.kind.yaml'));
    });

    it('marks well-known keys of Deployment, Service and Ingress, and not label keys or misspelt keys', () => {
      const key = 'support.type.property-name.kubernetes.yaml';
      for (const [probe, text] of [
        ['  replicas: 2', 'replicas'],
        ['    matchLabels:', 'matchLabels'],
        ['      containers:', 'containers'],
        ['              containerPort: 8080', 'containerPort'],
        ['      targetPort: http', 'targetPort'],
        ['  ingressClassName: nginx', 'ingressClassName'],
        ['            pathType: Prefix', 'pathType'],
        ['              service:', 'service'],
      ] as const) {
        assert.ok(at(lineOf(probe), text).includes(key), `${text} is a well-known key`);
      }
      assert.ok(!at(lineOf('    app: web'), 'app').includes(key), 'a label key is the user’s own');
      assert.ok(!marked(at(lineOf('imagePulPolicy'), 'imagePulPolicy')), 'a misspelt key stays plain');
    });

    it('marks Service type and protocol values, and only those', () => {
      assert.ok(at(lineOf('  type: NodePort'), 'NodePort').includes('constant.language.kubernetes.service-type.yaml'));
      assert.ok(
        !marked(at(lineOf('type: RollingUpdate'), 'RollingUpdate')),
        'a Deployment strategy type is not a Service type',
      );
      assert.ok(at(lineOf('protocol: TCP'), 'TCP').includes('constant.language.kubernetes.protocol.yaml'));
      assert.ok(at(lineOf('protocol: UDP'), 'UDP').includes('constant.language.kubernetes.protocol.yaml'));
    });

    it('marks port numbers, not port names', () => {
      const port = 'constant.numeric.integer.kubernetes.port.yaml';
      assert.ok(at(lineOf('containerPort: 8080'), '8080').includes(port));
      assert.ok(at(lineOf('containerPort: 53'), '53').includes(port));
      assert.ok(at(lineOf('      port: 80'), '80').includes(port));
      assert.ok(at(lineOf('nodePort: 30080'), '30080').includes(port));
      assert.ok(at(lineOf('number: 80'), '80').includes(port));
      assert.ok(!marked(at(lineOf('targetPort: http'), 'http')));
      assert.ok(
        at(lineOf('containerPort: 8080'), '# the app listens here').some((s) => s.startsWith('comment.line')),
        'a trailing comment stays a comment',
      );
    });

    it('leaves comments, quoted strings and block scalars alone', () => {
      assert.ok(at(0, '#').some((s) => s.startsWith('comment.line')));
      assert.ok(!marked(at(lineOf('args: ['), 'port: 8080')), 'inside a quoted string');
      const block = lineOf('      type: NodePort', lineOf('description: |'));
      assert.ok(!marked(at(block, 'type: NodePort')), 'inside a block scalar');
      assert.ok(at(block, 'type: NodePort').some((s) => s.startsWith('string.unquoted.block')));
    });

    it('marks nothing in a YAML document or file that is not a manifest', () => {
      const start = lineOf('# not a Kubernetes object');
      const rest = tokens.filter((t) => t.line >= start);
      assert.deepEqual(
        rest.filter((t) => t.scopes.some((s) => K8S.test(s))).map((t) => `${t.line}: ${t.text}`),
        [],
      );
      assert.deepEqual(
        notManifest.filter((t) => t.scopes.some((s) => K8S.test(s))).map((t) => `${t.line}: ${t.text}`),
        [],
      );
    });

    it('leaves every character it does not mark scoped as the base grammar has it', () => {
      // Compared per visible character, on the scopes a theme colours: structure-only scopes (meta.*, source.*)
      // and whitespace are not seen. (Inside a manifest VS Code's grammar runs its embeddable variant, which
      // has fewer meta scopes.) A key this grammar marks keeps its colon, whose scope name may be spelt differently.
      const visible = (t: Token) => t.scopes.filter((s) => !/^(meta|source)\./.test(s)).join(' ');
      const perChar = (list: Token[]) => list.flatMap((t) => [...t.text].map((c) => ({ ...t, text: c })));
      const withInjection = perChar(tokens);
      const without = perChar(plain);
      assert.equal(withInjection.length, without.length);
      const differences = withInjection.flatMap((t, i) =>
        marked(t.scopes) || /\s/.test(t.text) || t.text === ':' || visible(t) === visible(without[i])
          ? []
          : [`line ${t.line} "${t.text}": ${visible(without[i])}  →  ${visible(t)}`],
      );
      assert.deepEqual(differences, []);
    });
  });
}
