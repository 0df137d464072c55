// exceljs's streaming writer packs its parts with `archiver` (Node streams and zlib). In the browser the
// parts are deflated as they come by src/formats/ooxml/zip-stream.ts, on the platform's CompressionStream
// (before, each part was held whole, uncompressed, until the end: the sheet and shared strings of a large
// catalog are hundreds of MB), and the zip is written into exceljs's stream in its pieces. Only what
// WorkbookWriter calls is provided: append, pipe, finalize, and errors.
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
