/**
 * What rules declare about themselves (rules/rule.ts) must be true of what they do: the kinds they apply to
 * contain every object their `appliesTo` accepts, each read they declare is a relation of rules/reads.ts,
 * and the diagram's reasons come from rules that say which edge they explain. (That every rule reading
 * other objects declares it is tested in checkCache.test.ts, by watching the Workspace.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REMOVED_API_VERSIONS } from '../../../server/src/engine/model/apiVersions';
import { Workspace } from '../../../server/src/engine/model/workspace';
import { OBJECT_READS } from '../../../server/src/engine/rules/reads';
import { ALL_RULES } from '../../../server/src/engine/rules/registry';
import { knownKinds } from '../../../server/src/engine/schema';

describe('rule metadata', () => {
  it('kinds: appliesTo accepts no object of a kind the rule does not list', () => {
    const known = knownKinds();
    const apiVersions = new Set([...known.map((k) => k.apiVersion), ...Object.keys(REMOVED_API_VERSIONS)]);
    const kinds = new Set([...known.map((k) => k.kind), ...ALL_RULES.flatMap((r) => r.kinds ?? [])]);
    const ws = new Workspace();
    const docs: string[] = [];
    for (const apiVersion of apiVersions)
      for (const kind of kinds) docs.push(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: a}\n`);
    const objects = ws.setText('all.yaml', docs.join('---\n')).objects;
    assert.equal(objects.length, apiVersions.size * kinds.size);
    let narrowed = 0;
    for (const rule of ALL_RULES) {
      if (!rule.kinds || !rule.appliesTo) continue;
      narrowed++;
      const listed = new Set(rule.kinds);
      const outside = objects
        .filter((o) => !listed.has(o.kind) && rule.appliesTo!(o))
        .map((o) => `${o.apiVersion} ${o.kind}`);
      assert.deepEqual(outside.slice(0, 5), [], `${rule.id} applies to kinds it does not list`);
      assert.ok(
        objects.some((o) => listed.has(o.kind) && rule.appliesTo!(o)),
        `${rule.id} applies to none of its kinds`,
      );
    }
    assert.ok(narrowed > 40, `${narrowed} rules list their kinds`);
  });

  it('reads: every read a rule declares is a relation, and no relation is unused', () => {
    const used = new Set<string>();
    for (const rule of ALL_RULES) {
      for (const read of rule.reads ?? []) {
        assert.ok(read in OBJECT_READS, `${rule.id} reads ${read}`);
        used.add(read);
      }
      assert.ok(!rule.reads || rule.reads.length > 0, `${rule.id}: an empty reads list says nothing`);
    }
    assert.deepEqual([...used].sort(), Object.keys(OBJECT_READS).sort());
  });

  it('explains: each diagram edge is explained by a rule that resolves its reference', () => {
    for (const edge of ['route', 'selection', 'target-port'] as const) {
      const rules = ALL_RULES.filter((r) => r.explains === edge);
      assert.ok(
        rules.some((r) => r.reads?.length),
        `${edge}: ${rules.map((r) => r.id).join(', ')}`,
      );
    }
  });
});
