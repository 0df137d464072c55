// The one zip layer, on bytes, for every reader (xlsx, docx) and for `fix`'s copies, in Node and in the
// browser alike: the central directory is parsed here (ZIP64 included) and entries are inflated piece by
// piece; zip-write.ts writes a zip back from raw or new entries. Deflate itself is the platform's own
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
/** The largest size or offset a zip without ZIP64 can hold. */
export const MAX32 = 0xffffffff;

export function u16(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8);
}
export function u32(b: Uint8Array, i: number): number {
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
