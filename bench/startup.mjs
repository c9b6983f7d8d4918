// Workspace start-up: kubeway's language server opened on a folder of N manifest files (default 2000, one
// Deployment + Service + Ingress group each, errors variant so that some closed files get diagnostics).
//   node bench/startup.mjs [--files N] [--reps R] [--json OUT] [--server "node dist/server.js --stdio"]
// One open document is opened right after `initialized`; while the folder is indexed in the background,
// hover and completion requests on it are sent one after the other. Measured per run (fresh server):
//   indexed          initialized -> `$/progress` end of the indexing report (ms), and the reports seen
//   open diagnostics initialized -> first diagnostics of the open document (not held up by indexing)
//   all diagnostics  initialized -> last diagnostics published for the folder's files (checked after indexing)
//   requests         latency of hover/completion answered while indexing ran: p50 / p95 / max (ms)
//   memory           peak RSS (VmHWM) of the server
// Medians over the runs. Needs ../shared/bench/gen.mjs for the workload.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.indexOf(`--${name}`) >= 0 ? args[args.indexOf(`--${name}`) + 1] : dflt);
const files = Number(opt('files', 2000));
const reps = Number(opt('reps', 3));
const server = opt(
  'server',
  `${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'dist/server.js'))} --stdio`,
);
const gen = resolve(opt('gen', join(ROOT, '../shared/bench/gen.mjs')));
if (!existsSync(gen)) throw new Error(`${gen} is not there to make the workload (--gen PATH)`);

const dir = mkdtempSync(join(tmpdir(), `kubeway-startup-${files}-`));
execFileSync(process.execPath, [gen, '--files', String(files), '--groups', '1', '--variant', 'errors', '--out', dir], {
  stdio: 'ignore',
});
const yamlFiles = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const openFile = join(dir, yamlFiles[Math.floor(yamlFiles.length / 2)]);
const openText = readFileSync(openFile, 'utf8');
const openUri = pathToFileURL(openFile).href;
// Positions for requests: the `containerPort` key (hover) and after `type: ` of the Service (completion).
const lines = openText.split('\n');
const hoverLine = lines.findIndex((l) => l.trim().startsWith('containerPort:'));
const typeLine = lines.findIndex((l) => /^ {2}type: /.test(l));
const hoverAt = { line: hoverLine, character: lines[hoverLine].indexOf('containerPort') + 3 };
const completeAt = { line: typeLine, character: lines[typeLine].indexOf('type: ') + 6 };

const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : null);
const quantile = (xs, q) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function peakRssMB(pid) {
  try {
    const m = /^VmHWM:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

async function runOnce() {
  const proc = spawn('/bin/sh', ['-c', `exec ${server}`], { cwd: dir, stdio: ['pipe', 'pipe', 'ignore'] });
  let buf = Buffer.alloc(0);
  let nextId = 1;
  const pending = new Map();
  const onNotify = [];
  const send = (msg) => {
    const s = JSON.stringify({ jsonrpc: '2.0', ...msg });
    proc.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`);
  };
  const request = (method, params) =>
    new Promise((res) => {
      const id = nextId++;
      pending.set(id, { res, t: performance.now() });
      send({ id, method, params });
    });
  proc.stdout.on('data', (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const head = buf.indexOf('\r\n\r\n');
      if (head < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, head).toString())[1]);
      if (buf.length < head + 4 + len) return;
      const msg = JSON.parse(buf.subarray(head + 4, head + 4 + len).toString());
      buf = buf.subarray(head + 4 + len);
      const t = performance.now();
      if (msg.id !== undefined && msg.method === undefined) {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        p?.res({ result: msg.result, ms: t - p.t });
      } else if (msg.id !== undefined) {
        // server -> client requests: progress tokens, configuration, registrations
        const result = msg.method === 'workspace/configuration' ? (msg.params.items ?? []).map(() => null) : null;
        send({ id: msg.id, result });
      } else for (const l of onNotify) l(msg, t);
    }
  });

  const rootUri = pathToFileURL(dir).href;
  await request('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'startup' }],
    capabilities: {
      window: { workDoneProgress: true },
      workspace: { configuration: true, workspaceFolders: true },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  const progress = [];
  let indexedAt;
  let openDiagAt;
  let lastDiagAt = 0;
  const published = new Set();
  onNotify.push((msg, t) => {
    if (msg.method === '$/progress') {
      progress.push(msg.params.value.kind);
      if (msg.params.value.kind === 'end') indexedAt = t;
    } else if (msg.method === 'textDocument/publishDiagnostics') {
      if (msg.params.uri === openUri && openDiagAt === undefined) openDiagAt = t;
      published.add(msg.params.uri);
      lastDiagAt = t;
    }
  });
  const t0 = performance.now();
  send({ method: 'initialized', params: {} });
  send({
    method: 'textDocument/didOpen',
    params: { textDocument: { uri: openUri, languageId: 'yaml', version: 1, text: openText } },
  });
  // Requests on the open document while the folder is being indexed.
  const latencies = [];
  let which = 0;
  while (indexedAt === undefined && performance.now() - t0 < 120_000) {
    const r =
      which++ % 2
        ? await request('textDocument/hover', { textDocument: { uri: openUri }, position: hoverAt })
        : await request('textDocument/completion', { textDocument: { uri: openUri }, position: completeAt });
    if (indexedAt === undefined) latencies.push(r.ms);
    await sleep(5);
  }
  // Diagnostics of the folder's files come after indexing: wait until quiet.
  while (performance.now() - Math.max(lastDiagAt, indexedAt ?? 0) < 1000 && performance.now() - t0 < 180_000)
    await sleep(50);
  const rss = peakRssMB(proc.pid);
  await request('shutdown', null);
  send({ method: 'exit' });
  await new Promise((r) => proc.on('exit', r));
  return {
    indexedMs: indexedAt !== undefined ? indexedAt - t0 : null,
    progressReports: progress.filter((k) => k === 'report').length,
    progressBegin: progress.includes('begin'),
    openDiagnosticsMs: openDiagAt !== undefined ? openDiagAt - t0 : null,
    allDiagnosticsMs: lastDiagAt ? lastDiagAt - t0 : null,
    filesWithDiagnostics: published.size,
    requests: {
      n: latencies.length,
      p50: median(latencies),
      p95: quantile(latencies, 0.95),
      max: latencies.length ? Math.max(...latencies) : null,
    },
    peakRssMB: rss,
  };
}

const runs = [];
for (let i = 0; i < reps; i++) {
  const r = await runOnce();
  runs.push(r);
  process.stderr.write(
    `[startup] ${files} files, run ${i + 1}/${reps}: indexed ${r.indexedMs?.toFixed(0)} ms, open diagnostics ${r.openDiagnosticsMs?.toFixed(0)} ms, requests p95 ${r.requests.p95?.toFixed(1)} ms (n ${r.requests.n}), rss ${r.peakRssMB} MB\n`,
  );
}
const pick = (f) => median(runs.map(f).filter((x) => x !== null && x !== undefined));
const summary = {
  files,
  reps,
  indexedMs: pick((r) => r.indexedMs),
  progressReports: pick((r) => r.progressReports),
  progressBegin: runs.every((r) => r.progressBegin),
  openDiagnosticsMs: pick((r) => r.openDiagnosticsMs),
  allDiagnosticsMs: pick((r) => r.allDiagnosticsMs),
  filesWithDiagnostics: pick((r) => r.filesWithDiagnostics),
  requestsDuringIndexing: {
    n: pick((r) => r.requests.n),
    p50: pick((r) => r.requests.p50),
    p95: pick((r) => r.requests.p95),
    max: pick((r) => r.requests.max),
  },
  peakRssMB: pick((r) => r.peakRssMB),
  runs,
};
console.log(JSON.stringify({ ...summary, runs: undefined }, null, 1));
const json = opt('json');
if (json) writeFileSync(json, JSON.stringify(summary, null, 1));
