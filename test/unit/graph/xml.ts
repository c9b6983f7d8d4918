/**
 * A small XML well-formedness check for the renderer's output (no DOM in Node): tags balance, attribute
 * values are quoted and escaped, and no `<` or `&` stands raw in text.
 */
import assert from 'node:assert/strict';

const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
const TOKEN =
  /<!--[\s\S]*?-->|<\/([A-Za-z][\w:.-]*)\s*>|<([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*\s*=\s*"[^"<]*")*)\s*(\/?)>|<|&/g;
const ATTR = /([A-Za-z_:][\w:.-]*)\s*=\s*"([^"<]*)"/g;

export function assertWellFormedXml(xml: string): void {
  const stack: string[] = [];
  let roots = 0;
  for (const m of xml.matchAll(TOKEN)) {
    const [all, close, open, attrs, selfClosing] = m;
    const at = `at offset ${m.index}: ${JSON.stringify(xml.slice(m.index, m.index! + 60))}`;
    if (all.startsWith('<!--')) continue;
    if (close) {
      assert.equal(stack.pop(), close, `closing tag </${close}> matches ${at}`);
    } else if (open) {
      if (stack.length === 0) roots++;
      const names = new Set<string>();
      for (const a of (attrs ?? '').matchAll(ATTR)) {
        assert.ok(!names.has(a[1]), `attribute ${a[1]} appears once ${at}`);
        names.add(a[1]);
        assert.ok(!ENTITY.test(a[2]), `attribute ${a[1]} has no raw & ${at}`);
      }
      if (!selfClosing) stack.push(open);
    } else if (all === '&') {
      assert.match(
        xml.slice(m.index, m.index! + 12),
        /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/,
        `no raw & in text ${at}`,
      );
    } else {
      assert.fail(`raw < in text ${at}`);
    }
  }
  assert.deepEqual(stack, [], 'every element is closed');
  assert.equal(roots, 1, 'one root element');
}

/** The text content of the elements `<tag ... class="cls" ...>TEXT</tag>` (entities decoded). */
export function textsOf(xml: string, cls: string): string[] {
  const re = new RegExp(`<text[^>]*class="[^"]*\\b${cls}\\b[^"]*"[^>]*>([^<]*)</text>`, 'g');
  return [...xml.matchAll(re)].map((m) => decode(m[1]));
}

export function decode(s: string): string {
  return s.replace(
    /&(lt|gt|quot|#39|amp);/g,
    (_, e) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e as 'lt'],
  );
}
