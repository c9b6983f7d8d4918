// The diagram of large fans (issue 17): one Service selecting 2000 Deployments (before kubeway folded fans:
// V8 heap out of memory after ~30 s at 4.2 GB; 500 Deployments took 87 s and 1.3 GB in the CLI), and one
// Ingress routing to 10 000 Services. Each case runs in a fresh process: build + layout + render, wall time
// and the process's peak RSS.
//   node bench/fan.mjs [--json FILE]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => (args.indexOf(`--${name}`) >= 0 ? args[args.indexOf(`--${name}`) + 1] : undefined);

if (opt('child')) {
  // One case, in this fresh process.
  const E = (await import(pathToFileURL(opt('bundle')).href)).default;
  const [kind, n, ...rest] = opt('child').split(':');
  const expand = rest.join(':');
  const text = kind === 'service' ? E.serviceFan(Number(n)) : E.ingressFan(Number(n));
  const ws = new E.Workspace();
  ws.setText('fan.yaml', text);
  const t0 = performance.now();
  const graph = E.buildGraph(ws);
  const t1 = performance.now();
  const layout = E.layoutGraphSync(graph, { expand: new Set(expand ? [expand] : []) });
  const t2 = performance.now();
  const svg = E.renderSvg(layout);
  const t3 = performance.now();
  const boxes = layout.namespaces.reduce((s, ns) => s + ns.nodes.length, 0);
  process.stdout.write(
    JSON.stringify({
      kib: text.length / 1024,
      nodes: graph.nodes.length,
      boxes,
      buildMs: t1 - t0,
      layoutMs: t2 - t1,
      renderMs: t3 - t2,
      totalMs: t3 - t0,
      svgKiB: svg.length / 1024,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
    }),
  );
  process.exit(0);
}

const entry = `
export { Workspace } from './server/src/engine/model/workspace';
export { buildGraph } from './server/src/engine/graph/build';
export { layoutGraphSync } from './server/src/engine/graph/layout';
export { renderSvg } from './server/src/engine/graph/render';
export { serviceFan, ingressFan } from './test/unit/graph/fans';
`;
const bundle = join(mkdtempSync(join(tmpdir(), 'kubeway-fan-')), 'fan.cjs');
await build({
  stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: bundle,
  logLevel: 'warning',
});

const cases = [
  ['2000 Deployments behind one Service (folded: one box)', 'service:2000'],
  [
    '2000 Deployments behind one Service, expanded (drawn in full, in columns)',
    'service:2000:group:Service/default/web:out:Deployment',
  ],
  ['Ingress with 10 000 paths to distinct Services (folded)', 'ingress:10000'],
];
const results = [];
console.log('The diagram of large fans: build + layout + render in a fresh process each');
for (const [label, c] of cases) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', c, '--bundle', bundle], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) {
    console.log(`  ${label}: FAILED (${r.status ?? r.signal}) ${r.stderr.split('\n').slice(-3).join(' ')}`);
    results.push({ label, failed: true });
    continue;
  }
  const m = JSON.parse(r.stdout);
  results.push({ label, ...m });
  console.log(
    `  ${label}: ${m.kib.toFixed(0)} KiB, ${m.nodes} objects → ${m.boxes} boxes; build ${m.buildMs.toFixed(0)} ms, layout ${m.layoutMs.toFixed(0)} ms, render ${m.renderMs.toFixed(0)} ms, total ${m.totalMs.toFixed(0)} ms; peak RSS ${m.peakRssMB.toFixed(0)} MB`,
  );
}
if (opt('json')) writeFileSync(opt('json'), JSON.stringify(results, null, 1));
