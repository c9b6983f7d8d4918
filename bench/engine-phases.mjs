// Times the engine's phases on one manifest file, to compare the schema walk with parsing:
//   node bench/engine-phases.mjs [FILE] [--reps N]
// FILE defaults to a 1000-group workload made with ../shared/bench/gen.mjs (Deployment + Service + Ingress
// per group, 3.8 MiB). Phases, each the median of N rounds after two warm-up rounds (the first four are timed
// one after the other in every round, so that a busy machine slows them alike; the walk/parse ratio is
// the median of the per-round ratios):
//   yaml.parseAllDocuments   the `yaml` package alone, default options
//   ManifestFile             kubeway's parse (yaml Composer with YAML 1.1 options, problems, alias check)
//   objects                  K8sObject for every document
//   schema walk              the schema pass over every object (unknown fields, types, required, enums)
//   all rules                checkFile with every rule (the walk included), on a fresh Workspace
// The engine is bundled from TypeScript on the fly with esbuild (no dist/ needed).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const repsAt = args.indexOf('--reps');
const reps = repsAt >= 0 ? Number(args[repsAt + 1]) : 7;
let file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--reps');
if (!file) {
  const gen = resolve(ROOT, '../shared/bench/gen.mjs');
  if (!existsSync(gen)) throw new Error('no FILE given and ../shared/bench/gen.mjs is not there to make one');
  const dir = mkdtempSync(join(tmpdir(), 'kubeway-bench-'));
  execFileSync(process.execPath, [gen, '--groups', '1000', '--out', dir], { stdio: 'ignore' });
  file = join(dir, 'k8s-1000g-clean.yaml');
}
const text = readFileSync(file, 'utf8');

const entry = `
export { parseAllDocuments } from 'yaml';
export { ManifestFile } from './server/src/engine/parse/manifestFile';
export { objectsOfDocument } from './server/src/engine/model/object';
export { walkObject } from './server/src/engine/schema/validate';
export { k8sSchema } from './server/src/engine/schema/tables';
export { Workspace } from './server/src/engine/model/workspace';
export { checkFile } from './server/src/engine/check';
`;
const out = join(mkdtempSync(join(tmpdir(), 'kubeway-bench-')), 'engine.cjs');
await build({ stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, logLevel: 'warning' });
const E = (await import(pathToFileURL(out).href)).default;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn) {
  fn(); // warm-up
  const ts = [];
  let result;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    result = fn();
    ts.push(performance.now() - t0);
  }
  return { ms: median(ts), result };
}

const t0 = performance.now();
E.k8sSchema();
const decodeMs = performance.now() - t0;
// The machine may be busy: parse and walk are timed in alternation, and the ratio is taken per round.
let mf;
let objs;
const rounds = { yaml: [], parse: [], objects: [], walk: [], ratio: [] };
let findings = 0;
for (let i = 0; i < reps + 2; i++) {
  let t = performance.now();
  E.parseAllDocuments(text);
  const yamlMs = performance.now() - t;
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
  rounds.yaml.push(yamlMs);
  rounds.parse.push(parseMs);
  rounds.objects.push(objectsMs);
  rounds.walk.push(walkMs);
  rounds.ratio.push(walkMs / yamlMs);
}
const rules = time(() => { const ws = new E.Workspace(); ws.setText(file, text); return E.checkFile(ws, file); });

const rows = [
  ['schema decode (once)', decodeMs],
  ['yaml.parseAllDocuments', median(rounds.yaml)],
  ['ManifestFile (parse)', median(rounds.parse)],
  ['objects', median(rounds.objects)],
  ['schema walk', median(rounds.walk)],
  ['all rules (parse + model + check)', rules.ms],
];
console.log(`${file}: ${(text.length / 1048576).toFixed(2)} MiB, ${mf.documents.length} documents, ${objs.length} objects, ${findings} schema findings, ${rules.result.length} diagnostics; median of ${reps}`);
for (const [name, ms] of rows) console.log(`  ${name.padEnd(36)} ${ms.toFixed(1).padStart(8)} ms`);
console.log(`  schema walk / yaml.parseAllDocuments  ${(100 * median(rounds.ratio)).toFixed(1).padStart(7)} %  (median of the per-round ratios; min ${(100 * Math.min(...rounds.ratio)).toFixed(1)} %, max ${(100 * Math.max(...rounds.ratio)).toFixed(1)} %)`);
console.log(`  schema walk / ManifestFile parse      ${(100 * median(rounds.walk) / median(rounds.parse)).toFixed(1).padStart(7)} %`);
if (args.includes('--json')) writeFileSync(args[args.indexOf('--json') + 1], JSON.stringify({ file, reps, rows: Object.fromEntries(rows) }, null, 2));
