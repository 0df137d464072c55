// word/document.xml, scanned in one streaming pass with the OOXML tokenizer (formats/ooxml/xml-scanner.ts:
// no DOM, no DTD, only the predefined entities) into its tables. Cells are placed by Word's grid columns:
// w:gridBefore skips columns, w:gridSpan widens a cell, w:vMerge restart/continue merges a column
// downwards (legacy w:hMerge sideways). A cell's paragraphs and w:br/w:cr are its lines. What Word shows
// once changes are accepted is read: w:ins kept, w:del and w:moveFrom dropped (a deleted row too, and a
// deleted paragraph mark joins two lines); content controls (w:sdt) are read through, except the grey
// placeholder text of an empty one; a cell deleted with changes tracked (w:cellDel) is gone and the cells
// after it move left. Word's list numbers (w:numPr, numbering.ts) are the text they show; a symbol inserted
// with Insert → Symbol (w:sym: Wingdings ☑ □ √) is the character it shows. Hidden text (w:vanish) is not
// read but named (hidden-content), and so are text boxes (content-unread); drawings and fallbacks of
// alternate content are not text of the cell. An w:altChunk (another document embedded whole, often a web
// page) is noted where it stands, for read.ts to read. Every kept cell and merged range is counted
// against the read budget.
import type { SourceRef } from '../../findings/location.js';
import { TextPool } from '../../model/strings.js';
import { TABLE_LIMITS } from '../../settings/limits.js';
import type { ReadBudget } from '../../grid/limits.js';
import { tooComplex, type BuiltTable } from '../../grid/tables.js';
import { XmlScanner, eachAttr } from '../ooxml/xml-scanner.js';
import type { Numbering } from './numbering.js';
import { symbolText } from './symbols.js';
import { addText, newLine, placeCell, settleRow, takeText, type OpenTable, type PendingCell } from './table-cells.js';

/** Elements whose content is not text of the cell: deleted text, drawings, fallbacks, ruby guides. */
const SKIPPED = new Set([
  'del', 'moveFrom', 'drawing', 'pict', 'object', 'Fallback', 'rt', 'instrText', 'delInstrText', 'footnotePr', 'endnotePr',
  // Formatting before a tracked change: its w:vanish or w:del is not the current state.
  'rPrChange', 'pPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange', 'tblGridChange', 'sectPrChange',
]);


/** Another document embedded whole (w:altChunk): its relationship and how many tables came before it. */
export interface AltChunk {
  id: string;
  tablesBefore: number;
}


const OFF = new Set(['0', 'false', 'off']);

/** word/document.xml, streamed: every table with its cells placed and their text. */
export class DocumentScanner extends XmlScanner {
  readonly tables: BuiltTable[] = [];
  /** Tags whose w:val this scanner reads (their text is kept when they span chunks). */
  protected readonly attributeTags: ReadonlySet<string> = new Set(['gridBefore', 'gridSpan', 'vMerge', 'hMerge', 'vanish', 'showingPlcHdr', 'numId', 'ilvl', 'sym', 'altChunk']);
  readonly altChunks: AltChunk[] = [];
  /** The paragraph's list (w:numPr), and its number's label waiting for the paragraph's first text. */
  private numId?: string;
  private ilvl = 0;
  private label?: string;
  private readonly stack: OpenTable[] = [];
  /** Equal short cell texts of the document as one string as they are settled (see TextPool). */
  private readonly pool = new TextPool();
  private skip = 0;
  private inTrPr = false;
  private inTcPr = false;
  private inPPr = false;
  private inRPr = false;
  private inRun = false;
  private runHidden = false;
  private markDeleted = false;
  /** Open w:sdt elements: does each show its placeholder text? */
  private readonly sdts: boolean[] = [];
  /** The table cell being counted against the budget (where a limit, if reached, was reached). */
  limitAt?: SourceRef;

  constructor(
    part: string,
    private readonly file: string,
    private readonly budget: ReadBudget,
    private readonly numbering?: Numbering,
  ) {
    super(part);
  }

  /** Note content of the current cell that is not read. */
  private unread(what: string): void {
    const cell = this.cell;
    if (cell) (cell.unread ??= new Set()).add(what);
  }

  /** The paragraph's number, before its first text (or alone when it has none). */
  private flushLabel(cell: PendingCell, followed: boolean): void {
    if (this.label === undefined) return;
    addText(cell, followed ? `${this.label} ` : this.label);
    this.label = undefined;
  }

  /** Count against the budget a cell's kept value, more text of a merged cell, or a merged range. */
  private charge(t: OpenTable, col: number, what: 'value' | 'more' | 'merge', chars = 0): void {
    const where = (): string => {
      this.limitAt = { file: this.file, table: t.index + 1, row: t.row, column: col };
      return `第 ${t.index + 1} 个表格 第 ${t.row} 行 第 ${col} 列`;
    };
    if (what === 'merge') this.budget.merge(where);
    else if (what === 'more') this.budget.more(chars, where);
    else this.budget.take(chars, where);
  }

  /** The w:val attribute of a tag, if it has one. */
  private val(s: string, from: number, to: number): string | undefined {
    let value: string | undefined;
    eachAttr(s, from, to, (name, v) => {
      if (name === 'val' || name.endsWith(':val')) value = v;
    });
    return value;
  }

  private get table(): OpenTable | undefined {
    return this.stack[this.stack.length - 1];
  }

  private get cell(): PendingCell | undefined {
    return this.table?.cell;
  }

  protected open(name: string, s: string, from: number, to: number, self: boolean): void {
    if (this.skip > 0) {
      if (!self) this.skip++;
      // A text box inside a drawing (and its VML fallback) holds text, and sometimes a table, of its own.
      if (name === 'txbxContent') this.unread('文本框');
      return;
    }
    const t = this.table;
    const cell = t?.cell;
    switch (name) {
      case 'tbl':
        this.openTable();
        return;
      case 'tr':
        if (t && !cell) {
          t.row++;
          if (t.row > TABLE_LIMITS.maxRows) throw tooComplex(this.file, `的第 ${t.index + 1} 个表格超过 ${TABLE_LIMITS.maxRows} 行`, `${TABLE_LIMITS.maxRows} 行`);
          t.col = 1;
          t.rowDeleted = false;
          t.previous = undefined;
          t.previousKept = false;
          t.previousMerge = false;
        }
        return;
      case 'trPr':
        if (t && !cell) this.inTrPr = !self;
        return;
      case 'gridBefore':
        if (this.inTrPr && t) t.col += Math.max(0, Math.min(Number(this.val(s, from, to) ?? 0) || 0, TABLE_LIMITS.maxColumns));
        return;
      case 'tc':
        if (t && !cell) {
          if (t.rowDeleted) {
            // A row deleted with changes tracked is gone once they are accepted.
            if (!self) this.skip = 1;
            return;
          }
          t.cell = { col: t.col, span: 1, parts: [], lines: [], line: '', kept: 0, dropped: 0, breaks: 0 };
          if (self) this.closeCell(t);
        }
        return;
      case 'tcPr':
        if (cell) this.inTcPr = !self;
        return;
      case 'gridSpan':
        if (this.inTcPr && cell) cell.span = Math.max(1, Math.min(Number(this.val(s, from, to) ?? 1) || 1, TABLE_LIMITS.maxColumns));
        return;
      case 'cellDel':
        if (this.inTcPr && cell) cell.deleted = true;
        return;
      case 'numId':
        if (this.inPPr) this.numId = this.val(s, from, to);
        return;
      case 'ilvl':
        if (this.inPPr) this.ilvl = Number(this.val(s, from, to) ?? 0) || 0;
        return;
      case 'altChunk': {
        let id = '';
        eachAttr(s, from, to, (n, v) => {
          if (n === 'id' || n.endsWith(':id')) id = v;
        });
        this.altChunks.push({ id, tablesBefore: this.tables.length });
        if (cell) this.unread('嵌入的文档（altChunk）');
        if (!self) this.skip = 1;
        return;
      }
      case 'vMerge':
      case 'hMerge':
        if (this.inTcPr && cell) cell[name] = this.val(s, from, to) === 'restart' ? 'restart' : 'continue';
        return;
      case 'pPr':
        this.inPPr = !self;
        return;
      case 'rPr':
        this.inRPr = !self;
        return;
      case 'r':
        this.inRun = !self;
        this.runHidden = false;
        return;
      case 'vanish':
        if (this.inRun && this.inRPr && !this.inPPr && !OFF.has(this.val(s, from, to) ?? '')) this.runHidden = true;
        return;
      case 'p':
        this.markDeleted = false;
        this.numId = undefined;
        this.ilvl = 0;
        this.label = undefined;
        return;
      case 'sdt':
        this.sdts.push(false);
        return;
      case 'showingPlcHdr':
        if (this.sdts.length && !OFF.has(this.val(s, from, to) ?? '')) this.sdts[this.sdts.length - 1] = true;
        return;
      case 'sdtContent':
        // The grey “单击或点击此处输入文字” of an empty content control is not a value.
        if (cell && this.sdts[this.sdts.length - 1] && !self) this.skip = 1;
        return;
    }
    if (name === 'del' && this.inTrPr && t) {
      t.rowDeleted = true;
      t.row--;
      return;
    }
    if (name === 'del' && this.inPPr && this.inRPr) {
      this.markDeleted = true;
      return;
    }
    if (SKIPPED.has(name)) {
      if (!self) this.skip = 1;
      return;
    }
    if (!cell || !this.inRun) return;
    if (name === 't') {
      // Hidden text is captured too, to be named (text() keeps it apart).
      this.capturing = !self;
      return;
    }
    if (this.runHidden) return;
    switch (name) {
      case 'sym': {
        let font = '';
        let char = '';
        eachAttr(s, from, to, (n, v) => {
          if (n === 'font' || n.endsWith(':font')) font = v;
          else if (n === 'char' || n.endsWith(':char')) char = v;
        });
        const shown = symbolText(font, char);
        if (shown !== undefined) {
          this.flushLabel(cell, true);
          addText(cell, shown);
        } else this.unread(`“${font}”字体的符号 ${char}`);
        return;
      }
      case 'br':
      case 'cr':
        newLine(cell);
        return;
      case 'tab':
      case 'ptab':
        addText(cell, ' ');
        return;
      case 'noBreakHyphen':
        addText(cell, '-');
        return;
    }
  }

  protected close(name: string): void {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    const t = this.table;
    switch (name) {
      case 't':
        this.capturing = false;
        return;
      case 'r':
        this.inRun = false;
        this.runHidden = false;
        return;
      case 'rPr':
        this.inRPr = false;
        return;
      case 'pPr':
        this.inPPr = false;
        // The paragraph's list number counts whether or not it is in a table; a cell shows it.
        if (this.numId !== undefined && this.numId !== '0' && this.numbering) this.label = this.numbering.next(this.numId, this.ilvl);
        return;
      case 'trPr':
        this.inTrPr = false;
        return;
      case 'tcPr':
        this.inTcPr = false;
        return;
      case 'p': {
        const cell = t?.cell;
        if (cell) this.flushLabel(cell, false);
        this.label = undefined;
        // A paragraph whose mark was deleted runs on into the next one.
        if (cell && !this.markDeleted) newLine(cell);
        this.markDeleted = false;
        return;
      }
      case 'tc':
        if (t?.cell) this.closeCell(t);
        return;
      case 'tr':
        // A vertical merge not continued in this row has ended; the row's cells are settled.
        if (t && !t.cell) settleRow(t);
        return;
      case 'tbl':
        if (t && !t.cell) this.stack.pop();
        return;
      case 'sdt':
        this.sdts.pop();
        return;
    }
  }

  protected text(text: string): void {
    const cell = this.cell;
    if (!cell) return;
    if (this.runHidden) {
      if ((cell.hidden?.length ?? 0) < 40) cell.hidden = (cell.hidden ?? '') + text.slice(0, 40);
      return;
    }
    this.flushLabel(cell, true);
    addText(cell, text);
  }

  private openTable(): void {
    if (this.tables.length >= TABLE_LIMITS.maxTables) throw tooComplex(this.file, `有超过 ${TABLE_LIMITS.maxTables} 个表格`, TABLE_LIMITS.maxTables);
    if (this.stack.length >= TABLE_LIMITS.maxNesting) throw tooComplex(this.file, `中的表格嵌套超过 ${TABLE_LIMITS.maxNesting} 层`, `${TABLE_LIMITS.maxNesting} 层`);
    const index = this.tables.length;
    const table: BuiltTable = { cells: [] };
    const outer = this.table;
    const holder = outer?.cell;
    if (outer && holder) {
      table.parent = outer.index;
      const before = takeText(holder);
      if (before !== '') holder.parts.push(before);
      holder.parts.push({ table: index });
    }
    this.tables.push(table);
    this.stack.push({ index, table, row: 0, col: 1, rowDeleted: false, vertical: new Map(), previousKept: false, previousMerge: false, settled: 0, verticalAt: new Map(), pool: this.pool });
  }

  private closeCell(t: OpenTable): void {
    const pending = t.cell!;
    t.cell = undefined;
    this.inTcPr = false;
    placeCell(t, pending, this.file, (col, what, chars) => this.charge(t, col, what, chars));
  }

  /** The tables once the part has ended. */
  result(): BuiltTable[] {
    this.finish();
    return this.tables;
  }
}
