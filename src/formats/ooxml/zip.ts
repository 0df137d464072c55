// The one zip layer, on bytes, for every reader (xlsx, docx) and for `fix`'s copies, in Node and in the
// browser alike: the central directory is parsed here (ZIP64 included), entries are inflated piece by piece
// and a zip is written back from raw or new entries. Deflate itself is the platform's own
// (DecompressionStream / CompressionStream: native zlib in Node and in the browser). Each deflated entry is
// inflated as a gzip member built from the central directory's CRC and size, so the native inflater checks
// both for us: a damaged part is an error, never silently read. In Node small parts are inflated in one
// call (useRawInflater), their size and CRC checked here.
// Problems are thrown as ZipFormatError with a Chinese detail; callers wrap it in their own finding.

/** One entry of the central directory, with everything `writeZip` needs to copy it unchanged. */
export interface ZipEntry {
  name: string;
  nameBytes: Uint8Array;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  versionMadeBy: number;
  versionNeeded: number;
  time: number;
  date: number;
  internalAttrs: number;
  externalAttrs: number;
  /** Central-directory extra fields without the ZIP64 one (rewritten as needed). */
  extra: Uint8Array;
  comment: Uint8Array;
  encrypted: boolean;
}

/** A zip that cannot be read as one: it is damaged. `detail` is Chinese text for the user, naming what is wrong (it reads after “文件 … 中”). */
export class ZipFormatError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'ZipFormatError';
  }
}

const utf8 = new TextDecoder('utf-8');
const MAX32 = 0xffffffff;

function u16(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
}
function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

/** Whether the bytes start like a zip (a local header, or an empty archive's end record). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** Find the end-of-central-directory record, scanning back over a comment of at most 64 KB. */
function findEnd(b: Uint8Array): number {
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) return i;
  }
  return -1;
}

/** The entries of a zip held in memory, in central-directory order. */
export function readZipDirectory(b: Uint8Array): ZipEntry[] {
  const end = findEnd(b);
  if (end < 0) throw new ZipFormatError('找不到压缩目录（文件末尾缺失，不完整）');
  let count = u16(b, end + 10);
  let dirSize = u32(b, end + 12);
  let dirOffset = u32(b, end + 16);
  if (count === 0xffff || dirSize === MAX32 || dirOffset === MAX32) {
    const loc = end - 20;
    if (loc < 0 || u32(b, loc) !== 0x07064b50) throw new ZipFormatError('ZIP64 目录定位记录缺失');
    const rec = u64(b, loc + 8);
    if (rec + 56 > b.length || u32(b, rec) !== 0x06064b50) throw new ZipFormatError('ZIP64 目录记录有误');
    count = u64(b, rec + 32);
    dirSize = u64(b, rec + 40);
    dirOffset = u64(b, rec + 48);
  }
  if (dirOffset + dirSize > b.length) throw new ZipFormatError('压缩目录超出了文件末尾（文件不完整）');
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let p = dirOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new ZipFormatError('压缩目录有误');
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    if (p + 46 + nameLen + extraLen + commentLen > b.length) throw new ZipFormatError('压缩目录有误');
    const nameBytes = b.subarray(p + 46, p + 46 + nameLen);
    const entry: ZipEntry = {
      name: utf8.decode(nameBytes),
      nameBytes,
      versionMadeBy: u16(b, p + 4),
      versionNeeded: u16(b, p + 6),
      flags: u16(b, p + 8),
      method: u16(b, p + 10),
      time: u16(b, p + 12),
      date: u16(b, p + 14),
      crc: u32(b, p + 16),
      compressedSize: u32(b, p + 20),
      size: u32(b, p + 24),
      internalAttrs: u16(b, p + 36),
      externalAttrs: u32(b, p + 38),
      localOffset: u32(b, p + 42),
      extra: new Uint8Array(0),
      comment: b.subarray(p + 46 + nameLen + extraLen, p + 46 + nameLen + extraLen + commentLen),
      encrypted: false,
    };
    entry.encrypted = (entry.flags & 1) !== 0;
    // Extra fields: ZIP64 sizes replace the 0xFFFFFFFF placeholders; the others are kept for copies.
    const kept: Uint8Array[] = [];
    for (let q = p + 46 + nameLen, qEnd = q + extraLen; q + 4 <= qEnd; ) {
      const id = u16(b, q);
      const len = u16(b, q + 2);
      if (q + 4 + len > qEnd) break;
      if (id === 1) {
        let r = q + 4;
        if (entry.size === MAX32 && r + 8 <= q + 4 + len) (entry.size = u64(b, r)), (r += 8);
        if (entry.compressedSize === MAX32 && r + 8 <= q + 4 + len) (entry.compressedSize = u64(b, r)), (r += 8);
        if (entry.localOffset === MAX32 && r + 8 <= q + 4 + len) entry.localOffset = u64(b, r);
      } else kept.push(b.subarray(q, q + 4 + len));
      q += 4 + len;
    }
    entry.extra = concat(kept);
    if (seen.has(entry.name)) throw new ZipFormatError(`有两个同名的部件“${entry.name}”（正常保存的文件不会这样，可能被改动过）`);
    seen.add(entry.name);
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** An entry's stored bytes (still compressed), located through its local header. */
export function rawData(b: Uint8Array, e: ZipEntry): Uint8Array {
  const p = e.localOffset;
  if (p + 30 > b.length || u32(b, p) !== 0x04034b50) throw new ZipFormatError(`部件“${e.name}”的位置有误`);
  const start = p + 30 + u16(b, p + 26) + u16(b, p + 28);
  if (start + e.compressedSize > b.length) throw new ZipFormatError(`部件“${e.name}”不完整（文件被截断）`);
  return b.subarray(start, start + e.compressedSize);
}

/** Compressed bytes fed to the inflater at a time: bounds what one step can produce. */
const FEED = 64 * 1024;

/** A platform's one-call inflater (Node's zlib): raw deflate data → its content, undefined when it would come
 * out longer than `limit`; throws on damaged data. */
export interface RawInflater {
  inflateRaw(raw: Uint8Array, limit: number): Uint8Array | undefined;
  /** The platform's CRC-32 when it has one (else this module's). */
  crc32?(data: Uint8Array): number;
  /** The platform's own gunzip stream over a gzip member's pieces, when it has one: Node's zlib stream with
   * large output pieces inflates a 40 MB sheet part in 40–60 ms, where DecompressionStream's 16 KB pieces,
   * each a hand-off between threads, took 230–320 ms. Damage and CRC are its errors, as with the web stream. */
  gunzip?(member: Iterable<Uint8Array>): AsyncIterable<Uint8Array>;
}
let oneCall: RawInflater | undefined;
/** Parts up to this size are inflated in one call when the platform gives an inflater. */
export const ONE_CALL_MAX = 1024 * 1024;

/** Give the zip layer a one-call inflater for small parts (Node): a stream per part cost a 10 KB workbook
 * more in hand-offs between threads than its inflating (2,600 files in a roll-up). Large parts still stream. */
export function useRawInflater(inflater: RawInflater | undefined): void {
  oneCall = inflater;
}
const GZIP_HEADER = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/**
 * An entry's content in pieces, so a large part is never held whole. The declared size and CRC are checked
 * (by the native inflater for deflated entries): damage is an error, never silent.
 */
export async function* inflateEntry(b: Uint8Array, e: ZipEntry, onFeed?: (done: number) => void): AsyncGenerator<Uint8Array> {
  if (e.encrypted) throw new ZipFormatError(`部件“${e.name}”已加密`);
  const raw = rawData(b, e);
  if (e.method === 0) {
    if (raw.length !== e.size) throw new ZipFormatError(`部件“${e.name}”的大小与压缩目录记录的不符`);
    if (crc32(raw) !== e.crc) throw new ZipFormatError(`部件“${e.name}”的校验码（CRC）不符`);
    for (let i = 0; i < raw.length || i === 0; i += FEED) yield raw.subarray(i, Math.min(raw.length, i + FEED));
    return;
  }
  if (e.method !== 8) throw new ZipFormatError(`部件“${e.name}”使用了不支持的压缩方式（${e.method}）`);
  if (oneCall && e.size <= ONE_CALL_MAX) {
    let out: Uint8Array | undefined;
    try {
      out = oneCall.inflateRaw(raw, e.size);
    } catch {
      throw new ZipFormatError(`部件“${e.name}”无法解压（数据有误或不完整）`);
    }
    if (out === undefined) throw new ZipFormatError(`部件“${e.name}”解压后比压缩目录记录的大`);
    if (out.length !== e.size) throw new ZipFormatError(`部件“${e.name}”的大小与压缩目录记录的不符`);
    if ((oneCall.crc32 ?? crc32)(out) !== e.crc) throw new ZipFormatError(`部件“${e.name}”的校验码（CRC）不符`);
    onFeed?.(raw.length);
    yield out;
    return;
  }
  const trailer = new Uint8Array(8);
  const tv = new DataView(trailer.buffer);
  tv.setUint32(0, e.crc, true);
  tv.setUint32(4, e.size % 0x100000000, true);
  const member = gzipMember(raw, trailer, onFeed);
  let size = 0;
  try {
    for await (const value of oneCall?.gunzip ? oneCall.gunzip(member) : webGunzip(member)) {
      size += value.length;
      if (size > e.size) throw new ZipFormatError(`部件“${e.name}”解压后比压缩目录记录的大`);
      yield value;
    }
  } catch (cause) {
    if (cause instanceof ZipFormatError) throw cause;
    throw new ZipFormatError(size === e.size ? `部件“${e.name}”的校验码（CRC）不符` : `部件“${e.name}”无法解压（数据有误或不完整）`);
  }
  if (size !== e.size) throw new ZipFormatError(`部件“${e.name}”的大小与压缩目录记录的不符`);
}

/** A deflated entry as the pieces of a gzip member (header, data in FEED-sized pieces, CRC and size), so the
 * native inflater checks both. */
function* gzipMember(raw: Uint8Array, trailer: Uint8Array, onFeed?: (done: number) => void): Generator<Uint8Array> {
  yield GZIP_HEADER;
  for (let i = 0; i < raw.length; i += FEED) {
    yield raw.subarray(i, Math.min(raw.length, i + FEED));
    onFeed?.(Math.min(raw.length, i + FEED));
  }
  yield trailer;
}

/** A gzip member inflated by the web platform's DecompressionStream (the browser; Node when no gunzip is given). */
async function* webGunzip(member: Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const stream = new DecompressionStream('gzip');
  // Typed as accepting any BufferSource chunk: the stream takes our views of the file's bytes as they are.
  const writer = stream.writable.getWriter() as WritableStreamDefaultWriter<Uint8Array>;
  const feeding = (async () => {
    for (const piece of member) await writer.write(piece);
    await writer.close();
  })();
  // Its failure surfaces through the readable side; this only keeps it from being reported as unhandled.
  feeding.catch(() => undefined);
  const reader = stream.readable.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield value;
    }
  } finally {
    reader.releaseLock();
    await stream.readable.cancel().catch(() => undefined);
  }
}

/** An entry's whole content (for the small parts a reader needs at once). */
export async function inflateAll(b: Uint8Array, e: ZipEntry): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const piece of inflateEntry(b, e)) parts.push(piece);
  return concat(parts);
}

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

let CRC_TABLE: Uint32Array | undefined;

/** CRC-32 (the zip polynomial), continued from `crc`. */
export function crc32(data: Uint8Array, crc = 0): number {
  let table = CRC_TABLE;
  if (!table) {
    table = CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** Join byte arrays. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
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
