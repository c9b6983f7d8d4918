// Times the engine's phases in-process on one manifest file, against the floor: a bare
// `yaml.parseAllDocuments` of the same text with the project's own `yaml`.
//   node bench/engine-phases.mjs [FILE] [--reps N] [--json OUT]
// FILE defaults to a 1000-group workload made with ../shared/bench/gen.mjs (Deployment + Service + Ingress
// per group, 3.8 MiB, 3000 documents). Every figure is the median of N rounds after two warm-up rounds;
// the parse phases and the walk are timed one after the other in every round, so that a busy machine
// slows them alike (the walk/parse ratio is the median of the per-round ratios).
//
//   floor: yaml.parseAllDocuments   `require('yaml')` from node_modules as an application would load it
//                                    (CommonJS build, default options)
//   yaml ES build, kubeway options   what yaml alone costs inside kubeway's bundle (no process.env hooks)
//   ManifestFile (parse)             kubeway's parse: cut at `---`, fast block reader, yaml for the rest,
//                                    YAML problems (duplicate keys, aliases, control characters)
//   objects                          K8sObject for every document
//   schema walk                      the schema pass over every object
//   Workspace.setText                parse + objects + index (a file new to the workspace)
//   checkFile, first                 every rule on every object, first run in this process (cold JIT)
//   checkFile, fresh workspace       every rule on every object (nothing kept), warm
//   open = setText + checkFile       what a language server does for didOpen of a new file (warm)
//   edit: setText + checkFile        one containerPort changed mid-file: incremental parse, kept results
//   recheck unchanged                checkFile again with nothing changed
//   graph build/layout/render        the traffic diagram of the whole file (engine/graph)
// The engine is bundled from TypeScript on the fly with esbuild, the same way as dist/ (yaml's ES build).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const valueOf = (name) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined);
const reps = Number(valueOf('--reps') ?? 7);
let file = args.find((a, i) => !a.startsWith('--') && !['--reps', '--json'].includes(args[i - 1]));
if (!file) {
  const gen = resolve(ROOT, '../shared/bench/gen.mjs');
  if (!existsSync(gen)) throw new Error('no FILE given and ../shared/bench/gen.mjs is not there to make one');
  const dir = mkdtempSync(join(tmpdir(), 'kubeway-bench-'));
  execFileSync(process.execPath, [gen, '--groups', '1000', '--out', dir], { stdio: 'ignore' });
  file = join(dir, 'k8s-1000g-clean.yaml');
}
const text = readFileSync(file, 'utf8');

const hasGraph = existsSync(join(ROOT, 'server/src/engine/graph/index.ts'));
const entry = `
export { parseAllDocuments } from 'yaml';
export { ManifestFile } from './server/src/engine/parse/manifestFile';
export { YAML_OPTIONS } from './server/src/engine/parse/yamlOptions';
export { objectsOfDocument } from './server/src/engine/model/object';
export { walkObject } from './server/src/engine/schema/validate';
export { k8sSchema } from './server/src/engine/schema/tables';
export { Workspace } from './server/src/engine/model/workspace';
export { checkFile } from './server/src/engine/check';
${hasGraph ? "export { buildGraph, layoutGraph, renderSvg } from './server/src/engine/graph';" : ''}
`;
const out = join(mkdtempSync(join(tmpdir(), 'kubeway-bench-')), 'engine.cjs');
await build({
  stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: out,
  logLevel: 'warning',
  // as esbuild.mjs bundles dist/: yaml's ES module build
  alias: { yaml: join(ROOT, 'node_modules/yaml/browser/dist/index.js') },
});
const E = (await import(pathToFileURL(out).href)).default;
const floorYaml = createRequire(join(ROOT, 'package.json'))('yaml');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(fn, n = reps) {
  await fn(); // warm-up
  const ts = [];
  let result;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    result = await fn();
    ts.push(performance.now() - t0);
  }
  return { ms: median(ts), result };
}

const t0 = performance.now();
E.k8sSchema();
const decodeMs = performance.now() - t0;

// The first check in a fresh process: what a language server pays on its first big file.
let firstCheck;
{
  const ws = new E.Workspace();
  ws.setText(file, text);
  const t = performance.now();
  E.checkFile(ws, file);
  firstCheck = performance.now() - t;
}

// The machine may be busy: floor, parse and walk are timed in alternation, and ratios are taken per round.
let mf;
let objs;
const rounds = { floor: [], yamlEs: [], parse: [], objects: [], walk: [], ratio: [], parseVsFloor: [] };
let findings = 0;
for (let i = 0; i < reps + 2; i++) {
  let t = performance.now();
  floorYaml.parseAllDocuments(text);
  const floorMs = performance.now() - t;
  t = performance.now();
  E.parseAllDocuments(text, E.YAML_OPTIONS);
  const yamlEsMs = performance.now() - t;
  t = performance.now();
  mf = new E.ManifestFile(file, text);
  const parseMs = performance.now() - t;
  t = performance.now();
  objs = mf.documents.flatMap((d) => E.objectsOfDocument(d));
  const objectsMs = performance.now() - t;
  t = performance.now();
  findings = 0;
  for (const o of objs) findings += E.walkObject(o).length;
  const walkMs = performance.now() - t;
  if (i < 2) continue; // warm-up rounds
  rounds.floor.push(floorMs);
  rounds.yamlEs.push(yamlEsMs);
  rounds.parse.push(parseMs);
  rounds.objects.push(objectsMs);
  rounds.walk.push(walkMs);
  rounds.ratio.push(walkMs / floorMs);
  rounds.parseVsFloor.push(parseMs / floorMs);
}

const setText = await time(() => new E.Workspace().setText(file, text));
const freshCheck = await time(() => {
  const ws = new E.Workspace();
  ws.setText(file, text);
  const t = performance.now();
  const d = E.checkFile(ws, file);
  return { d, ms: performance.now() - t };
});
const checkMs = median(
  [...Array(reps)].map(() => {
    const ws = new E.Workspace();
    ws.setText(file, text);
    const t = performance.now();
    E.checkFile(ws, file);
    return performance.now() - t;
  }),
);
const open = await time(() => {
  const ws = new E.Workspace();
  ws.setText(file, text);
  return E.checkFile(ws, file);
});

// An edit in the middle of the file, sent as full text: the value of one containerPort.
const at = text.indexOf('containerPort: ', text.length >> 1);
const lineEnd = text.indexOf('\n', at);
const edited = `${text.slice(0, at)}containerPort: ${Number(text.slice(at + 15, lineEnd)) + 1}${text.slice(lineEnd)}`;
const ws = new E.Workspace();
ws.setText(file, text);
E.checkFile(ws, file);
let flip = false;
const edit = await time(
  () => {
    flip = !flip;
    ws.setText(file, flip ? edited : text);
    return E.checkFile(ws, file);
  },
  Math.max(reps, 21),
);
const recheck = await time(() => E.checkFile(ws, file), Math.max(reps, 21));

let graph;
if (hasGraph) {
  const g = await time(() => E.buildGraph(ws));
  const l = await time(() => E.layoutGraph(g.result), Math.min(reps, 3));
  const r = await time(() => E.renderSvg(l.result, {}), Math.min(reps, 3));
  graph = { build: g.ms, layout: l.ms, render: r.ms, nodes: g.result.nodes.length, edges: g.result.edges.length };
}

const floor = median(rounds.floor);
const rows = [
  ['schema decode (once)', decodeMs],
  ['floor: yaml.parseAllDocuments', floor],
  ['yaml ES build, kubeway options', median(rounds.yamlEs)],
  ['ManifestFile (parse)', median(rounds.parse)],
  ['objects', median(rounds.objects)],
  ['schema walk', median(rounds.walk)],
  ['Workspace.setText (parse+model+index)', setText.ms],
  ['checkFile, first (cold JIT)', firstCheck],
  ['checkFile, fresh workspace', checkMs],
  ['open = setText + checkFile', open.ms],
  ['edit: setText + checkFile', edit.ms],
  ['recheck unchanged', recheck.ms],
  ...(graph
    ? [
        ['graph build', graph.build],
        ['graph layout (elkjs)', graph.layout],
        ['graph render (SVG)', graph.render],
      ]
    : []),
];
console.log(
  `${file}: ${(text.length / 1048576).toFixed(2)} MiB, ${mf.documents.length} documents, ${objs.length} objects, ${findings} schema findings, ${freshCheck.result.d.length} diagnostics; median of ${reps}`,
);
for (const [name, ms] of rows) console.log(`  ${name.padEnd(38)} ${ms.toFixed(1).padStart(8)} ms`);
console.log(
  `  schema walk / yaml.parseAllDocuments    ${(100 * median(rounds.ratio)).toFixed(1).padStart(7)} %  (median of the per-round ratios; min ${(100 * Math.min(...rounds.ratio)).toFixed(1)} %, max ${(100 * Math.max(...rounds.ratio)).toFixed(1)} %)`,
);
console.log(
  `  schema walk / ManifestFile parse        ${((100 * median(rounds.walk)) / median(rounds.parse)).toFixed(1).padStart(7)} %`,
);
console.log(
  `  ManifestFile / floor                    ${(100 * median(rounds.parseVsFloor)).toFixed(1).padStart(7)} %`,
);
console.log(`  open (parse + model + all rules) / floor ${((100 * open.ms) / floor).toFixed(1).padStart(6)} %`);
if (graph) console.log(`  graph: ${graph.nodes} nodes, ${graph.edges} edges`);
const json = valueOf('--json');
if (json)
  writeFileSync(
    json,
    JSON.stringify(
      {
        file,
        reps,
        mib: text.length / 1048576,
        documents: mf.documents.length,
        objects: objs.length,
        rows: Object.fromEntries(rows),
        graph,
      },
      null,
      2,
    ),
  );
