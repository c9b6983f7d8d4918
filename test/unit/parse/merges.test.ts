/** `<<` merges nested deeply: followed as far as aliases may nest, and beyond that the document is not read (and says so). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Workspace } from '../../../server/src/engine/model/workspace';
import { checkFile } from '../../../server/src/engine/check';
import { podContainers } from '../../../server/src/engine/rules/pod-containers';
import { yamlAliasLimit } from '../../../server/src/engine/rules/yaml-alias-limit';

/** A Deployment whose pod spec gets its containers through `levels` nested merges. */
function nested(levels: number): string {
  const merges = ['  base0: &m0', '    containers:', '    - name: web', '      image: nginx'];
  for (let i = 1; i <= levels; i++) merges.push(`  base${i}: &m${i}`, `    <<: *m${i - 1}`);
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'x-bases:',
    ...merges,
    'spec:',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    `    spec:`,
    `      <<: *m${levels}`,
    '',
  ].join('\n');
}

function findings(text: string): string[] {
  const ws = new Workspace();
  ws.setText('a.yaml', text);
  return checkFile(ws, 'a.yaml', { rules: [podContainers, yamlAliasLimit] }).map(
    (d) => `${d.range.start.line} ${d.code}`,
  );
}

describe('nested `<<` merges', () => {
  for (const levels of [1, 16, 17, 18, 100, 200]) {
    it(`${levels} nested merges bring the containers in (no "no containers")`, () => {
      assert.deepEqual(findings(nested(levels)), []);
    });
  }

  it('beyond the nesting limit the document is not read, and that is reported instead of a false finding', () => {
    assert.deepEqual(findings(nested(400)), ['0 yaml-alias-limit']);
  });
});
