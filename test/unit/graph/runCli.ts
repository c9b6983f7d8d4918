/**
 * Runs the real `kubeway` CLI in a child process, bundled from source with esbuild (so that it needs no
 * prior build and exercises exit codes and stdout as a user sees them).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../harness';

let bundle: string | undefined;

export function cliBundle(): string {
  if (!bundle) {
    const out = join(mkdtempSync(join(tmpdir(), 'kubeway-cli-')), 'cli.js');
    // esbuild's command line, not its API: the API cannot be bundled into the test itself (quick-test).
    const root = repoRoot();
    const r = spawnSync(
      join(root, 'node_modules/.bin/esbuild'),
      [
        join(root, 'server/src/cli/main.ts'),
        '--bundle',
        '--platform=node',
        '--target=node20',
        '--format=cjs',
        '--log-level=error',
        `--outfile=${out}`,
      ],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`esbuild failed: ${r.stderr ?? r.error}`);
    bundle = out;
  }
  return bundle;
}

export function runCli(args: string[], cwd = repoRoot()): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [cliBundle(), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
