/**
 * A manifest file's bytes as text, decoded as kubectl decodes them: go-yaml picks the encoding from the byte
 * order mark (`yaml_parser_determine_encoding` in readerc.go: UTF-16LE `FF FE`, UTF-16BE `FE FF`, UTF-8
 * `EF BB BF`, else UTF-8). The mark itself is dropped, as the editor drops it; invalid sequences become
 * U+FFFD, as Go's decoders make them.
 */
export function decodeManifestBytes(data: ArrayBufferView): string {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    // Swapped into little-endian order: every runtime's TextDecoder has utf-16le.
    const le = new Uint8Array(bytes.length - 2);
    for (let i = 2; i + 1 < bytes.length; i += 2) {
      le[i - 2] = bytes[i + 1];
      le[i - 1] = bytes[i];
    }
    if (bytes.length % 2) le[le.length - 1] = bytes[bytes.length - 1];
    return new TextDecoder('utf-16le').decode(le);
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return new TextDecoder('utf-8').decode(bytes.subarray(start));
}
