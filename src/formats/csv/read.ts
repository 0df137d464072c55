// The .csv reader: the text decoded a megabyte at a time (UTF-8 or UTF-16 by their BOM, UTF-8 when it is
// valid, else GBK/GB18030 — what Excel and WPS on a Chinese Windows PC save), parsed as written
// (parse.ts: every value text, nothing evaluated or retyped), and the rows read as one worksheet named
// after the file, as Excel names it: cells keep their A1 addresses (目录.csv › 目录!D5). A value that
// Excel or WPS would run as a formula when the clerk opens the file (=1+1, =HYPERLINK(…), @SUM(…),
// +A1) is kept as its text and pointed out (csv-formula).
import { gridLayouts } from '../../layouts/index.js';
import type { Doc } from '../../model/list.js';
import type { Profile } from '../../settings/columns.js';
import { MAX_CELL_CHARS } from '../../settings/limits.js';
import { a1 } from '../../findings/location.js';
import { finding, ZwgkError, type Finding } from '../../findings/finding.js';
import { ReadBudget, ReadLimitError, tooLarge } from '../../grid/limits.js';
import { flatRows, sheetGrid } from '../../grid/grid.js';
import { assembleCatalog, type GridSheet } from '../../grid/assemble.js';
import { readGrid } from '../../grid/read/index.js';
import { looksLikeZip } from '../ooxml/zip.js';
import { guessContent } from '../sniff.js';
import type { ReadOptions } from '../types.js';
import { CsvParser, sniffDelimiter } from './parse.js';

const CHUNK = 1024 * 1024;

/** The encoding to decode with: a BOM's, else UTF-8 when every byte fits it, else GB18030 (GBK's superset). */
function encodingOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const check = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let at = 0; at < bytes.length; at += CHUNK) check.decode(bytes.subarray(at, at + CHUNK), { stream: true });
    check.decode();
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** The text a file holds, a piece at a time. */
function* pieces(bytes: Uint8Array, encoding: string): Generator<string> {
  const decoder = new TextDecoder(encoding);
  for (let at = 0; at < bytes.length; at += CHUNK) yield decoder.decode(bytes.subarray(at, at + CHUNK), { stream: true });
  yield decoder.decode();
}

/** Why bytes named .csv are not CSV text, if they are not (a workbook or other binary file renamed). */
function notText(bytes: Uint8Array, encoding: string): string | undefined {
  if (looksLikeZip(bytes)) return '文件内容是 zip 压缩包（很可能是 .xlsx 工作簿或 Word 文档），只是扩展名为 .csv。请把扩展名改回原来的（如 .xlsx）';
  if (encoding.startsWith('utf-16')) return undefined;
  const guess = guessContent(bytes);
  if (guess === 'pdf') return '文件内容是 PDF 文档，只是扩展名为 .csv';
  if (guess === 'binary') return '文件含有二进制数据，不是 CSV 文本（可能是旧版 .xls 工作簿改了扩展名）。请在 Excel 或 WPS 中打开并另存为“Excel 工作簿(*.xlsx)”';
  return undefined;
}

/** A value Excel or WPS would take as a formula when opening the CSV: = or @ first, or + or - before something that is not a plain number. */
export function formulaLead(text: string): string | undefined {
  const lead = text[0];
  if (lead === '=' || lead === '@') return text.length > 1 ? lead : undefined;
  if ((lead === '+' || lead === '-') && text.length > 1 && !/^[+-]\s*[\d.,]*\d[\d.,]*%?$/.test(text) && !/^[+-]+$/.test(text)) return lead;
  return undefined;
}

const sample = (text: string): string => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** The sheet name Excel gives a CSV file: its name without folder and extension. */
function sheetName(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Read a .csv file's bytes into one catalog, a megabyte at a time. */
export async function readCsv(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<Doc> {
  const forced: Profile | undefined = options.profile && options.profile !== 'auto' ? options.profile : undefined;
  const lists = gridLayouts(options);
  const name = sheetName(file);
  if (options.sheet !== undefined && options.sheet !== name) throw new ZwgkError('sheet-not-found', { file }, { file, sheet: options.sheet, sheets: `“${name}”` });
  const encoding = encodingOf(bytes);
  const refused = notText(bytes, encoding);
  if (refused) throw new ZwgkError('not-a-csv', { file }, { file, detail: refused });
  const budget = options.budget ?? new ReadBudget();
  const found: Finding[] = [];
  let parser: CsvParser | undefined;
  try {
    let first = true;
    for (const text of pieces(bytes, encoding)) {
      let piece = text;
      if (first) {
        first = false;
        const { delimiter, skip } = sniffDelimiter(piece);
        piece = piece.slice(skip);
        parser = new CsvParser(delimiter, MAX_CELL_CHARS, (row, col, length) => budget.take(length, () => a1(row, col)));
      }
      parser!.feed(piece);
      // Between pieces the event loop runs: Ctrl-C is heard during a long read.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    parser!.end();
  } catch (cause) {
    if (cause instanceof ReadLimitError) throw tooLarge(file, cause, { file, sheet: name, cell: cause.place }, `工作表“${name}”`);
    throw cause;
  }
  const { rows, facts } = parser!;
  const grid = sheetGrid(file, name, () => flatRows(rows), []);
  for (const c of facts.long) found.push(finding('cell-truncated', grid.at(c.row, c.col), { length: c.length, limit: MAX_CELL_CHARS, why: 'Excel 打开这个 CSV 文件时也只保留这么多' }));
  if (facts.unclosed) found.push(finding('csv-quote-unclosed', grid.at(facts.unclosed.row, facts.unclosed.col), { length: facts.unclosed.length }));
  rows.numbers.forEach((row, k) => {
    for (let i = rows.starts[k]!; i < rows.starts[k + 1]!; i++) {
      const text = rows.texts[i]!;
      const lead = formulaLead(text);
      if (lead) found.push(finding('csv-formula', grid.at(row, rows.cols[i]!), { lead, text: sample(text) }));
    }
  });
  let items = 0;
  const onItem = (): void => {
    items++;
    if (options.onProgress && items % 500 === 0) options.onProgress(items);
  };
  const sheet: GridSheet = { name, hidden: false, hasContent: rows.numbers.length > 0, findings: found };
  if (sheet.hasContent) sheet.result = readGrid(grid, { forced, onItem, ...lists });
  options.onProgress?.(items, 1);
  return assembleCatalog(file, [sheet], forced, options.sheet !== undefined, undefined, lists.layout);
}
