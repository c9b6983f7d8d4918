/**
 * Realistic manifests (Helm chart output, kubectl output, every common field kind) must give no schema
 * diagnostic at all. Each file in clean/ is checked as one set.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Workspace } from '../../../server/src/engine';
import { objectsOfDocument } from '../../../server/src/engine/model/object';
import { SCHEMA_RULES } from '../../../server/src/engine/rules/schema';
import { isSchemaValidated } from '../../../server/src/engine/schema';
import { check, repoRoot } from '../../harness';

const dir = join(repoRoot(), 'test/unit/schema/clean');
const files = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

describe('schema: clean manifests give no diagnostics', () => {
  it('has the fixture files', () => assert.ok(files.length >= 7, files.join(', ')));
  for (const f of files) {
    it(f, () => {
      const text = readFileSync(join(dir, f), 'utf8');
      const found = check({ [f]: text }, { rules: SCHEMA_RULES });
      assert.deepEqual(
        found.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`),
        [],
      );
      // And the walk did look at them: every object is a built-in kind it validates.
      const ws = new Workspace();
      const objects = ws.setText(f, text).file.documents.flatMap(objectsOfDocument);
      assert.ok(objects.length > 0);
      for (const o of objects) assert.ok(isSchemaValidated(o), `${o.apiVersion} ${o.kind} is validated`);
    });
  }
});
