/**
 * The diagram page as the VS Code webview runs it, in headless Chromium: the page is built as the panel
 * builds it (webview CSP, empty canvas) and `acquireVsCodeApi` is stood in for, so that the messages between
 * page and extension can be checked: ready → graph, click → reveal, live updates keep pan and zoom, a file
 * with a syntax error is announced, export sends the picture as shown. Skipped like diagram.test.ts.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { Workspace } from '../../server/src/engine/model/workspace';
import { buildGraph } from '../../server/src/engine/graph/build';
import { WEBVIEW_CSP, renderPage } from '../../server/src/engine/graph/html';
import { layoutGraphSync } from '../../server/src/engine/graph/layout';
import { renderSvg } from '../../server/src/engine/graph/render';
import { repoRoot } from '../harness';
import { serviceFan } from '../unit/graph/fans';
import { assertWellFormedXml } from '../unit/graph/xml';

// The page's window, inside page callbacks (the test project is compiled without the DOM library).
declare const window: { postMessage(message: unknown, origin: string): void } & Record<string, unknown>;

const root = repoRoot();
const chromiumPath = (
  process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser']
).find((p) => existsSync(p));
let playwright: typeof import('playwright-core') | undefined;
let skipReason: string | undefined;
try {
  playwright = createRequire(join(root, 'package.json'))('playwright-core') as typeof import('playwright-core');
} catch (e) {
  skipReason = `playwright-core is not installed (${(e as Error).message.split('\n')[0]})`;
}
if (!skipReason && !chromiumPath)
  skipReason = process.env.CHROMIUM_PATH
    ? `no Chromium at CHROMIUM_PATH=${process.env.CHROMIUM_PATH}`
    : 'no Chromium at /usr/bin/chromium (apt-get install chromium; or set CHROMIUM_PATH)';
if (skipReason) {
  if (process.env.KUBEWAY_E2E === 'required')
    throw new Error(`KUBEWAY_E2E=required, but the webview browser test cannot run: ${skipReason}`);
  console.log(`SKIPPED: webview browser test: ${skipReason}.`);
}

function svgOf(files: Record<string, string>): string {
  const ws = new Workspace();
  for (const [name, text] of Object.entries(files)) ws.setText(name, text);
  return renderSvg(layoutGraphSync(buildGraph(ws)), { standalone: false });
}

const app = (ns: string, name: string) => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec: {selector: {app: ${name}}, ports: [{name: http, port: 80, targetPort: http}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: app, image: i, ports: [{name: http, containerPort: 8080}]}]}
`;

describe('diagram page in the webview', { skip: skipReason }, () => {
  let context: BrowserContext;
  let profile: string;
  let dir: string;

  before(async () => {
    profile = mkdtempSync(join(tmpdir(), 'kubeway-chromium-'));
    dir = mkdtempSync(join(tmpdir(), 'kubeway-webview-'));
    context = await playwright!.chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1200, height: 800 },
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
    for (const d of [profile, dir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  async function openWebview(): Promise<{
    page: Page;
    errors: string[];
    sent: () => Promise<{ type: string; [k: string]: unknown }[]>;
  }> {
    const nonce = 'bm9uY2Utb2YtdGhlLXRlc3Q';
    // The panel's policy, with the webview's resource origin replaced by the page's own (file:).
    const csp = WEBVIEW_CSP(nonce, 'file:');
    const file = join(dir, `webview-${Math.random().toString(36).slice(2)}.html`);
    writeFileSync(file, renderPage({ nonce, csp, title: 'Traffic diagram: test' }));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      const w = window as unknown as { __sent: unknown[]; __state: unknown; acquireVsCodeApi: () => unknown };
      w.__sent = [];
      w.__state = undefined;
      w.acquireVsCodeApi = () => ({
        postMessage: (m: unknown) => w.__sent.push(m),
        getState: () => w.__state,
        setState: (s: unknown) => (w.__state = s),
      });
    });
    await page.goto(pathToFileURL(file).href);
    const sent = () => page.evaluate(() => (window as unknown as { __sent: { type: string }[] }).__sent);
    return { page, errors, sent };
  }

  const post = (page: Page, message: unknown) => page.evaluate((m) => window.postMessage(m, '*'), message);

  it('asks for the graph, draws it, reveals by id, keeps pan and zoom across updates, and exports the picture shown', async () => {
    const { page, errors, sent } = await openWebview();
    assert.deepEqual(await sent(), [{ type: 'ready' }]);
    assert.equal(await page.isVisible('#kw-export'), true, 'export is offered in VS Code');

    await post(page, {
      type: 'graph',
      svg: svgOf({ 'a.yaml': app('shop', 'web') + '---\n' + app('blog', 'blog') }),
      stale: [],
    });
    await page.waitForSelector('g.kw-node[data-id="Service/shop/web"]');
    assert.deepEqual(
      await page.$$eval('#kw-ns option', (os) => os.map((o) => (o as unknown as { value: string }).value)),
      ['', 'blog', 'shop'],
    );
    assert.equal(await page.isHidden('#kw-banner'), true);

    await page.click('g.kw-node[data-id="Deployment/shop/web"]');
    await page.click('g.kw-edge.kw-selects[data-from="Service/blog/blog"] path.kw-edge-hit', { force: true });
    const reveals = (await sent()).filter((m) => m.type === 'reveal');
    assert.deepEqual(reveals[0], { type: 'reveal', kind: 'node', id: 'Deployment/shop/web' });
    assert.equal(reveals[1].kind, 'edge');
    assert.match(String(reveals[1].id), /^e\d+$/);

    // The user zooms; an update (a file was edited) keeps that view.
    await page.click('#kw-zoom-in');
    await page.click('#kw-zoom-in');
    const zoomed = await page.getAttribute('g.kw-viewport', 'transform');
    await post(page, {
      type: 'graph',
      svg: svgOf({ 'a.yaml': app('shop', 'web') + '---\n' + app('shop', 'api') + '---\n' + app('blog', 'blog') }),
      stale: [],
    });
    await page.waitForSelector('g.kw-node[data-id="Service/shop/api"]');
    assert.equal(await page.getAttribute('g.kw-viewport', 'transform'), zoomed);

    // A file with a syntax error: the picture stays, the banner says which file and where.
    await post(page, {
      type: 'graph',
      svg: svgOf({ 'a.yaml': app('shop', 'web') }),
      stale: [{ file: 'file:///w/a.yaml', name: 'a.yaml', line: 11, message: 'YAML syntax error: Missing closing ]' }],
    });
    await page.waitForSelector('#kw-banner:not([hidden])');
    assert.equal(
      await page.textContent('#kw-banner'),
      'a.yaml has a syntax error on line 12 (YAML syntax error: Missing closing ]): showing its last good version.',
    );

    // Export what is shown: one namespace filtered out, no viewer state in the file.
    await post(page, {
      type: 'graph',
      svg: svgOf({ 'a.yaml': app('shop', 'web') + '---\n' + app('blog', 'blog') }),
      stale: [],
    });
    await page.waitForSelector('#kw-banner[hidden]', { state: 'attached' });
    await page.selectOption('#kw-ns', 'blog');
    await page.fill('#kw-search', 'blog');
    await post(page, { type: 'export' });
    await page.waitForFunction(() =>
      (window as unknown as { __sent: { type: string }[] }).__sent.some((m) => m.type === 'exportSvg'),
    );
    const exported = (await sent()).find((m) => m.type === 'exportSvg')!.svg as string;
    assertWellFormedXml(exported);
    assert.match(exported, /data-ns="blog"/);
    assert.doesNotMatch(exported, /data-ns="shop"/);
    assert.doesNotMatch(exported, /kw-match|kw-dim|kw-selected/);
    assert.doesNotMatch(exported, /<g class="kw-viewport" transform=/);
    assert.match(exported, /^<svg [^>]*viewBox="-1 -1 \d+ \d+"/);

    // The view, filter and search survive the webview being hidden and shown again.
    const state = await page.evaluate(
      () => (window as unknown as { __state: { view: unknown; ns: string; q: string } }).__state,
    );
    assert.equal(state.ns, 'blog');
    assert.equal(state.q, 'blog');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('says what a folded fan stands for, and asks for it in full when it is clicked', async () => {
    const { page, errors, sent } = await openWebview();
    const csp = await page.$eval(
      'meta[http-equiv="Content-Security-Policy"]',
      (m) => (m as unknown as { content: string }).content,
    );
    assert.match(csp, /form-action 'none'/);
    assert.match(csp, /base-uri 'none'/);
    const ws = new Workspace();
    ws.setText('fan.yaml', serviceFan(40));
    await post(page, {
      type: 'graph',
      svg: renderSvg(layoutGraphSync(buildGraph(ws), { expandable: true }), { standalone: false }),
      stale: [],
    });
    const id = 'group:Service/default/web:out:Deployment';
    await page.waitForSelector(`g.kw-node[data-id="${id}"]`);
    assert.equal(
      await page.textContent('#kw-banner'),
      '40 Deployments behind Service web are drawn as one box (click it to draw them all).',
    );
    assert.equal(await page.isVisible('g.kw-notices'), false, 'the note is in the banner, not over the picture');
    await page.click(`g.kw-node[data-id="${id}"]`);
    assert.deepEqual(
      (await sent()).filter((m) => m.type !== 'ready'),
      [{ type: 'expand', id }],
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('shows the server error instead of a picture', async () => {
    const { page, errors } = await openWebview();
    await post(page, { type: 'error', message: 'The diagram could not be drawn: boom' });
    await page.waitForSelector('#kw-banner:not([hidden])');
    assert.equal(await page.textContent('#kw-banner'), 'The diagram could not be drawn: boom');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
