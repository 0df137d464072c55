// The shared strings part is written in pieces by render/xlsx/write.ts (exceljs would build it as one
// string): it must be the part exceljs itself writes, byte for byte, for texts of every kind and for more
// strings than one piece holds.
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import XmlStream from 'exceljs/lib/utils/xml-stream.js';
import SharedStringXform from 'exceljs/lib/xlsx/xform/strings/shared-string-xform.js';
import { writeWorkbook } from '../../src/render/xlsx/write.js';
import { zipEntries } from './zip.js';

/** The part as exceljs's SharedStringsXform renders it (one XmlStream for the whole part). */
function exceljsPart(values: string[]): string {
  const xml = new XmlStream();
  xml.openXml(XmlStream.StdDocAttributes);
  xml.openNode('sst', { xmlns: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main', count: values.length, uniqueCount: values.length });
  const si = new SharedStringXform();
  for (const v of values) si.render(xml, v);
  return xml.xml;
}

it('writes the shared strings exceljs would write, in as many pieces as it takes', async () => {
  const odd = [' 前导空格', '末尾空格 ', '换\n行', '<script>&"\'', '_x0041_ 像转义', '甲', '〔2017〕12号'];
  const many = Array.from({ length: 4500 }, (_, i) => `第 ${i} 条公开内容`);
  const texts = [...odd, ...many, odd[0]!];
  const rows = texts.map((t) => ({ values: [t], styles: ['plain'] }));
  const bytes = await writeWorkbook({
    styles: { plain: { font: { name: '宋体', size: 11 } } },
    sheets: [{ name: 'S', widths: [10], rows, merges: [], print: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: false, margins: { left: 0.5, right: 0.5, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } } }],
  });
  const part = (await zipEntries(bytes, /^xl\/sharedStrings\.xml$/))['xl/sharedStrings.xml']!;
  // Each text once, in first-use order; the look-alike escape protected as the writer protects it.
  const unique = [...new Set(texts)].map((t) => t.replace(/_x([0-9A-F]{4})_/g, '_x005F_x$1_'));
  expect(part).toBe(exceljsPart(unique));
  expect(part.match(/<si>/g)).toHaveLength(odd.length + many.length);
});

it('keeps U+007F (DEL), which exceljs would drop from the part, so the cell reads back as written', async () => {
  const text = '删除符\u007f之后的文字';
  const bytes = await writeWorkbook({
    styles: { plain: { font: { name: '宋体', size: 11 } } },
    sheets: [{ name: 'S', widths: [10], rows: [{ values: [text], styles: ['plain'] }], merges: [], print: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: false, margins: { left: 0.5, right: 0.5, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } } }],
  });
  const part = (await zipEntries(bytes, /^xl\/sharedStrings\.xml$/))['xl/sharedStrings.xml']!;
  expect(part).toContain(`<si><t>${text}</t></si>`);
  expect(exceljsPart([text])).not.toContain(text);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  expect(wb.worksheets[0]!.getCell('A1').value).toBe(text);
});
