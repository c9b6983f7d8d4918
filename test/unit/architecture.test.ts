// The layers of ARCHITECTURE.md, checked: every import of server/ and client/ is read with TypeScript's own
// pre-processor (no regular expressions over code), resolved to a file, and compared with the table below.
// A new folder of the engine fails here until it is given its place, so the layers cannot be crossed upwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../harness';

const root = repoRoot();

/**
 * The engine's layers, lowest first: a module may import its own layer and the ones before it. Entries are
 * folders or files of server/src/engine/; the longest entry that contains a module places it. The CRD index
 * (which kinds the CRDs define, with their compiled schemas) is part of the model, as the Workspace's other
 * indexes are; validating objects against those schemas is the schema layer's job.
 */
const ENGINE_LAYERS: string[][] = [
  ['types.ts', 'settings.ts', 'text.ts', 'k8s'],
  ['parse'],
  ['model', 'crd/registry.ts', 'crd/definition.ts', 'crd/bundle.ts', 'crd/schema.ts', 'crd/generated'],
  ['schema', 'crd'],
  ['rules'],
  ['check.ts', 'checkCache.ts', 'reasons.ts', 'ruleDocs.ts'],
  ['route'],
  ['graph'],
  ['editor'],
  ['index.ts'],
];
/** Packages the engine may use: pure libraries, no editor API, no I/O. */
const ENGINE_PACKAGES = ['yaml', 'elkjs', '@bufbuild/cel', '@bufbuild/re2'];
/** The shells around the engine, and what each may import besides the engine itself. */
const SHELLS: Record<string, { mayImport: string[]; packages: RegExp }> = {
  // The messages of kubeway's own LSP requests, shared by the server and the extension: types and names only.
  'server/src/protocol.ts': { mayImport: ['server/src/engine'], packages: /^$/ },
  // One policy for symbolic links, for the CLI and the server alike.
  'server/src/symlinks.ts': { mayImport: [], packages: /^node:/ },
  // Where Helm charts are (the nearest Chart.yaml), for the CLI and the server alike.
  'server/src/charts.ts': { mayImport: [], packages: /^node:/ },
  'server/src/cli': {
    mayImport: [
      'server/src/engine',
      'server/src/cli',
      'server/src/protocol.ts',
      'server/src/symlinks.ts',
      'server/src/charts.ts',
    ],
    packages: /^node:|^[a-z]/,
  },
  'server/src/lsp': {
    mayImport: [
      'server/src/engine',
      'server/src/lsp',
      'server/src/protocol.ts',
      'server/src/symlinks.ts',
      'server/src/charts.ts',
    ],
    packages: /^node:|^vscode-languageserver|^[a-z]/,
  },
  'server/src/server.ts': {
    mayImport: ['server/src/engine', 'server/src/lsp', 'server/src/protocol.ts'],
    packages: /^node:|^vscode-languageserver/,
  },
  'client/src': {
    // The webview reuses the engine's pure page pieces (graph style, html, types); never the rules or the model.
    mayImport: ['client/src', 'server/src/protocol.ts', 'server/src/engine/graph', 'server/src/engine/types.ts'],
    packages: /^node:|^vscode$|^vscode-languageclient/,
  },
};

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'generated' ? [] : sourceFiles(p);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

interface Import {
  from: string; // repository-relative path of the importing file
  spec: string;
  target?: string; // repository-relative path of the imported file, for relative imports
}

/** The imports and re-exports of a file, read from TypeScript's syntax tree. */
function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const from = relative(root, file).split(sep).join('/');
  const found: Import[] = [];
  for (const statement of source.statements) {
    let spec: string | undefined;
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      spec = statement.moduleSpecifier.text;
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      spec = statement.moduleSpecifier.text;
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      const e = statement.moduleReference.expression;
      if (ts.isStringLiteral(e)) spec = e.text;
    }
    if (spec === undefined) continue;
    if (!spec.startsWith('.')) {
      found.push({ from, spec });
      continue;
    }
    const base = resolve(dirname(file), spec);
    const candidates = [base, `${base}.ts`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts')];
    const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile());
    found.push({ from, spec, target: hit ? relative(root, hit).split(sep).join('/') : undefined });
  }
  return found;
}

const all = ['server/src', 'client/src'].flatMap((d) => sourceFiles(join(root, d))).flatMap(importsOf);

/** The layer index of an engine module (path relative to server/src/engine/), or undefined when it has none. */
function engineLayer(path: string): number | undefined {
  let best: { layer: number; length: number } | undefined;
  ENGINE_LAYERS.forEach((layer, i) => {
    for (const entry of layer) {
      const contains = path === entry || path.startsWith(`${entry}/`);
      if (contains && (!best || entry.length > best.length)) best = { layer: i, length: entry.length };
    }
  });
  return best?.layer;
}

const ENGINE = 'server/src/engine/';
const isBuiltin = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]);
const packageName = (spec: string) =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];

test('the scan reads the sources', () => {
  assert.ok(all.length > 500, `only ${all.length} imports found under ${root}`);
});

test('every relative import resolves to a file', () => {
  const unresolved = all.filter((i) => i.spec.startsWith('.') && !i.target).map((i) => `${i.from}: ${i.spec}`);
  assert.deepEqual(unresolved, []);
});

test('every folder of the engine has its layer', () => {
  const missing = new Set(
    all
      .filter((i) => i.from.startsWith(ENGINE) && engineLayer(i.from.slice(ENGINE.length)) === undefined)
      .map((i) => i.from),
  );
  assert.deepEqual([...missing], [], 'add the folder to ENGINE_LAYERS here and to the table in ARCHITECTURE.md');
});

test('the engine imports only lower layers, and no editor API, Node built-in or I/O', () => {
  const wrong: string[] = [];
  for (const i of all.filter((x) => x.from.startsWith(ENGINE))) {
    const own = engineLayer(i.from.slice(ENGINE.length));
    if (own === undefined) continue;
    if (i.target === undefined) {
      if (isBuiltin(i.spec) || !ENGINE_PACKAGES.includes(packageName(i.spec)))
        wrong.push(`${i.from} imports package ${i.spec}`);
      continue;
    }
    if (!i.target.startsWith(ENGINE)) {
      wrong.push(`${i.from} imports ${i.target}, outside the engine`);
      continue;
    }
    const theirs = engineLayer(i.target.slice(ENGINE.length));
    if (theirs !== undefined && theirs > own) wrong.push(`${i.from} imports ${i.target}, a higher layer`);
  }
  assert.deepEqual(wrong, []);
});

test('the shells import the engine, their own folder and their packages only', () => {
  const wrong: string[] = [];
  for (const i of all.filter((x) => !x.from.startsWith(ENGINE))) {
    const shell = Object.keys(SHELLS).find((s) => i.from === s || i.from.startsWith(`${s}/`));
    if (!shell) {
      wrong.push(`${i.from} belongs to no layer of this test`);
      continue;
    }
    const rules = SHELLS[shell];
    if (i.target === undefined) {
      if (!rules.packages.test(i.spec)) wrong.push(`${i.from} imports package ${i.spec}`);
    } else if (!rules.mayImport.some((m) => i.target === m || i.target!.startsWith(`${m}/`))) {
      wrong.push(`${i.from} imports ${i.target}`);
    }
  }
  assert.deepEqual(wrong, []);
});
