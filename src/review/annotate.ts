// The reviewed copy of a workbook, at the zip level (as `fix` does it): every part of the 科室's file is
// copied byte for byte except the few the review adds to — the marked sheets (a fill per marked cell, the
// comments' drawing), styles.xml (new fills and cell styles appended), workbook.xml (the 审核意见 sheet put
// first, its print titles), the relationships and the content types — and the new parts: the 审核意见
// sheet, and for each marked sheet its comments and their VML drawing. Values, merges, styles, hidden
// sheets, validations and whatever else exceljs would lose stay as they were.
import { ZwgkError } from '../findings/finding.js';
import type { Severity } from '../findings/severity.js';
import { SEVERITY_RANK } from '../findings/severity.js';
import { checkedEntries, partPath } from '../formats/ooxml/package.js';
import { parseWorkbook, type SheetPart } from '../formats/xlsx/workbook.js';
import { inflateAll, rawData, ZipFormatError, type ZipEntry } from '../formats/ooxml/zip.js';
import { writeZip, ZipTooLargeError, type ZipPart } from '../formats/ooxml/zip-write.js';
import { COMMENT_AUTHOR, addToCommentsPart, commentRefs, newCommentsPart, newVmlDrawing, syncVmlDrawing, withoutOwnComments, type CellComment } from './comments.js';
import { LIST_HEADER_ROW, LIST_SHEET, listSheetXml, sheetRef, type ListHead, type ListRow } from './list-sheet.js';
import { markSheet } from './sheet-patch.js';
import { StylePatch } from './styles.js';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = {
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
};

/** One marked cell: the most severe finding's severity, and every finding's lines. */
export interface CellNote {
  severity: Severity;
  lines: string[];
}

/** What to add to a workbook: notes by sheet name and A1 cell, and the list sheet. */
export interface Annotation {
  notes: Map<string, Map<string, CellNote>>;
  head: ListHead;
  rows: ListRow[];
}

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** Relationships XML as a list of (Id, Type, Target), and a writer that appends new ones. */
class Rels {
  private readonly added: string[] = [];
  readonly list: { id: string; type: string; target: string }[] = [];
  constructor(private readonly xml: string) {
    for (const m of xml.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)) {
      const get = (n: string) => new RegExp(`\\s${n}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(m[0]);
      const v = (n: string) => { const x = get(n); return x ? (x[1] ?? x[2] ?? '') : ''; };
      this.list.push({ id: v('Id'), type: v('Type'), target: v('Target') });
    }
  }
  /** Add a relationship; returns its new Id (rIdN after the highest used). */
  add(type: string, target: string): string {
    let n = this.list.length + 1;
    while (this.list.some((r) => r.id === `rId${n}`)) n++;
    const id = `rId${n}`;
    this.list.push({ id, type, target });
    this.added.push(`<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`);
    return id;
  }
  get changed(): boolean {
    return this.added.length > 0;
  }
  byType(type: string): { id: string; target: string } | undefined {
    return this.list.find((r) => r.type.endsWith(`/${type}`));
  }
  toString(): string {
    const body = this.added.join('');
    if (!this.xml) return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
    const empty = /<((?:\w+:)?)Relationships\b[^>]*?\s*\/>\s*$/.exec(this.xml);
    if (empty) return this.xml.slice(0, empty.index) + empty[0].replace(/\s*\/>\s*$/, `>${body}</${empty[1]}Relationships>`);
    const end = this.xml.lastIndexOf('</');
    return this.xml.slice(0, end) + body + this.xml.slice(end);
  }
}

/** A name not yet taken in the zip: xl/comments1.xml, xl/comments2.xml … */
function freeName(taken: Set<string>, make: (n: number) => string): string {
  let n = 1;
  while (taken.has(make(n))) n++;
  taken.add(make(n));
  return make(n);
}

/** A sheet name the workbook does not use yet: 审核意见, else 审核意见(2) … */
function freeSheetName(names: readonly string[]): string {
  const lower = new Set(names.map((n) => n.toLowerCase()));
  let name = LIST_SHEET;
  for (let n = 2; lower.has(name.toLowerCase()); n++) name = `${LIST_SHEET}(${n})`;
  return name;
}

/** Add the review to a workbook's bytes: the 审核意见 sheet first, comments and fills at the marked cells. */
export async function annotateWorkbook(input: Uint8Array, file: string, a: Annotation): Promise<Uint8Array> {
  const notWorkbook = (detail: string, cause?: unknown) => new ZwgkError('not-a-workbook', { file }, { file, detail }, { cause });
  const entries = checkedEntries(input, file, { damaged: notWorkbook, encrypted: 'workbook-encrypted' });
  const byName = new Map(entries.map((e) => [e.name, e]));
  const taken = new Set(entries.map((e) => e.name));
  const text = async (name: string): Promise<string> => {
    const e = byName.get(name);
    if (!e) return '';
    try {
      return utf8.decode(await inflateAll(input, e));
    } catch (cause) {
      throw notWorkbook(cause instanceof ZipFormatError ? cause.detail : `${name} 无法解压，文件可能已损坏`, cause);
    }
  };
  const workbookXml = await text('xl/workbook.xml');
  if (!workbookXml) throw notWorkbook('压缩包中没有 xl/workbook.xml，不是 Excel 工作簿');
  const wbRels = new Rels(await text('xl/_rels/workbook.xml.rels'));
  const { sheets } = parseWorkbook(workbookXml, await text('xl/_rels/workbook.xml.rels'));
  let types = await text('[Content_Types].xml');
  const patched = new Map<string, string>();
  const added: { name: string; content: string }[] = [];
  const override = (part: string, type: string) => {
    types = types.replace(/<\/(?:\w+:)?Types>\s*$/, `<Override PartName="/${part}" ContentType="${type}"/>$&`);
  };

  const stylesRel = wbRels.byType('styles');
  const stylesPart = stylesRel ? partPath(stylesRel.target) : undefined;
  const styles = new StylePatch(stylesPart ? await text(stylesPart) : undefined);

  // A workbook zwgk reviewed before (the 科室 corrected the copy they were sent): its list sheet is
  // rewritten in place, its comments replaced, and the fills of cells without a finding now taken back.
  const earlierList = await findOwnListSheet(sheets, text);
  const earlier = earlierList ? styles.earlierMarks() : new Map<number, number>();
  const unselect = (xml: string) => xml.replace(/(<(?:\w+:)?sheetView\s[^>]*?)\s+tabSelected\s*=\s*["'](?:1|true)["']/, '$1');
  let block = 1;
  for (const sheet of sheets) {
    if (sheet.kind !== 'worksheet' || !sheet.part || !byName.has(sheet.part) || sheet === earlierList) continue;
    const notes = a.notes.get(sheet.name) ?? new Map<string, CellNote>();
    let xml = await text(sheet.part);
    const relsName = sheet.part.replace(/([^/]+)$/, '_rels/$1.rels');
    const rels = new Rels(await text(relsName));
    const dir = sheet.part.slice(0, sheet.part.lastIndexOf('/'));
    const own = rels.byType('comments');
    const ownPart = own && byName.has(partPath(own.target, dir)) ? partPath(own.target, dir) : undefined;
    let ownXml = ownPart ? await text(ownPart) : '';
    const hadOurs = ownXml.includes(COMMENT_AUTHOR);
    // Only the 审核意见 sheet is selected when the workbook opens (two selected tabs would group them).
    if (!notes.size && !hadOurs && !earlier.size) {
      if (/<(?:\w+:)?sheetView\s[^>]*tabSelected\s*=\s*["'](?:1|true)["']/.test(xml)) patched.set(sheet.part, unselect(xml));
      continue;
    }
    const comments: CellComment[] = [...notes].map(([ref, n]) => ({ ref, lines: n.lines }));
    const legacy = /<(?:\w+:)?legacyDrawing\s[^>]*?(?:\w+:)?id\s*=\s*["']([^"']+)["']/.exec(xml)?.[1];
    const ownVml = legacy ? rels.list.find((r) => r.id === legacy) : undefined;
    const vmlPart = ownVml && byName.has(partPath(ownVml.target, dir)) ? partPath(ownVml.target, dir) : undefined;
    let legacyRid: string | undefined;
    let refs = comments.map((c) => c.ref);
    if (ownPart) {
      if (hadOurs) ownXml = withoutOwnComments(ownXml);
      ownXml = comments.length ? addToCommentsPart(ownXml, comments).xml : ownXml;
      patched.set(ownPart, ownXml);
      refs = commentRefs(ownXml);
    } else if (comments.length) {
      const part = freeName(taken, (n) => `xl/comments${n}.xml`);
      added.push({ name: part, content: newCommentsPart(comments) });
      override(part, CT.comments);
      rels.add('comments', `../${part.slice(3)}`);
    }
    if (vmlPart) patched.set(vmlPart, syncVmlDrawing(await text(vmlPart), refs, comments));
    else if (comments.length) {
      const part = freeName(taken, (n) => `xl/drawings/vmlDrawing${n}.vml`);
      added.push({ name: part, content: newVmlDrawing(comments, block++) });
      legacyRid = rels.add('vmlDrawing', `../${part.slice(3)}`);
      if (legacy) xml = xml.replace(/<(?:\w+:)?legacyDrawing\s[^>]*\/>/, '');
    }
    const marks = new Map([...notes].map(([ref, n]) => [ref, n.severity]));
    patched.set(sheet.part, unselect(markSheet(xml, marks, styles, legacyRid, earlier).xml));
    if (rels.changed) patched.set(relsName, rels.toString());
  }
  if (!/Extension\s*=\s*["']vml["']/i.test(types)) types = types.replace(/<\/(?:\w+:)?Types>\s*$/, `<Default Extension="vml" ContentType="${CT.vml}"/>$&`);

  // The list sheet, first in the workbook and the one it opens on (where it was, when the workbook has zwgk's).
  const rows = a.rows.map((r) => (r.link && !sheets.some((s) => s.name === r.link!.sheet && s !== earlierList) ? { ...r, link: undefined } : r));
  const listXml = listSheetXml(a.head, rows, styles);
  if (earlierList) {
    patched.set(earlierList.part, listXml);
    patched.set('xl/workbook.xml', openOn(workbookXml, sheets.indexOf(earlierList), earlierList.name));
  } else {
    const listName = freeSheetName(sheets.map((s) => s.name));
    const listPart = freeName(taken, (n) => `xl/worksheets/sheet${n}.xml`);
    added.push({ name: listPart, content: listXml });
    override(listPart, CT.worksheet);
    patched.set('xl/workbook.xml', placeListSheet(workbookXml, listName, wbRels.add('worksheet', listPart.slice(3))));
  }
  if (styles.created) {
    const part = freeName(taken, () => 'xl/styles.xml');
    added.push({ name: part, content: styles.toString() });
    override(part, CT.styles);
    wbRels.add('styles', 'styles.xml');
  } else patched.set(stylesPart!, styles.toString());
  patched.set('xl/_rels/workbook.xml.rels', wbRels.toString());
  patched.set('[Content_Types].xml', types);

  const template = byName.get('xl/workbook.xml')!;
  const parts: ZipPart[] = [];
  for (const e of entries) {
    const content = patched.get(e.name);
    if (content !== undefined) parts.push({ entry: e, content: encoder.encode(content) });
    else {
      try {
        parts.push({ entry: e, raw: rawData(input, e) });
      } catch (cause) {
        throw notWorkbook(cause instanceof ZipFormatError ? cause.detail : `${e.name} 已损坏`, cause);
      }
    }
  }
  const newEntry = (name: string): ZipEntry => ({ ...template, name, nameBytes: encoder.encode(name), flags: 0, extra: new Uint8Array(0), comment: new Uint8Array(0), externalAttrs: 0, internalAttrs: 0 });
  for (const [name] of patched) if (!byName.has(name)) added.push({ name, content: patched.get(name)! });
  for (const n of added) parts.push({ entry: newEntry(n.name), content: encoder.encode(n.content) });
  try {
    return await writeZip(parts);
  } catch (cause) {
    if (!(cause instanceof ZipTooLargeError)) throw cause;
    throw new ZwgkError('workbook-too-large', { file }, { file, part: '审核意见副本', size: `${cause.entries} 个部件`, limit: '4 GB、65535 个部件' }, { cause });
  }
}

/** zwgk's own list sheet in a workbook it reviewed before: named 审核意见 (or 审核意见(2) …) and holding its header. */
async function findOwnListSheet(sheets: readonly SheetPart[], text: (name: string) => Promise<string>): Promise<SheetPart | undefined> {
  for (const s of sheets) {
    if (s.kind !== 'worksheet' || !s.part || !new RegExp(`^${LIST_SHEET}(\\(\\d+\\))?$`).test(s.name)) continue;
    const xml = await text(s.part);
    if (xml.includes('审核日期：') && xml.includes('修改建议')) return s;
  }
  return undefined;
}

/** workbook.xml opening on sheet `index` (zwgk's list sheet kept where it was), its print titles set anew. */
function openOn(xml: string, index: number, name: string): string {
  const p = /<(\w+:)?workbook[\s>]/.exec(xml)?.[1] ?? '';
  let out = xml.replace(/(<(?:\w+:)?workbookView\s[^>]*?)\s+(?:activeTab|firstSheet)\s*=\s*["']\d+["']/g, '$1').replace(/(<(?:\w+:)?workbookView\s[^>]*?)\s+(?:activeTab|firstSheet)\s*=\s*["']\d+["']/g, '$1');
  if (index > 0) out = out.replace(/(<(?:\w+:)?workbookView)(?=[\s/>])/, `$1 activeTab="${index}"`);
  out = out.replace(new RegExp(`<${p}definedName\\s[^>]*name\\s*=\\s*["']_xlnm\\.Print_Titles["'][^>]*localSheetId\\s*=\\s*["']${index}["'][^>]*>[\\s\\S]*?</${p}definedName>`), '');
  return addPrintTitles(out, p, index, name);
}

/** workbook.xml with the list sheet first: its <sheet>, each sheet-local name moved up one, its print titles, opening on it. */
function placeListSheet(xml: string, name: string, rid: string): string {
  const ids = [...xml.matchAll(/<(?:\w+:)?sheet\s[^>]*?sheetId\s*=\s*["'](\d+)["']/g)].map((m) => Number(m[1]));
  const sheetId = Math.max(0, ...ids) + 1;
  const p = /<(\w+:)?workbook[\s>]/.exec(xml)?.[1] ?? '';
  const quoted = name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  let out = xml.replace(new RegExp(`<${p}sheets>`), `$&<${p}sheet name="${quoted}" sheetId="${sheetId}" r:id="${rid}" xmlns:r="${REL}"/>`);
  out = out.replace(/(\slocalSheetId\s*=\s*["'])(\d+)(["'])/g, (_, a: string, n: string, b: string) => `${a}${Number(n) + 1}${b}`);
  out = out.replace(/(<(?:\w+:)?workbookView\s[^>]*?)\s+(?:activeTab|firstSheet)\s*=\s*["']\d+["']/g, '$1').replace(/(<(?:\w+:)?workbookView\s[^>]*?)\s+(?:activeTab|firstSheet)\s*=\s*["']\d+["']/g, '$1');
  return addPrintTitles(out, p, 0, name);
}

/** workbook.xml with the list sheet's header row repeated on every printed page (sheet `index`). */
function addPrintTitles(xml: string, p: string, index: number, name: string): string {
  const titles = `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${sheetRef(name, `$${LIST_HEADER_ROW}:$${LIST_HEADER_ROW}`).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</${p}definedName>`;
  if (new RegExp(`<${p}definedNames>`).test(xml)) return xml.replace(new RegExp(`<${p}definedNames>`), `$&${titles}`);
  const after = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst']
    .map((n) => new RegExp(`<${p}${n}[\\s/>]`).exec(xml)?.index)
    .filter((i): i is number => i !== undefined);
  const at = after.length ? Math.min(...after) : xml.lastIndexOf(`</${p}workbook>`);
  return xml.slice(0, at) + `<${p}definedNames>${titles}</${p}definedNames>` + xml.slice(at);
}

/** The most severe of two severities. */
export function worse(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}
