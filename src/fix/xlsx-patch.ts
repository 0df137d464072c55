// zwgk fix for .xlsx at the zip level: every part is copied as it was (raw compressed bytes), except the
// sheet parts holding a fixed cell. In those only the fixed cells' <c>…</c> elements are replaced, by an
// inline string with the same r and s attributes; every other byte of the sheet XML stays. Loading the
// workbook in exceljs instead costs time quadratic in the merges (minutes for a county catalog) and
// rewrites every part, losing what exceljs does not model.
//
// Each patched sheet is decoded to one string and scanned once for <c> start tags inside <sheetData>;
// cells are located by their r attribute. A sheet with a cell without r (rare generators) cannot be
// patched safely by reference: its fixes are skipped with a reason (exceljs cannot load it either). A
// UTF-16 sheet part goes back to the caller (undefined), which then uses the exceljs path as before.
import type { Catalog } from '../model/types.js';
import { FIX_LIMITS } from '../settings/limits.js';
import { HEADER_ALIASES, normaliseLabel } from '../settings/columns.js';
import { ZwgkError, formatBytes, type Finding } from '../findings/finding.js';
import { columnNumber, a1 } from '../findings/location.js';
import { decodeEntities, isNameEnd, tagEnd } from '../formats/ooxml/xml-scanner.js';
import { xlsxText } from '../render/xlsx-text.js';
import { stringText } from '../formats/xlsx/cell-text.js';
import { checkedEntries } from '../formats/ooxml/package.js';
import { parseWorkbook, type SheetPart } from '../formats/xlsx/workbook.js';
import { inflateAll, rawData, writeZip, ZipFormatError, ZipTooLargeError, type ZipEntry, type ZipPart } from '../formats/ooxml/zip.js';
import { applyTextFixes, groupFixes, headerSpelling, type FixChange, type FixSkip } from './index.js';

export interface PatchResult {
  data: Uint8Array;
  changes: FixChange[];
  skipped: FixSkip[];
  headerChanges: FixChange[];
}

type SheetInfo = SheetPart;

/** A located <c> element of a sheet part. */
interface CellEl {
  ref: string;
  row: number;
  col: number;
  start: number;
  end: number;
  /** Raw (undecoded) r and s attribute values, written back as they were. */
  rRaw: string;
  sRaw: string | undefined;
  t: string;
  inner: string;
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A cell's current value as fix sees it: text (plain or rich) or something else (number, formula …). */
type Current = { text: string; rich?: { inner: string; prefix: string } } | undefined;

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const utf8Encoder = new TextEncoder();

const NOT_TEXT = '该单元格不是文本（可能是公式），未修改';
const NOT_FOUND = '在工作簿中找不到该单元格';
const CHANGED = '该单元格的文本已与校验时不同';
const NO_REF = '该工作表的单元格没有位置标记（r 属性），无法定位；请在 Excel 或 WPS 中打开并另存后再修正';

const ATTR_RE = new Map<string, RegExp>();

function rawAttr(attrs: string, name: string): string | undefined {
  // Compiled once per name: this runs for every cell of a patched sheet (millions in a county catalog).
  let re = ATTR_RE.get(name);
  if (!re) ATTR_RE.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? (m[1] ?? m[2] ?? '') : undefined;
}


function rootPrefix(xml: string, root: string): string {
  const m = new RegExp(`<(?:([\\w.-]+):)?${root}[\\s>/]`).exec(xml);
  return m?.[1] ? `${m[1]}:` : '';
}

const REF = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

function parseRef(ref: string): { row: number; col: number; ref: string } | undefined {
  const m = REF.exec(ref.trim());
  if (!m) return undefined;
  return { row: Number(m[2]), col: columnNumber(m[1]!), ref: `${m[1]!.toUpperCase()}${Number(m[2])}` };
}

/** Text as element content: OOXML's _xHHHH_ escape for itself and for characters XML forbids (xlsx-text.ts), then XML-escaped. */
function escapeText(s: string): string {
  return xlsxText(s).replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Plain text of a string item's inner XML (<si> or <is>): its <t> runs, phonetic guides left out. */
function itemText(inner: string, p: string): { text: string; rich: boolean } {
  const body = inner.indexOf('rPh') >= 0 ? inner.replace(new RegExp(`<${p}rPh\\b[\\s\\S]*?</${p}rPh>`, 'g'), '') : inner;
  let text = '';
  for (const m of body.matchAll(new RegExp(`<${p}t(?:\\s[^>]*)?>([\\s\\S]*?)</${p}t>`, 'g'))) text += decodeEntities(m[1]!);
  return { text: stringText(text), rich: new RegExp(`<${p}r[\\s>]`).test(body) };
}

/** The shared string table, its items located lazily in one pass. */
class SharedStrings {
  private starts: number[] | undefined;
  private ends: number[] = [];
  readonly prefix: string;

  constructor(private readonly xml: string) {
    this.prefix = rootPrefix(xml, 'sst');
  }

  private index(): void {
    const starts: number[] = [];
    const open = `<${this.prefix}si`;
    const close = `</${this.prefix}si>`;
    let i = this.xml.indexOf(open);
    while (i >= 0) {
      if (!isNameEnd(this.xml.charCodeAt(i + open.length))) {
        i = this.xml.indexOf(open, i + 1);
        continue;
      }
      const gt = tagEnd(this.xml, i + open.length);
      if (gt < 0) break;
      if (this.xml.charCodeAt(gt - 1) === 47) {
        starts.push(gt + 1);
        this.ends.push(gt + 1);
        i = this.xml.indexOf(open, gt);
        continue;
      }
      const e = this.xml.indexOf(close, gt);
      if (e < 0) break;
      starts.push(gt + 1);
      this.ends.push(e);
      i = this.xml.indexOf(open, e);
    }
    this.starts = starts;
  }

  /** Inner XML of item `i`, or undefined. */
  item(i: number): string | undefined {
    if (!this.starts) this.index();
    const s = this.starts![i];
    return s === undefined ? undefined : this.xml.slice(s, this.ends[i]);
  }
}

/** Row and column of a cell reference; `ref` is the canonical spelling (E8). Fast path for the usual E8 form. */
function cellRef(r: string): { row: number; col: number; ref: string } | undefined {
  let col = 0;
  let i = 0;
  for (; i < r.length; i++) {
    const c = r.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || i > 3 || i === r.length || r.charCodeAt(i) === 48) return parseRef(r);
  let row = 0;
  for (let j = i; j < r.length; j++) {
    const c = r.charCodeAt(j);
    if (c < 48 || c > 57) return parseRef(r);
    row = row * 10 + (c - 48);
  }
  return { row, col, ref: r };
}

/**
 * Locate the <c> elements of a sheet that hold fixes (`refs`) or lie in the header rows lo..hi, with the
 * merges touching those rows and their top-left cells; `noRef` when some cell has no r attribute.
 */
function scanSheet(xml: string, p: string, refs: ReadonlySet<string>, lo: number, hi: number): { cells: CellEl[]; merges: Merge[]; noRef: boolean } {
  const cells: CellEl[] = [];
  const merges: Merge[] = [];
  const sdOpen = xml.indexOf(`<${p}sheetData`);
  if (sdOpen < 0) return { cells, merges, noRef: false };
  let sdEnd = xml.indexOf(`</${p}sheetData>`, sdOpen);
  if (sdEnd < 0) sdEnd = sdOpen;
  // Merges only matter to the header check; a county catalog has hundreds of thousands of them.
  const masters = new Set<string>();
  if (hi >= lo) {
    const re = new RegExp(`<${p}mergeCell\\b([^>]*)>`, 'g');
    re.lastIndex = sdEnd;
    for (let m = re.exec(xml); m; m = re.exec(xml)) {
      const ref = rawAttr(m[1]!, 'ref')?.split(':');
      const a = ref ? parseRef(ref[0]!) : undefined;
      const b = ref && ref[1] ? parseRef(ref[1]) : a;
      if (!a || !b) continue;
      const merge = { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
      if (merge.top > hi || merge.bottom < lo) continue;
      merges.push(merge);
      masters.add(a1(merge.top, merge.left));
    }
  }
  const open = `<${p}c`;
  const close = `</${p}c>`;
  let i = xml.indexOf(open, sdOpen);
  while (i >= 0 && i < sdEnd) {
    if (!isNameEnd(xml.charCodeAt(i + open.length))) {
      i = xml.indexOf(open, i + 1);
      continue;
    }
    const gt = tagEnd(xml, i + open.length);
    if (gt < 0) break;
    const self = xml.charCodeAt(gt - 1) === 47;
    const attrs = xml.slice(i + open.length, self ? gt - 1 : gt);
    let end = gt + 1;
    if (!self) {
      const e = xml.indexOf(close, gt);
      if (e < 0) break;
      end = e + close.length;
    }
    const r = rawAttr(attrs, 'r');
    const at = r === undefined ? undefined : cellRef(r.indexOf('&') < 0 ? r : decodeEntities(r));
    if (!at) return { cells, merges, noRef: true };
    if (refs.has(at.ref) || (at.row >= lo && at.row <= hi) || masters.has(at.ref)) {
      cells.push({ ...at, start: i, end, rRaw: r!, sRaw: rawAttr(attrs, 's'), t: decodeEntities(rawAttr(attrs, 't') ?? ''), inner: self ? '' : xml.slice(gt + 1, end - close.length) });
    }
    i = xml.indexOf(open, end);
  }
  return { cells, merges, noRef: false };
}

function currentValue(c: CellEl, p: string, sst: () => SharedStrings | undefined): Current {
  // A formula's text is its cached result: rewriting it would drop the formula.
  if (new RegExp(`<${p}f[\\s/>]`).test(c.inner)) return undefined;
  if (c.t === 's') {
    const v = new RegExp(`<${p}v>\\s*(\\d+)\\s*</${p}v>`).exec(c.inner);
    const table = sst();
    const inner = v && table ? table.item(Number(v[1])) : undefined;
    if (inner === undefined) return undefined;
    const { text, rich } = itemText(inner, table!.prefix);
    return rich ? { text, rich: { inner, prefix: table!.prefix } } : { text };
  }
  if (c.t === 'inlineStr') {
    const m = new RegExp(`<${p}is(?:\\s[^>]*)?>([\\s\\S]*?)</${p}is>`).exec(c.inner);
    if (!m) return { text: '' };
    const { text, rich } = itemText(m[1]!, p);
    return rich ? { text, rich: { inner: m[1]!, prefix: p } } : { text };
  }
  return undefined;
}

/**
 * Keep rich-text runs when every applied fix falls inside one run (the runs' other markup stays verbatim);
 * undefined when the text has to become plain.
 */
function fixRichInner(rich: { inner: string; prefix: string }, sheetPrefix: string, fixes: readonly FixChange[], result: { text: string; applied: number[] }): string | undefined {
  // Runs written with another namespace prefix than the sheet's would not be well-formed inside it.
  if (rich.prefix !== sheetPrefix) return undefined;
  const p = rich.prefix;
  const runs: { text: string; tStart: number; tEnd: number; changed: boolean }[] = [];
  const tRe = new RegExp(`<${p}t(?:\\s[^>]*)?>([\\s\\S]*?)</${p}t>`);
  for (const m of rich.inner.matchAll(new RegExp(`<${p}r(?:\\s[^>]*)?>([\\s\\S]*?)</${p}r>`, 'g'))) {
    const t = tRe.exec(m[0]);
    if (!t) continue;
    const tStart = m.index! + t.index;
    runs.push({ text: stringText(decodeEntities(t[1]!)), tStart, tEnd: tStart + t[0].length, changed: false });
  }
  for (const i of result.applied) {
    const f = fixes[i]!;
    const run = runs.find((r) => r.text.includes(f.from));
    if (!run) return undefined;
    const at = run.text.indexOf(f.from);
    run.text = run.text.slice(0, at) + f.to + run.text.slice(at + f.from.length);
    run.changed = true;
  }
  if (runs.map((r) => r.text).join('') !== result.text) return undefined;
  let out = '';
  let last = 0;
  for (const r of runs) {
    if (!r.changed) continue;
    out += rich.inner.slice(last, r.tStart) + `<${p}t xml:space="preserve">${escapeText(r.text)}</${p}t>`;
    last = r.tEnd;
  }
  return out + rich.inner.slice(last);
}

function inlineCell(c: CellEl, p: string, isInner: string): string {
  const s = c.sRaw !== undefined ? ` s="${c.sRaw}"` : '';
  return `<${p}c r="${c.rRaw}"${s} t="inlineStr"><${p}is>${isInner}</${p}is></${p}c>`;
}

function plainIs(p: string, text: string): string {
  return `<${p}t xml:space="preserve">${escapeText(text)}</${p}t>`;
}

function isUtf16(b: Uint8Array): boolean {
  return b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
}

interface SheetWork {
  sheet: SheetInfo;
  groups: Map<string, ReturnType<typeof groupFixes>[number]>;
  /** First item row, when the header rows above it are to be checked. */
  firstRow?: number;
}

/**
 * Patch a workbook's fixed cells in place at the zip level. Returns undefined for a UTF-16 sheet part
 * (its bytes could not be kept as they were): the caller then uses exceljs.
 */
export async function patchXlsx(input: Uint8Array, findings: readonly Finding[], catalog: Catalog | undefined, file: string): Promise<PatchResult | undefined> {
  const notWorkbook = (detail: string, cause?: unknown) => new ZwgkError('not-a-workbook', { file }, { file, detail }, { cause });
  const entries = checkedEntries(input, file, { damaged: notWorkbook, encrypted: 'workbook-encrypted' });
  const byName = new Map(entries.map((e) => [e.name, e]));
  const inflate = async (e: ZipEntry): Promise<Uint8Array> => {
    try {
      return await inflateAll(input, e);
    } catch (cause) {
      throw notWorkbook(cause instanceof ZipFormatError ? cause.detail : `${e.name} 无法解压，文件可能已损坏`, cause);
    }
  };
  const text = async (name: string): Promise<string> => {
    const e = byName.get(name);
    return e ? utf8.decode(await inflate(e)) : '';
  };
  const workbookXml = await text('xl/workbook.xml');
  if (!workbookXml) throw notWorkbook('压缩包中没有 xl/workbook.xml，不是 Excel 工作簿');
  const relsXml = await text('xl/_rels/workbook.xml.rels');
  const { sheets, related } = parseWorkbook(workbookXml, relsXml);
  const sstName = related.get('sharedStrings') ?? 'xl/sharedStrings.xml';

  const changes: FixChange[] = [];
  const skipped: FixSkip[] = [];
  const work = new Map<string, SheetWork>();
  const workFor = (sheet: SheetInfo): SheetWork => {
    let w = work.get(sheet.part);
    if (!w) work.set(sheet.part, (w = { sheet, groups: new Map() }));
    return w;
  };
  const firstWorksheet = sheets.find((s) => s.kind === 'worksheet' && s.part);
  for (const group of groupFixes(findings)) {
    const sheet = group.at.sheet !== undefined ? sheets.find((s) => s.name === group.at.sheet) : firstWorksheet;
    const ref = group.at.cell ? parseRef(group.at.cell) : undefined;
    if (!sheet || !sheet.part || !byName.has(sheet.part) || !ref) {
      for (const f of group.fixes) skipped.push({ ...f, reason: NOT_FOUND });
      continue;
    }
    workFor(sheet).groups.set(ref.ref, group);
  }
  if (catalog) {
    // As in the exceljs path: the header rows are looked for just above each sheet's first item.
    for (const item of catalog.items) {
      const row = item.at.row ?? (item.at.cell ? Number(/\d+/.exec(item.at.cell)?.[0]) : NaN);
      if (item.at.sheet === undefined || !Number.isInteger(row)) continue;
      const sheet = sheets.find((s) => s.name === item.at.sheet);
      if (!sheet || !sheet.part || !byName.has(sheet.part)) continue;
      const w = workFor(sheet);
      w.firstRow = Math.min(w.firstRow ?? Infinity, row);
    }
  }

  let sst: SharedStrings | undefined;
  let sstLoaded = false;
  let sstXml = '';
  const needSst = async (): Promise<void> => {
    if (sstLoaded) return;
    sstLoaded = true;
    sstXml = await text(sstName);
    sst = sstXml ? new SharedStrings(sstXml) : undefined;
  };

  const headerChanges: FixChange[] = [];
  const patched = new Map<string, Uint8Array>();
  for (const w of work.values()) {
    const entry = byName.get(w.sheet.part)!;
    if (entry.size > FIX_LIMITS.maxPatchedPartBytes) {
      // Held whole in memory to be rewritten: a part this large (a hostile or broken one) is left as it was.
      const reason = `工作表“${w.sheet.name}”的数据有 ${formatBytes(entry.size)}，超过可以修改的上限 ${formatBytes(FIX_LIMITS.maxPatchedPartBytes)}，请手工修改`;
      for (const group of w.groups.values()) for (const f of group.fixes) skipped.push({ ...f, reason });
      continue;
    }
    const raw = await inflate(entry);
    if (isUtf16(raw)) return undefined;
    // Decoded with the byte order mark kept as \uFEFF, so it is written back too.
    const xml = utf8.decode(raw);
    const p = rootPrefix(xml, 'worksheet');
    const lo = w.firstRow !== undefined ? Math.max(1, w.firstRow - 3) : 0;
    const hi = w.firstRow !== undefined ? w.firstRow - 1 : -1;
    // Merged masters of header cells are scanned too: exceljs counted a merged label once per cell it spans.
    const scan = scanSheet(xml, p, new Set(w.groups.keys()), lo, hi);
    if (scan.noRef) {
      // exceljs cannot load such a sheet either (it needs r to place a cell), so there is nothing to fall back to.
      for (const group of w.groups.values()) for (const f of group.fixes) skipped.push({ ...f, reason: NO_REF });
      continue;
    }
    if (scan.cells.some((c) => c.t === 's')) {
      const sstSize = byName.get(sstName)?.size ?? 0;
      if (sstSize > FIX_LIMITS.maxPatchedPartBytes) {
        const reason = `共享字符串表有 ${formatBytes(sstSize)}，超过可以修改的上限 ${formatBytes(FIX_LIMITS.maxPatchedPartBytes)}，请手工修改`;
        for (const group of w.groups.values()) for (const f of group.fixes) skipped.push({ ...f, reason });
        continue;
      }
      await needSst();
    }
    const cellsByRef = new Map(scan.cells.map((c) => [c.ref, c]));
    const edits = new Map<string, { cell: CellEl; xml: string; current: Current }>();

    for (const [ref, group] of w.groups) {
      const cell = cellsByRef.get(ref);
      const current = cell ? currentValue(cell, p, () => sst) : undefined;
      if (!cell || !current) {
        for (const f of group.fixes) skipped.push({ ...f, reason: NOT_TEXT });
        continue;
      }
      const result = applyTextFixes(current.text, group.fixes);
      for (const i of result.missed) skipped.push({ ...group.fixes[i]!, reason: CHANGED });
      if (result.applied.length === 0) continue;
      const richInner = current.rich ? fixRichInner(current.rich, p, group.fixes, result) : undefined;
      edits.set(ref, {
        cell,
        xml: inlineCell(cell, p, richInner ?? plainIs(p, result.text)),
        current: richInner !== undefined ? { text: result.text, rich: { inner: richInner, prefix: p } } : { text: result.text },
      });
      for (const i of result.applied) changes.push(group.fixes[i]!);
    }

    if (catalog && hi >= lo) {
      const valueOf = (c: CellEl): Current => edits.get(c.ref)?.current ?? currentValue(c, p, () => sst);
      // exceljs saw a label only in a plain (not rich) string cell.
      const label = (c: CellEl | undefined): string | undefined => {
        const v = c ? valueOf(c) : undefined;
        return v && !v.rich ? v.text : undefined;
      };
      const isLabel = (t: string | undefined) => t !== undefined && HEADER_ALIASES[catalog.profile][normaliseLabel(t)] !== undefined;
      const near = scan.merges;
      const slave = (c: CellEl) => near.some((m) => c.row >= m.top && c.row <= m.bottom && c.col >= m.left && c.col <= m.right && (c.row !== m.top || c.col !== m.left));
      const byRow = new Map<number, CellEl[]>();
      for (const c of scan.cells) if (c.row >= lo && c.row <= hi) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
      for (const list of byRow.values()) list.sort((a, b) => a.col - b.col);
      const known = (r: number): number => {
        let n = 0;
        for (const c of byRow.get(r) ?? []) if (!slave(c) && isLabel(label(c))) n++;
        for (const m of near) {
          if (r < m.top || r > m.bottom) continue;
          const master = cellsByRef.get(a1(m.top, m.left));
          if (isLabel(label(master))) n += m.right - m.left + 1 - (r === m.top ? 1 : 0);
        }
        return n;
      };
      let main = 0;
      for (let r = lo; r <= hi; r++) if (known(r) >= 3 && (main === 0 || known(r) > known(main))) main = r;
      if (main !== 0) {
        for (let r = main; r <= hi; r++) {
          for (const c of byRow.get(r) ?? []) {
            const from = label(c);
            if (from === undefined || slave(c)) continue;
            const to = headerSpelling(catalog, from);
            if (!to) continue;
            headerChanges.push({ location: { file: catalog.file, sheet: w.sheet.name, cell: c.ref, row: r }, field: '表头', code: 'header-spelling', from, to });
            edits.set(c.ref, { cell: c, xml: inlineCell(c, p, plainIs(p, to)), current: { text: to } });
          }
        }
      }
    }

    if (edits.size === 0) continue;
    const ordered = [...edits.values()].sort((a, b) => a.cell.start - b.cell.start);
    const pieces: string[] = [];
    let last = 0;
    for (const e of ordered) {
      pieces.push(xml.slice(last, e.cell.start), e.xml);
      last = e.cell.end;
    }
    pieces.push(xml.slice(last));
    patched.set(w.sheet.part, utf8Encoder.encode(pieces.join('')));
  }

  const parts: ZipPart[] = [];
  for (const e of entries) {
    const content = patched.get(e.name);
    if (content) parts.push({ entry: e, content });
    else {
      try {
        parts.push({ entry: e, raw: rawData(input, e) });
      } catch (cause) {
        throw notWorkbook(cause instanceof ZipFormatError ? cause.detail : `${e.name} 已损坏`, cause);
      }
    }
  }
  try {
    return { data: await writeZip(parts), changes, skipped, headerChanges };
  } catch (cause) {
    if (!(cause instanceof ZipTooLargeError)) throw cause;
    const size = cause.entries > 0xffff ? `${cause.entries} 个部件` : `${(cause.size / 1024 / 1024 / 1024).toFixed(1)} GB`;
    throw new ZwgkError('workbook-too-large', { file }, { file, part: '修正后的副本', size, limit: '4 GB、65535 个部件（zwgk 不写 ZIP64 格式的副本）' }, { cause });
  }
}
