// fix's container for .xlsx, at the zip level: every part is copied as it was (raw compressed bytes),
// except the sheet parts holding a fixed cell. In those only the fixed cells' <c>…</c> elements are
// replaced, by an inline string with the same r and s attributes; every other byte of the sheet XML stays.
// Loading the workbook in exceljs instead costs time quadratic in the merges (minutes for a county
// catalog) and rewrites every part, losing what exceljs does not model.
//
// Each patched sheet is decoded to one string (UTF-8, or UTF-16 after its byte order mark, and written
// back the same way) and scanned once for the fixed cells (xlsx-cells.ts). A sheet with a cell without r
// (rare generators) cannot be patched safely by reference: its fixes are skipped with a reason (exceljs
// cannot load it either). Rich text keeps its runs when every edit falls inside one run.
import { FIX_LIMITS } from '../settings/limits.js';
import { ZwgkError, formatBytes } from '../findings/finding.js';
import { editRuns, type CellSkip, type CellTarget, type CellText, type Edit } from '../findings/fix.js';
import type { SourceRef } from '../findings/location.js';
import { checkedEntries } from '../formats/ooxml/package.js';
import { parseWorkbook, type SheetPart } from '../formats/xlsx/workbook.js';
import { inflateAll, rawData, ZipFormatError, type ZipEntry } from '../formats/ooxml/zip.js';
import { writeZip, ZipTooLargeError, type ZipPart } from '../formats/ooxml/zip-write.js';
import { currentValue, inlineCell, parseRef, plainIs, richInner, rootPrefix, scanSheet, SharedStrings, type CellEl, type Current } from './xlsx-cells.js';

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/** How a sheet part's bytes are text: UTF-8, or UTF-16 in the byte order its mark says. */
type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

function encodingOf(b: Uint8Array): Encoding {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Text back to bytes in the part's own encoding (the byte order mark is in the text as \uFEFF, so it is written too). */
function encode(text: string, encoding: Encoding): Uint8Array {
  if (encoding === 'utf-8') return utf8Encoder.encode(text);
  const out = new Uint8Array(text.length * 2);
  const little = encoding === 'utf-16le';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i + (little ? 0 : 1)] = c & 0xff;
    out[2 * i + (little ? 1 : 0)] = c >> 8;
  }
  return out;
}

/** One sheet part being patched: its text, the fixed cells located in it, and their new XML. */
interface Sheet {
  sheet: SheetPart;
  xml: string;
  encoding: Encoding;
  prefix: string;
  cells: Map<string, CellEl>;
  current: Map<string, Current>;
  edits: Map<string, { cell: CellEl; xml: string }>;
}

/** A workbook's bytes as a fix container: cells found by sheet name and A1 reference. */
export function xlsxTarget(input: Uint8Array, file: string): CellTarget {
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
  const sheetsByPart = new Map<string, Sheet>();
  const tooLarge = (what: string, size: number): CellSkip => ({
    skip: 'too-large',
    params: { what, size: formatBytes(size), limit: formatBytes(FIX_LIMITS.maxPatchedPartBytes) },
  });
  const keyOf = (at: SourceRef) => `${at.sheet ?? ''}\u0000${at.cell ?? ''}`;
  const places = new Map<string, { sheet: Sheet; ref: string }>();

  return {
    async read(ats): Promise<(CellText | CellSkip)[]> {
      const workbookXml = await text('xl/workbook.xml');
      if (!workbookXml) throw notWorkbook('压缩包中没有 xl/workbook.xml，不是 Excel 工作簿');
      const { sheets, related } = parseWorkbook(workbookXml, await text('xl/_rels/workbook.xml.rels'));
      const sstName = related.get('sharedStrings') ?? 'xl/sharedStrings.xml';
      const firstWorksheet = sheets.find((s) => s.kind === 'worksheet' && s.part);
      const out: (CellText | CellSkip | undefined)[] = ats.map(() => undefined);
      // The places of each sheet part, so that each part is decoded and scanned once.
      const wanted = new Map<SheetPart, { i: number; ref: string }[]>();
      ats.forEach((at, i) => {
        const sheet = at.sheet !== undefined ? sheets.find((s) => s.name === at.sheet) : firstWorksheet;
        const ref = at.cell ? parseRef(at.cell) : undefined;
        if (!sheet || !sheet.part || !byName.has(sheet.part) || !ref) out[i] = { skip: 'not-found' };
        else wanted.set(sheet, [...(wanted.get(sheet) ?? []), { i, ref: ref.ref }]);
      });
      let sst: SharedStrings | undefined;
      let sstLoaded = false;
      for (const [sheet, list] of wanted) {
        const entry = byName.get(sheet.part!)!;
        // Held whole in memory to be rewritten: a part this large (a hostile or broken one) is left as it was.
        const fail = (skip: CellSkip) => list.forEach(({ i }) => (out[i] = skip));
        if (entry.size > FIX_LIMITS.maxPatchedPartBytes) {
          fail(tooLarge(`工作表“${sheet.name}”的数据`, entry.size));
          continue;
        }
        const raw = await inflate(entry);
        const encoding = encodingOf(raw);
        // Decoded with the byte order mark kept as \uFEFF, so it is written back too.
        const xml = encoding === 'utf-8' ? utf8.decode(raw) : new TextDecoder(encoding, { ignoreBOM: true }).decode(raw);
        const prefix = rootPrefix(xml, 'worksheet');
        const scan = scanSheet(xml, prefix, new Set(list.map((w) => w.ref)));
        if (scan.noRef) {
          fail({ skip: 'no-ref' });
          continue;
        }
        if ([...scan.cells.values()].some((c) => c.t === 's')) {
          const sstSize = byName.get(sstName)?.size ?? 0;
          if (sstSize > FIX_LIMITS.maxPatchedPartBytes) {
            fail(tooLarge('共享字符串表', sstSize));
            continue;
          }
          if (!sstLoaded) {
            sstLoaded = true;
            const sstXml = await text(sstName);
            sst = sstXml ? new SharedStrings(sstXml) : undefined;
          }
        }
        const state: Sheet = { sheet, xml, encoding, prefix, cells: scan.cells, current: new Map(), edits: new Map() };
        sheetsByPart.set(sheet.part!, state);
        for (const { i, ref } of list) {
          const cell = scan.cells.get(ref);
          const current = cell ? currentValue(cell, prefix, () => sst) : undefined;
          if (!current) {
            out[i] = { skip: 'not-text' };
            continue;
          }
          state.current.set(ref, current);
          places.set(keyOf(ats[i]!), { sheet: state, ref });
          out[i] = { text: current.text };
        }
      }
      return out as (CellText | CellSkip)[];
    },

    write(at: SourceRef, value: string, edits: readonly Edit[]): void {
      const { sheet, ref } = places.get(keyOf(at))!;
      const cell = sheet.cells.get(ref)!;
      const rich = sheet.current.get(ref)!.rich;
      const runs = rich ? editRuns(rich.runs.map((r) => r.text), edits) : undefined;
      const inner = rich && runs ? richInner(rich, sheet.prefix, runs) : undefined;
      sheet.edits.set(ref, { cell, xml: inlineCell(cell, sheet.prefix, inner ?? plainIs(sheet.prefix, value)) });
    },

    async commit() {
      const patched = new Map<string, Uint8Array>();
      for (const [part, s] of sheetsByPart) {
        if (s.edits.size === 0) continue;
        const ordered = [...s.edits.values()].sort((a, b) => a.cell.start - b.cell.start);
        const pieces: string[] = [];
        let last = 0;
        for (const e of ordered) {
          pieces.push(s.xml.slice(last, e.cell.start), e.xml);
          last = e.cell.end;
        }
        pieces.push(s.xml.slice(last));
        patched.set(part, encode(pieces.join(''), s.encoding));
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
        return { data: await writeZip(parts), failed: [] };
      } catch (cause) {
        if (!(cause instanceof ZipTooLargeError)) throw cause;
        const size = cause.entries > 0xffff ? `${cause.entries} 个部件` : `${(cause.size / 1024 / 1024 / 1024).toFixed(1)} GB`;
        throw new ZwgkError('workbook-too-large', { file }, { file, part: '修正后的副本', size, limit: '4 GB、65535 个部件（zwgk 不写 ZIP64 格式的副本）' }, { cause });
      }
    },
  };
}
