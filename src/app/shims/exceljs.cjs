// The parts of exceljs the core uses, for the browser bundle: the package root would also pull in its
// file-system readers. Same classes as in Node (lib/), so the workbooks are built by the same code.
const Workbook = require('exceljs/lib/doc/workbook.js');
const WorkbookWriter = require('exceljs/lib/stream/xlsx/workbook-writer.js');
const Enums = require('exceljs/lib/doc/enums.js');

module.exports = { ...Enums, Workbook, stream: { xlsx: { WorkbookWriter } } };
