/**
 * What a user sees, driven through the browser UI of a real VS Code workbench (code-server + headless Chromium,
 * playwright-core): the packaged .vsix installed, a manifest opened, the squiggle and the Problems entry, the
 * traffic diagram run from the command palette, its node names read inside the webview, and a click on a node
 * that moves the editor to the object's line. Screenshots go to test-artifacts/; with
 * KUBEWAY_UPDATE_SCREENSHOT=1 the overview shot also replaces docs/vscode.png (the README's picture).
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import {
  artifactsDir,
  chromiumPath,
  ensureCodeServer,
  launchChromium,
  root,
  runDir,
  saveArtifact,
  startCodeServer,
  withPrerequisites,
} from './lib/workbench';
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
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: file.split('/').pop() }).first();
  await row.waitFor({ timeout: 15_000 });
  await page.waitForTimeout(200); // the list is re-sorted as results arrive
  await page.keyboard.press('Enter');
  const tab = page.locator('.tabs-container .tab.active', { hasText: file.split('/').pop() });
  try {
    await tab.waitFor({ timeout: 8_000 });
  } catch {
    // The Enter went elsewhere (a widget of the previous step still had the keyboard): pick the file again.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type(file);
    await row.click({ timeout: 15_000 });
    await tab.waitFor({ timeout: 15_000 });
  }
}

/** Moves the cursor to a 1-based line and column with Go to Line (Ctrl+G `line:col`). */
async function goTo(page: Page, line: number, col = 1): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(`${line}:${col}`);
  await page.keyboard.press('Enter');
  await page
    .locator('.quick-input-widget')
    .waitFor({ state: 'hidden' })
    .catch(() => undefined);
}

/** The cursor (1-based line and column) of the active editor, from the status bar's "Ln 12, Col 3". */
async function cursorAt(page: Page): Promise<{ line: number; col: number }> {
  const text = await page.locator('[id="status.editor.selection"]').innerText();
  const m = /Ln (\d+), Col (\d+)/.exec(text);
  assert.ok(m, `status bar shows the cursor position: ${text}`);
  return { line: Number(m[1]), col: Number(m[2]) };
}

/** Waits until the status bar shows the cursor at `want` (it follows the cursor with a short delay). */
async function expectCursor(page: Page, want: { line: number; col: number }, message: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  let at = await cursorAt(page);
  while ((at.line !== want.line || at.col !== want.col) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    at = await cursorAt(page);
  }
  assert.deepEqual(at, want, message);
}

/**
 * Ctrl+End in the editor just opened, until the cursor is at the end of `text` (a key pressed while the editor
 * is still taking focus is lost: pressed again then).
 */
async function toEnd(page: Page, text: string): Promise<void> {
  const lines = text.split('\n');
  const want = { line: lines.length, col: lines[lines.length - 1].length + 1 };
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.keyboard.press('Control+End');
    const deadline = Date.now() + 1_500;
    while (Date.now() < deadline) {
      const at = await cursorAt(page);
      if (at.line === want.line && at.col === want.col) return;
      await page.waitForTimeout(100);
    }
  }
  assert.deepEqual(await cursorAt(page), want, 'Ctrl+End reaches the end of the file');
}

const SUGGEST = '.editor-widget.suggest-widget.visible';

/** The labels of the open suggestion list, in the order shown (waits for it to open). */
async function suggestions(page: Page, timeout = 10_000): Promise<string[]> {
  await page.locator(`${SUGGEST} .monaco-list-row`).first().waitFor({ timeout });
  await page.waitForTimeout(300); // the list settles when the server's answer arrives
  return page.locator(`${SUGGEST} .monaco-list-row .label-name`).allTextContents();
}

/** The cursor line (1-based) of the active editor, from the status bar's "Ln 12, Col 3". */
async function cursorLine(page: Page): Promise<number> {
  const text = await page.locator('[id="status.editor.selection"]').innerText();
  const m = /Ln (\d+)/.exec(text);
  assert.ok(m, `status bar shows the cursor position: ${text}`);
  return Number(m[1]);
}

test(
  'VS Code UI: the .vsix installed, squiggle, Problems, diagram from the palette, click to source, typing by keyboard',
  { timeout: 14 * 60_000 },
  async (t) => {
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
        // Files the typing steps write into, created by those steps (the overview shows the fixture workspace only).
        const TYPED_SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: typed\nspec:';
        const TYPED_DEPLOYMENT =
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: typed\nspec:\n  selector:\n    matchLabels:\n      app: typed\n  template:\n    metadata:\n      labels:\n        app: typed\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n          ports:\n            - name: metrics';
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
                await shot(page, `ui-failed-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}.png`).catch(
                  () => undefined,
                );
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
            const nodes = await inner
              .locator('g.kw-node')
              .evaluateAll((gs) =>
                gs.map(
                  (g) =>
                    `${g.getAttribute('data-kind')}/${g.getAttribute('data-name')}${g.classList.contains('kw-missing') ? ' (missing)' : ''}`,
                ),
              );
            const titles = await inner.locator('g.kw-node .kw-title').allTextContents();
            for (const want of [
              'Ingress/shop',
              'Service/web',
              'Service/admin',
              'Service/api (missing)',
              'Deployment/web',
              'Deployment/api',
              'Service/ledger',
              'Deployment/ledger',
            ]) {
              assert.ok(nodes.includes(want), `${want} is drawn; nodes: ${nodes.join(', ')}`);
            }
            for (const name of ['shop', 'web', 'admin', 'api', 'ledger'])
              assert.ok(
                titles.some((x) => x.includes(name)),
                `"${name}" is written in a node: ${titles.join(' | ')}`,
              );
            assert.ok(
              (await inner.locator('g.kw-edge.kw-broken').count()) >= 2,
              'the broken references (api Service, htpp targetPort) are drawn as broken edges',
            );
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
            assert.ok(
              line >= serviceDoc && line <= serviceDoc + 4,
              `the node's line ${line} is the Service's (document from line ${serviceDoc})`,
            );
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

          /** Saves the active editor (Ctrl+S) and reads the file from disk once it has been written. */
          const save = async (file: string): Promise<string> => {
            const before = readFileSync(join(workspace, file), 'utf8');
            await page.keyboard.press('Escape');
            await page.keyboard.press('Control+S');
            const deadline = Date.now() + 15_000;
            let text = before;
            while (Date.now() < deadline && text === before) {
              await page.waitForTimeout(100);
              text = readFileSync(join(workspace, file), 'utf8');
            }
            return text;
          };

          await step(
            'a new file: the kinds most used first, one entry per snippet; picking Deployment inserts the snippet',
            async () => {
              writeFileSync(join(workspace, 'shop/new.yaml'), '');
              writeFileSync(join(workspace, 'shop/typed-service.yaml'), TYPED_SERVICE);
              writeFileSync(join(workspace, 'shop/typed-deployment.yaml'), TYPED_DEPLOYMENT);
              await page
                .locator('.monaco-workbench .part.editor .monaco-editor')
                .first()
                .click()
                .catch(() => undefined);
              await quickOpen(page, 'shop/new.yaml');
              await page.waitForTimeout(1000);
              await page.keyboard.type('Serv', { delay: 60 });
              await page.keyboard.press('Control+Space');
              const serv = await suggestions(page);
              assert.equal(serv[0], 'Service', `Service is first (got ${serv.slice(0, 6).join(', ')})`);
              assert.ok(serv.indexOf('Service') < serv.indexOf('ServiceCIDR'), 'Service before ServiceCIDR');
              await shot(page, 'ui-4-kinds.png');
              await page.keyboard.press('Escape');
              for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
              await page.keyboard.type('deploy', { delay: 60 });
              await page.keyboard.press('Control+Space');
              const deploy = await suggestions(page);
              assert.deepEqual(
                deploy.filter((l) => /deploy/i.test(l)),
                ['Deployment', 'Deployment + Service + Ingress'],
                `one entry per snippet: ${deploy.join(', ')}`,
              );
              await shot(page, 'ui-completion-snippets.png');
              await page.keyboard.press('Enter');
              const text = await save('shop/new.yaml');
              assert.match(text, /^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n {2}name: web\n/, text);
            },
          );

          await step('no object snippets in a CI workflow', async () => {
            await quickOpen(page, 'ci/workflow.yaml');
            await page.keyboard.press('Control+End');
            await page.keyboard.press('Enter');
            await page.keyboard.press('Home');
            await page.keyboard.press('Shift+Home');
            await page.keyboard.press('Backspace');
            await page.keyboard.type('deploy', { delay: 60 });
            await page.keyboard.press('Control+Space');
            await page.waitForTimeout(1500);
            // VS Code's own word completion may offer `Deployment` (a word of the other open files, a text icon);
            // kubeway's object entries and snippets have the module icon.
            const rows = await page
              .locator(`${SUGGEST} .monaco-list-row`)
              .evaluateAll((els) =>
                els.map(
                  (e) =>
                    `${e.querySelector('.label-name')?.textContent ?? ''} ${e.querySelector('.suggest-icon')?.className ?? ''}`,
                ),
              );
            assert.deepEqual(
              rows.filter((r) => /symbol-(module|snippet)/.test(r)),
              [],
              `no Kubernetes object is offered in a workflow: ${rows.join(' | ')}`,
            );
            await page.keyboard.press('Escape');
          });

          await step(
            'the status bar says what kubeway made of a file; the diagram button only on manifests',
            async () => {
              const item = page.locator('.statusbar-item', { hasText: 'kubeway:' }).first();
              const diagramButton = page.locator('.editor-actions .action-label[aria-label*="Show Traffic Diagram"]');
              await item.filter({ hasText: 'not a manifest' }).waitFor({ timeout: 15_000 });
              assert.equal(await diagramButton.count(), 0, 'no diagram button on ci/workflow.yaml');
              await runCommand(page, 'File: Revert File');
              await quickOpen(page, 'chart/templates/deployment.yaml');
              await item.filter({ hasText: 'template, skipped' }).waitFor({ timeout: 15_000 });
              await shot(page, 'ui-5-template-status.png');
              await quickOpen(page, 'shop/admin.yaml');
              await item.filter({ hasText: /\d+ objects?/ }).waitFor({ timeout: 15_000 });
              await diagramButton.first().waitFor({ timeout: 15_000 });
            },
          );

          await step('Enter after `spec:` indents; typing `type: ` opens the Service types by itself', async () => {
            await quickOpen(page, 'shop/typed-service.yaml');
            await toEnd(page, TYPED_SERVICE);
            await page.keyboard.press('Enter');
            await expectCursor(page, { line: 6, col: 3 }, 'the cursor is indented under spec:');
            await page.keyboard.type('type: ', { delay: 80 });
            const types = await suggestions(page);
            assert.deepEqual(
              types,
              ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
              'opened without Ctrl+Space',
            );
            await shot(page, 'ui-6-value-completion.png');
            await page.keyboard.type('Node', { delay: 80 });
            await page.keyboard.press('Enter');
            await page.keyboard.press('Enter');
            await expectCursor(page, { line: 7, col: 3 }, 'Enter after a value keeps the column');
            await page.keyboard.type('ports:', { delay: 60 });
            // A list (word completion, when kubeway has nothing for `ports:`) may open late: close it before Enter.
            await page.waitForTimeout(800);
            await page.keyboard.press('Escape');
            await page
              .locator(SUGGEST)
              .waitFor({ state: 'hidden', timeout: 5_000 })
              .catch(() => undefined);
            await page.keyboard.press('Enter');
            await expectCursor(page, { line: 8, col: 5 }, 'indented under ports:');
            await page.keyboard.type('- protocol: ', { delay: 80 });
            assert.deepEqual(await suggestions(page), ['TCP', 'UDP', 'SCTP']);
            await page.keyboard.press('Enter');
            const text = await save('shop/typed-service.yaml');
            assert.match(text, /\nspec:\n {2}type: NodePort\n {2}ports:\n {4}- protocol: TCP/, text);
          });

          await step(
            'after `- name: metrics` + Enter, `cont` at the dash column completes containerPort of that port item',
            async () => {
              await quickOpen(page, 'shop/typed-deployment.yaml');
              await toEnd(page, TYPED_DEPLOYMENT);
              await page.keyboard.press('Enter');
              await expectCursor(page, { line: 19, col: 13 }, 'the editor leaves the cursor at the dash column');
              await page.keyboard.type('cont', { delay: 80 });
              await page.keyboard.press('Control+Space');
              const keys = await suggestions(page);
              assert.equal(keys[0], 'containerPort', `containerPort offered first: ${keys.join(', ')}`);
              await shot(page, 'ui-7-unfinished.png');
              await page.keyboard.press('Enter');
              await page.keyboard.type('9090', { delay: 60 });
              const text = await save('shop/typed-deployment.yaml');
              assert.ok(
                text.endsWith('            - name: metrics\n              containerPort: 9090'),
                JSON.stringify(text.slice(-80)),
              );
              await page.waitForTimeout(1500);
              assert.equal(await page.locator('.monaco-editor .squiggly-error').count(), 0, 'no YAML error left');
            },
          );

          await step('hover on a targetPort leads with what it resolves to', async () => {
            await quickOpen(page, 'shop/web.yaml');
            const lines = readFileSync(join(workspace, 'shop/web.yaml'), 'utf8').split('\n');
            const at = lines.findIndex((l) => l.includes('targetPort: http'));
            await goTo(page, at + 1, lines[at].indexOf('targetPort') + 3);
            await page.keyboard.press('Control+K');
            await page.keyboard.press('Control+I');
            const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents').first();
            await hover.waitFor({ timeout: 15_000 });
            const first = (await hover.innerText()).split('\n')[0];
            assert.match(
              first,
              /^targetPort http → container port 8080\/TCP of Deployment web, shop\/web\.yaml:\d+$/,
              first,
            );
            await shot(page, 'ui-hover.png');
            await page.keyboard.press('Escape');
          });

          await step('a wrong targetPort: one quick fix per container port, by name and by number', async () => {
            await quickOpen(page, 'shop/admin.yaml');
            await goTo(page, 14, 20);
            await page.keyboard.press('Control+.');
            const rows = page.locator('.action-widget .monaco-list-row');
            await rows.first().waitFor({ timeout: 15_000 });
            const titles = (await rows.allInnerTexts()).map((x) => x.replace(/\s+/g, ' ').trim());
            assert.ok(
              titles.some((x) => /^Change targetPort to \w+ \(container port \d+\/TCP of Deployment/.test(x)),
              titles.join(' | '),
            );
            assert.ok(
              titles.some((x) => /^Change targetPort to \d+ \(/.test(x)),
              titles.join(' | '),
            );
            await shot(page, 'ui-quickfix.png');
            await page.keyboard.press('Escape');
          });

          await step('the Kubeway output channel logs the folder scan', async () => {
            await runCommand(page, 'Kubeway: Show Output');
            const out = page.locator('.part.panel .view-lines');
            await out.filter({ hasText: 'scanned' }).first().waitFor({ timeout: 15_000 });
            const text = (await out.first().innerText()).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
            assert.match(
              text,
              /kubeway: scanned .*: \d+ YAML files selected, \d+ read from disk .*skipped 1 template \(chart\/templates\/deployment\.yaml\); 1 not Kubernetes; \d+ ms/,
            );
          });

          await step(
            '"Kubeway: Trace a Request…" from the palette shows the trace in its output and opens the winning rule',
            async () => {
              await page.keyboard.press('Escape');
              await runCommand(page, 'Kubeway: Trace a Request…');
              const input = page.locator('.quick-input-widget input');
              await page
                .locator('.quick-input-widget', { hasText: 'Trace a Request' })
                .waitFor({ state: 'visible', timeout: 15_000 });
              await page.keyboard.press('Control+A'); // the box starts with the last request (or `https://`)
              await page.keyboard.type('https://shop.example.com/cart', { delay: 30 });
              assert.equal(await input.inputValue(), 'https://shop.example.com/cart');
              await page.keyboard.press('Enter');
              const out = page
                .locator('.part.panel .view-lines')
                .filter({ hasText: 'GET https://shop.example.com/cart' })
                .first();
              await out.waitFor({ timeout: 20_000 });
              const channels = await page
                .locator('.part.panel select')
                .evaluateAll((els) =>
                  els.map(
                    (e) => (e as unknown as { selectedOptions: { text: string }[] }).selectedOptions[0]?.text ?? '',
                  ),
                );
              assert.ok(
                channels.includes('Kubeway: Routes'),
                `the panel shows the "Kubeway: Routes" output: ${channels.join(', ')}`,
              );
              const text = (await out.innerText()).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
              assert.match(
                text,
                /class nginx: routed: Ingress shop\/shop \(shop\.example\.com Prefix \/\) → Service shop\/web port http \(80\) → targetPort http → Deployment shop\/web web:8080\/TCP/,
                text,
              );
              for (const why of [
                'host shop.example.com: exact rule of Ingress shop/shop',
                'path /cart: matches Prefix / of Ingress shop/shop',
                'backend Service shop/web port http',
                'pods of Deployment shop/web: container web port 8080/TCP',
              ]) {
                assert.ok(text.includes(why), `the trace says "${why}": ${text}`);
              }
              await page
                .locator('.tabs-container .tab.active', { hasText: 'ingress.yaml' })
                .waitFor({ timeout: 15_000 });
              await expectCursor(page, { line: 12, col: 13 }, 'the editor is at the winning path of shop/ingress.yaml');
              await shot(page, 'ui-trace-request.png');
            },
          );

          await step('the extension page shows the package README and its pictures load', async () => {
            await page.keyboard.press('Control+Shift+X');
            const search = page
              .locator('.extensions-viewlet .suggest-input-container, .extensions-viewlet .monaco-inputbox')
              .first();
            await search.waitFor({ timeout: 15_000 });
            await search.click();
            await page.keyboard.type('@installed kubeway', { delay: 30 });
            const entry = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'kubeway' }).first();
            await entry.waitFor({ timeout: 20_000 });
            await entry.click();
            // Webviews are laid over the editor, outside its DOM: the README's is the frame whose heading is the README's.
            let readme: import('playwright-core').Frame | undefined;
            const deadline = Date.now() + 30_000;
            while (!readme && Date.now() < deadline) {
              for (const f of page.frames()) {
                const h1 = await f
                  .locator('h1')
                  .first()
                  .textContent({ timeout: 200 })
                  .catch(() => null);
                if (h1 && /checked offline/.test(h1)) readme = f;
              }
              if (!readme) await page.waitForTimeout(500);
            }
            assert.ok(readme, 'the extension page shows the README');
            const images = readme.locator('img');
            await images.first().waitFor({ timeout: 15_000 });
            await page.waitForTimeout(1000);
            const loaded = await images.evaluateAll((imgs) =>
              imgs.map((i) => ({
                src: (i as unknown as { src: string; naturalWidth: number }).src.slice(0, 30),
                w: (i as unknown as { src: string; naturalWidth: number }).naturalWidth,
              })),
            );
            assert.ok(loaded.length >= 2, `the page shows pictures: ${JSON.stringify(loaded)}`);
            for (const img of loaded) assert.ok(img.w > 0, `picture ${img.src}… loads: ${JSON.stringify(loaded)}`);
            assert.equal(await readme.locator('text=npm ci').count(), 0, 'the user-facing README, not the developers’');
            await shot(page, 'ui-extension-page.png');
            if (process.env.KUBEWAY_UPDATE_SCREENSHOT === '1') {
              for (const [from, to] of [
                ['ui-completion-snippets.png', 'completion.png'],
                ['ui-quickfix.png', 'quickfix.png'],
                ['ui-hover.png', 'hover.png'],
              ]) {
                copyFileSync(join(artifactsDir, from), join(root, 'docs', to));
              }
              console.log('e2e: docs/completion.png, docs/quickfix.png and docs/hover.png updated');
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
  },
);
