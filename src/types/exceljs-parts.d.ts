// The two modules of exceljs the workbook writer loads in Node (render/xlsx/exceljs-writer.ts): its streaming writer and its
// enums, not the package root, which loads its readers too (0.2 s of every small render to .xlsx).
declare module 'exceljs/lib/stream/xlsx/workbook-writer.js' {
  import type ExcelJS from 'exceljs';
  const WorkbookWriter: typeof ExcelJS.stream.xlsx.WorkbookWriter;
  export default WorkbookWriter;
}

declare module 'exceljs/lib/doc/enums.js' {
  import type ExcelJS from 'exceljs';
  const Enums: { ValueType: typeof ExcelJS.ValueType };
  export default Enums;
}
