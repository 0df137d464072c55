// zwgk's zip of a workbook being written, in the shape exceljs's WorkbookWriter drives its `archiver` (append a
// part as text or as a stream, pipe the zip somewhere, finalize); render/xlsx/write.ts puts it in archiver's
// place, in Node and in the browser. Each part is deflated as its XML comes: by the platform's deflater when
// one is given (Node's zlib, src/node/zlib.ts: 0.5 s less CPU than archiver on a 25 000-item catalog, where
// Node's web streams had been 0.4 s more), else by CompressionStream, the CRC taken from its gzip trailer.
// The zip itself is laid out by zip-write.ts.
import type { ZipEntry } from './zip.js';
import { zipPieces, type DeflatedPart } from './zip-write.js';

/** What of a Node stream exceljs's StreamBuf writes into when it is piped. */
interface Sink {
  write(chunk: Uint8Array, encodingOrCallback?: unknown, callback?: () => void): boolean;
  end(): void;
  on(): void;
  once(): void;
  emit(): void;
}

/** exceljs's StreamBuf, as a part appended to the zip. */
interface PipedPart {
  pipe(sink: Sink): unknown;
}

/** What the zip is piped to: exceljs's own StreamBuf, ended when the zip is done (its end is what exceljs
 * waits for); the zip's bytes are taken from `pieces`, not written through it. */
interface Output {
  end(): unknown;
}

const encoder = new TextEncoder();

/** A chunk as bytes of its own: exceljs reuses the buffer it wrote a chunk from. */
function ownBytes(d: string | Uint8Array): Uint8Array {
  return typeof d === 'string' ? encoder.encode(d) : new Uint8Array(d.buffer, d.byteOffset, d.byteLength).slice();
}

/** A new entry named `name` (UTF-8 name flag; 1980-01-01 00:00, so a workbook does not depend on the clock). */
function entryOf(name: string): ZipEntry {
  const nameBytes = encoder.encode(name.replace(/^\/+/, ''));
  return { name, nameBytes, method: 8, flags: 0x800, crc: 0, compressedSize: 0, size: 0, localOffset: 0, versionMadeBy: 20, versionNeeded: 20, time: 0, date: 0x21, internalAttrs: 0, externalAttrs: 0, extra: new Uint8Array(0), comment: new Uint8Array(0), encrypted: false };
}

/** A deflater of one part: bytes go in as they come (never held by the caller afterwards); `close` ends the
 * part; `done` gives the raw deflate data in pieces, the CRC-32 and the size before compression. */
export interface PartDeflater {
  add(bytes: Uint8Array): void;
  close(): void;
  done: Promise<{ pieces: Uint8Array[]; crc: number; size: number }>;
}

/** The platform's own deflater of parts (Node's zlib, given by the Node shell), or undefined: the browser's
 * CompressionStream. */
let platformDeflater: (() => PartDeflater) | undefined;

/** Give the zip writer the platform's deflater of parts (Node): zlib with its level, CRC and large pieces,
 * without web streams in between. */
export function usePartDeflater(make: (() => PartDeflater) | undefined): void {
  platformDeflater = make;
}

/** A part's deflater: the platform's, else one on CompressionStream. */
function deflater(entry: ZipEntry): { add(bytes: Uint8Array): void; close(): void; done: Promise<DeflatedPart> } {
  if (platformDeflater) {
    const d = platformDeflater();
    return { add: (b) => d.add(b), close: () => d.close(), done: d.done.then((r) => ({ entry, ...r })) };
  }
  return webDeflater(entry);
}

/** A deflater of one part on the platform's CompressionStream (gzip: its trailer gives the CRC). */
function webDeflater(entry: ZipEntry): { add(bytes: Uint8Array): void; close(): void; done: Promise<DeflatedPart> } {
  const stream = new CompressionStream('gzip');
  const writer = stream.writable.getWriter() as WritableStreamDefaultWriter<Uint8Array>;
  let size = 0;
  // Writes are queued, never awaited by the caller: exceljs does not wait for them either.
  let queue: Promise<void> = Promise.resolve();
  const collected = (async () => {
    const pieces: Uint8Array[] = [];
    for await (const piece of stream.readable as unknown as AsyncIterable<Uint8Array>) pieces.push(piece);
    return pieces;
  })();
  const done = (async (): Promise<DeflatedPart> => {
    const pieces = await collected;
    await queue;
    // RFC 1952: a 10-byte header (the platform's compressor writes no optional fields), the deflated data,
    // then CRC-32 and size; the first may be spread over pieces, and so may the last 8 bytes.
    let head = 10;
    while (head > 0 && pieces.length) {
      const first = pieces[0]!;
      if (first.length <= head) (head -= first.length), pieces.shift();
      else (pieces[0] = first.subarray(head)), (head = 0);
    }
    const trailer = new Uint8Array(8);
    for (let need = 8; need > 0; ) {
      const last = pieces[pieces.length - 1]!;
      const take = Math.min(need, last.length);
      trailer.set(last.subarray(last.length - take), need - take);
      need -= take;
      if (take === last.length) pieces.pop();
      else pieces[pieces.length - 1] = last.subarray(0, last.length - take);
    }
    const crc = new DataView(trailer.buffer).getUint32(0, true);
    return { entry, pieces, crc, size };
  })();
  return {
    add(bytes) {
      size += bytes.length;
      queue = queue.then(() => writer.write(bytes));
    },
    close() {
      queue = queue.then(() => writer.close());
    },
    done,
  };
}

/** The zip as exceljs drives it, and its bytes once finalized. */
export interface PartZip {
  pipe(out: Output): Output;
  append(data: string | Uint8Array | PipedPart, options: { name: string }): void;
  finalize(): Promise<void>;
  on(event: string, listener: (err: unknown) => void): void;
  /** The zip's bytes in pieces (the parts' deflated pieces as they came), once finalized. */
  pieces: Uint8Array[];
}

/** A zip in the shape of exceljs's archiver: `append` parts (text, bytes or a StreamBuf), `pipe` to the output, `finalize`. */
export function partZip(): PartZip {
  let out: Output | undefined;
  const parts: Promise<DeflatedPart>[] = [];
  const listeners: ((err: unknown) => void)[] = [];
  return {
    pieces: [],
    pipe(o) {
      out = o;
      return o;
    },
    append(data, { name }) {
      const part = deflater(entryOf(name));
      parts.push(part.done);
      if (typeof data === 'object' && data !== null && 'pipe' in data && typeof data.pipe === 'function') {
        data.pipe({
          write(chunk, encodingOrCallback, callback) {
            // A piped part's chunks are the stream's own full buffers, each written once (exceljs's batch
            // mode): kept as they are.
            part.add(chunk);
            const cb = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
            if (typeof cb === 'function') (cb as () => void)();
            return true;
          },
          end: () => part.close(),
          on() {},
          once() {},
          emit() {},
        });
      } else {
        part.add(ownBytes(data as string | Uint8Array));
        part.close();
      }
    },
    on(event, listener) {
      if (event === 'error') listeners.push(listener);
    },
    async finalize() {
      try {
        // Every part has been appended by now; each ends when exceljs ends its stream.
        const done = await Promise.all(parts);
        this.pieces = zipPieces(done);
        out!.end();
      } catch (err) {
        for (const l of listeners) l(err);
      }
    },
  };
}
