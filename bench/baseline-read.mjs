// The benchmark's yardstick: a bare exceljs streaming read of a workbook that touches every cell
// (reads each value), with the options a careful reader would use. Prints "<rows> <cells>".
import { createRequire } from 'node:module';

const ExcelJS = createRequire(import.meta.url)('exceljs');
const file = process.argv[2];
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
  sharedStrings: 'cache',
  styles: 'cache',
  hyperlinks: 'ignore',
  worksheets: 'emit',
});
let rows = 0;
let cells = 0;
let chars = 0;
for await (const sheet of reader) {
  for await (const row of sheet) {
    rows++;
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells++;
      const v = cell.value;
      if (typeof v === 'string') chars += v.length;
    });
  }
}
process.stdout.write(`${rows} ${cells} ${chars}\n`);
