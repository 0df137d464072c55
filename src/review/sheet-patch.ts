// One worksheet part of the 科室's workbook, marked for review: the marked cells get a copy of their own
// style with the severity's fill (a marked cell the sheet does not hold, e.g. a blank required cell,
// is added empty to its row), the sheet points at its comments' drawing (<legacyDrawing>), and its page
// setup prints the comments at the end. Every other byte of the sheet stays as it was: values, formulas,
// merges, widths, views, validations.
import type { Severity } from '../findings/severity.js';
import { tagEnd } from '../formats/ooxml/xml-scanner.js';
import { parseRef, rootPrefix, scanSheet } from '../fix/xlsx-cells.js';
import type { StylePatch } from './styles.js';

const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Worksheet children that come after <legacyDrawing> in the schema's order (it goes before the first present). */
const AFTER_LEGACY = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
/** Worksheet children that come after <pageSetup>. */
const AFTER_PAGE_SETUP = ['headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', ...AFTER_LEGACY];

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** A row element of sheetData: where it opens and ends, its number and its style. */
interface RowEl {
  r: number;
  start: number;
  openEnd: number;
  end: number;
  self: boolean;
  openTag: string;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** The rows of sheetData, in order; undefined when a row has no r (its number cannot be told safely). */
function scanRows(xml: string, p: string, from: number, to: number): RowEl[] | undefined {
  const rows: RowEl[] = [];
  const re = new RegExp(`<${p}row(?=[\\s/>])`, 'g');
  re.lastIndex = from;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    const gt = tagEnd(xml, m.index + 1);
    if (gt < 0) return undefined;
    const openTag = xml.slice(m.index, gt + 1);
    const self = xml.charCodeAt(gt - 1) === 47;
    const end = self ? gt + 1 : xml.indexOf(`</${p}row>`, gt) + `</${p}row>`.length;
    const r = Number(attr(openTag, 'r'));
    if (!Number.isInteger(r) || r < 1 || end < gt) return undefined;
    rows.push({ r, start: m.index, openEnd: gt + 1, end, self, openTag });
    re.lastIndex = end;
  }
  return rows;
}

/** The column styles of <cols> (min..max → style), for a cell added to a column that has one. */
function columnStyles(xml: string, p: string): { min: number; max: number; style: number }[] {
  const out: { min: number; max: number; style: number }[] = [];
  for (const m of xml.matchAll(new RegExp(`<${p}col\\s[^>]*>`, 'g'))) {
    const style = Number(attr(m[0], 'style') ?? 0);
    if (style) out.push({ min: Number(attr(m[0], 'min')), max: Number(attr(m[0], 'max')), style });
  }
  return out;
}

/** A start tag with the attribute set (replaced when present, else added after the element name's attributes). */
function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
}

/** Where a new child element goes: before the first present element of `after`, else before the root's end tag. */
function insertPoint(xml: string, p: string, after: readonly string[]): number {
  let at = -1;
  for (const name of after) {
    const m = new RegExp(`<${p}${name}(?=[\\s/>])`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  return at >= 0 ? at : xml.lastIndexOf(`</${p}worksheet>`);
}

function applySplices(xml: string, splices: Splice[]): string {
  splices.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let last = 0;
  for (const s of splices) {
    out += xml.slice(last, s.start) + s.text;
    last = s.end;
  }
  return out + xml.slice(last);
}

/** What marking a sheet did: the new XML, and the marked cells whose fill could not be set (named in the list sheet). */
export interface MarkedSheet {
  xml: string;
  unfilled: string[];
}

/**
 * Mark a sheet's cells (canonical A1 refs → severity) with fills, point it at its comments drawing when
 * `legacyRid` is given, and print its comments at the end of the sheet.
 */
export function markSheet(xml: string, marks: ReadonlyMap<string, Severity>, styles: StylePatch, legacyRid: string | undefined, earlier: ReadonlyMap<number, number> = new Map()): MarkedSheet {
  const p = rootPrefix(xml, 'worksheet');
  const splices: Splice[] = [];
  const unfilled: string[] = [];
  const { cells, noRef } = scanSheet(xml, p, new Set(marks.keys()));
  const sdMatch = new RegExp(`<${p}sheetData(?=[\\s/>])[^>]*>`).exec(xml);
  const sdSelf = !!sdMatch && sdMatch[0].endsWith('/>');
  const sdFrom = sdMatch ? sdMatch.index + sdMatch[0].length : -1;
  const sdEnd = sdMatch && !sdSelf ? xml.indexOf(`</${p}sheetData>`, sdFrom) : sdFrom;
  const rows = noRef || !sdMatch ? undefined : scanRows(xml, p, sdFrom, sdEnd);
  const colStyles = columnStyles(xml, p);
  const missing = new Map<number, { col: number; xml: string }[]>();
  for (const [ref, severity] of marks) {
    const cell = cells.get(ref);
    if (cell) {
      const own = Number(cell.sRaw ?? 0) || 0;
      const s = styles.markedStyle(earlier.get(own) ?? own, severity);
      const gt = tagEnd(xml, cell.start + 1);
      splices.push({ start: cell.start, end: gt + 1, text: setAttr(xml.slice(cell.start, gt + 1), 's', String(s)) });
      continue;
    }
    const at = parseRef(ref);
    if (!rows || !at) {
      unfilled.push(ref);
      continue;
    }
    const row = rows.find((r) => r.r === at.row);
    const rowStyle = row && attr(row.openTag, 'customFormat') === '1' ? Number(attr(row.openTag, 's') ?? 0) : 0;
    const base = rowStyle || colStyles.find((c) => c.min <= at.col && at.col <= c.max)?.style || 0;
    const s = styles.markedStyle(base, severity);
    missing.set(at.row, [...(missing.get(at.row) ?? []), { col: at.col, xml: `<${p}c r="${ref}" s="${s}"/>` }]);
  }
  // Cells an earlier review filled and that have no finding now get back the style they had.
  if (earlier.size && sdMatch && !sdSelf) {
    const re = new RegExp(`<${p}c(?=[\\s/>])[^>]*>`, 'g');
    re.lastIndex = sdFrom;
    for (let m = re.exec(xml); m && m.index < sdEnd; m = re.exec(xml)) {
      const base = earlier.get(Number(attr(m[0], 's') ?? -1));
      const ref = parseRef(attr(m[0], 'r') ?? '')?.ref;
      if (base === undefined || !ref || marks.has(ref)) continue;
      splices.push({ start: m.index, end: m.index + m[0].length, text: setAttr(m[0], 's', String(base)) });
    }
  }
  const selfRows: string[] = [];
  for (const [r, added] of [...missing].sort((a, b) => a[0] - b[0])) {
    added.sort((a, b) => a.col - b.col);
    const row = rows!.find((x) => x.r === r);
    if (!row) {
      // A row the sheet does not hold goes before the first row below it.
      const text = `<${p}row r="${r}">${added.map((a) => a.xml).join('')}</${p}row>`;
      const next = rows!.find((x) => x.r > r);
      if (sdSelf) selfRows.push(text);
      else splices.push({ start: next ? next.start : sdEnd, end: next ? next.start : sdEnd, text });
      continue;
    }
    // spans is a hint of the row's first and last column; dropped rather than left wrong.
    const openTag = row.openTag.replace(/\sspans\s*=\s*("[^"]*"|'[^']*')/, '');
    if (row.self) {
      splices.push({ start: row.start, end: row.end, text: `${openTag.replace(/\s*\/>$/, '>')}${added.map((a) => a.xml).join('')}</${p}row>` });
      continue;
    }
    splices.push({ start: row.start, end: row.openEnd, text: openTag });
    const inner = xml.slice(row.openEnd, row.end);
    const cellCols = [...inner.matchAll(new RegExp(`<${p}c(?=[\\s/>])[^>]*?\\sr\\s*=\\s*["']\\$?([A-Za-z]+)\\$?\\d+`, 'g'))].map((m) => ({
      at: row.openEnd + m.index!,
      col: parseRef(`${m[1]}1`)!.col,
    }));
    for (const a of added) {
      const before = cellCols.find((c) => c.col > a.col);
      const at = before ? before.at : row.end - `</${p}row>`.length;
      splices.push({ start: at, end: at, text: a.xml });
    }
  }
  if (sdSelf && selfRows.length) splices.push({ start: sdMatch!.index, end: sdFrom, text: sdMatch![0].replace(/\s*\/>$/, '>') + selfRows.join('') + `</${p}sheetData>` });
  // Excel and WPS print the comments after the sheet (cellComments="atEnd"). LibreOffice 7.4 takes only
  // "asDisplayed" as printing them, which Excel reads as printing the comments shown on the sheet — ours are
  // hidden, so none; its users export to PDF with comments (test/review/print.test.ts), and the 审核意见
  // sheet prints every finding in every program.
  const setup = new RegExp(`<${p}pageSetup(?=[\\s/>])[^>]*>`).exec(xml);
  if (setup) splices.push({ start: setup.index, end: setup.index + setup[0].length, text: setAttr(setup[0], 'cellComments', 'atEnd') });
  else {
    const at = insertPoint(xml, p, AFTER_PAGE_SETUP);
    splices.push({ start: at, end: at, text: `<${p}pageSetup paperSize="9" orientation="landscape" cellComments="atEnd"/>` });
  }
  if (legacyRid) {
    const at = insertPoint(xml, p, AFTER_LEGACY);
    splices.push({ start: at, end: at, text: `<${p}legacyDrawing xmlns:r="${R_NS}" r:id="${legacyRid}"/>` });
  }
  return { xml: applySplices(xml, splices), unfilled };
}
