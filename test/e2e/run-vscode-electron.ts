/**
 * `npm run test:vscode`: the same extension-host suite as test/e2e/extension-host.test.ts, run in desktop
 * VS Code through @vscode/test-electron, on a machine that can download VS Code (set KUBEWAY_VSCODE_EXECUTABLE
 * to use an installed one instead; KUBEWAY_VSCODE_VERSION picks the version, default stable).
 * Not a *.test.ts file: `npm test` runs the code-server variant, which needs no download.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import type { HostReport } from './extension-host/index';
import { WORKBENCH_SETTINGS, cacheDir, root, runDir } from './lib/workbench';

async function main(): Promise<number> {
  const { dir, workspace } = runDir('electron');
  const report = join(dir, 'report.json');
  const logs = join(dir, 'logs');
  const userData = join(dir, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User/settings.json'), JSON.stringify(WORKBENCH_SETTINGS, null, 2));
  const started = Date.now();
  try {
    await runTests({
      cachePath: cacheDir,
      version: process.env.KUBEWAY_VSCODE_VERSION ?? 'stable',
      vscodeExecutablePath: process.env.KUBEWAY_VSCODE_EXECUTABLE,
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, 'out/test/e2e/extension-host/index.js'),
      extensionTestsEnv: { KUBEWAY_E2E_REPORT: report, KUBEWAY_E2E_LOGS: logs },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${userData}`,
        `--logsPath=${logs}`,
      ],
    });
  } catch (e) {
    if (!existsSync(report)) {
      console.error(`test:vscode: VS Code did not run the suite: ${(e as Error).message ?? e}`);
      console.error(
        '(On a machine without internet, VS Code cannot be downloaded: `npm run test:e2e` runs the same suite in code-server.)',
      );
      return 1;
    }
  }
  const result: HostReport = JSON.parse(readFileSync(report, 'utf8'));
  const failed = result.tests.filter((t) => t.state === 'failed');
  for (const t of result.tests)
    console.log(
      `${t.state === 'passed' ? '✔' : t.state === 'failed' ? '✖' : '-'} ${t.title}${t.error ? `\n    ${t.error.split('\n')[0]}` : ''}`,
    );
  console.log(
    `VS Code ${result.vscodeVersion}, ${((Date.now() - started) / 1000).toFixed(1)} s; metrics ${JSON.stringify(result.metrics)}`,
  );
  console.log(`${result.tests.length - failed.length} passed, ${failed.length} failed`);
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
