/** No module of the server, the CLI or the extension imports itself through others (an import scan of the sources). */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../harness';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The files a module imports at run time (`import type` and type-only re-exports do not load anything). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm)) {
    if (m[1]) continue;
    const base = resolve(dirname(file), m[2]);
    const target = [`${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p));
    if (target) out.push(target);
  }
  return out;
}

/** The first cycle found in the import graph, as a list of files, or undefined. */
function findCycle(files: string[]): string[] | undefined {
  const graph = new Map(files.map((f) => [f, imports(f)]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): string[] | undefined => {
    if (state.get(f) === 'done') return undefined;
    if (state.get(f) === 'open') return [...stack.slice(stack.indexOf(f)), f];
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      const cycle = visit(g);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(f, 'done');
    return undefined;
  };
  for (const f of files) {
    const cycle = visit(f);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('import cycles', () => {
  const root = repoRoot();
  for (const dir of ['server/src', 'client/src']) {
    it(`none in ${dir}`, () => {
      const cycle = findCycle(sources(join(root, dir)));
      assert.equal(cycle?.map((f) => relative(root, f)).join(' → '), undefined);
    });
  }

  it('the scan finds a cycle, and skips type-only imports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeway-cycle-'));
    try {
      writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = b;\n");
      writeFileSync(
        join(dir, 'b.ts'),
        "import type { T } from './c';\nexport { c } from './c';\nexport const b = 1;\n",
      );
      writeFileSync(join(dir, 'c.ts'), "import { a } from './a';\nexport type T = number;\nexport const c = a;\n");
      assert.deepEqual(
        findCycle(sources(dir))?.map((f) => relative(dir, f)),
        ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
      );
      writeFileSync(join(dir, 'c.ts'), "import type { a } from './a';\nexport type T = number;\nexport const c = 2;\n");
      assert.equal(findCycle(sources(dir)), undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
