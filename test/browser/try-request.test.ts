/**
 * The diagram's "Try a request" field in headless Chromium: `kubeway graph --format html` of examples/, a URL
 * typed into the toolbar, the hops it takes lit up and the reasons listed; no route and broken backends show
 * where the request falls. KUBEWAY_UPDATE_DOCS=1 also writes docs/route-trace.png (the README's picture).
 *
 * Without Chromium the test is skipped with the reason printed; with KUBEWAY_E2E=required it fails instead.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { buildGraph } from '../../server/src/engine/graph/build';
import { renderPage } from '../../server/src/engine/graph/html';
import { layoutGraphSync } from '../../server/src/engine/graph/layout';
import { renderSvg } from '../../server/src/engine/graph/render';
import { Workspace } from '../../server/src/engine/model/workspace';
import { buildRoutingTable } from '../../server/src/engine/route';
import { repoRoot } from '../harness';
import { runCli } from '../unit/graph/runCli';

const root = repoRoot();
const chromiumPath = (
  process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser']
).find((p) => existsSync(p));
const required = process.env.KUBEWAY_E2E === 'required';

let playwright: typeof import('playwright-core') | undefined;
let skipReason: string | undefined;
try {
  playwright = createRequire(join(root, 'package.json'))('playwright-core') as typeof import('playwright-core');
} catch (e) {
  skipReason = `playwright-core is not installed (${(e as Error).message.split('\n')[0]})`;
}
if (!skipReason && !chromiumPath)
  skipReason = 'no Chromium at /usr/bin/chromium (apt-get install chromium; or set CHROMIUM_PATH)';
if (skipReason) {
  if (required) throw new Error(`KUBEWAY_E2E=required, but the browser test cannot run: ${skipReason}`);
  console.log(`SKIPPED: browser try-request test: ${skipReason}.`);
}

describe('diagram: Try a request', { skip: skipReason }, () => {
  let context: BrowserContext;
  let profile: string;
  let page: Page;
  let out: string;
  const errors: string[] = [];
  const requests: string[] = [];
  const artifacts = join(root, 'test-artifacts');

  before(async () => {
    mkdirSync(artifacts, { recursive: true });
    out = mkdtempSync(join(tmpdir(), 'kubeway-try-'));
    const html = join(out, 'examples.html');
    const made = runCli(['graph', 'examples', '--format', 'html', '--out', html]);
    assert.equal(made.code, 0, made.err);
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
    page = await context.newPage();
    const url = pathToFileURL(html).href;
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
  });

  after(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (out) rmSync(out, { recursive: true, force: true });
  });

  /** Types a request and presses Enter; returns what is lit up and what the panel says. */
  async function tryRequest(
    text: string,
  ): Promise<{ hops: string[]; ends: string[]; edges: string[]; panel: string; tracing: boolean }> {
    await page.fill('#kw-request', text);
    await page.press('#kw-request', 'Enter');
    return page.evaluate(() => {
      const doc = (
        globalThis as unknown as {
          document: {
            querySelector(
              s: string,
            ): { textContent: string | null; hidden: boolean; classList: { contains(c: string): boolean } } | null;
            querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null }>;
          };
        }
      ).document;
      const ids = (sel: string, attr: (g: { getAttribute(n: string): string | null }) => string) =>
        Array.from(doc.querySelectorAll(sel)).map(attr).sort();
      const panel = doc.querySelector('#kw-trace')!;
      return {
        hops: ids('g.kw-node.kw-hop', (g) => g.getAttribute('data-id')!),
        ends: ids('g.kw-node.kw-hop-end', (g) => g.getAttribute('data-id')!),
        edges: ids('g.kw-edge.kw-hop', (g) => `${g.getAttribute('data-from')} → ${g.getAttribute('data-to')}`),
        panel: panel.hidden ? '' : (panel.textContent ?? ''),
        tracing: doc.querySelector('svg.kw-graph')!.classList.contains('kw-tracing'),
      };
    });
  }

  it('lights up the hops of a routed request, hop by hop, with the reasons', async () => {
    const r = await tryRequest('https://books.example.com/cart');
    assert.deepEqual(r.hops, [
      'Deployment/bookshop/storefront',
      'Ingress/bookshop/bookshop',
      'Service/bookshop/storefront',
      'pods:Deployment/bookshop/storefront',
    ]);
    assert.deepEqual(r.edges, [
      'Deployment/bookshop/storefront → pods:Deployment/bookshop/storefront',
      'Ingress/bookshop/bookshop → Service/bookshop/storefront',
      'Service/bookshop/storefront → Deployment/bookshop/storefront',
    ]);
    assert.deepEqual(r.ends, []);
    assert.ok(r.tracing);
    assert.ok(r.panel.startsWith('routedclass nginx'), r.panel);
    for (const line of [
      'Ingress bookshop/bookshop (books.example.com Prefix /) → Service bookshop/storefront port http → targetPort http → Deployment bookshop/storefront web:8080/TCP',
      'host books.example.com: exact rule of Ingress bookshop/bookshop',
      'path /cart: matches Prefix / of Ingress bookshop/bookshop',
      'TLS: Secret bookshop/bookshop-tls of Ingress bookshop/bookshop',
    ])
      assert.ok(r.panel.includes(line), `${line}\nin: ${r.panel}`);
    await page.screenshot({ path: join(artifacts, 'try-request-routed.png') });
    if (process.env.KUBEWAY_UPDATE_DOCS === '1')
      copyFileSync(join(artifacts, 'try-request-routed.png'), join(root, 'docs', 'route-trace.png'));
  });

  it("a broken backend: the path up to the Service, which is marked as where it falls, and the rule's reason", async () => {
    const r = await tryRequest('https://books.example.com/api/v1/books');
    assert.deepEqual(r.hops, ['Ingress/bookshop/bookshop', 'Service/bookshop/catalog']);
    assert.deepEqual(r.ends, ['Service/bookshop/catalog']);
    assert.deepEqual(r.edges, ['Ingress/bookshop/bookshop → Service/bookshop/catalog']);
    assert.ok(r.panel.startsWith('brokenclass nginx'), r.panel);
    assert.ok(r.panel.includes('Service `catalog` has no port 80: it exposes 8080 (http).'), r.panel);
  });

  it("no route: the class's Ingresses are where it falls (404), and a method and headers are taken", async () => {
    const r = await tryRequest('POST https://music.example.com/ X-Canary:yes');
    assert.deepEqual(r.ends, ['Ingress/bookshop/bookshop']);
    assert.ok(r.panel.startsWith('no-routeclass nginx'), r.panel);
    assert.ok(r.panel.includes('Ingress rules match host and path only, not method POST and header x-canary'), r.panel);
    assert.ok(r.panel.includes('path /: no route: the controller answers 404'), r.panel);
  });

  it('in-cluster names, a bad URL, and Escape to clear', async () => {
    const dns = await tryRequest('http://catalog.bookshop.svc:8080/');
    assert.ok(dns.panel.startsWith('routedService DNS name'), dns.panel);
    assert.ok(
      dns.hops.includes('Service/bookshop/catalog') && !dns.hops.some((h) => h.startsWith('Ingress/')),
      dns.hops.join(', '),
    );
    const bad = await tryRequest('ftp://books.example.com');
    assert.equal(bad.panel, '`ftp://` is not HTTP: use http:// or https://');
    assert.equal(bad.tracing, false);
    await page.press('#kw-request', 'Escape');
    const cleared = await page.evaluate(
      () =>
        (
          globalThis as unknown as { document: { querySelector(s: string): { hidden: boolean } } }
        ).document.querySelector('#kw-trace').hidden,
    );
    assert.equal(cleared, true);
    assert.equal(await page.locator('svg.kw-graph.kw-tracing').count(), 0);
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
  });

  it('in the webview: the routing table comes with each graph message, and an update traces the typed request again', async () => {
    const nonce = 'bm9uY2Utb2YtdGhlLXRlc3Q';
    const csp = `default-src 'none'; img-src file: data:; style-src file: 'nonce-${nonce}'; script-src 'nonce-${nonce}'; font-src file:;`;
    const file = join(out, 'webview.html');
    writeFileSync(file, renderPage({ nonce, csp, title: 'Traffic diagram: test' }));
    const web = await context.newPage();
    const webErrors: string[] = [];
    web.on('pageerror', (e) => webErrors.push(e.message));
    web.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') webErrors.push(m.text());
    });
    await web.addInitScript(() => {
      const w = globalThis as unknown as { acquireVsCodeApi: () => unknown };
      let state: unknown;
      w.acquireVsCodeApi = () => ({
        postMessage: () => undefined,
        getState: () => state,
        setState: (s: unknown) => (state = s),
      });
    });
    await web.goto(pathToFileURL(file).href);
    const message = (backend: string) => {
      const ws = new Workspace();
      ws.setText(
        'a.yaml',
        `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: shop, namespace: shop}\nspec:\n  rules:\n  - http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: ${backend}, port: {number: 80}}}}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec: {ports: [{port: 80}]}\n`,
      );
      return {
        type: 'graph',
        svg: renderSvg(layoutGraphSync(buildGraph(ws)), { standalone: false }),
        stale: [],
        routes: buildRoutingTable(ws),
      };
    };
    const post = (m: unknown) =>
      web.evaluate(
        (x) => (globalThis as unknown as { postMessage(m: unknown, o: string): void }).postMessage(x, '*'),
        m,
      );
    await post(message('web'));
    await web.waitForSelector('g.kw-node[data-id="Service/shop/web"]');
    await web.fill('#kw-request', 'shop.example.com/');
    await web.press('#kw-request', 'Enter');
    const lit = () => web.$$eval('g.kw-node.kw-hop', (els) => els.map((g) => g.getAttribute('data-id')).sort());
    assert.deepEqual(await lit(), ['Ingress/shop/shop', 'Service/shop/web']);
    assert.match((await web.textContent('#kw-trace')) ?? '', /^routeddefault class/);
    // An edit renames the backend: the next graph message comes with its table, and the typed request is traced again.
    await post(message('gone'));
    await web.waitForSelector('g.kw-node[data-id="missing:Service/shop/gone"].kw-hop-end');
    assert.deepEqual(await lit(), ['Ingress/shop/shop', 'missing:Service/shop/gone']);
    assert.match((await web.textContent('#kw-trace')) ?? '', /^brokendefault class/);
    assert.deepEqual(webErrors, []);
    await web.close();
  });
});
