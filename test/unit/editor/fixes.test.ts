import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quickFixes } from '../../../server/src/engine/editor/fixes';
import { check } from '../../harness';

const TEXT = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: nodeport
  ports:
    - port: 80
      protocol: udp
`;

describe('quick fixes', () => {
  const diagnostics = check({ 's.yaml': TEXT });
  const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });

  it('the fix of the diagnostic under the cursor', () => {
    const fixes = quickFixes(diagnostics, at(5, 10));
    assert.deepEqual(
      fixes.map((f) => [f.title, f.diagnostic.code, f.fix.edits]),
      [
        [
          'Change to NodePort',
          'service-type',
          [{ range: { start: { line: 5, character: 8 }, end: { line: 5, character: 16 } }, newText: 'NodePort' }],
        ],
      ],
    );
  });
  it('nothing where no diagnostic with a fix is', () => {
    assert.deepEqual(quickFixes(diagnostics, at(3, 2)), []);
  });
  it('only the diagnostics the editor names, when it names them', () => {
    const udp = diagnostics.find((d) => d.range.start.line === 8);
    assert.ok(udp?.fix, 'the wrong-case protocol has a fix');
    const whole = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };
    assert.equal(quickFixes(diagnostics, whole).length, 2);
    assert.deepEqual(
      quickFixes(diagnostics, whole, [{ range: udp.range, code: udp.code, message: udp.message }]).map(
        (f) => f.diagnostic,
      ),
      [udp],
    );
  });
});
