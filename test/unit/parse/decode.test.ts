/** Bytes to text as kubectl (go-yaml's yaml_parser_determine_encoding) decodes them: by the byte order mark. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeManifestBytes } from '../../../server/src/engine/parse/decode';
import { Workspace } from '../../../server/src/engine/model/workspace';
import { checkFile } from '../../../server/src/engine/check';

const TEXT = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: café\nspec:\n  type: nodeport\n  ports:\n  - port: 80\n';

const utf16le = (s: string, bom = true) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) (be[i] = le[i + 1]), (be[i + 1] = le[i]);
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
};

describe('decodeManifestBytes', () => {
  it('UTF-8, with or without its byte order mark (dropped)', () => {
    assert.equal(decodeManifestBytes(Buffer.from(TEXT, 'utf8')), TEXT);
    assert.equal(decodeManifestBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])), TEXT);
  });

  it('UTF-16LE and UTF-16BE by their byte order mark, astral characters included', () => {
    const t = `${TEXT}# 😀\n`;
    assert.equal(decodeManifestBytes(utf16le(t)), t);
    assert.equal(decodeManifestBytes(utf16be(t)), t);
  });

  it('a view into a larger buffer reads only its own bytes', () => {
    const big = Buffer.concat([Buffer.from('xx'), utf16le(TEXT), Buffer.from('yy')]);
    assert.equal(decodeManifestBytes(big.subarray(2, big.length - 2)), TEXT);
  });

  it('bad bytes become U+FFFD, never an exception; empty input is empty text', () => {
    assert.equal(decodeManifestBytes(Buffer.from([0x61, 0xff, 0x62])), 'a\ufffdb');
    assert.equal(decodeManifestBytes(Buffer.from([0xfe, 0xff, 0x00])), '\ufffd');
    assert.equal(decodeManifestBytes(new Uint8Array(0)), '');
  });

  it('a UTF-16 file gives the findings of the same file in UTF-8', () => {
    const findings = (bytes: Buffer) => {
      const ws = new Workspace();
      ws.setText('s.yaml', decodeManifestBytes(bytes));
      return checkFile(ws, 's.yaml').map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`);
    };
    const expected = findings(Buffer.from(TEXT, 'utf8'));
    assert.ok(expected.includes('5:8 service-type'), expected.join(', '));
    assert.deepEqual(findings(utf16le(TEXT)), expected);
    assert.deepEqual(findings(utf16be(TEXT)), expected);
  });
});
