/**
 * Entry point of the extension-host tests (what `extensionTestsPath` points at): runs the mocha suite inside
 * VS Code's extension host, with the real `vscode` API. Used by test/e2e/extension-host.test.ts (code-server
 * workbench) and by test/e2e/run-vscode-electron.ts (`npm run test:vscode`, @vscode/test-electron).
 * With KUBEWAY_E2E_REPORT set, writes each test's result and the measured timings there as JSON.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { metrics } from './metrics';

export interface HostTestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}
export interface HostReport {
  vscodeVersion: string;
  tests: HostTestResult[];
  metrics: Record<string, number | string>;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.addFile(join(__dirname, 'kubeway.suite.js'));
  const tests: HostTestResult[] = [];
  const write = () => {
    const file = process.env.KUBEWAY_E2E_REPORT;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vscodeVersion: string = require('vscode').version;
    if (file) writeFileSync(file, JSON.stringify({ vscodeVersion, tests, metrics } satisfies HostReport, null, 2));
  };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      write();
      console.log(
        `kubeway extension-host tests: ${tests.filter((t) => t.state === 'passed').length} passed, ${failures} failed`,
      );
      if (failures) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('pending', (t) => tests.push({ title: t.fullTitle(), state: 'pending' }));
    runner.on('fail', (t, err: Error) =>
      tests.push({
        title: t.fullTitle(),
        state: 'failed',
        durationMs: t.duration,
        error: `${err.message}\n${err.stack ?? ''}`,
      }),
    );
  });
}
