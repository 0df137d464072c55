// Zip-level copy of a workbook for zwgk fix: every entry is copied as its raw compressed bytes (never
// inflated and deflated again), only the patched parts are deflated anew. We write the zip ourselves rather
// than through jszip or exceljs so unchanged parts stay byte-for-byte what the clerk's workbook held.
// Headers are rewritten (sizes and CRC in the local header, no data descriptor); no ZIP64: a copy that would
// need it (over 4 GB or 65,535 entries) is refused.
import { crc32, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { ZwgkError } from '../report/finding.js';
import { listEntries } from '../readers/zip.js';

export interface ZipIn {
  zip: yauzl.ZipFile;
  entries: yauzl.Entry[];
}

/** Open a zip held in memory and list its entries (central directory order). */
export async function openZipBuffer(input: Buffer): Promise<ZipIn> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(input, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, z) => (err || !z ? reject(err ?? new Error('no zip')) : resolve(z))),
  );
  return { zip, entries: await listEntries(zip) };
}

/** An entry's bytes: inflated, or (decompress false) exactly as stored in the zip. */
export async function entryBytes(zip: yauzl.ZipFile, entry: yauzl.Entry, decompress: boolean): Promise<Buffer> {
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, decompress ? {} : { decodeFileData: false }, (err, s) => (err || !s ? reject(err ?? new Error('no stream')) : resolve(s))),
  );
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** One entry of the output: the input entry copied raw, or replaced by new uncompressed content. */
export type ZipOut = { entry: yauzl.Entry; raw: Buffer } | { entry: yauzl.Entry; content: Buffer };

const MAX32 = 0xffffffff;

function tooLarge(file: string, size: number): ZwgkError {
  return new ZwgkError('workbook-too-large', { file }, { file, part: '修正后的副本', size: `${(size / 1024 / 1024 / 1024).toFixed(1)} GB`, limit: '4 GB（zwgk 不写 ZIP64 格式的副本）' });
}

/** Write a zip from input entries (raw copies or new content), in the given order. */
export function writeZip(file: string, parts: readonly ZipOut[]): Buffer {
  if (parts.length > 0xffff) throw new ZwgkError('workbook-too-large', { file }, { file, part: '全部内容', size: `${parts.length} 个部件`, limit: '65535 个部件（zwgk 不写 ZIP64 格式的副本）' });
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const e = p.entry;
    let data: Buffer;
    let method = e.compressionMethod;
    let crc = e.crc32;
    let size = e.uncompressedSize;
    let version = e.versionNeededToExtract;
    if ('raw' in p) data = p.raw;
    else {
      data = deflateRawSync(p.content);
      method = 8;
      crc = crc32(p.content);
      size = p.content.length;
      version = Math.max(20, version);
    }
    if (size > MAX32 || data.length > MAX32 || offset + data.length > MAX32) throw tooLarge(file, Math.max(size, offset + data.length));
    // Sizes and CRC go in the local header, so a data descriptor (bit 3) is neither written nor announced.
    const flags = e.generalPurposeBitFlag & ~0x8;
    const name = e.fileNameRaw;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(version, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(e.lastModFileTime, 10);
    local.writeUInt16LE(e.lastModFileDate, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    // Extra fields other than ZIP64 (timestamps, Unicode path) are kept in the central directory.
    const extra = Buffer.concat(
      e.extraFields.filter((f) => f.id !== 0x0001).flatMap((f) => {
        const h = Buffer.alloc(4);
        h.writeUInt16LE(f.id, 0);
        h.writeUInt16LE(f.data.length, 2);
        return [h, f.data];
      }),
    );
    const comment = e.fileCommentRaw ?? Buffer.alloc(0);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(e.versionMadeBy, 4);
    c.writeUInt16LE(version, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt16LE(e.lastModFileTime, 12);
    c.writeUInt16LE(e.lastModFileDate, 14);
    c.writeUInt32LE(crc >>> 0, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(extra.length, 30);
    c.writeUInt16LE(comment.length, 32);
    c.writeUInt16LE(0, 34);
    c.writeUInt16LE(e.internalFileAttributes, 36);
    c.writeUInt32LE(e.externalFileAttributes >>> 0, 38);
    c.writeUInt32LE(offset, 42);
    central.push(c, name, extra, comment);
    out.push(local, name, data);
    offset += local.length + name.length + data.length;
  }
  const dir = Buffer.concat(central);
  if (offset + dir.length > MAX32) throw tooLarge(file, offset + dir.length);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, dir, end]);
}
