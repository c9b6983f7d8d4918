/**
 * The .vsix that `npm run package` builds: two esbuild bundles and no node_modules, the documents and icon the
 * Marketplace shows, the snippets and grammar; an extension that activates only on YAML and its own commands.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { root, saveArtifact } from './lib/workbench';
import { packageVsix, zipEntries } from './lib/vsix';
import type { VsixBuild, ZipEntry } from './lib/vsix';

describe('the packaged .vsix', () => {
  let build: VsixBuild;
  let entries: ZipEntry[];
  let names: string[];
  before(() => {
    build = packageVsix();
    entries = zipEntries(build.path);
    names = entries.map((e) => e.name).sort();
    const kib = (build.bytes / 1024).toFixed(0);
    console.log(
      `e2e: .vsix ${kib} KiB, ${names.length} entries${build.seconds ? `, packaged in ${build.seconds.toFixed(1)} s` : ''}`,
    );
    saveArtifact(
      'vsix-contents.txt',
      `${build.bytes} bytes\n${entries.map((e) => `${String(e.size).padStart(9)} ${e.name}`).join('\n')}\n`,
    );
  });

  it("holds dist/extension.js, dist/server.js and the server's layout worker, and no other code", () => {
    const code = names.filter((n) => /\.(js|cjs|mjs|ts|node|wasm)$/.test(n));
    assert.deepEqual(code, [
      'extension/dist/extension.js',
      'extension/dist/layoutWorker.js',
      'extension/dist/server.js',
    ]);
  });

  it('holds no node_modules, sources, tests, maps or build files', () => {
    const unwanted = names.filter((n) =>
      /node_modules\/|\/(src|test|out|scripts|bench|examples|\.vscode-test|test-artifacts)\/|\.map$|tsconfig|esbuild|\.vsix$|package-lock/.test(
        n,
      ),
    );
    assert.deepEqual(unwanted, []);
  });

  it('holds the manifest, README, CHANGELOG, LICENSE, icon, snippets (the server reads them) and grammar', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const want = [
      'extension/package.json',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      `extension/${pkg.icon}`,
      'extension/snippets/kubernetes.json',
      'extension/syntaxes/kubernetes.injection.tmLanguage.json',
    ];
    for (const w of want) assert.ok(names.includes(w), `${w} is in the .vsix (has: ${names.join(', ')})`);
    assert.ok(names.includes('extension/readme.md'), 'README.md is in the .vsix');
    const icon = entries.find((e) => e.name === `extension/${pkg.icon}`)!.read();
    assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG', 'the icon is a PNG');
    assert.ok(icon.readUInt32BE(16) >= 128 && icon.readUInt32BE(20) >= 128, 'the icon is at least 128x128');
  });

  it('shows the user-facing README, whose pictures load on the extension page (data: URLs, no relative links)', () => {
    const readme = entries
      .find((e) => e.name === 'extension/readme.md')!
      .read()
      .toString('utf8');
    assert.doesNotMatch(readme, /npm ci|npm start|node scripts\//, "not the developers' set-up");
    assert.match(readme, /^## Settings$/m);
    assert.match(readme, /\| `kubeway\.nodePortRange` \|/, 'the settings table');
    assert.match(readme, /\| `service-target-port` \| error \|/, 'the rules table');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 2, 'the README shows pictures');
    for (const src of images) {
      const m = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(src);
      assert.ok(m, `a PNG data: URL, which the extension page allows (not ${src.slice(0, 40)})`);
      const png = Buffer.from(m[1], 'base64');
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
      assert.ok(png.readUInt32BE(16) >= 800, 'a screenshot, not a thumbnail');
    }
    assert.doesNotMatch(readme, /\]\((?!data:|https:|#)[^)]+\)/, 'no relative link: the page cannot follow it');
  });

  it('is small: under 3 MiB', () => {
    assert.ok(build.bytes < 3 * 1024 * 1024, `${build.bytes} bytes`);
  });

  it('activates only on YAML files and on its own commands, and contributes the grammar (no snippets)', () => {
    const manifest = JSON.parse(
      entries
        .find((e) => e.name === 'extension/package.json')!
        .read()
        .toString('utf8'),
    );
    const events: string[] = manifest.activationEvents ?? [];
    assert.deepEqual(
      events.filter(
        (e) => !(e === 'onLanguage:yaml' || /^onCommand:kubeway\./.test(e) || /^onWebviewPanel:kubeway/.test(e)),
      ),
      [],
      'no other activation event (no *, no onStartupFinished, no workspaceContains)',
    );
    assert.ok(events.includes('onLanguage:yaml'));
    assert.equal(manifest.main, './dist/extension.js');
    // The language server offers the snippets (from snippets/kubernetes.json) only where an object can start.
    assert.equal(manifest.contributes.snippets, undefined, 'no snippets contributed to every YAML position');
    assert.deepEqual(
      manifest.contributes.grammars.map((g: { injectTo?: string[] }) => g.injectTo),
      [['source.yaml']],
    );
    assert.equal(manifest.license, 'MIT');
  });

  it('bundles the language server so that it runs from the .vsix alone', () => {
    const server = entries
      .find((e) => e.name === 'extension/dist/server.js')!
      .read()
      .toString('utf8');
    assert.doesNotMatch(
      server,
      /require\(["'](yaml|vscode-languageserver[^"']*|elkjs[^"']*)["']\)/,
      'no require of a dependency that the .vsix lacks',
    );
    const client = entries
      .find((e) => e.name === 'extension/dist/extension.js')!
      .read()
      .toString('utf8');
    assert.doesNotMatch(client, /require\(["']vscode-languageclient[^"']*["']\)/);
  });
});
