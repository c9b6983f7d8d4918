/**
 * The end-to-end harness: finds or installs what the e2e tests need (code-server into .vscode-test/, Debian's
 * chromium and neovim), starts a code-server workbench in its own process group with HOME/XDG kept in a temp
 * folder, and launches headless Chromium through playwright-core.
 *
 * A missing prerequisite prints `SKIPPED: <test>: <reason>` and skips, unless KUBEWAY_E2E=required (CI), where it
 * fails the test instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { repoRoot } from '../../harness';

export const CODE_SERVER_VERSION = '4.100.3'; // the last code-server release that runs on Node 20
export const root = repoRoot();
export const cacheDir = join(root, '.vscode-test');
export const artifactsDir = join(root, 'test-artifacts');
export const workspaceFixture = join(root, 'test/e2e/workspace');
const required = process.env.KUBEWAY_E2E === 'required';

export class MissingPrerequisite extends Error {}

/** What the harness needs of node:test's TestContext (its class is not exported by @types/node 20). */
export interface TestContext {
  name: string;
  skip(message?: string): void;
}

/** Skips the test with a printed reason, or fails it when the e2e tests are required (CI). */
export function skipOrFail(t: TestContext, reason: string): void {
  if (required) throw new Error(`KUBEWAY_E2E=required, but ${reason}`);
  console.log(`SKIPPED: ${t.name}: ${reason}`);
  t.skip(reason);
}

function which(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const p = join(dir, cmd);
    if (dir && existsSync(p) && statSync(p).isFile()) return p;
  }
  return undefined;
}

export function chromiumPath(): string {
  const p = process.env.KUBEWAY_CHROMIUM ?? which('chromium') ?? which('chromium-browser');
  if (!p || !existsSync(p))
    throw new MissingPrerequisite(
      'Chromium is not installed (Debian: apt-get install chromium; or set KUBEWAY_CHROMIUM)',
    );
  return p;
}

export function nvimPath(): string {
  const p = process.env.KUBEWAY_NVIM ?? which('nvim');
  if (!p || !existsSync(p)) throw new MissingPrerequisite('neovim is not installed (Debian: apt-get install neovim)');
  return p;
}

export function builtExtension(): void {
  for (const f of ['dist/extension.js', 'dist/server.js']) {
    if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run npm run build first`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The code-server install in .vscode-test/, installed on first use (about 2 minutes; npm registry only). */
export async function ensureCodeServer(): Promise<string> {
  const dir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
  const bin = join(dir, 'node_modules/.bin/code-server');
  const marker = join(dir, '.installed');
  if (existsSync(marker) && existsSync(bin)) return bin;
  if (process.env.KUBEWAY_E2E_NO_INSTALL)
    throw new MissingPrerequisite(
      `code-server ${CODE_SERVER_VERSION} is not installed in .vscode-test/ and KUBEWAY_E2E_NO_INSTALL is set`,
    );
  const tools = ['rg', 'make', 'g++', 'python3', 'pkg-config', 'krb5-config'].filter((t) => !which(t));
  if (tools.length) {
    throw new MissingPrerequisite(
      `code-server cannot be installed: ${tools.join(', ')} missing (Debian: apt-get install build-essential python3 pkg-config libkrb5-dev ripgrep)`,
    );
  }
  // One installer at a time (test files may run in parallel): a lock folder, taken over when stale.
  mkdirSync(cacheDir, { recursive: true });
  const lock = `${dir}.lock`;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(marker)) return bin;
      if (Date.now() - statSync(lock).mtimeMs > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      await sleep(2000);
    }
  }
  try {
    if (existsSync(marker)) return bin;
    const logFile = join(cacheDir, 'install-code-server.log');
    console.log(
      `e2e: installing code-server ${CODE_SERVER_VERSION} into .vscode-test/ (once, about 2 minutes; log: ${logFile})`,
    );
    const started = Date.now();
    const out = openSync(logFile, 'w');
    const child = spawn('bash', [join(root, 'test/e2e/install-code-server.sh'), dir, CODE_SERVER_VERSION], {
      stdio: ['ignore', out, out],
      env: isolatedEnv(join(cacheDir, 'install-home')),
    });
    const code: number = await new Promise((res) => child.on('exit', (c) => res(c ?? 1)));
    closeSync(out);
    if (code !== 0 || !existsSync(marker)) {
      const tail = readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n');
      throw new Error(`installing code-server failed (exit ${code}); last lines of ${logFile}:\n${tail}`);
    }
    console.log(`e2e: code-server installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return bin;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Environment with HOME and XDG folders inside `home`: code-server, Chromium and nvim write there, not in ~. */
export function isolatedEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const xdg = (name: string) => {
    const p = join(home, '.xdg', name);
    mkdirSync(p, { recursive: true });
    return p;
  };
  mkdirSync(home, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: xdg('config'),
    XDG_DATA_HOME: xdg('data'),
    XDG_CACHE_HOME: xdg('cache'),
    XDG_STATE_HOME: xdg('state'),
    ...extra,
  };
  // the test runner's own variables must not leak into the extension host's node (it would run as a test child)
  for (const k of Object.keys(env)) if (k.startsWith('NODE_TEST') || k === 'NODE_OPTIONS') delete env[k];
  return env;
}

/** The temp folders of this process's e2e runs, removed when it exits (kept when a test failed, for their logs). */
const runDirs: string[] = [];
let cleanupRegistered = false;

/** A fresh folder under the system temp folder, removed at exit unless a test failed or KUBEWAY_E2E_KEEP is set. */
export function tempRunDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `kubeway-e2e-${name}-`));
  runDirs.push(dir);
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    // Registered before any server's own exit handler is: those run later, so stop servers first (tests do).
    process.on('exit', (code) => {
      if (code !== 0 || (process.exitCode ?? 0) !== 0 || process.env.KUBEWAY_E2E_KEEP) {
        if (runDirs.length) console.log(`e2e: kept ${runDirs.join(', ')}`);
        return;
      }
      for (const d of runDirs) {
        try {
          rmSync(d, { recursive: true, force: true, maxRetries: 3 });
        } catch {
          // a process of the run still writes there: the system's temp cleaning will take it
        }
      }
    });
  }
  return dir;
}

/** A fresh temp folder for one e2e run: `ws` is a copy of the fixture workspace (tests edit it). */
export function runDir(name: string): { dir: string; workspace: string } {
  const dir = tempRunDir(name);
  const workspace = join(dir, 'ws');
  cpSync(workspaceFixture, workspace, { recursive: true });
  return { dir, workspace };
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
  });
}

export const WORKBENCH_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'window.restoreWindows': 'none',
  'workbench.editor.restoreViewState': false,
};

export interface RunningServer {
  url: string;
  port: number;
  logFile: string;
  stop(): Promise<void>;
}

/** A child in its own process group (like setsid), stopped with its whole group. */
function startGroup(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
): { child: ChildProcess; stop: () => Promise<void> } {
  const out = openSync(logFile, 'a');
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', out, out], env });
  closeSync(out);
  const exited = new Promise<void>((res) => child.on('exit', () => res()));
  const kill = (sig: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  const onExit = () => kill('SIGKILL');
  process.on('exit', onExit);
  return {
    child,
    stop: async () => {
      process.off('exit', onExit);
      if (child.exitCode !== null || child.signalCode !== null) {
        kill('SIGKILL'); // children of the group may outlive the leader
        return;
      }
      kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      kill('SIGKILL');
    },
  };
}

/** Starts code-server on a free loopback port with its own user data and extensions folders under `dir`. */
export async function startCodeServer(
  bin: string,
  dir: string,
  opts: { folder?: string; env?: Record<string, string>; installVsix?: string } = {},
): Promise<RunningServer> {
  const userData = join(dir, 'user-data');
  const extensions = join(dir, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(join(userData, 'User/settings.json'), JSON.stringify(WORKBENCH_SETTINGS, null, 2));
  const env = isolatedEnv(join(dir, 'home'), opts.env);
  const logFile = join(dir, 'code-server.log');
  const common = ['--disable-telemetry', '--extensions-dir', extensions, '--user-data-dir', userData];
  if (opts.installVsix) {
    const r = spawnSync(bin, [...common, '--install-extension', opts.installVsix], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    writeFileSync(join(dir, 'install-extension.log'), `${r.stdout}\n${r.stderr}`);
    if (r.status !== 0 || !/successfully installed/i.test(r.stdout + r.stderr))
      throw new Error(`code-server --install-extension failed:\n${r.stdout}\n${r.stderr}`);
  }
  const port = await freePort();
  const args = [
    '--auth',
    'none',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--bind-addr',
    `127.0.0.1:${port}`,
    ...common,
  ];
  if (opts.folder) args.push(opts.folder);
  const proc = startGroup(bin, args, env, logFile);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.child.exitCode !== null)
      throw new Error(`code-server exited with ${proc.child.exitCode}:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await proc.stop();
      throw new Error(
        `code-server did not answer on ${url} within 60 s:\n${readFileSync(logFile, 'utf8').slice(-3000)}`,
      );
    }
    await sleep(200);
  }
  return { url, port, logFile, stop: proc.stop };
}

/** Headless Debian Chromium driven by playwright-core (no browser download). */
export async function launchChromium(dir: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    env: isolatedEnv(join(dir, 'home')) as Record<string, string>,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** All files under `dir` whose path matches `re` (for finding log files). */
export function findFiles(dir: string, re: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    return e.isDirectory() ? findFiles(full, re) : re.test(full) ? [full] : [];
  });
}

export function saveArtifact(name: string, content: string | Uint8Array): string {
  mkdirSync(artifactsDir, { recursive: true });
  const p = join(artifactsDir, name);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, content);
  return p;
}

/** Runs `fn` with the prerequisites resolved; a MissingPrerequisite becomes a skip (or a failure under CI). */
export async function withPrerequisites<T>(
  t: TestContext,
  resolve: () => Promise<T> | T,
  fn: (value: T) => Promise<void>,
): Promise<void> {
  let value: T;
  try {
    value = await resolve();
  } catch (e) {
    if (e instanceof MissingPrerequisite) return skipOrFail(t, e.message);
    throw e;
  }
  await fn(value);
}
