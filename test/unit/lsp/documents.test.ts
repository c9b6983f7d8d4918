/** Open documents with queued edits (server/src/lsp/documents.ts) read the same as the library's document edited one change at a time. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { LazyTextDocument, applyByLines } from '../../../server/src/lsp/documents';

/** A small deterministic random generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['a', 'b: c', '\n', '\r\n', '\r', '  ', 'é', '😀', '', 'x\ny', '- item\n'];

function randomEdit(r: () => number, doc: TextDocument): TextDocumentContentChangeEvent {
  const pos = () => ({ line: Math.floor(r() * (doc.lineCount + 2)) - 1, character: Math.floor(r() * 12) - 1 });
  if (r() < 0.02) return { text: PIECES.slice(0, 1 + Math.floor(r() * PIECES.length)).join('') };
  let text = '';
  for (let n = Math.floor(r() * 3); n > 0; n--) text += PIECES[Math.floor(r() * PIECES.length)];
  return { range: { start: pos(), end: pos() }, text };
}

describe('documents with queued edits', () => {
  it('read as the library document after the same edits (random edits, all line breaks, clamped positions)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = random(seed);
      const start = 'apiVersion: v1\r\nkind: Service\nmetadata:\r  name: web\n\nspec: {}';
      const reference = TextDocument.create('file:///x.yaml', 'yaml', 1, start);
      const lazy = new LazyTextDocument('file:///x.yaml', 'yaml', 1, start);
      const n = 1 + Math.floor(r() * 12);
      const changes: TextDocumentContentChangeEvent[] = [];
      for (let i = 0; i < n; i++) {
        // Each edit is made against the text as it is after the edits before it, as a client sends them.
        const change = randomEdit(r, reference);
        changes.push(change);
        TextDocument.update(reference, [change], i + 2);
        lazy.update([change], i + 2);
      }
      assert.equal(lazy.version, n + 1);
      // Nothing is applied before the text is read; a whole-text change drops the edits queued before it.
      let lastWhole = -1;
      changes.forEach((c, i) => {
        if (!('range' in c)) lastWhole = i;
      });
      assert.equal(lazy.pendingEdits, lastWhole >= 0 ? changes.length - lastWhole : changes.length, `seed ${seed}`);
      assert.equal(lazy.getText(), reference.getText(), `seed ${seed}: ${JSON.stringify(changes)}`);
      assert.equal(lazy.lineCount, reference.lineCount, `seed ${seed}`);
      assert.equal(lazy.pendingEdits, 0);
      for (let line = 0; line < reference.lineCount; line++)
        assert.deepEqual(lazy.getLineRange(line), reference.getLineRange(line), `seed ${seed} line ${line}`);
    }
  });

  it('applies a burst of typing to a big text in one pass', () => {
    const big = Array.from({ length: 20_000 }, (_, i) => `  name: app-${i}\n`).join('');
    const changes: TextDocumentContentChangeEvent[] = [];
    for (let i = 0; i < 300; i++)
      changes.push({
        range: { start: { line: 10_000, character: i }, end: { line: 10_000, character: i } },
        text: 'x',
      });
    const text = applyByLines(big, changes)!;
    assert.equal(text.split('\n')[10_000], `${'x'.repeat(300)}  name: app-10000`);
    assert.equal(text.length, big.length + 300);
  });

  it('leaves a carriage return that an edit would join to a line feed to the library', () => {
    assert.equal(
      applyByLines('a\rb', [
        { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' },
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' },
      ]),
      undefined,
    );
    const lazy = new LazyTextDocument('file:///x.yaml', 'yaml', 1, 'a\rb');
    lazy.update([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }], 2);
    lazy.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }], 3);
    assert.equal(lazy.getText(), 'xa\r\nb');
    assert.equal(lazy.lineCount, 2);
  });
});
