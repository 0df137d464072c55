// Several grids (the sheets of a workbook, the tables of a page or Word document) into one catalog:
// the catalog grids appended in order, and every grid left out reported with the block of cells it held.
import { DEFAULT_TITLE, GROUP_COLUMN, NOTE_2017 } from '../settings/texts.js';
import { HEADER_SEARCH_ROWS } from '../settings/limits.js';
import type { FieldKey, Profile } from '../settings/columns.js';
import { normaliseName } from '../model/names.js';
import type { Catalog, CatalogOptions } from '../model/types.js';
import type { SourceRef } from '../findings/location.js';
import { carryDown } from '../model/normalize.js';
import { packItem } from '../model/packed.js';
import { ZwgkError, finding, sortFindings, type Finding } from '../findings/finding.js';
import type { SheetResult } from './read/index.js';
import type { Doc } from '../model/list.js';
import type { Layout } from '../layouts/types.js';
import { assembleList } from './assemble-list.js';
import { keepOther } from './read/other-sheet.js';

const same = (a: string | undefined, b: string | undefined): boolean => normaliseName(a ?? '') === normaliseName(b ?? '');

/** What a later sheet's title (or 编制单位 line) says that the catalog's does not, if anything. */
function headingDiffers(catalog: Catalog, result: SheetResult, role: 'title' | 'meta'): { what: string; text: string; kept: string } | undefined {
  if (role === 'title') {
    if (same(result.title ?? DEFAULT_TITLE, catalog.title ?? DEFAULT_TITLE)) return undefined;
    return { what: '标题', text: result.title ?? DEFAULT_TITLE, kept: catalog.title ?? DEFAULT_TITLE };
  }
  if (result.unit !== undefined && catalog.unit !== undefined && !same(result.unit, catalog.unit)) return { what: '编制单位', text: result.unit, kept: catalog.unit };
  if (result.date !== undefined && catalog.date !== undefined && !same(result.date, catalog.date)) return { what: '日期', text: result.date, kept: catalog.date };
  return undefined;
}

export type { GridSheet, TableSource } from './sheet.js';
import type { GridSheet, TableSource } from './sheet.js';

/**
 * Put the grids together in source order and report what was left out. `picked`: one grid was asked
 * for by name (--sheet). Throws workbook-empty, no-catalog-header or profile-mismatch.
 */
export function assembleCatalog(file: string, sheets: readonly GridSheet[], forced: Profile | undefined, picked: boolean, tables?: TableSource, layout?: Layout): Doc {
  if (tables && sheets.length === 0) throw new ZwgkError('no-tables', { file }, { file, what: tables.what });
  if (!sheets.some((s) => s.hasContent) && !picked && !tables) throw new ZwgkError('workbook-empty', { file }, { file });
  const firstRead = sheets.find((s) => s.result?.header || s.result?.list);
  if (firstRead?.result?.list) return assembleList(file, sheets, tables);
  if (layout) {
    const needed = layout.columns.filter((c) => c.required).map((c) => `“${c.label}”`).join('');
    const near = sheets.find((s) => s.result?.near)?.result?.near;
    throw new ZwgkError('no-list-header', { file }, { file, layout: layout.name, needed, close: near ? `最接近的表头：${near}。` : '' });
  }
  const withHeader = sheets.filter((s) => s.result?.header);
  if (withHeader.length === 0) {
    const other = sheets.find((s) => s.result?.otherKind);
    if (other) {
      const where = tables ? `${other.name}` : `工作表“${other.name}”`;
      const { kind, words } = other.result!.otherKind!;
      throw new ZwgkError('other-list-kind', other.at ?? { file, sheet: other.name }, { file, where, kind, words: words.map((w) => `“${w}”`).join('') });
    }
    // The sheet that came closest says what it has and what it lacks (not the default list of columns).
    const close = sheets.find((s) => s.result?.nearHeader);
    const hint = close?.result?.nearHeader;
    const needed = hint?.needed ?? '需要“名称/二级事项”“公开内容”等列名';
    const near = hint ? `${tables ? close!.name : `工作表“${close!.name}”`}${hint.near}` : '';
    if (tables) throw new ZwgkError('no-catalog-table', { file }, { file, count: sheets.length, rows: HEADER_SEARCH_ROWS, needed, near });
    throw new ZwgkError('no-catalog-header', { file }, { file, rows: HEADER_SEARCH_ROWS, needed, near });
  }
  const looks = (s: GridSheet): Profile => s.result!.header!.looksLike;
  const whole = (s: GridSheet): SourceRef => s.at ?? { file, sheet: s.name };
  if (forced && withHeader.every((s) => looks(s) !== forced)) {
    throw new ZwgkError('profile-mismatch', whole(withHeader[0]!), { file, actual: looks(withHeader[0]!), expected: forced });
  }
  const firstSheet = withHeader.find((s) => !forced || looks(s) === forced)!;
  const profile = firstSheet.result!.header!.profile;

  const catalog: Catalog = { profile, file, items: [], extraColumns: [], missingColumns: [], findings: [], sources: [] };
  let absentOptional: FieldKey[] | undefined;
  let ungrouped: boolean | undefined;
  const options: CatalogOptions = {};
  const notes: string[] = [];
  const prefaces: string[] = [];
  const other: Finding[] = [];
  let readAny = false;
  for (const sheet of sheets) {
    const result = sheet.result;
    if (sheet.findings) other.push(...sheet.findings);
    if (!result?.header) {
      // A worksheet of blank cells holds nothing to report; a chart sheet is reported as it is.
      if (sheet.hasContent && (!result || result.extent)) {
        const at = result?.extentAt ?? whole(sheet);
        const count = result?.extent?.count ?? 0;
        if (tables) other.push(finding('table-ignored', at, { table: sheet.name, count, sample: sheet.sample ?? '' }));
        else other.push(finding(sheet.hidden ? 'hidden-sheet-ignored' : 'sheet-ignored', at, { sheet: sheet.name, count }));
        keepOther(catalog, sheet.name, sheet.hidden, sheet.result?.otherCells);
      }
      continue;
    }
    const layout = forced ? result.header.looksLike : result.header.profile;
    if (layout !== (forced ?? profile)) {
      const at = result.extentAt ?? whole(sheet);
      // One catalog has one layout: a sheet of the other would be lost in every output, so the file is
      // refused — unless the user asked for one layout (--profile), and is told what was left out.
      if (forced) {
        other.push(finding('sheet-other-layout-skipped', at, { place: tables ? sheet.name : `工作表“${sheet.name}”`, actual: layout, expected: forced }));
        continue;
      }
      const how = `（命令行也可以加 --profile ${layout} 或 --profile ${profile}，只读其中一种版式的${tables ? '表格' : '工作表'}）`;
      if (tables) throw new ZwgkError('table-other-layout', at, { file, table: sheet.name, actual: layout, first: firstSheet.name, expected: profile, how });
      throw new ZwgkError('sheet-other-layout', at, { file, sheet: sheet.name, actual: layout, first: firstSheet.name, expected: profile, how });
    }
    const offset = catalog.items.length;
    // The reader packs each item when the next begins (model/packed.ts); the last one is complete now.
    for (const item of result.items) catalog.items.push(item);
    if (result.items.length) packItem(result.items[result.items.length - 1]!);
    for (const f of result.findings) catalog.findings.push(f.item === undefined ? f : { ...f, item: f.item + offset });
    catalog.sources!.push(...result.sources);
    // A later sheet's own title or 编制单位 line cannot go into a catalog that has one of each: said so.
    for (const src of result.sources) {
      if ((src.role !== 'title' && src.role !== 'meta') || !readAny) continue;
      const heading = headingDiffers(catalog, result, src.role);
      // Kept, never dropped: a line of the 表前说明 that says whose it is.
      if (heading) prefaces.push(`${tables ? sheet.name : `工作表“${sheet.name}”`}的${heading.what}：${heading.text}`);
      if (heading && tables) other.push(finding('table-heading-differs', src.at, { table: sheet.name, ...heading }));
      else if (heading) other.push(finding('sheet-heading-differs', src.at, { sheet: sheet.name, ...heading }));
    }
    if (!readAny && result.title) catalog.title = result.title;
    if (catalog.unit === undefined && result.unit) catalog.unit = result.unit;
    if (catalog.date === undefined && result.date) catalog.date = result.date;
    readAny = true;
    if (result.note !== undefined) notes.push(result.note);
    if (result.preface !== undefined) prefaces.push(result.preface);
    for (const c of result.header.columns) if (c.kind === 'extra' && !catalog.extraColumns.includes(c.label)) catalog.extraColumns.push(c.label);
    // 分组 from section headings (grid/read/rows.ts) is a column too, after the sheet's own.
    if (!catalog.extraColumns.includes(GROUP_COLUMN) && result.items.some((i) => i.extra[GROUP_COLUMN] !== undefined)) catalog.extraColumns.push(GROUP_COLUMN);
    for (const key of result.header.missing) if (!catalog.missingColumns.includes(key)) catalog.missingColumns.push(key);
    ungrouped = ungrouped !== false && result.header.ungrouped;
    // An optional column counts as absent only when no sheet has it, or its values would be dropped.
    absentOptional = absentOptional === undefined ? [...result.header.absentOptional] : absentOptional.filter((k) => result.header!.absentOptional.includes(k));
    for (const [k, v] of Object.entries(result.options) as [keyof CatalogOptions, string[]][]) if (!options[k]) options[k] = v;
  }
  // The standard 注 is what the renderer writes when a catalog has none; it is not the user's text.
  if (notes.length && !(notes.length === 1 && notes[0]!.trim() === NOTE_2017)) catalog.note = notes.join('\n');
  if (prefaces.length) catalog.preface = prefaces.join('\n');
  for (const key of absentOptional ?? []) if (!catalog.missingColumns.includes(key)) catalog.missingColumns.push(key);
  // Every sheet read names its items by one 公开事项 column: no 一级事项 is asked for (else it is, per sheet).
  if (ungrouped === true && !catalog.missingColumns.includes('category')) {
    catalog.ungrouped = true;
    catalog.missingColumns.push('category');
  }
  if (Object.keys(options).length) catalog.options = options;
  catalog.findings.push(...other);
  carryDown(catalog);
  sortFindings(catalog.findings);
  return catalog;
}

