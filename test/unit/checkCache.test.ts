/**
 * checkFile keeps each rule's findings per object between runs (server/src/engine/checkCache.ts). Cached
 * results must always equal what a fresh check gives: through random edits of several files, every file
 * checked incrementally equals the same files checked in a new Workspace. And every rule that reads other
 * objects of the workspace must be declared, with the changes that affect it.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFile } from '../../server/src/engine/check';
import { Workspace } from '../../server/src/engine/model/workspace';
import { ALL_RULES } from '../../server/src/engine/rules/registry';
import type { Diagnostic } from '../../server/src/engine/types';
import { repoRoot } from '../harness';
import { EDITS, corpus } from './workspaceEdits';

function freshCheck(files: Map<string, string>): Map<string, Diagnostic[]> {
  const ws = new Workspace();
  for (const [p, t] of files) ws.setText(p, t);
  return new Map([...files.keys()].map((p) => [p, checkFile(ws, p)]));
}

describe('kept check results', () => {
  it('equal a fresh check after every one of many random edits', () => {
    let seed = 3;
    const pick = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const files = corpus();
    const ws = new Workspace();
    for (const [p, t] of files) ws.setText(p, t);
    for (const p of files.keys()) checkFile(ws, p);
    const paths = [...files.keys()];
    for (let round = 0; round < 250; round++) {
      const p = paths[pick(paths.length)];
      const next = EDITS[pick(EDITS.length)](files.get(p)!, pick);
      files.set(p, next);
      ws.setText(p, next);
      // Check only some files now and then, so that others catch up on several changes at once.
      if (pick(3) === 0) continue;
      const fresh = freshCheck(files);
      for (const q of paths) {
        if (q !== p && pick(2) === 0) continue;
        assert.deepEqual(checkFile(ws, q), fresh.get(q), `round ${round}, ${q} after editing ${p}`);
      }
    }
  });

  it('are dropped when the settings, the rule list or a kustomization change', () => {
    const files = corpus();
    const ws = new Workspace();
    for (const [p, t] of files) ws.setText(p, t);
    const before = checkFile(ws, 'shop/a.yaml');
    assert.ok(before.some((d) => d.code === 'service-node-port' || d.code === 'service-target-port'));
    const quiet = checkFile(ws, 'shop/a.yaml', {
      settings: { nodePortRange: { min: 30000, max: 32767 }, rules: { 'service-target-port': 'off' } },
    });
    assert.ok(!quiet.some((d) => d.code === 'service-target-port'));
    assert.deepEqual(
      checkFile(ws, 'shop/a.yaml', { rules: ALL_RULES.filter((r) => r.id === 'service-target-port') }),
      before.filter((d) => d.code === 'service-target-port'),
    );
    assert.deepEqual(checkFile(ws, 'shop/a.yaml'), before);
    // The file becomes a patch of a kustomization: patches are partial, required fields are not asked for.
    const patched = files.get('shop/a.yaml')!.replace(/ {2}selector:\n {4}app: app-1\n/, '');
    ws.setText('shop/a.yaml', patched);
    const withoutSelector = checkFile(ws, 'shop/a.yaml');
    ws.setText('shop/kustomization.yaml', 'resources: []\npatches:\n  - path: a.yaml\n');
    const asPatch = checkFile(ws, 'shop/a.yaml');
    const fresh = new Workspace();
    fresh.setText('shop/a.yaml', patched);
    fresh.setText('shop/kustomization.yaml', 'resources: []\npatches:\n  - path: a.yaml\n');
    for (const [p, t] of files) if (p !== 'shop/a.yaml') fresh.setText(p, t);
    assert.deepEqual(asPatch, checkFile(fresh, 'shop/a.yaml'));
    assert.notDeepEqual(asPatch, withoutSelector);
  });
});

describe('rules that read other objects', () => {
  it('are exactly the ones that declare what they read', () => {
    const files = corpus();
    const texts: [string, string][] = [...files];
    const walk = (dir: string): void => {
      if (!existsSync(dir)) return;
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.ya?ml$/.test(name)) texts.push([p, readFileSync(p, 'utf8')]);
      }
    };
    walk(join(repoRoot(), 'test', 'fixtures'));
    walk(join(repoRoot(), 'examples'));
    // Workspace methods that hand out other objects (file(path) and fileModels are how rules find their own
    // file and the kustomizations; a kustomization change drops every kept result).
    const OBJECT_READS = new Set([
      'find',
      'services',
      'podTemplates',
      'selectedBy',
      'allIngresses',
      'ingressesWithHost',
      'ingressesRoutingTo',
      'namespaces',
      'objects',
      'crds',
    ]);
    const readers = new Set<string>();
    for (const rule of ALL_RULES) {
      // A Workspace per rule: nothing is remembered from other rules' reads.
      const ws = new Workspace();
      for (const [p, t] of texts) ws.setText(p, t);
      const spy = new Proxy(ws, {
        get(target, key) {
          if (typeof key === 'string' && OBJECT_READS.has(key)) readers.add(rule.id);
          const v = Reflect.get(target, key, target);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
      for (const [p] of texts) checkFile(spy, p, { rules: [rule] });
    }
    const declaring = ALL_RULES.filter((r) => r.reads?.length).map((r) => r.id);
    assert.deepEqual([...readers].sort(), declaring.sort());
  });
});
