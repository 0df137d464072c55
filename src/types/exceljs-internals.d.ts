// exceljs's range class (lib/doc/range.js), used by the xlsx renderer to record merges without the
// quadratic overlap check of WorksheetWriter.mergeCells (see mergeUnchecked).
declare module 'exceljs/lib/doc/range.js' {
  export default class Dimensions {
    constructor(top: number, left: number, bottom: number, right: number);
  }
}
