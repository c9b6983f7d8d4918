import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Workspace } from '../../../server/src/engine/model/workspace';
import { ManifestFile } from '../../../server/src/engine/parse/manifestFile';
import { buildGraph } from '../../../server/src/engine/graph/build';
import { LastGoodWorkspace } from '../../../server/src/engine/graph/lastGood';

const svc = (name: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports: [{port: 80}]\n`;
const BROKEN = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: typing\nspec:\n  ports: [{port: 80\n';

function draw(lastGood: LastGoodWorkspace, live: Workspace) {
  const { workspace, stale } = lastGood.sync(live);
  const graph = buildGraph(workspace, { staleFiles: new Set(stale.map((s) => s.file)) });
  return { names: graph.nodes.map((n) => `${n.name}${n.stale ? ' (stale)' : ''}`), stale };
}

describe('last good version of a file with a syntax error', () => {
  it('keeps drawing the last good version while a file does not parse, and says where the error is', () => {
    const live = new Workspace();
    const lastGood = new LastGoodWorkspace();
    live.setText('a.yaml', svc('web'));
    live.setText('b.yaml', svc('db'));
    assert.deepEqual(draw(lastGood, live), { names: ['web', 'db'], stale: [] });

    live.setText('a.yaml', BROKEN);
    const broken = draw(lastGood, live);
    assert.deepEqual(broken.names, ['web (stale)', 'db']);
    assert.equal(broken.stale.length, 1);
    assert.equal(broken.stale[0].file, 'a.yaml');
    // Where and what the engine's yaml-syntax diagnostic says.
    const problem = new ManifestFile('a.yaml', BROKEN).problems[0];
    assert.equal(broken.stale[0].line, new ManifestFile('a.yaml', BROKEN).lines.position(problem.start).line);
    assert.equal(broken.stale[0].message, problem.message);
    assert.match(broken.stale[0].message, /^YAML syntax error/);

    live.setText('a.yaml', svc('web2'));
    assert.deepEqual(draw(lastGood, live), { names: ['web2', 'db'], stale: [] });
  });

  it('draws what it can of a file that never parsed, and forgets removed files', () => {
    const live = new Workspace();
    const lastGood = new LastGoodWorkspace();
    live.setText('a.yaml', BROKEN);
    live.setText('b.yaml', svc('db'));
    assert.deepEqual(draw(lastGood, live).stale, []);
    live.setText('a.yaml', BROKEN + '\n');
    assert.deepEqual(draw(lastGood, live).stale, [], 'no good version to fall back to');
    live.remove('b.yaml');
    assert.ok(!draw(lastGood, live).names.includes('db'));
  });
});
