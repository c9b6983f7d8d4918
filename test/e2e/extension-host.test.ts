/**
 * Runs the extension-host suite (test/e2e/extension-host/, mocha + the `vscode` API) inside a real VS Code
 * workbench: code-server serves it, headless Chromium opens it with the development extension and the tests
 * passed in the workbench URL's `payload` (extensionDevelopmentPath / extensionTestsPath, as @vscode/test-web
 * does), and the workbench reports the end through window.codeAutomationExit. Each mocha test becomes one
 * subtest here, so that the run's summary counts them.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { HostReport } from './extension-host/index';
import {
  builtExtension,
  chromiumPath,
  ensureCodeServer,
  launchChromium,
  root,
  runDir,
  saveArtifact,
  startCodeServer,
  withPrerequisites,
} from './lib/workbench';

const TIMEOUT_MS = 6 * 60_000;

test('VS Code extension-host tests in a code-server workbench', { timeout: TIMEOUT_MS + 5 * 60_000 }, async (t) => {
  await withPrerequisites(
    t,
    async () => {
      chromiumPath();
      return ensureCodeServer();
    },
    async (codeServer) => {
      builtExtension();
      const testsEntry = join(root, 'out/test/e2e/extension-host/index.js');
      assert.ok(existsSync(testsEntry), `${testsEntry} is built (tsc -b)`);
      const { dir, workspace } = runDir('host');
      const report = join(dir, 'report.json');
      const userData = join(dir, 'user-data');
      const started = Date.now();
      const server = await startCodeServer(codeServer, dir, {
        env: { KUBEWAY_E2E_REPORT: report, KUBEWAY_E2E_LOGS: join(userData, 'logs') },
      });
      const browser = await launchChromium(dir);
      const consoleLines: string[] = [];
      let exitCode: unknown;
      try {
        const page = await browser.newPage();
        const host = new URL(server.url).host;
        const remote = (p: string) => `vscode-remote://${host}${p}`;
        const payload = [
          ['extensionDevelopmentPath', remote(root)],
          ['extensionTestsPath', remote(testsEntry)],
        ];
        const exited = new Promise(
          (res) => void page.exposeFunction('codeAutomationExit', (code: number) => res(code)),
        );
        await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) =>
          consoleLines.push(`[${type}] ${(args ?? []).join(' ')}`),
        );
        page.on('console', (m) =>
          consoleLines.push(
            m
              .text()
              .replace(/%c/g, '')
              .replace(/color: [a-z]+/g, ''),
          ),
        );
        await page.goto(
          `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
        );
        let timer: NodeJS.Timeout | undefined;
        exitCode = await Promise.race([
          exited,
          new Promise((res) => (timer = setTimeout(() => res('timeout'), TIMEOUT_MS))),
        ]);
        clearTimeout(timer);
        if (exitCode === 'timeout') await page.screenshot({ path: join(dir, 'timeout.png') }).catch(() => undefined);
      } finally {
        await browser.close().catch(() => undefined);
        await server.stop();
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      saveArtifact('extension-host-console.log', consoleLines.join('\n'));
      console.log(`e2e: extension-host run took ${seconds} s (exit ${String(exitCode)}; logs in ${dir})`);
      assert.ok(
        existsSync(report),
        `the suite wrote its report (exit ${String(exitCode)}); console:\n${consoleLines.slice(-40).join('\n')}`,
      );
      const result: HostReport = JSON.parse(readFileSync(report, 'utf8'));
      saveArtifact(
        'e2e-metrics.json',
        JSON.stringify(
          { vscodeVersion: result.vscodeVersion, runSeconds: Number(seconds), ...result.metrics },
          null,
          2,
        ),
      );
      console.log(`e2e: VS Code ${result.vscodeVersion}; metrics ${JSON.stringify(result.metrics)}`);
      assert.ok(result.tests.length > 0, 'the suite ran tests');
      for (const r of result.tests) {
        await t.test(r.title, { skip: r.state === 'pending' }, () => {
          if (r.state === 'failed') throw new Error(r.error);
        });
      }
      assert.equal(
        exitCode,
        result.tests.some((r) => r.state === 'failed') ? 1 : 0,
        'the workbench exit code agrees with the results',
      );
    },
  );
});
