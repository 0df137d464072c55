// The app's zip (src/formats/ooxml/zip-stream.ts), run here on Node's CompressionStream: parts given as text, as bytes
// and as a stream in pieces come back byte for byte, in order, with their CRC, from a zip any reader opens.
import { expect, it } from 'vitest';
import { partZip } from '../../src/formats/ooxml/zip-stream.js';
import { crc32, inflateAll, readZipDirectory } from '../../src/formats/ooxml/zip.js';

it('deflates each part as it comes and lays the zip out in pieces', async () => {
  const zip = partZip();
  let ended = false;
  zip.pipe({ end: () => void (ended = true) });
  const big = Array.from({ length: 30000 }, (_, i) => `<row r="${i}"><c><v>第${i}行</v></c></row>`).join('');
  zip.append('<?xml version="1.0"?><a/>', { name: '/[Content_Types].xml' });
  zip.append(new TextEncoder().encode('二进制'), { name: 'docProps/app.xml' });
  // A stream as exceljs's StreamBuf pipes it: chunks written with a callback, then end.
  let sink: { write(c: Uint8Array, cb?: () => void): boolean; end(): void } | undefined;
  zip.append({ pipe: (s: never) => ((sink = s), s) }, { name: 'xl/worksheets/sheet1.xml' });
  const bytes = new TextEncoder().encode(big);
  for (let at = 0; at < bytes.length; at += 65536) sink!.write(bytes.subarray(at, at + 65536), () => undefined);
  sink!.end();
  await zip.finalize();
  expect(ended).toBe(true);
  expect(zip.pieces.length).toBeGreaterThan(5);
  const all = new Uint8Array(zip.pieces.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of zip.pieces) (all.set(p, o), (o += p.length));
  const entries = readZipDirectory(all);
  expect(entries.map((e) => e.name)).toEqual(['[Content_Types].xml', 'docProps/app.xml', 'xl/worksheets/sheet1.xml']);
  const text = async (i: number) => new TextDecoder().decode(await inflateAll(all, entries[i]!));
  expect(await text(0)).toBe('<?xml version="1.0"?><a/>');
  expect(await text(1)).toBe('二进制');
  expect(await text(2)).toBe(big);
  expect(entries[2]!.crc).toBe(crc32(bytes));
  expect(entries[2]!.size).toBe(bytes.length);
});
