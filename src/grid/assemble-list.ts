// The grids of a source that hold a list of another layout (src/layouts) into one ListDoc: the grids of the
// first list's layout appended in order, every other grid reported with the block of cells it held.
import { normaliseName } from '../model/names.js';
import type { Finding } from '../findings/finding.js';
import { finding, sortFindings, ZwgkError } from '../findings/finding.js';
import { keepOther } from './read/other-sheet.js';
import type { SourceRef } from '../findings/location.js';
import type { ListDoc } from '../model/list.js';
import { carryDownList } from '../model/normalize-list.js';
import type { GridSheet, TableSource } from './sheet.js';

/** Put the list grids together (the first list sheet's layout decides) and report what was left out. */
export function assembleList(file: string, sheets: readonly GridSheet[], tables?: TableSource): ListDoc {
  const first = sheets.find((s) => s.result?.list)!;
  const layout = first.result!.list!.header.layout;
  const doc: ListDoc = { kind: 'list', layout, profile: layout.name, file, items: [], extraColumns: [], missingColumns: [], findings: [], sources: [] };
  const other: Finding[] = [];
  const whole = (s: GridSheet): SourceRef => s.at ?? { file, sheet: s.name };
  const notes: string[] = [];
  const prefaces: string[] = [];
  let readAny = false;
  const absentSaid = new Set<string>();
  for (const sheet of sheets) {
    const result = sheet.result;
    if (sheet.findings) other.push(...sheet.findings);
    const list = result?.list;
    const kindName = list ? list.header.layout.name : result?.header ? result.header.looksLike : undefined;
    if (!list || list.header.layout.id !== layout.id) {
      if (!sheet.hasContent || (result && !result.extent && !kindName)) continue;
      const at = result?.extentAt ?? whole(sheet);
      if (kindName) {
        // One list has one layout: a sheet of another would be lost in every output, so the file is refused.
        if (tables) throw new ZwgkError('table-other-layout', at, { file, table: sheet.name, actual: kindName, first: first.name, expected: layout.name, how: '' });
        throw new ZwgkError('sheet-other-layout', at, { file, sheet: sheet.name, actual: kindName, first: first.name, expected: layout.name, how: '' });
      } else {
        const count = result?.extent?.count ?? 0;
        if (tables) other.push(finding('table-ignored', at, { table: sheet.name, count, sample: sheet.sample ?? '' }));
        else other.push(finding(sheet.hidden ? 'hidden-sheet-ignored' : 'sheet-ignored', at, { sheet: sheet.name, count }));
        keepOther(doc, sheet.name, sheet.hidden, result?.otherCells);
      }
      continue;
    }
    const offset = doc.items.length;
    doc.items.push(...list.items);
    for (const f of result!.findings) doc.findings.push(f.item === undefined ? f : { ...f, item: f.item + offset });
    doc.sources!.push(...result!.sources);
    // The layout's own title is what the renderer writes for a list without one: not the user's text.
    if (!readAny && result!.title && result!.title !== layout.print.title) doc.title = result!.title;
    if (doc.unit === undefined && result!.unit) doc.unit = result!.unit;
    if (doc.date === undefined && result!.date) doc.date = result!.date;
    if (readAny && result!.title && normaliseName(result!.title) !== normaliseName(doc.title ?? '')) {
      const at = result!.sources.find((s) => s.role === 'title')?.at ?? whole(sheet);
      const params = { what: '标题', text: result!.title, kept: doc.title ?? layout.print.title };
      prefaces.push(`${tables ? sheet.name : `工作表“${sheet.name}”`}的标题：${result!.title}`);
      other.push(tables ? finding('table-heading-differs', at, { table: sheet.name, ...params }) : finding('sheet-heading-differs', at, { sheet: sheet.name, ...params }));
    }
    readAny = true;
    if (result!.note !== undefined) notes.push(result!.note);
    if (result!.preface !== undefined) prefaces.push(result!.preface);
    for (const c of list.header.columns) if (c.kind === 'extra' && !doc.extraColumns.includes(c.label)) doc.extraColumns.push(c.label);
    if (list.items.some((i) => i.extra['分组']) && !doc.extraColumns.includes('分组')) doc.extraColumns.push('分组');
    for (const k of list.blankColumns) if (!doc.extraColumns.includes(k)) doc.extraColumns.push(k);
    for (const key of list.header.missing) {
      if (doc.missingColumns.includes(key)) continue;
      doc.missingColumns.push(key);
      const field = layout.columns.find((c) => c.key === key)!.label;
      doc.findings.push(finding('missing-column', list.header.firstAt, { field, hint: '' }, { field }));
    }
    for (const key of list.header.absent) {
      if (doc.missingColumns.includes(key) || absentSaid.has(key)) continue;
      absentSaid.add(key);
      const c = layout.columns.find((x) => x.key === key)!;
      doc.findings.push(finding('column-absent', list.header.firstAt, { field: c.label, why: c.description ? `${c.description}。` : '' }, { field: c.label }));
    }
    for (const [key, labels] of Object.entries(list.header.options)) (doc.options ??= {})[key] ??= labels;
  }
  if (notes.length) doc.note = notes.join('\n');
  if (prefaces.length) doc.preface = prefaces.join('\n');
  doc.findings.push(...other);
  carryDownList(doc);
  sortFindings(doc.findings);
  return doc;
}
