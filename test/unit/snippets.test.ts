/**
 * The YAML snippets (snippets/kubernetes.json): each one, expanded the way VS Code expands it when the user
 * accepts every default (placeholders, mirrors, the first choice, variables), must be a manifest that kubeway
 * checks clean, and the linked snippets must stay clean when the user types other values into their tab stops.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { check, repoRoot } from '../harness';

interface SnippetEntry {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

// ---- a small implementation of VS Code's snippet syntax (TextMate flavour) ----------------------------------

type SnippetNode =
  | { kind: 'text'; text: string }
  | { kind: 'tabstop'; index: number; placeholder?: SnippetNode[]; choices?: string[] }
  | { kind: 'variable'; name: string; fallback?: SnippetNode[] };

/** Parses snippet text: $1, ${1}, ${1:default}, ${1|a,b|}, $VAR, ${VAR}, ${VAR:default}, escapes \$ \} \\. */
export function parseSnippet(src: string): SnippetNode[] {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(
      `snippet syntax: ${why} at offset ${i} in ${JSON.stringify(src.slice(Math.max(0, i - 20), i + 20))}`,
    );
  };
  function list(inBraces: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', text });
      text = '';
    };
    while (i < src.length) {
      const c = src[i];
      if (c === '\\' && '$}\\'.includes(src[i + 1] ?? '')) {
        text += src[i + 1];
        i += 2;
      } else if (c === '}' && inBraces) {
        flush();
        return nodes;
      } else if (c === '$') {
        const simple = /^\$(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))/.exec(src.slice(i));
        if (simple) {
          flush();
          nodes.push(
            simple[1] !== undefined
              ? { kind: 'tabstop', index: Number(simple[1]) }
              : { kind: 'variable', name: simple[2] },
          );
          i += simple[0].length;
        } else if (src[i + 1] === '{') {
          flush();
          nodes.push(braced());
        } else {
          text += c;
          i++;
        }
      } else {
        text += c;
        i++;
      }
    }
    if (inBraces) fail('unclosed ${');
    flush();
    return nodes;
  }
  function braced(): SnippetNode {
    const head =
      /^\$\{(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))/.exec(src.slice(i)) ??
      fail('expected a tab stop number or a variable name');
    i += head[0].length;
    const index = head[1] !== undefined ? Number(head[1]) : undefined;
    const next = src[i];
    if (next === '}') {
      i++;
      return index !== undefined ? { kind: 'tabstop', index } : { kind: 'variable', name: head[2] };
    }
    if (next === ':') {
      i++;
      const inner = list(true);
      i++; // the closing brace
      return index !== undefined
        ? { kind: 'tabstop', index, placeholder: inner }
        : { kind: 'variable', name: head[2], fallback: inner };
    }
    if (next === '|' && index !== undefined) {
      i++;
      const choices: string[] = [];
      let cur = '';
      for (;;) {
        const c = src[i] ?? fail('unclosed choice');
        if (c === '\\' && ',|\\'.includes(src[i + 1] ?? '')) {
          cur += src[i + 1];
          i += 2;
        } else if (c === ',') {
          choices.push(cur);
          cur = '';
          i++;
        } else if (c === '|' && src[i + 1] === '}') {
          choices.push(cur);
          i += 2;
          return { kind: 'tabstop', index, choices };
        } else {
          cur += c;
          i++;
        }
      }
    }
    return fail('unsupported construct (transformations are not used by kubeway snippets)');
  }
  return list(false);
}

/** The variables VS Code would resolve, for a file named web.yaml. An unknown variable fails the test. */
const VARIABLES: Record<string, string> = {
  TM_FILENAME: 'web.yaml',
  TM_FILENAME_BASE: 'web',
  TM_SELECTED_TEXT: '',
  TM_CURRENT_LINE: '',
  TM_LINE_INDEX: '0',
  TM_LINE_NUMBER: '1',
  WORKSPACE_NAME: 'shop',
};

/**
 * The text VS Code inserts when the user accepts each default (or types `overrides[n]` at tab stop n):
 * a tab stop's value is its first placeholder or first choice, and every other occurrence mirrors it.
 */
export function expandSnippet(body: string, overrides: Record<number, string> = {}): string {
  const nodes = parseSnippet(body);
  const definitions = new Map<number, SnippetNode[] | string>();
  const collect = (list: SnippetNode[]) => {
    for (const n of list) {
      if (n.kind === 'tabstop') {
        if (!definitions.has(n.index)) {
          if (n.placeholder) definitions.set(n.index, n.placeholder);
          else if (n.choices) definitions.set(n.index, n.choices[0]);
        }
        if (n.placeholder) collect(n.placeholder);
      } else if (n.kind === 'variable' && n.fallback) collect(n.fallback);
    }
  };
  collect(nodes);
  const values = new Map<number, string>();
  const resolving = new Set<number>();
  const valueOf = (index: number): string => {
    if (index in overrides) return overrides[index];
    const known = values.get(index);
    if (known !== undefined) return known;
    if (resolving.has(index)) throw new Error(`tab stop $${index} is defined in terms of itself`);
    resolving.add(index);
    const def = definitions.get(index);
    const value = def === undefined ? '' : typeof def === 'string' ? def : render(def);
    values.set(index, value);
    return value;
  };
  const render = (list: SnippetNode[]): string =>
    list
      .map((n) => {
        if (n.kind === 'text') return n.text;
        if (n.kind === 'tabstop') return valueOf(n.index);
        if (n.name in VARIABLES) return VARIABLES[n.name];
        if (n.fallback) return render(n.fallback);
        throw new Error(`unknown snippet variable $${n.name}`);
      })
      .join('');
  return render(nodes);
}

/** Tab stop numbers that the user can type into (those with a default value), in order. */
function tabStopsWithDefaults(body: string): Map<number, string> {
  const defaults = new Map<number, string>();
  const visit = (list: SnippetNode[]) => {
    for (const n of list) {
      if (n.kind !== 'tabstop') continue;
      // a placeholder that only mirrors another tab stop (`${2:$1}`) follows that one: leave it alone
      const mirrorOnly = n.placeholder?.length === 1 && n.placeholder[0].kind === 'tabstop';
      if (n.placeholder && !mirrorOnly && !defaults.has(n.index))
        defaults.set(n.index, expandSnippet(bodyOfNodes(n.placeholder)));
      if (n.placeholder) visit(n.placeholder);
    }
  };
  visit(parseSnippet(body));
  return defaults;
}

function bodyOfNodes(list: SnippetNode[]): string {
  return list
    .map((n) =>
      n.kind === 'text' ? n.text.replace(/[$}\\]/g, '\\$&') : n.kind === 'tabstop' ? `$${n.index}` : `$${n.name}`,
    )
    .join('');
}

// ---- the snippets ------------------------------------------------------------------------------------------

const root = repoRoot();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributed: { language: string; path: string }[] = pkg.contributes?.snippets ?? [];
const snippetFile = join(root, 'snippets/kubernetes.json');
const snippets: Record<string, SnippetEntry> = JSON.parse(readFileSync(snippetFile, 'utf8'));
const bodyOf = (s: SnippetEntry) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const prefixesOf = (s: SnippetEntry) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
const byPrefix = (prefix: string): SnippetEntry => {
  const found = Object.values(snippets).find((s) => prefixesOf(s).includes(prefix));
  assert.ok(found, `a snippet with prefix ${prefix}`);
  return found;
};

interface ManifestSummary {
  kind: string;
  type?: string;
  hasSelector: boolean;
}
function objectsIn(text: string): ManifestSummary[] {
  return parseAllDocuments(text).map((doc) => {
    assert.deepEqual(
      doc.errors.map((e) => e.message),
      [],
      'expanded snippet is valid YAML',
    );
    const obj = doc.toJS() as { kind: string; spec?: { type?: string; selector?: unknown } };
    return { kind: obj.kind, type: obj.spec?.type, hasSelector: obj.spec?.selector !== undefined };
  });
}

/**
 * A Service snippet is meant to sit next to the workload it selects, and an Ingress snippet next to the Service
 * it routes to: kubeway rightly warns about a reference to something absent from the checked files. So each
 * snippet is checked together with the default Deployment (and ClusterIP Service) snippets it refers to.
 */
function companionsFor(text: string): Record<string, string> {
  const objects = objectsIn(text);
  const has = (kind: string) => objects.some((o) => o.kind === kind);
  const companions: Record<string, string> = {};
  const needsPods = (has('Service') && objects.some((o) => o.kind === 'Service' && o.hasSelector)) || has('Ingress');
  if (needsPods && !has('Deployment'))
    companions['companion-deployment.yaml'] = expandSnippet(bodyOf(byPrefix('Deployment')));
  if (has('Ingress') && !has('Service'))
    companions['companion-service.yaml'] = expandSnippet(bodyOf(byPrefix('Service')));
  return companions;
}

const shown = (files: Record<string, string>) =>
  check(files).map(
    (d) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code}: ${d.message}`,
  );

describe('snippets', () => {
  it('are not contributed to VS Code (it would offer them at every position of every YAML file): the server offers them', () => {
    assert.deepEqual(contributed, []);
  });

  it('have one label each (the completion entry), with a description', () => {
    const all = Object.values(snippets).flatMap(prefixesOf);
    assert.ok(
      Object.values(snippets).every((s) => typeof s.prefix === 'string'),
      'one entry per snippet: one label, not a list of prefixes',
    );
    assert.deepEqual(
      all.filter((p, i) => all.indexOf(p) !== i),
      [],
      'no label is used twice',
    );
    assert.deepEqual(all, [
      'Deployment',
      'Service',
      'Service (NodePort)',
      'Service (LoadBalancer)',
      'Service (headless)',
      'Service (ExternalName)',
      'Ingress',
      'Ingress (TLS)',
      'Deployment + Service + Ingress',
    ]);
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(s.description.length > 30, `${name} has a description`);
      assert.ok(bodyOf(s).includes('$0') || bodyOf(s).includes('${0'), `${name} ends with a final cursor position`);
    }
  });

  it('give the Service type each prefix promises', () => {
    const typeOf = (prefix: string) => objectsIn(expandSnippet(bodyOf(byPrefix(prefix))))[0];
    assert.equal(typeOf('Service').type, 'ClusterIP');
    assert.equal(typeOf('Service (NodePort)').type, 'NodePort');
    assert.equal(typeOf('Service (LoadBalancer)').type, 'LoadBalancer');
    assert.equal(typeOf('Service (ExternalName)').type, 'ExternalName');
    assert.equal(typeOf('Service (ExternalName)').hasSelector, false);
    assert.match(expandSnippet(bodyOf(byPrefix('Service (headless)'))), /^ {2}clusterIP: None$/m);
    const nodePort = Number(/nodePort: (\d+)/.exec(expandSnippet(bodyOf(byPrefix('Service (NodePort)'))))?.[1]);
    assert.ok(nodePort >= 30000 && nodePort <= 32767, `nodePort ${nodePort} is in the default node-port range`);
    assert.deepEqual(
      objectsIn(expandSnippet(bodyOf(byPrefix('Deployment + Service + Ingress')))).map((o) => o.kind),
      ['Deployment', 'Service', 'Ingress'],
    );
    assert.match(
      expandSnippet(bodyOf(byPrefix('Ingress (TLS)'))),
      /tls:\n {4}- hosts:\n {8}- app\.example\.com\n {6}secretName: web-tls/,
    );
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`${prefixesOf(snippet)[0]}: expanded with its defaults, kubeway finds no error or warning`, () => {
      const text = expandSnippet(bodyOf(snippet));
      assert.doesNotMatch(text, /\$\{?\d/, `${name}: every tab stop is resolved`);
      assert.deepEqual(shown({ 'snippet.yaml': text, ...companionsFor(text) }), []);
    });
  }

  // Linked tab stops: typing another name, label, port name or port number once must keep the manifests consistent.
  for (const prefix of ['Deployment', 'Deployment + Service + Ingress']) {
    it(`${prefix}: after typing other values into every tab stop, the linked fields still agree`, () => {
      const body = bodyOf(byPrefix(prefix));
      const overrides: Record<number, string> = {};
      for (const [index, def] of tabStopsWithDefaults(body)) {
        if (/^\d+$/.test(def))
          overrides[index] = String(Number(def) + 1); // 80 → 81, 30080 → 30081, 2 → 3
        else if (def === '/') overrides[index] = '/shop';
        else if (/^[a-z0-9.-]+$/.test(def)) overrides[index] = def.replace(/^[a-z]+/, (w) => `${w}x`); // web → webx, app.example.com → appx.example.com
      }
      assert.ok(Object.keys(overrides).length >= 3, 'the snippet has tab stops to type into');
      const edited = expandSnippet(body, overrides);
      assert.notEqual(edited, expandSnippet(body));
      if (prefix === 'Deployment + Service + Ingress') {
        assert.equal(edited.match(/\bwebx\b/g)?.length, 9, 'the app name is shared by all three objects');
        assert.doesNotMatch(edited, /\bweb\b/);
      }
      if (prefix === 'Deployment') {
        // the label follows the name it mirrors unless the user types over it
        assert.equal(edited.match(/app: webx$/gm)?.length, 3);
      }
      assert.deepEqual(shown({ 'snippet.yaml': edited, ...companionsFor(edited) }), []);
    });
  }

  it('ingress-tls: the host typed once is both the TLS host and the rule host', () => {
    const edited = expandSnippet(bodyOf(byPrefix('Ingress (TLS)')), { 3: 'shop.example.org' });
    const ingress = parseAllDocuments(edited)[0].toJS();
    assert.deepEqual(ingress.spec.tls[0].hosts, ['shop.example.org']);
    assert.equal(ingress.spec.rules[0].host, 'shop.example.org');
    assert.deepEqual(shown({ 'snippet.yaml': edited, ...companionsFor(edited) }), []);
  });
});
