// exceljs's streaming writer packs its parts with `archiver` (Node streams and zlib). render/xlsx/write.ts puts
// zwgk's own zip (src/formats/ooxml/zip-stream.ts, on the platform's CompressionStream in the browser) in its
// place right after the writer is made; this stands in for archiver in the bundle until then (the writer's
// constructor appends two parts at once), with the same zip. Only what WorkbookWriter calls is provided:
// append, pipe, finalize, and errors.
const { partZip } = require('../../formats/ooxml/zip-stream.ts');

module.exports = function archiver() {
  const zip = partZip();
  let out;
  return {
    pipe: (stream) => ((out = stream), stream),
    append: (data, options) => zip.append(data, options),
    on: (event, listener) => zip.on(event, listener),
    finalize: () => {
      // partZip ends what it is piped to once its pieces are ready; they are written through first.
      zip.pipe({ end: () => { for (const p of zip.pieces) out.write(Buffer.from(p.buffer, p.byteOffset, p.byteLength)); out.end(); } });
      return zip.finalize();
    },
  };
};
