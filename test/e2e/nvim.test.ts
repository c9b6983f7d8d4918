/**
 * kubeway's language server outside VS Code: Debian's neovim (0.7) headless attaches `dist/server.js --stdio`
 * to a manifest and must receive the same diagnostics that the engine computes for that file, at the same
 * positions (the fixture is ASCII, so neovim's byte columns equal LSP's UTF-16 characters).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { check } from '../harness';
import {
  builtExtension,
  isolatedEnv,
  nvimPath,
  root,
  saveArtifact,
  tempRunDir,
  withPrerequisites,
} from './lib/workbench';

interface NvimDiagnostic {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  severity: number;
  code?: string;
  source?: string;
  message: string;
}

test('neovim as a second LSP client receives the server’s diagnostics', { timeout: 90_000 }, async (t) => {
  await withPrerequisites(t, nvimPath, async (nvim) => {
    builtExtension();
    const project = join(root, 'test/e2e/nvim/project');
    const file = join(project, 'shop.yaml');
    const expected = check({ 'shop.yaml': readFileSync(file, 'utf8') });
    assert.ok(expected.length >= 3, 'the fixture has mistakes for the server to find');
    const dir = tempRunDir('nvim');
    const out = join(dir, 'result.json');
    const started = Date.now();
    const r = spawnSync(
      nvim,
      ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(root, 'test/e2e/nvim/diagnostics.lua')}`],
      {
        cwd: project,
        encoding: 'utf8',
        timeout: 60_000,
        env: isolatedEnv(join(dir, 'home'), {
          KUBEWAY_SERVER: join(root, 'dist/server.js'),
          KUBEWAY_FILE: file,
          KUBEWAY_ROOT: project,
          KUBEWAY_OUT: out,
          KUBEWAY_EXPECT: String(expected.length),
        }),
      },
    );
    const seconds = (Date.now() - started) / 1000;
    let result: { ok: boolean; ms: number; nvim: string; diagnostics: NvimDiagnostic[] };
    try {
      result = JSON.parse(readFileSync(out, 'utf8'));
    } catch {
      throw new Error(`nvim wrote no result (exit ${r.status}, signal ${r.signal}):\n${r.stdout}\n${r.stderr}`);
    }
    saveArtifact('nvim-diagnostics.json', JSON.stringify(result, null, 2));
    console.log(
      `e2e: neovim ${result.nvim}: ${result.diagnostics.length} diagnostics ${result.ms.toFixed(0)} ms after attach (whole run ${seconds.toFixed(1)} s)`,
    );
    assert.ok(result.ok, `diagnostics arrived within 20 s; got ${JSON.stringify(result.diagnostics)}`);
    const severity = { error: 1, warning: 2, information: 3, hint: 4 } as const;
    const show = (d: NvimDiagnostic) =>
      `${d.line}:${d.character}-${d.endLine}:${d.endCharacter} ${d.severity} ${d.code} ${d.source}: ${d.message}`;
    assert.deepEqual(
      result.diagnostics.map(show).sort(),
      expected
        .map((d) =>
          show({
            line: d.range.start.line,
            character: d.range.start.character,
            endLine: d.range.end.line,
            endCharacter: d.range.end.character,
            severity: severity[d.severity],
            code: d.code,
            source: d.source,
            message: d.message,
          }),
        )
        .sort(),
    );
    // and one written out by hand, so that the test does not only compare the engine with itself
    const lines = readFileSync(file, 'utf8').split('\n');
    const typeLine = lines.indexOf('  type: nodeport');
    assert.ok(
      result.diagnostics.some(
        (d) =>
          d.line === typeLine &&
          d.character === 8 &&
          d.endCharacter === 16 &&
          d.severity === 1 &&
          d.code === 'service-type',
      ),
      'the Service type error is on `nodeport`',
    );
  });
});
