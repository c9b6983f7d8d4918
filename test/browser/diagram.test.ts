/**
 * Renders `kubeway graph --format html` in headless Chromium (Debian's chromium, driven by playwright-core):
 * every object's name is drawn, broken edges are marked, the page logs no error and asks the network for
 * nothing, and the viewer's search, namespace filter and click work. Screenshots go to test-artifacts/.
 *
 * Without Chromium the test is skipped with the reason printed; with KUBEWAY_E2E=required it fails instead.
 * CHROMIUM_PATH points at another Chromium binary. KUBEWAY_UPDATE_DOCS=1 also writes docs/diagram.png.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { TrafficGraph } from '../../server/src/engine/graph/types';
import { repoRoot } from '../harness';
import { runCli } from '../unit/graph/runCli';

// Browser globals used inside page callbacks (the test project is compiled without the DOM library).
declare const getComputedStyle: (element: unknown) => { strokeDasharray: string; stroke: string };
declare const DOMParser: new () => {
  parseFromString(
    text: string,
    type: string,
  ): { querySelector(selector: string): { textContent: string | null } | null };
};

const root = repoRoot();
const chromiumPath = (
  process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser']
).find((p) => existsSync(p));
const required = process.env.KUBEWAY_E2E === 'required';

function hasYaml(dir: string): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir).some((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? hasYaml(p) : /\.ya?ml$/i.test(name);
  });
}

/** The sets of manifests drawn: the repository's examples (once they exist) and this test's own fixture. */
const sets = [
  ...(hasYaml(join(root, 'examples')) ? [{ name: 'examples', dir: 'examples' }] : []),
  { name: 'fixture', dir: 'test/browser/fixture' },
];

let playwright: typeof import('playwright-core') | undefined;
let skipReason: string | undefined;
try {
  // Loaded from the repository at run time, never bundled into the test (scripts/quick-test.mjs bundles).
  playwright = createRequire(join(root, 'package.json'))('playwright-core') as typeof import('playwright-core');
} catch (e) {
  skipReason = `playwright-core is not installed (${(e as Error).message.split('\n')[0]})`;
}
if (!skipReason && !chromiumPath) {
  skipReason = process.env.CHROMIUM_PATH
    ? `no Chromium at CHROMIUM_PATH=${process.env.CHROMIUM_PATH}`
    : 'no Chromium at /usr/bin/chromium (apt-get install chromium; or set CHROMIUM_PATH)';
}
if (skipReason) {
  if (required) throw new Error(`KUBEWAY_E2E=required, but the browser test cannot run: ${skipReason}`);
  console.log(`SKIPPED: browser diagram test: ${skipReason}.`);
}

describe('diagram in a browser', { skip: skipReason }, () => {
  let context: BrowserContext;
  let profile: string;
  const artifacts = join(root, 'test-artifacts');

  before(async () => {
    mkdirSync(artifacts, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'kubeway-chromium-'));
    context = await playwright!.chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  after(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Opens the page, recording console errors and every request that is not the page itself. */
  async function open(file: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    const url = pathToFileURL(file).href;
    const errors: string[] = [];
    const requests: string[] = [];
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.route('**/*', (route) => {
      if (route.request().url() === url) return route.continue();
      requests.push(route.request().url());
      return route.abort();
    });
    await page.goto(url);
    await page.waitForSelector('svg.kw-graph g.kw-viewport[transform]');
    return { page, errors, requests };
  }

  for (const set of sets) {
    it(`draws ${set.dir}/ with every object named and broken edges marked, offline and without errors`, async () => {
      const out = mkdtempSync(join(tmpdir(), 'kubeway-diagram-'));
      const html = join(out, `${set.name}.html`);
      const made = runCli(['graph', set.dir, '--format', 'html', '--out', html]);
      assert.equal(made.code, 0, made.err);
      const json = runCli(['graph', set.dir, '--format', 'json']);
      const graph = JSON.parse(json.out) as TrafficGraph;
      assert.ok(graph.nodes.length > 0, `${set.dir} has objects to draw`);

      const { page, errors, requests } = await open(html);

      // Every object is drawn as a box that shows its name.
      for (const n of graph.nodes.filter((x) => !x.missing)) {
        const box = page.locator(`g.kw-node[data-id="${n.id.replace(/["\\]/g, '\\$&')}"]`);
        assert.equal(await box.count(), 1, `${n.id} is drawn once`);
        assert.equal(await box.locator('text.kw-title').textContent(), n.name);
        assert.ok(await box.isVisible(), `${n.id} is visible`);
      }

      // Broken references: one red, dashed edge per (from, to, kind), saying why on hover. A Service edge
      // with some ports working is drawn whole; its broken port's label line is red and says why.
      const wholly = (e: TrafficGraph['edges'][number]) =>
        e.broken && !(e.kind === 'selects' && e.ports?.some((m) => !m.broken));
      const brokenPairs = new Set(graph.edges.filter(wholly).map((e) => `${e.kind} ${e.from} ${e.to}`));
      for (const e of graph.edges.filter((x) => x.broken && !wholly(x))) {
        const edge = page.locator(`g.kw-edge.kw-selects:not(.kw-broken)[data-from="${e.from}"][data-to="${e.to}"]`);
        assert.equal(await edge.count(), 1, `${e.from} → ${e.to} is drawn whole`);
        const warn = await edge.locator('text.kw-label-warn').allTextContents();
        for (const m of e.ports!.filter((x) => x.broken))
          assert.ok(warn.includes(`no port ${m.targetPort} in the pods`), `${e.from} → ${e.to}: ${warn.join(' | ')}`);
      }
      const drawn = await page.$$eval('g.kw-edge.kw-broken', (els) =>
        els.map((g) => {
          const line = g.querySelector('path.kw-edge-line')!;
          const style = getComputedStyle(line);
          return {
            key: `${g.classList[1].slice(3)} ${g.getAttribute('data-from')} ${g.getAttribute('data-to')}`,
            title: g.querySelector('title')?.textContent ?? '',
            dash: style.strokeDasharray,
            stroke: style.stroke,
          };
        }),
      );
      assert.deepEqual(drawn.map((d) => d.key).sort(), [...brokenPairs].sort());
      const normalStroke = await page
        .$eval('g.kw-edge:not(.kw-broken) path.kw-edge-line', (p) => getComputedStyle(p).stroke)
        .catch(() => undefined);
      for (const d of drawn) {
        assert.notEqual(d.dash, 'none', `${d.key} is dashed`);
        assert.match(d.stroke, /^rgb\((\d+), (\d+), (\d+)\)$/);
        const [r, g, b] = d.stroke.match(/\d+/g)!.map(Number);
        assert.ok(r > 150 && g < 100 && b < 100, `${d.key} is red (${d.stroke})`);
        if (normalStroke) assert.notEqual(d.stroke, normalStroke);
        const reasons = graph.edges
          .filter((e) => wholly(e) && `${e.kind} ${e.from} ${e.to}` === d.key)
          .map((e) => e.reason!);
        for (const r of reasons) assert.ok(d.title.includes(r), `the title of ${d.key} gives the reason: ${r}`);
      }
      for (const n of graph.nodes.filter((x) => x.missing)) {
        assert.equal(
          await page.locator(`g.kw-node.kw-missing[data-id="${n.id.replace(/["\\]/g, '\\$&')}"]`).count(),
          1,
          `missing ${n.id} drawn`,
        );
      }

      // The standalone SVG is well-formed XML for a browser too (parsed in a blank page: its <style> is not
      // the HTML page's business).
      const svg = runCli(['graph', set.dir, '--format', 'svg']).out;
      const blank = await context.newPage();
      const parseError = await blank.evaluate(
        (text) =>
          new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror')?.textContent ?? null,
        svg,
      );
      await blank.close();
      assert.equal(parseError, null);

      // The whole picture at 100 %: the page is made as large as the diagram (Fit never shrinks names).
      const size = await page.$eval('svg.kw-graph', (e) => ({
        w: Number(e.getAttribute('data-width')),
        h: Number(e.getAttribute('data-height')),
      }));
      await page.setViewportSize({ width: Math.max(1400, size.w + 32), height: Math.max(900, size.h + 110) });
      await page.click('#kw-fit');
      await page.screenshot({ path: join(artifacts, `diagram-${set.name}.png`) });
      if (process.env.KUBEWAY_UPDATE_DOCS === '1' && set === sets[0]) {
        mkdirSync(join(root, 'docs'), { recursive: true });
        copyFileSync(join(artifacts, `diagram-${set.name}.png`), join(root, 'docs/diagram.png'));
      }
      assert.deepEqual(errors, [], 'no console errors or warnings');
      assert.deepEqual(requests, [], 'no network requests');
      await page.close();
      rmSync(out, { recursive: true, force: true });
    });
  }

  it('keeps object names readable when it opens, in a 640 px panel beside the editor and at full width', async () => {
    // Before: Fit shrank the examples to 4.8 px names at 640 px and 9.9 px at 1280 px.
    const out = mkdtempSync(join(tmpdir(), 'kubeway-diagram-'));
    const html = join(out, 'readable.html');
    assert.equal(runCli(['graph', sets[0].dir, '--format', 'html', '--out', html]).code, 0);
    const sizes: string[] = [];
    for (const width of [640, 1280]) {
      const { page, errors } = await open(html);
      await page.setViewportSize({ width, height: 800 });
      await page.click('#kw-fit');
      const measured = await page.evaluate(() => {
        const doc = (
          globalThis as unknown as {
            document: {
              querySelectorAll(s: string): ArrayLike<{ getBoundingClientRect(): { height: number; width: number } }>;
              querySelector(s: string): unknown;
            };
          }
        ).document;
        const titles = Array.from(doc.querySelectorAll('text.kw-title'));
        const style = getComputedStyle(doc.querySelector('text.kw-title')) as unknown as { fontSize: string };
        const k = Number(
          /scale\(([\d.]+)\)/.exec(
            (doc.querySelector('g.kw-viewport') as { getAttribute(a: string): string }).getAttribute('transform'),
          )![1],
        );
        return {
          fontPx: parseFloat(style.fontSize) * k,
          minBoxHeight: Math.min(...titles.map((t) => t.getBoundingClientRect().height)),
        };
      });
      sizes.push(
        `${width} px wide: names drawn at ${measured.fontPx.toFixed(1)} px (text boxes at least ${measured.minBoxHeight.toFixed(1)} px high)`,
      );
      assert.ok(measured.fontPx >= 11.5, `names at ${measured.fontPx.toFixed(1)} px in a ${width} px panel`);
      assert.deepEqual(errors, []);
      await page.close();
    }
    console.log(`diagram text size after Fit (${sets[0].dir}/): ${sizes.join('; ')}`);
    rmSync(out, { recursive: true, force: true });
  });

  it('searches by name, filters by namespace and shows the source of a clicked box', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kubeway-diagram-'));
    const html = join(out, 'viewer.html');
    assert.equal(runCli(['graph', 'test/browser/fixture', '--format', 'html', '--out', html]).code, 0);
    const { page, errors, requests } = await open(html);

    await page.fill('#kw-search', 'postgres');
    assert.deepEqual(await page.$$eval('g.kw-node.kw-match', (els) => els.map((e) => e.getAttribute('data-id'))), [
      'Service/shop/postgres',
      'StatefulSet/shop/postgres',
      'pods:StatefulSet/shop/postgres',
    ]);
    assert.match((await page.textContent('#kw-status')) ?? '', /^3 matches for "postgres"$/);
    await page.fill('#kw-search', '');
    assert.equal(await page.locator('g.kw-node.kw-dim').count(), 0);

    await page.selectOption('#kw-ns', 'monitoring');
    assert.equal(await page.locator('g.kw-ns[data-ns="shop"]').getAttribute('display'), 'none');
    assert.equal(await page.locator('g.kw-ns[data-ns="monitoring"]').getAttribute('transform'), 'translate(0,0)');
    await page.selectOption('#kw-ns', '');
    assert.equal(await page.locator('g.kw-ns[data-ns="shop"]').getAttribute('display'), null);

    const before = await page.getAttribute('g.kw-viewport', 'transform');
    await page.click('#kw-zoom-in');
    assert.notEqual(await page.getAttribute('g.kw-viewport', 'transform'), before);
    await page.click('#kw-fit');
    assert.equal(await page.getAttribute('g.kw-viewport', 'transform'), before);

    await page.click('g.kw-node[data-id="Service/shop/api"]');
    assert.match(
      (await page.textContent('#kw-status')) ?? '',
      /^test\/browser\/fixture\/shop\.yaml:\d+ {2}Service api in namespace shop$/,
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
    await page.close();
    rmSync(out, { recursive: true, force: true });
  });
});
