/**
 * The corpus: realistic manifests checked with the whole engine, each file as one set.
 *
 * - clean/*.yaml: legal manifests, the way people write them (Helm and kustomize output, kubectl exports,
 *   operators' samples, anchors, JSON, Lists, CRLF, YAML 1.1 scalars). Every diagnostic is a false positive.
 * - broken/*.yaml: the common real mistakes, with the expected diagnostics written under the line they point
 *   at (`#   ^^^^ error rule-id: message`, see test/harness.ts). A missing one is a false negative.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { assertAnnotated, check, repoRoot } from '../../harness';

const root = join(repoRoot(), 'test/unit/corpus');

/** The sets of a corpus folder: each YAML/JSON file on its own, and each sub-folder as one set of files. */
function sets(dir: string): { name: string; files: Record<string, string> }[] {
  const base = join(root, dir);
  const out: { name: string; files: Record<string, string> }[] = [];
  for (const entry of readdirSync(base).sort()) {
    const full = join(base, entry);
    if (statSync(full).isDirectory()) out.push({ name: `${entry}/`, files: readTree(full, full) });
    else if (/\.(ya?ml|json)$/.test(entry)) out.push({ name: entry, files: { [entry]: readFileSync(full, 'utf8') } });
  }
  return out;
}

/** Every file under a folder, keyed by its path relative to `top` (as a folder given to `kubeway check`). */
function readTree(dir: string, top: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) Object.assign(files, readTree(full, top));
    else if (/\.(ya?ml|json)$/.test(entry)) files[relative(top, full).replace(/\\/g, '/')] = readFileSync(full, 'utf8');
  }
  return files;
}

/**
 * Clean files that still give a diagnostic because of a bug in code this corpus does not own, with the bug.
 * They stay in the corpus (and run as `todo`) so that the fix shows up as a passing test.
 */
const KNOWN_BUGS: Record<string, string> = {};

describe('corpus: clean manifests give no diagnostics', () => {
  const all = sets('clean');
  it('has the fixture files', () => assert.ok(all.length >= 10, all.map((s) => s.name).join(', ')));
  for (const { name, files } of all) {
    const run = () => {
      const found = check(files);
      assert.deepEqual(
        found.map(
          (d) =>
            `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code}: ${d.message}`,
        ),
        [],
      );
    };
    if (KNOWN_BUGS[name]) it(name, { todo: KNOWN_BUGS[name] }, run);
    else it(name, run);
  }
});

describe('corpus: broken manifests give exactly the annotated diagnostics', () => {
  const all = sets('broken');
  it('has the fixture files', () => assert.ok(all.length >= 10, all.map((s) => s.name).join(', ')));
  for (const { name, files } of all) it(name, () => assertAnnotated(files));
});
