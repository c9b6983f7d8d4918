// The typing burst (issue 17): a big document (default 3 MB) is open with a small one; N edits (default 300,
// one character each, as fast typing in the big file sends them) reach the server in one write, followed by
// a hover on the small document (`--spread MS`: the edits are sent over MS milliseconds instead).
//   node bench/typing.mjs [--mb 3] [--edits 300] [--spread MS] [--reps 3] [--timeout 120000] [--json OUT]
//                         [--server "node dist/server.js --stdio"] [--gen ../shared/bench/gen.mjs]
// Measured per run (fresh server), from the moment the burst is written:
//   hover            the small document's hover answered (it must not wait behind the big file's work)
//   newest published diagnostics of the big document's newest version published
//   publishes        how many diagnostics publishes the big document got for the burst (1 = only the newest)
//   memory           peak RSS (VmHWM) of the server; server CPU seconds spent on the burst
// Medians over the runs.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, startServer } from './stdio.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.indexOf(`--${name}`) >= 0 ? args[args.indexOf(`--${name}`) + 1] : dflt);
const mb = Number(opt('mb', 3));
const edits = Number(opt('edits', 300));
const reps = Number(opt('reps', 3));
const timeoutMs = Number(opt('timeout', 120_000));
const spreadMs = Number(opt('spread', 0));
const server = opt(
  'server',
  `${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'dist/server.js'))} --stdio`,
);
const gen = resolve(opt('gen', join(ROOT, '../shared/bench/gen.mjs')));
if (!existsSync(gen)) throw new Error(`${gen} is not there to make the workload (--gen PATH)`);
const { generateWorkload } = await import(pathToFileURL(gen).href);

// ~4.3 KB per Deployment + Service + Ingress group.
const groups = Math.max(1, Math.round((mb * 1024 * 1024) / 4400));
const bigText = generateWorkload({ groups, variant: 'errors' }).docs[0].text;
const smallText = `apiVersion: v1
kind: Service
metadata:
  name: small
spec:
  selector:
    app: small
  ports:
    - port: 80
      targetPort: 8080
`;
const bigUri = 'file:///bench/typing/big.yaml';
const smallUri = 'file:///bench/typing/small.yaml';
// Typing goes into a comment line in the middle of the file (findings stay the same, every version differs).
const bigLines = bigText.split('\n');
const typingLine = Math.floor(bigLines.length / 2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function runOnce() {
  const s = startServer(server, { cwd: ROOT });
  const publishes = [];
  s.onNotification((msg, t) => {
    if (msg.method === 'textDocument/publishDiagnostics')
      publishes.push({ uri: msg.params.uri, version: msg.params.version, t, n: msg.params.diagnostics.length });
  });
  await s.request('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    initializationOptions: { indexWorkspaceFolders: false },
    capabilities: {
      workspace: { configuration: true },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  s.send({ method: 'initialized', params: {} });
  s.send({
    method: 'textDocument/didOpen',
    params: { textDocument: { uri: smallUri, languageId: 'yaml', version: 1, text: smallText } },
  });
  s.send({
    method: 'textDocument/didOpen',
    params: { textDocument: { uri: bigUri, languageId: 'yaml', version: 1, text: bigText } },
  });
  const waitFor = async (test, ms) => {
    const until = performance.now() + ms;
    while (!test() && performance.now() < until) await sleep(5);
    return test();
  };
  const opened = await waitFor(() => publishes.some((p) => p.uri === bigUri && p.version === 1), 60_000);
  if (!opened) throw new Error('the big document was never diagnosed');
  await sleep(500);
  const cpu0 = s.cpuSeconds();
  const msgs = [
    {
      method: 'textDocument/didChange',
      params: {
        textDocument: { uri: bigUri, version: 2 },
        contentChanges: [
          {
            range: { start: { line: typingLine, character: 0 }, end: { line: typingLine, character: 0 } },
            text: '# \n',
          },
        ],
      },
    },
  ];
  for (let i = 1; i < edits; i++) {
    const at = { line: typingLine, character: 1 + i };
    msgs.push({
      method: 'textDocument/didChange',
      params: {
        textDocument: { uri: bigUri, version: 2 + i },
        contentChanges: [{ range: { start: at, end: at }, text: 'x' }],
      },
    });
  }
  const newest = 1 + edits;
  const before = publishes.length;
  const t0 = performance.now();
  if (spreadMs > 0) {
    // Spread over spreadMs, as a client sends them while the server works.
    for (let i = 0; i < msgs.length; i++) {
      s.send(msgs[i]);
      const due = t0 + ((i + 1) * spreadMs) / msgs.length;
      while (performance.now() < due) await sleep(0);
    }
  } else s.sendAll(msgs);
  const hover = await Promise.race([
    s.request('textDocument/hover', { textDocument: { uri: smallUri }, position: { line: 1, character: 2 } }),
    sleep(timeoutMs).then(() => null),
  ]);
  const done = await waitFor(
    () => publishes.some((p) => p.uri === bigUri && p.version === newest),
    timeoutMs - (performance.now() - t0),
  );
  const newestAt = publishes.find((p) => p.uri === bigUri && p.version === newest)?.t;
  // Work still queued for older versions shows as publishes after the newest one: give it a moment.
  await sleep(1000);
  const burst = publishes.slice(before).filter((p) => p.uri === bigUri);
  const r = {
    hoverMs: hover ? hover.at - t0 : null,
    newestPublishedMs: done && newestAt ? newestAt - t0 : null,
    publishes: burst.length,
    versionsPublished: burst.map((p) => p.version),
    diagnostics: burst.at(-1)?.n ?? null,
    cpuS: cpu0 !== null ? Number((s.cpuSeconds() - cpu0).toFixed(2)) : null,
    peakRssMB: s.peakRssMB(),
  };
  if (done) await s.stop();
  else s.proc.kill();
  return r;
}

const runs = [];
for (let i = 0; i < reps; i++) {
  const r = await runOnce();
  runs.push(r);
  process.stderr.write(
    `[typing] ${mb} MB, ${edits} edits, run ${i + 1}/${reps}: hover ${r.hoverMs?.toFixed(0) ?? `> ${timeoutMs}`} ms, newest published ${r.newestPublishedMs?.toFixed(0) ?? `> ${timeoutMs}`} ms, ${r.publishes} publishes (versions ${r.versionsPublished.slice(0, 12).join(',')}${r.versionsPublished.length > 12 ? ',…' : ''}), cpu ${r.cpuS} s, rss ${r.peakRssMB} MB\n`,
  );
}
const pick = (f) => median(runs.map(f).filter((x) => x !== null && x !== undefined));
const summary = {
  mb,
  bytes: bigText.length,
  edits,
  reps,
  timeoutMs,
  hoverMs: pick((r) => r.hoverMs),
  newestPublishedMs: pick((r) => r.newestPublishedMs),
  timedOut: runs.filter((r) => r.newestPublishedMs === null).length,
  publishes: pick((r) => r.publishes),
  cpuS: pick((r) => r.cpuS),
  peakRssMB: pick((r) => r.peakRssMB),
  runs,
};
console.log(JSON.stringify({ ...summary, runs: undefined }, null, 1));
const json = opt('json');
if (json) writeFileSync(json, JSON.stringify(summary, null, 1));
