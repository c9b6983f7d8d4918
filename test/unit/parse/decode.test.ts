/** Bytes to text as kubectl (go-yaml's yaml_parser_determine_encoding) decodes them: by the byte order mark. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeManifestBytes } from '../../../server/src/engine/parse/decode';
import { Workspace } from '../../../server/src/engine/model/workspace';
import { checkFile } from '../../../server/src/engine/check';

const TEXT =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: café\nspec:\n  type: nodeport\n  ports:\n  - port: 80\n';

/** UTF-16 code units as bytes, little- or big-endian, after a byte order mark. */
function utf16(s: string, littleEndian: boolean): Uint8Array {
  const out = [littleEndian ? 0xff : 0xfe, littleEndian ? 0xfe : 0xff];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(...(littleEndian ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return new Uint8Array(out);
}
const utf16le = (s: string) => utf16(s, true);
const utf16be = (s: string) => utf16(s, false);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeManifestBytes', () => {
  it('UTF-8, with or without its byte order mark (dropped)', () => {
    assert.equal(decodeManifestBytes(utf8(TEXT)), TEXT);
    assert.equal(decodeManifestBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)])), TEXT);
  });

  it('UTF-16LE and UTF-16BE by their byte order mark, astral characters included', () => {
    const t = `${TEXT}# 😀\n`;
    assert.equal(decodeManifestBytes(utf16le(t)), t);
    assert.equal(decodeManifestBytes(utf16be(t)), t);
  });

  it('a view into a larger buffer reads only its own bytes', () => {
    const big = new Uint8Array([0x78, 0x78, ...utf16le(TEXT), 0x79, 0x79]);
    assert.equal(decodeManifestBytes(big.subarray(2, big.length - 2)), TEXT);
  });

  it('bad bytes become U+FFFD, never an exception; empty input is empty text', () => {
    assert.equal(decodeManifestBytes(new Uint8Array([0x61, 0xff, 0x62])), 'a\ufffdb');
    assert.equal(decodeManifestBytes(new Uint8Array([0xfe, 0xff, 0x00])), '\ufffd');
    assert.equal(decodeManifestBytes(new Uint8Array(0)), '');
  });

  it('a UTF-16 file gives the findings of the same file in UTF-8', () => {
    const findings = (bytes: Uint8Array) => {
      const ws = new Workspace();
      ws.setText('s.yaml', decodeManifestBytes(bytes));
      return checkFile(ws, 's.yaml').map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`);
    };
    const expected = findings(utf8(TEXT));
    assert.ok(expected.includes('5:8 service-type'), expected.join(', '));
    assert.deepEqual(findings(utf16le(TEXT)), expected);
    assert.deepEqual(findings(utf16be(TEXT)), expected);
  });
});
