// Writing zips (formats/ooxml/zip.ts reads them): new parts deflated by the platform's compressor, parts
// copied raw from a zip read, or parts already deflated in pieces as they streamed (zip-stream.ts); sizes and
// CRC in each local header, no ZIP64 (a file that would need it is refused, ZipTooLargeError).
import { concat, MAX32, u16, u32, type ZipEntry } from './zip.js';

/** Deflate `content` with the platform's compressor; its gzip trailer gives the CRC, computed natively. */
export async function deflate(content: Uint8Array): Promise<{ data: Uint8Array; crc: number }> {
  const stream = new CompressionStream('gzip');
  const writer = stream.writable.getWriter() as WritableStreamDefaultWriter<Uint8Array>;
  const feeding = writer.write(content).then(() => writer.close());
  const parts: Uint8Array[] = [];
  for await (const piece of stream.readable as unknown as AsyncIterable<Uint8Array>) parts.push(piece);
  await feeding;
  const gz = concat(parts);
  // RFC 1952: a 10-byte header, then optional fields announced by FLG (compressors write none, but be exact).
  let p = 10;
  const flg = gz[3]!;
  if (flg & 4) p += 2 + u16(gz, p);
  if (flg & 8) while (gz[p++] !== 0);
  if (flg & 16) while (gz[p++] !== 0);
  if (flg & 2) p += 2;
  return { data: gz.subarray(p, gz.length - 8), crc: u32(gz, gz.length - 8) };
}

/** One entry of a zip to write: copied raw from its source, or new content to deflate. */
export type ZipPart = { entry: ZipEntry; raw: Uint8Array } | { entry: ZipEntry; content: Uint8Array };

/** A zip too large to write without ZIP64 (which we do not write). */
export class ZipTooLargeError extends Error {
  constructor(readonly size: number, readonly entries: number) {
    super('zip too large');
    this.name = 'ZipTooLargeError';
  }
}

/** What the headers of one entry written say: its method, CRC, sizes and version, at an offset. */
interface Written {
  e: ZipEntry;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  version: number;
  offset: number;
}

/** An entry's local header (sizes and CRC in it, so no data descriptor follows the data). */
function localHeader(w: Written): Uint8Array[] {
  const local = new Uint8Array(30);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, w.version, true);
  lv.setUint16(6, w.e.flags & ~0x8, true);
  lv.setUint16(8, w.method, true);
  lv.setUint16(10, w.e.time, true);
  lv.setUint16(12, w.e.date, true);
  lv.setUint32(14, w.crc >>> 0, true);
  lv.setUint32(18, w.compressed, true);
  lv.setUint32(22, w.size, true);
  lv.setUint16(26, w.e.nameBytes.length, true);
  lv.setUint16(28, 0, true);
  return [local, w.e.nameBytes];
}

/** An entry's record in the central directory. */
function centralHeader(w: Written): Uint8Array[] {
  const { e } = w;
  const c = new Uint8Array(46);
  const cv = new DataView(c.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, e.versionMadeBy, true);
  cv.setUint16(6, w.version, true);
  cv.setUint16(8, e.flags & ~0x8, true);
  cv.setUint16(10, w.method, true);
  cv.setUint16(12, e.time, true);
  cv.setUint16(14, e.date, true);
  cv.setUint32(16, w.crc >>> 0, true);
  cv.setUint32(20, w.compressed, true);
  cv.setUint32(24, w.size, true);
  cv.setUint16(28, e.nameBytes.length, true);
  cv.setUint16(30, e.extra.length, true);
  cv.setUint16(32, e.comment.length, true);
  cv.setUint16(34, 0, true);
  cv.setUint16(36, e.internalAttrs, true);
  cv.setUint32(38, e.externalAttrs >>> 0, true);
  cv.setUint32(42, w.offset, true);
  return [c, e.nameBytes, e.extra, e.comment];
}

/** The end of central directory record. */
function endRecord(entries: number, dirLength: number, dirOffset: number): Uint8Array {
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries, true);
  ev.setUint16(10, entries, true);
  ev.setUint32(12, dirLength, true);
  ev.setUint32(16, dirOffset, true);
  return end;
}

/** One deflated entry to write: its compressed data in pieces, with its CRC and size before compression. */
export interface DeflatedPart {
  entry: ZipEntry;
  pieces: readonly Uint8Array[];
  crc: number;
  size: number;
}

/** A zip of deflated entries as pieces of bytes (the data pieces as given, never joined), in the given order. */
export function zipPieces(parts: readonly DeflatedPart[]): Uint8Array[] {
  if (parts.length > 0xffff) throw new ZipTooLargeError(0, parts.length);
  const out: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const p of parts) {
    const compressed = p.pieces.reduce((n, x) => n + x.length, 0);
    if (p.size > MAX32 || offset + compressed > MAX32) throw new ZipTooLargeError(Math.max(p.size, offset + compressed), parts.length);
    const w: Written = { e: p.entry, method: 8, crc: p.crc, compressed, size: p.size, version: Math.max(20, p.entry.versionNeeded), offset };
    const head = localHeader(w);
    out.push(...head, ...p.pieces);
    central.push(...centralHeader(w));
    offset += head[0]!.length + head[1]!.length + compressed;
  }
  const dir = concat(central);
  if (offset + dir.length > MAX32) throw new ZipTooLargeError(offset + dir.length, parts.length);
  out.push(dir, endRecord(parts.length, dir.length, offset));
  return out;
}

/**
 * Write a zip from entries in the given order. Raw parts keep their compressed bytes as they were; new
 * content is deflated. Sizes and CRC go in the local header, so no data descriptor is written.
 */
export async function writeZip(parts: readonly ZipPart[]): Promise<Uint8Array> {
  if (parts.length > 0xffff) throw new ZipTooLargeError(0, parts.length);
  const out: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const p of parts) {
    const e = p.entry;
    let data: Uint8Array;
    let method = e.method;
    let crc = e.crc;
    let size = e.size;
    let version = e.versionNeeded;
    if ('raw' in p) data = p.raw;
    else {
      ({ data, crc } = await deflate(p.content));
      method = 8;
      size = p.content.length;
      version = Math.max(20, version);
    }
    if (size > MAX32 || data.length > MAX32 || offset + data.length > MAX32) throw new ZipTooLargeError(Math.max(size, offset + data.length), parts.length);
    const w: Written = { e, method, crc, compressed: data.length, size, version, offset };
    const head = localHeader(w);
    central.push(...centralHeader(w));
    out.push(...head, data);
    offset += head[0]!.length + head[1]!.length + data.length;
  }
  const dir = concat(central);
  if (offset + dir.length > MAX32) throw new ZipTooLargeError(offset + dir.length, parts.length);
  return concat([...out, dir, endRecord(parts.length, dir.length, offset)]);
}
