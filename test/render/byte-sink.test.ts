// A workbook part's XML gathered as UTF-8 bytes (render/xlsx/byte-sink.ts): what comes out, in order and
// decoded, is exactly what went in, whatever the texts' lengths and characters.
import { describe, expect, it } from 'vitest';
import { ByteSink } from '../../src/render/xlsx/byte-sink.js';

describe('ByteSink', () => {
  it('hands on every text in order, a megabyte at a time, one longer than the sink as it is', () => {
    const chunks: (string | ArrayBuffer)[] = [];
    const sink = new ByteSink({ write: (c) => chunks.push(c) });
    const texts = ['<si><t>', '政务公开𠀀', '</t></si>'];
    for (let i = 0; i < 60_000; i++) texts.push(`<row r="${i}"><c r="A${i}" t="s"><v>${i}</v></c></row>`, '公开内容'.repeat(i % 7));
    texts.push('长'.repeat(400_000), '尾');
    for (const t of texts) sink.add(t);
    sink.flush();
    const decoder = new TextDecoder();
    const out = chunks.map((c) => (typeof c === 'string' ? c : decoder.decode(c))).join('');
    expect(out).toBe(texts.join(''));
    // Bytes in pieces of at most a megabyte; the 400 000-character text (1.2 MB) went on as a string.
    expect(chunks.filter((c) => typeof c === 'string')).toHaveLength(1);
    expect(chunks.every((c) => typeof c === 'string' || c.byteLength <= 1 << 20)).toBe(true);
    expect(chunks.length).toBeGreaterThan(3);
  });
});
