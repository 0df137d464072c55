// Large YAML catalogs are parsed item by item (memory); the result must equal a whole-document parse.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYamlCatalog, readYaml } from '../../src/formats/yaml/read.js';
import { piecesSource, splitItems, SPLIT_MIN_CHARS } from '../../src/formats/yaml/split.js';
import { prepareYaml } from '../../src/formats/yaml/lines.js';
import { readPieces } from '../../src/formats/yaml/pieces.js';
import { decodePiece } from '../../src/formats/yaml/decode.js';
import { ZwgkError } from '../../src/findings/finding.js';

/** examples/county-catalog.yaml with its item list repeated until the file passes 1 MB. */
function bigCatalog(chars?: number): string {
  const text = readFileSync('examples/county-catalog.yaml', 'utf8');
  const at = text.indexOf('事项:\n') + '事项:\n'.length;
  const items = text.slice(at);
  const times = chars === undefined ? Math.ceil((1.1 * 1024 * 1024) / Buffer.byteLength(items)) : Math.ceil(chars / items.length);
  return text.slice(0, at) + items.repeat(times) + '注: 表格下方的注\n';
}

describe('item-by-item parsing of large YAML', () => {
  const text = bigCatalog();

  it('splits at the items and keeps the keys after them in the head', () => {
    const split = splitItems(text)!;
    expect(split.chunks.length).toBeGreaterThan(1000);
    expect(split.chunks[0]!.lineOffset).toBe(8);
    expect(split.head.split('\n')).toHaveLength(text.split('\n').length);
    expect(split.head).toContain('注: 表格下方的注');
  });

  it('gives the same catalog, locations included, as a whole-document parse', () => {
    const fast = parseYamlCatalog(text, 'big.yaml');
    const whole = parseYamlCatalog(text, 'big.yaml', {}, true);
    expect(fast.items.length).toBe(whole.items.length);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(whole));
    expect(fast.items[10]!.deadline.at).toEqual(whole.items[10]!.deadline.at);
    expect(fast.note).toBe('表格下方的注');
  });

  it('falls back to the whole document when anchors or aliases could reach across items', () => {
    expect(splitItems(text.replace('公开主体: 沂河县市场监督管理局', '公开主体: &who 沂河县市场监督管理局'))).toBeUndefined();
  });

  it('reports a syntax error inside an item at its line in the file', () => {
    const lines = text.split('\n');
    lines[5000] = '    名称: "未闭合';
    expect(() => parseYamlCatalog(lines.join('\n'), 'big.yaml')).toThrow(/第 50\d\d 行/);
  });

  // Read from bytes, the items are decoded from the bytes one at a time and the text let go (issue 19).
  const bytes = (t: string): Uint8Array => new TextEncoder().encode(t);
  // Without its comment lines, which the reader takes out before the parse (then the text is split as it is).
  // Past SPLIT_MIN_CHARS characters, not bytes, so that it is split.
  const plain = bigCatalog(SPLIT_MIN_CHARS * 1.1).split('\n').filter((l) => !/^\s*#/.test(l)).join('\n');

  it('cuts the bytes, decoded in pieces, into the same items as the text: a byte order mark, CRLF line ends, items across pieces', () => {
    // Ending with a line feed, without one, and with a key after the items.
    for (const t of [plain, plain.replace(/\n/g, '\r\n'), plain.slice(0, -1), plain + '其他: 一个键\n']) {
      const split = splitItems(t)!;
      // Pieces of about 5 000 bytes: many items are cut across two pieces.
      const read = readPieces(bytes('\ufeff' + t), 'big.yaml', 5000)!;
      expect(read.pieces.length).toBeGreaterThan(100);
      expect(read.pieces.join('')).toBe(t);
      expect(read.chars).toBe(t.length);
      const source = piecesSource(read.pieces, read.found, false);
      expect(source.head).toBe(split.head);
      expect(source.count).toBe(split.chunks.length);
      for (let k = 0; k < source.count; k++) expect(source.chunk(k)).toEqual(split.chunks[k]);
    }
  });

  it('lets the pieces go as the items pass them, when asked to', () => {
    const read = readPieces(bytes(plain), 'big.yaml', 5000)!;
    const kept = [...read.pieces];
    const source = piecesSource(read.pieces, read.found, true);
    const half = Math.floor(source.count / 2);
    for (let k = 0; k <= half; k++) source.chunk(k);
    const gone = read.pieces.filter((p) => p === '').length;
    expect(gone).toBeGreaterThan(read.pieces.length / 2 - 2);
    expect(gone).toBeLessThan(read.pieces.length / 2 + 2);
    // What is read after that is what the text holds.
    const split = splitItems(kept.join(''))!;
    for (let k = half + 1; k < source.count; k++) expect(source.chunk(k)).toEqual(split.chunks[k]);
  });

  it('drops the byte order mark only at the start of the file', () => {
    const bom = bytes('\ufeff名称: 甲\n');
    expect(decodePiece(bom, 'big.yaml', true)).toBe('名称: 甲\n');
    expect(decodePiece(bom, 'big.yaml', false)).toBe('\ufeff名称: 甲\n');
  });

  it('says undefined (read whole) for what prepareYaml would take out, or items it cannot cut', () => {
    expect(readPieces(bytes(plain.replace('事项:\n', '事项:\n# 注释\n\n')), 'big.yaml', 5000)).toBeUndefined();
    expect(readPieces(bytes(plain + '\n# 文末的注释'), 'big.yaml', 5000)).toBeUndefined();
    expect(readPieces(bytes(plain.replace('公开主体: 沂河县市场监督管理局', '公开主体: &who 沂河县市场监督管理局')), 'big.yaml', 5000)).toBeUndefined();
    expect(readPieces(bytes(plain + '\n事项:\n  - 名称: 又一个\n'), 'big.yaml', 5000)).toBeUndefined();
  });

  it('refuses nesting too deep at its line of the file, however the file is read', async () => {
    const lines = plain.split('\n');
    lines[7000] = '    其他: ' + '['.repeat(100) + ']'.repeat(100);
    const deep = lines.join('\n');
    const refusal = await Promise.resolve(readYaml(bytes(deep), 'big.yaml', {})).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ZwgkError);
    expect((refusal as ZwgkError).finding.code).toBe('yaml-too-deep');
    expect((refusal as ZwgkError).finding.location).toEqual({ file: 'big.yaml', line: 7001 });
  });

  it('reads the bytes item by item to the same catalog as the whole-document parse', async () => {
    expect(prepareYaml(plain).text).toBe(plain);
    const whole = parseYamlCatalog(plain, 'big.yaml', {}, true);
    expect(JSON.stringify(await readYaml(bytes(plain), 'big.yaml', {}))).toBe(JSON.stringify(whole));
    // A byte order mark and CRLF line ends: the lines of the bytes are the lines of the text.
    const crlf = plain.replace(/\n/g, '\r\n');
    const fromCrlf = await readYaml(bytes('\ufeff' + crlf), 'big.yaml', {});
    expect(JSON.stringify(fromCrlf)).toBe(JSON.stringify(parseYamlCatalog(crlf, 'big.yaml', {}, true)));
    expect(fromCrlf.items[700]!.deadline.at).toEqual(whole.items[700]!.deadline.at);
  });

  it('from bytes, parses the whole document when an item does not parse on its own, and keeps comment runs the same as from text', async () => {
    // A flow mapping left open across an item's end parses only as a whole document (or fails as one).
    const lines = plain.split('\n');
    lines[5000] = '    名称: "未闭合';
    await expect(Promise.resolve(readYaml(bytes(lines.join('\n')), 'big.yaml', {}))).rejects.toThrow(/第 50\d\d 行/);
    // Comment runs taken out before the parse: the text is split as it was, lines mapped back.
    const commented = plain.replace('事项:\n', '事项:\n' + '# 注释\n'.repeat(30));
    expect(JSON.stringify(await readYaml(bytes(commented), 'big.yaml', {}))).toBe(JSON.stringify(parseYamlCatalog(commented, 'big.yaml', {}, true)));
  });
});
