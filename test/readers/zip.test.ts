// The zip layer on bytes (src/formats/ooxml/zip.ts): what it writes, yauzl (an independent reader) reads back;
// damage that a streaming read would miss — a wrong CRC, a short part, two parts of one name — is an error.
import { readFileSync } from 'node:fs';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { crc32, inflateAll, readZipDirectory, useRawInflater, ZipFormatError, type ZipEntry } from '../../src/formats/ooxml/zip.js';
import { writeZip } from '../../src/formats/ooxml/zip-write.js';
import { NODE_INFLATER, readCatalog } from '../../src/node/read-file.js';
import { readCatalogBytes } from '../../src/formats/index.js';
import { ZwgkError } from '../../src/findings/finding.js';

const text = new TextEncoder();

function entry(name: string): ZipEntry {
  const nameBytes = text.encode(name);
  return { name, nameBytes, method: 8, flags: 0x800, crc: 0, compressedSize: 0, size: 0, localOffset: 0, versionMadeBy: 20, versionNeeded: 20, time: 0, date: 0x21, internalAttrs: 0, externalAttrs: 0, extra: new Uint8Array(0), comment: new Uint8Array(0), encrypted: false };
}

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  return writeZip(Object.entries(files).map(([name, body]) => ({ entry: entry(name), content: text.encode(body) })));
}

async function fatal(p: Promise<unknown>): Promise<ZwgkError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ZwgkError);
  return err as ZwgkError;
}

describe('zip layer', () => {
  it('writes zips that yauzl reads, with the CRC it computes', async () => {
    const bytes = await zipOf({ 'a.txt': '政务公开'.repeat(1000), 'b/c.xml': '<x/>' });
    const names = await new Promise<string[]>((resolve, reject) =>
      yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (err, zip) => {
        if (err || !zip) return reject(err);
        const out: string[] = [];
        zip.on('entry', (e: yauzl.Entry) => (out.push(`${e.fileName}:${e.crc32}`), zip.readEntry()));
        zip.on('end', () => resolve(out));
        zip.readEntry();
      }),
    );
    expect(names).toEqual([`a.txt:${crc32(text.encode('政务公开'.repeat(1000)))}`, `b/c.xml:${crc32(text.encode('<x/>'))}`]);
    const dir = readZipDirectory(bytes);
    expect(new TextDecoder().decode(await inflateAll(bytes, dir[1]!))).toBe('<x/>');
  });

  it('refuses a part whose CRC does not match', async () => {
    const bytes = await zipOf({ 'a.txt': 'hello world' });
    const e = readZipDirectory(bytes)[0]!;
    const err = await inflateAll(bytes, { ...e, crc: e.crc ^ 1 }).then(() => undefined, (x: unknown) => x);
    expect(err).toBeInstanceOf(ZipFormatError);
    expect((err as ZipFormatError).detail).toBe('部件“a.txt”的校验码（CRC）不符');
  });

  it('small parts inflated in one call (Node) and streamed (the browser) are refused alike when damaged', async () => {
    const body = 'hello world '.repeat(50);
    const bytes = await zipOf({ 'a.txt': body });
    const e = readZipDirectory(bytes)[0]!;
    const damaged: ZipEntry[] = [{ ...e, crc: e.crc ^ 1 }, { ...e, size: e.size - 5 }, { ...e, size: e.size + 5 }, { ...e, compressedSize: e.compressedSize - 3 }];
    const outcome = (p: Promise<Uint8Array>) => p.then((x) => new TextDecoder().decode(x), (x: unknown) => (x instanceof ZipFormatError ? x.detail : String(x)));
    const seen: Record<string, string[]> = {};
    try {
      for (const [way, inflater] of [['one call', NODE_INFLATER], ['stream', undefined]] as const) {
        useRawInflater(inflater);
        seen[way] = [await outcome(inflateAll(bytes, e)), ...(await Promise.all(damaged.map((d) => outcome(inflateAll(bytes, d)))))];
      }
    } finally {
      useRawInflater(NODE_INFLATER);
    }
    const [crc, longer, shorter, cut] = ['的校验码（CRC）不符', '解压后比压缩目录记录的大', '的大小与压缩目录记录的不符', '无法解压（数据有误或不完整）'].map((d) => `部件“a.txt”${d}`);
    expect(seen['one call']).toEqual([body, crc, longer, shorter, cut]);
    // The stream finds a short part by the gzip trailer's length, which it reports as data it cannot inflate.
    expect(seen['stream']).toEqual([body, crc, longer, cut, cut]);
  });

  it('refuses two parts of one name', async () => {
    const bytes = await zipOf({ 'x.xml': '1', 'y.xml': '2' });
    // Rename the second part in its local and central headers alike: y.xml → x.xml.
    const copy = Buffer.from(bytes);
    let at = copy.indexOf('y.xml');
    while (at >= 0) {
      copy.write('x.xml', at);
      at = copy.indexOf('y.xml');
    }
    expect(() => readZipDirectory(copy)).toThrow('有两个同名的部件“x.xml”');
  });

  it('a workbook with a flipped byte inside its sheet is damaged, not read', async () => {
    const file = 'test/fixtures/sample/sample-2017.xlsx';
    const bytes = Buffer.from(readFileSync(file));
    const sheet = readZipDirectory(bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const offset = sheet.localOffset + 30 + sheet.nameBytes.length + 40;
    bytes[offset] = bytes[offset]! ^ 0x55;
    const err = await fatal(readCatalogBytes(bytes, file));
    expect(err.finding.code).toBe('file-damaged');
    expect(err.message).toMatch(/^文件已损坏：.* 中部件“xl\/worksheets\/sheet1\.xml”(的校验码（CRC）不符|无法解压)/);
    // The untouched file still reads.
    expect((await readCatalog(file)).items).toHaveLength(1);
  });
});
