/**
 * What a user sees, driven through the browser UI of a real VS Code workbench (code-server + headless Chromium,
 * playwright-core): the packaged .vsix installed, a manifest opened, the squiggle and the Problems entry, the
 * traffic diagram run from the command palette, its node names read inside the webview, and a click on a node
 * that moves the editor to the object's line. Screenshots go to test-artifacts/; with
 * KUBEWAY_UPDATE_SCREENSHOT=1 the overview shot also replaces docs/vscode.png (the README's picture).
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { artifactsDir, chromiumPath, ensureCodeServer, launchChromium, root, runDir, saveArtifact, startCodeServer, withPrerequisites } from './lib/workbench';
import { packageVsix } from './lib/vsix';

const shot = (page: Page, name: string) => {
  mkdirSync(artifactsDir, { recursive: true });
  return page.screenshot({ path: join(artifactsDir, name) });
};

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

async function quickOpen(page: Page, file: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(file);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: file.split('/').pop() }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: file.split('/').pop() }).waitFor({ timeout: 20_000 });
}

/** The cursor line (1-based) of the active editor, from the status bar's "Ln 12, Col 3". */
async function cursorLine(page: Page): Promise<number> {
  const text = await page.locator('[id="status.editor.selection"]').innerText();
  const m = /Ln (\d+)/.exec(text);
  assert.ok(m, `status bar shows the cursor position: ${text}`);
  return Number(m[1]);
}

test('VS Code UI: the .vsix installed, squiggle, Problems, diagram from the palette, click to source', { timeout: 8 * 60_000 }, async (t) => {
  await withPrerequisites(
    t,
    async () => {
      chromiumPath();
      return ensureCodeServer();
    },
    async (codeServer) => {
      const timings: Record<string, number> = {};
      const vsix = packageVsix();
      const { dir, workspace } = runDir('ui');
      const started = Date.now();
      const server = await startCodeServer(codeServer, dir, { folder: workspace, installVsix: vsix.path });
      timings.installAndStartMs = Date.now() - started;
      const installed = readFileSync(join(dir, 'install-extension.log'), 'utf8');
      assert.match(installed, /kubeway/i, 'code-server installed the kubeway .vsix');
      const browser = await launchChromium(dir);
      const consoleErrors: string[] = [];
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      page.on('console', (m) => {
        if (m.type() === 'error' && /kubeway/i.test(m.text())) consoleErrors.push(m.text());
      });
      try {
        /** One subtest; a failing one leaves a screenshot of the moment. */
        const step = (name: string, fn: () => Promise<void> | void) =>
          t.test(name, async () => {
            try {
              await fn();
            } catch (e) {
              await shot(page, `ui-failed-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}.png`).catch(() => undefined);
              throw e;
            }
          });
        const t0 = Date.now();
        await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
        timings.workbenchMs = Date.now() - t0;

        await step('opening a manifest shows the error squiggle and the Problems entries', async () => {
          const t1 = Date.now();
          await page.locator('.monaco-workbench .part.editor').click();
          await quickOpen(page, 'shop/admin.yaml');
          await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
          timings.openToSquiggleMs = Date.now() - t1;
          await page.keyboard.press('Control+Shift+M');
          const typeRow = page.locator('.markers-panel .monaco-list-row', { hasText: 'nodeport' }).first();
          await typeRow.waitFor({ timeout: 15_000 });
          const typeText = (await typeRow.innerText()).replace(/\s+/g, ' ');
          assert.match(typeText, /must be written `?NodePort`?/);
          assert.match(typeText, /Ln 8, Col 9/, `the Problems row points at the value: ${typeText}`);
          const targetRow = page.locator('.markers-panel .monaco-list-row', { hasText: 'htpp' }).first();
          assert.match((await targetRow.innerText()).replace(/\s+/g, ' '), /Ln 14, Col 19/);
          await shot(page, 'ui-1-problems.png');
        });

        let inner: FrameLocator | undefined;
        await step('"Kubeway: Show Traffic Diagram" from the palette draws the workspace in a webview', async () => {
          const t2 = Date.now();
          await runCommand(page, 'Kubeway: Show Traffic Diagram');
          inner = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
          await inner.locator('g.kw-node').first().waitFor({ timeout: 30_000 });
          timings.commandToDiagramMs = Date.now() - t2;
          const nodes = await inner.locator('g.kw-node').evaluateAll((gs) => gs.map((g) => `${g.getAttribute('data-kind')}/${g.getAttribute('data-name')}${g.classList.contains('kw-missing') ? ' (missing)' : ''}`));
          const titles = await inner.locator('g.kw-node .kw-title').allTextContents();
          for (const want of ['Ingress/shop', 'Service/web', 'Service/admin', 'Service/api (missing)', 'Deployment/web', 'Deployment/api', 'Service/ledger', 'Deployment/ledger']) {
            assert.ok(nodes.includes(want), `${want} is drawn; nodes: ${nodes.join(', ')}`);
          }
          for (const name of ['shop', 'web', 'admin', 'api', 'ledger']) assert.ok(titles.some((x) => x.includes(name)), `"${name}" is written in a node: ${titles.join(' | ')}`);
          assert.ok((await inner.locator('g.kw-edge.kw-broken').count()) >= 2, 'the broken references (api Service, htpp targetPort) are drawn as broken edges');
          await page.waitForTimeout(500); // let the layout settle before the picture
          await shot(page, 'ui-2-diagram.png');
        });

        await step('clicking a node moves the editor to that object', async () => {
          assert.ok(inner, 'the diagram is open');
          const web = inner.locator('g.kw-node[data-kind="Service"][data-name="web"]').first();
          const file = (await web.getAttribute('data-file')) ?? '';
          const line = Number(await web.getAttribute('data-line'));
          assert.match(file, /shop\/web\.yaml$/);
          const source = readFileSync(join(workspace, 'shop/web.yaml'), 'utf8').split('\n');
          const serviceDoc = source.findIndex((l, i) => l === 'kind: Service' && i > 0) - 1;
          assert.ok(line >= serviceDoc && line <= serviceDoc + 4, `the node's line ${line} is the Service's (document from line ${serviceDoc})`);
          await web.click();
          await page.locator('.tabs-container .tab.active', { hasText: 'web.yaml' }).waitFor({ timeout: 15_000 });
          const deadline = Date.now() + 10_000;
          while ((await cursorLine(page)) !== line + 1 && Date.now() < deadline) await page.waitForTimeout(100);
          assert.equal(await cursorLine(page), line + 1, 'the cursor is on the Service’s line');
          await shot(page, 'ui-3-reveal.png');
        });

        await step('overview screenshot: manifest, Problems and diagram side by side', async () => {
          await page.keyboard.press('Escape'); // a dialog or widget left open by an earlier step
          await page.locator('.tabs-container .tab', { hasText: 'admin.yaml' }).first().click();
          await page.locator('.tabs-container .tab.active', { hasText: 'admin.yaml' }).waitFor({ timeout: 15_000 });
          await runCommand(page, 'View: Close Primary Side Bar'); // more room for the manifest and the diagram
          await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 15_000 });
          await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 15_000 });
          const fit = inner?.locator('button', { hasText: /^Fit$/ }).first();
          if (fit && (await fit.count())) await fit.click();
          await page.waitForTimeout(800);
          await shot(page, 'ui-overview.png');
          if (process.env.KUBEWAY_UPDATE_SCREENSHOT === '1') {
            mkdirSync(join(root, 'docs'), { recursive: true });
            copyFileSync(join(artifactsDir, 'ui-overview.png'), join(root, 'docs/vscode.png'));
            console.log('e2e: docs/vscode.png updated');
          }
        });

        await step('no kubeway errors in the browser console', () => {
          assert.deepEqual(consoleErrors, []);
        });
      } catch (e) {
        await shot(page, 'ui-failure.png').catch(() => undefined);
        throw e;
      } finally {
        saveArtifact('ui-timings.json', JSON.stringify({ ...timings, vsixBytes: vsix.bytes }, null, 2));
        console.log(`e2e: UI timings ${JSON.stringify(timings)} (logs in ${dir})`);
        await browser.close().catch(() => undefined);
        await server.stop();
      }
    },
  );
});
