// The reviewed workbook in a real spreadsheet program: LibreOffice opens it, prints the 审核意见 sheet on A4
// landscape with its header repeated and the 科室's sheet with its fills (PNG pages in test/artifacts/ to
// look at), and reads every comment at its cell (saved as OpenDocument, whose content.xml holds each note
// inside its cell).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../../src/cli/index.js';
import { a1 } from '../../src/findings/location.js';
import { inflateAll, readZipDirectory } from '../../src/formats/ooxml/zip.js';
import { pdfPages, pdfPageSize, pdfToPngs, sofficePdf } from '../helpers/pdf.js';

const sink = { write: () => true };

/** A PDF string's text: <FEFF…> hex (UTF-16BE, as LibreOffice writes them) or a literal (…) one. */
function pdfString(raw: string): string {
  if (raw.startsWith('<')) {
    const bytes = Buffer.from(raw.slice(1, -1).replace(/\s+/g, ''), 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
    return bytes.toString('latin1');
  }
  return raw.slice(1, -1).replace(/\\([()\\])/g, '$1');
}

/** The comments (PDF text annotations) on each page of a PDF LibreOffice wrote, in page order — read from the
 * file's own objects (LibreOffice writes them uncompressed): page → annotation → /Contents. */
function pdfNotes(pdf: string): string[][] {
  const text = readFileSync(pdf, 'latin1');
  const objects = new Map<string, string>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)\bendobj/g)) objects.set(m[1]!, m[2]!);
  const kids = /\/Type\s*\/Pages[\s\S]*?\/Kids\s*\[([^\]]*)\]/.exec(text)![1]!;
  return [...kids.matchAll(/(\d+) 0 R/g)].map(([, page]) => {
    const annots = /\/Annots\s*\[([^\]]*)\]/.exec(objects.get(page!)!)?.[1] ?? '';
    return [...annots.matchAll(/(\d+) 0 R/g)]
      .map(([, id]) => objects.get(id!)!)
      .filter((o) => /\/Subtype\s*\/Text\b/.test(o))
      .map((o) => pdfString(/\/Contents\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))/.exec(o)![1]!));
  });
}

/** The notes of an OpenDocument spreadsheet's content.xml: sheet → cell → text (repeated rows and columns counted). */
function odsNotes(xml: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let sheet = '';
  let row = 0;
  let col = 0;
  let rowRepeat = 1;
  const re = /<table:table (?:[^>]*\s)?table:name="([^"]*)"|<table:table-row\b([^>]*?)(\/?)>|<(table:table-cell|table:covered-table-cell)\b([^>]*?)(\/?)>|<\/table:table-row>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[1] !== undefined) {
      sheet = m[1];
      row = 0;
    } else if (m[0].startsWith('<table:table-row')) {
      row += 1;
      col = 0;
      const repeat = Number(/table:number-rows-repeated="(\d+)"/.exec(m[2]!)?.[1] ?? 1);
      if (m[3] === '/') row += repeat - 1;
      else rowRepeat = repeat;
    } else if (m[0] === '</table:table-row>') {
      row += rowRepeat - 1;
      rowRepeat = 1;
    } else {
      const repeat = Number(/table:number-columns-repeated="(\d+)"/.exec(m[5]!)?.[1] ?? 1);
      const start = col + 1;
      col += repeat;
      if (m[6] === '/') continue;
      const end = xml.indexOf(`</${m[4]}>`, re.lastIndex);
      const inner = xml.slice(re.lastIndex, end);
      const note = /<office:annotation\b[\s\S]*?<\/office:annotation>/.exec(inner);
      if (note) {
        const text = [...note[0].matchAll(/<text:p[^>]*>([\s\S]*?)<\/text:p>/g)].map((p) => p[1]!.replace(/<[^>]+>/g, '')).join('\n');
        (out[sheet] ??= {})[a1(row, start)] = text;
      }
      re.lastIndex = end;
    }
  }
  return out;
}

describe('LibreOffice opens the reviewed workbook', () => {
  test('prints the list on A4 landscape with its header on every page, the sheet with its fills, and reads each comment at its cell', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-review-lo-'));
    try {
      const out = path.join(dir, 'review.xlsx');
      expect(await run({ argv: ['review', 'test/fixtures/messy/messy-2017.xlsx', '-o', out], stdout: sink, stderr: sink })).toBe(1);
      sofficePdf([out], dir);
      const pdf = path.join(dir, 'review.pdf');
      expect(pdfPageSize(pdf).map(Math.round)).toEqual([842, 595]);
      pdfToPngs(pdf, 'review-messy');
      const pages = pdfPages(pdf);
      const list = pages.filter((p) => p.includes('修改建议'));
      // The list runs over two pages here; its header row is printed on both.
      expect(list.length).toBe(2);
      list.forEach((p) => expect(p).toMatch(/序号\s+位置\s+级别\s+问题\s+修改建议/));
      const text = list.join('').replace(/\s+/g, '');
      expect(text).toContain('必填项“公开时限”为空');
      expect(text).toContain('建议改为：“办理条件”');
      expect(text).toMatch(/审核日期：\d{4}-\d{2}-\d{2}/);
      // The 科室's sheet prints as before.
      expect(pages.some((p) => p.includes('某县应急管理局政务公开事项目录'))).toBe(true);

      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'ods', '--outdir', dir, out], { stdio: 'pipe', timeout: 120_000 });
      const ods = new Uint8Array(readFileSync(path.join(dir, 'review.ods')));
      const content = readZipDirectory(ods).find((e) => e.name === 'content.xml')!;
      const notes = odsNotes(new TextDecoder().decode(await inflateAll(ods, content)));
      expect(Object.keys(notes['目录'] ?? {}).sort()).toEqual(['C2', 'C8', 'D2', 'D9', 'F2', 'F6', 'G2', 'G6', 'I2', 'I6', 'K2'].sort());
      expect(notes['目录']!['I6']).toContain('【错误】必填项“公开时限”为空');
      expect(Object.keys(notes['填表说明'] ?? {})).toEqual(['A1']);
      expect(notes['审核意见']).toBeUndefined();

      // What a LibreOffice user gets from 导出为 PDF with 注释 ticked (ExportNotes): every comment as a PDF note at
      // its cell, on the page of its sheet — the same texts the workbook holds. (LibreOffice 7.4 does not take
      // Excel's cellComments="atEnd" as printing the comments on paper; Excel and WPS do.)
      const notesDir = path.join(dir, 'notes');
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf:calc_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}', '--outdir', notesDir, out], { stdio: 'pipe', timeout: 120_000 });
      const notesPdf = path.join(notesDir, 'review.pdf');
      const perPage = pdfNotes(notesPdf);
      const printed = pdfPages(notesPdf);
      expect(perPage).toHaveLength(printed.length);
      const squash = (t: string) => t.replace(/\s+/g, '');
      expect(perPage.flat().map(squash).sort()).toEqual([...Object.values(notes['目录']!), ...Object.values(notes['填表说明']!)].map(squash).sort());
      expect(perPage.flat()).toHaveLength(12);
      // The first page of the 科室's sheet (its title on it) holds most of them; the list's pages none.
      expect(perPage.find((_, i) => printed[i]!.includes('某县应急管理局政务公开事项目录'))!.length).toBeGreaterThanOrEqual(8);
      expect(perPage.flat().every((n) => n.startsWith('zwgk 审核：'))).toBe(true);
      expect(perPage.filter((_, i) => printed[i]!.includes('修改建议')).flat()).toEqual([]);
      pdfToPngs(notesPdf, 'review-notes', 80);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
