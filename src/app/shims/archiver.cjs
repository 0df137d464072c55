// exceljs's streaming writer packs its parts with `archiver` (Node streams and zlib). In the browser the
// parts are collected here and packed by our own zip layer (src/formats/ooxml/zip.ts), on the platform's
// CompressionStream. Only what WorkbookWriter calls is provided: append, pipe, finalize, and errors.
const { EventEmitter } = require('events');
const { writeZip } = require('../../formats/ooxml/zip.ts');

const encoder = new TextEncoder();
const bytes = (d) => (typeof d === 'string' ? encoder.encode(d) : new Uint8Array(d.buffer, d.byteOffset, d.byteLength).slice());

function entry(name) {
  const nameBytes = encoder.encode(name.replace(/^\/+/, ''));
  // 1980-01-01 00:00: a fixed time, as a build should not depend on the clock.
  return { name, nameBytes, method: 8, flags: 0x800, crc: 0, compressedSize: 0, size: 0, localOffset: 0, versionMadeBy: 20, versionNeeded: 20, time: 0, date: 0x21, internalAttrs: 0, externalAttrs: 0, extra: new Uint8Array(0), comment: new Uint8Array(0), encrypted: false };
}

module.exports = function archiver() {
  const zip = new EventEmitter();
  const parts = [];
  const open = new Set();
  let out;
  let finalizing;
  const finish = () => {
    writeZip(parts).then(
      (data) => {
        out.write(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
        out.end();
      },
      (err) => zip.emit('error', err),
    );
  };
  zip.pipe = (stream) => ((out = stream), stream);
  zip.append = (data, { name }) => {
    const part = { entry: entry(name), content: new Uint8Array(0) };
    parts.push(part);
    if (data && typeof data.pipe === 'function') {
      // exceljs's StreamBuf: it writes to whatever it is piped into, then ends it.
      const chunks = [];
      open.add(part);
      data.pipe({
        write(chunk, encodingOrCallback, callback) {
          chunks.push(bytes(chunk));
          const cb = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
          if (typeof cb === 'function') cb();
          return true;
        },
        end() {
          let n = 0;
          for (const c of chunks) n += c.length;
          part.content = new Uint8Array(n);
          let o = 0;
          for (const c of chunks) (part.content.set(c, o), (o += c.length));
          open.delete(part);
          if (finalizing && open.size === 0) finish();
        },
        on() {},
        once() {},
        emit() {},
      });
    } else part.content = bytes(data);
  };
  zip.finalize = () => {
    finalizing = true;
    if (open.size === 0) finish();
    return Promise.resolve();
  };
  return zip;
};
