// Times the traffic diagram: graph build, elkjs layout and SVG render, for a typical app and for the
// 1000-group benchmark workspace (Deployment + Service + Ingress per group, 3000 objects).
//   node bench/graph.mjs [--typical DIR] [--large DIR] [--reps N]
// --typical defaults to examples/ (else a 12-group workload), --large to a 1000-group workload made with
// ../shared/bench/gen.mjs. Parsing is reported apart: the language server keeps its workspace parsed, so a
// diagram update costs build + layout + render.
//   first    the first diagram drawn in a fresh process (elkjs and the JIT still cold)
//   cold     median of N runs with the layout cache cleared (groups of the same shape, common in generated
//            workloads, are laid out once per run)
//   no cache median of N runs that call ELK for every connected group (the worst case: no two groups alike)
//   cached   median of N runs with the shape cache warm (a live update after an edit)
//   async    layoutGraph as the language server runs it; `longest block` is the longest time the event
//            loop was held (other requests wait at most that long)
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const reps = Number(opt('reps') ?? 5);

function generated(groups) {
  const gen = resolve(ROOT, '../shared/bench/gen.mjs');
  if (!existsSync(gen)) throw new Error('../shared/bench/gen.mjs is not there to make a workload');
  const dir = mkdtempSync(join(tmpdir(), `kubeway-graph-${groups}-`));
  execFileSync(process.execPath, [gen, '--groups', String(groups), '--out', dir], { stdio: 'ignore' });
  return dir;
}

function yamlFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return yamlFiles(p);
      return /\.ya?ml$/i.test(name) ? [p] : [];
    });
}

const typicalDir =
  opt('typical') ??
  (existsSync(join(ROOT, 'examples')) && yamlFiles(join(ROOT, 'examples')).length
    ? join(ROOT, 'examples')
    : generated(12));
const largeDir = opt('large') ?? generated(1000);

const entry = `
export { Workspace } from './server/src/engine/model/workspace';
export { buildGraph } from './server/src/engine/graph/build';
export { layoutGraph, layoutGraphSync, clearLayoutCache } from './server/src/engine/graph/layout';
export { renderSvg } from './server/src/engine/graph/render';
`;
const out = join(mkdtempSync(join(tmpdir(), 'kubeway-bench-')), 'graph.cjs');
await build({
  stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: out,
  logLevel: 'warning',
});
const E = (await import(pathToFileURL(out).href)).default;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => performance.now() - t0;
// CPU time of this process: on a busy machine wall time also counts the time other processes ran.
const cpu = () => process.cpuUsage();
const cpuMs = (c0) => {
  const d = process.cpuUsage(c0);
  return (d.user + d.system) / 1000;
};

function load(dir) {
  const t0 = performance.now();
  const ws = new E.Workspace();
  for (const f of yamlFiles(dir)) ws.setText(f, readFileSync(f, 'utf8'));
  return { ws, parseMs: ms(t0) };
}

function once(ws, { clear, cache = true }) {
  if (clear) E.clearLayoutCache();
  const c0 = cpu();
  let t0 = performance.now();
  const graph = E.buildGraph(ws);
  const buildMs = ms(t0);
  t0 = performance.now();
  const layout = E.layoutGraphSync(graph, { cache });
  const layoutMs = ms(t0);
  t0 = performance.now();
  const svg = E.renderSvg(layout);
  const renderMs = ms(t0);
  return { buildMs, layoutMs, renderMs, totalMs: buildMs + layoutMs + renderMs, cpuMs: cpuMs(c0), graph, svg };
}

function runs(ws, clear, cache = true) {
  const rs = Array.from({ length: reps }, () => once(ws, { clear, cache }));
  return {
    buildMs: median(rs.map((r) => r.buildMs)),
    layoutMs: median(rs.map((r) => r.layoutMs)),
    renderMs: median(rs.map((r) => r.renderMs)),
    totalMs: median(rs.map((r) => r.totalMs)),
    cpuMs: median(rs.map((r) => r.cpuMs)),
  };
}

async function asyncLayout(ws) {
  E.clearLayoutCache();
  const graph = E.buildGraph(ws);
  let last = performance.now();
  let longest = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const t0 = performance.now();
  await E.layoutGraph(graph);
  const total = ms(t0);
  clearInterval(probe);
  longest = Math.max(longest, performance.now() - last);
  return { total, longest };
}

const row = (name, r) =>
  console.log(
    `  ${name.padEnd(8)} build ${r.buildMs.toFixed(1).padStart(7)} ms   layout ${r.layoutMs.toFixed(1).padStart(7)} ms   render ${r.renderMs.toFixed(1).padStart(6)} ms   total ${r.totalMs.toFixed(1).padStart(7)} ms   (cpu ${r.cpuMs.toFixed(0).padStart(6)} ms)`,
  );

console.log(
  `load average ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${(await import('node:os')).cpus().length} cores; wall times, and the process's CPU time`,
);
for (const [label, dir, budget] of [
  ['typical app', typicalDir, 200],
  ['1000 groups', largeDir, 3000],
]) {
  const { ws, parseMs } = load(dir);
  const first = once(ws, { clear: true });
  const broken = first.graph.edges.filter((e) => e.broken).length;
  console.log(
    `${label}: ${dir} — ${first.graph.nodes.length} nodes, ${first.graph.edges.length} edges (${broken} broken), SVG ${(first.svg.length / 1024).toFixed(0)} KiB; parse ${parseMs.toFixed(0)} ms (not part of an update); budget ${budget} ms`,
  );
  row('first', first);
  row('cold', runs(ws, true));
  row('cached', runs(ws, false));
  row('no cache', runs(ws, true, false));
  const a = await asyncLayout(ws);
  console.log(`  async    layout ${a.total.toFixed(1)} ms, longest block of the event loop ${a.longest.toFixed(1)} ms`);
}
