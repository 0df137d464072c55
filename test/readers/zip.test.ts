// The zip layer on bytes (src/formats/ooxml/zip.ts): what it writes, yauzl (an independent reader) reads back;
// damage that a streaming read would miss — a wrong CRC, a short part, two parts of one name — is an error.
import { readFileSync } from 'node:fs';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { crc32, inflateAll, readZipDirectory, useRawInflater, ZipFormatError, type ZipEntry } from '../../src/formats/ooxml/zip.js';
import { writeZip } from '../../src/formats/ooxml/zip-write.js';
import { readCatalog } from '../../src/node/read-file.js';
import { NODE_INFLATER, nodePartDeflater } from '../../src/node/zlib.js';
import { usePartDeflater } from '../../src/formats/ooxml/zip-stream.js';
import { writeWorkbook } from '../../src/render/xlsx/write.js';
import type { WorkbookPlan } from '../../src/render/xlsx/plan.js';
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

/** Each entry of a zip as yauzl (an independent reader) reads it: name, CRC it checked, content. */
function yauzlRead(bytes: Uint8Array): Promise<[string, number, string][]> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out: [string, number, string][] = [];
      zip.on('entry', (e: yauzl.Entry) =>
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) return reject(err2);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => (out.push([e.fileName, e.crc32, Buffer.concat(chunks).toString('utf8')]), zip.readEntry()));
          stream.on('error', reject);
        }),
      );
      zip.on('end', () => resolve(out));
      zip.readEntry();
    }),
  );
}

/** A workbook plan of `rows` rows of distinct texts (large enough for parts of several deflated pieces). */
function planOf(rows: number): WorkbookPlan {
  const print = { paperSize: 9, orientation: 'landscape' as const, fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } };
  return {
    styles: { body: { font: { name: '宋体', size: 10 }, border: {} } },
    sheets: [{ name: '目录', widths: [8, 30], merges: [{ top: 1, left: 1, bottom: 2, right: 1 }], print, rows: Array.from({ length: rows }, (_, i) => ({ values: [i + 1, `第${i + 1}项 政务公开事项 ${(i * 7919) % 100003}`], styles: ['body', 'body'] })) }],
  };
}

describe('zip layer', () => {
  it("writes a workbook's parts alike through Node's zlib deflater and the platform's CompressionStream", async () => {
    const read: [string, number, string][][] = [];
    for (const deflater of [nodePartDeflater, undefined]) {
      usePartDeflater(deflater);
      try {
        read.push(await yauzlRead(await writeWorkbook(planOf(30000))));
      } finally {
        usePartDeflater(nodePartDeflater);
      }
    }
    const [node, web] = read as [[string, number, string][], [string, number, string][]];
    expect(node.map(([name]) => name)).toContain('xl/worksheets/sheet1.xml');
    // yauzl checks each CRC as it reads; the two zips hold the same parts with the same CRCs and content
    // (but docProps/core.xml, which holds the time of writing: its second may differ between the two).
    const timeless = (zip: [string, number, string][]) => zip.filter(([name]) => name !== 'docProps/core.xml');
    expect(node.map(([name]) => name)).toEqual(web.map(([name]) => name));
    expect(timeless(node)).toEqual(timeless(web));
    const sheet = node.find(([name]) => name === 'xl/worksheets/sheet1.xml')![2];
    expect(sheet.length).toBeGreaterThan(1024 * 1024);
    expect(sheet).toContain('<mergeCell ref="A1:A2"/>');
    for (const [, crc, content] of node) expect(crc).toBe(crc32(text.encode(content)));
  });

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
