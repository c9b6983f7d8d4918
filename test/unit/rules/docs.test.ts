/**
 * Every rule has its documentation page (docs/rules/<id>.md, written by `npm run docs` from the rule's
 * declaration) and the committed page is the one the declaration gives now; the page's example is true:
 * the failing manifest gives a finding of the rule, the fixed one none.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { exampleFindings, ruleDocUrl, rulePage } from '../../../server/src/engine/ruleDocs';
import { ALL_RULES } from '../../../server/src/engine/rules/registry';
import { repoRoot } from '../../harness';

const dir = join(repoRoot(), 'docs', 'rules');

describe('rule documentation pages', () => {
  for (const rule of ALL_RULES) {
    it(`${rule.id}: documented, example true, page up to date`, () => {
      assert.ok(rule.docs, `${rule.id} has no docs (why, fails, fixed) in its declaration`);
      const found = exampleFindings(rule, rule.docs.fails);
      assert.ok(found.length > 0, `the failing example of ${rule.id} gives no finding`);
      assert.deepEqual(
        exampleFindings(rule, rule.docs.fixed).map((d) => `${d.range.start.line + 1}: ${d.message}`),
        [],
        `the fixed example of ${rule.id} still gives findings`,
      );
      const file = join(dir, `${rule.id}.md`);
      assert.ok(existsSync(file), `docs/rules/${rule.id}.md is missing: run npm run docs`);
      assert.equal(readFileSync(file, 'utf8'), rulePage(rule), `docs/rules/${rule.id}.md is stale: run npm run docs`);
    });
  }

  it('has no page of a rule that does not exist', () => {
    const ids = new Set(ALL_RULES.map((r) => `${r.id}.md`));
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.endsWith('.md') && !ids.has(f)),
      [],
    );
  });

  it('links each rule to its page by one URL pattern', () => {
    assert.equal(ruleDocUrl('service-type'), 'https://github.com/kubeway/kubeway/blob/main/docs/rules/service-type.md');
  });
});
