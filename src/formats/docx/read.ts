// The .docx reader: the package checked (formats/ooxml/package.ts), its main part found from the
// relationships, scanned into tables (document-scanner.ts), and the tables read as grids (grid/tables.ts)
// like a page's. A .doc or .wps arrives here after LibreOffice Writer converted it (node/soffice.ts); a
// "Word" file that is really a web page never does (the registry reads it as the page it is).
import type { Catalog } from '../../model/types.js';
import { ZwgkError } from '../../findings/finding.js';
import { ReadBudget, ReadLimitError, tooLarge } from '../../grid/limits.js';
import { readTables, type BuiltTable } from '../../grid/tables.js';
import { checkedEntries, isEncryptedOle, isOle, packageKinds, readSmallPart, attr, partPath, type PackageKind } from '../ooxml/package.js';
import { PartDataError, decodeChunks } from '../ooxml/xml-scanner.js';
import { inflateEntry, looksLikeZip, ZipFormatError, type ZipEntry } from '../ooxml/zip.js';
import { guessContent } from '../sniff.js';
import type { ReadOptions } from '../types.js';
import { DocumentScanner } from './document-scanner.js';

function notDocument(file: string, detail: string, cause?: unknown): ZwgkError {
  return new ZwgkError('not-a-document', { file }, { file, detail }, cause === undefined ? undefined : { cause });
}

/** What a file that is not a .docx seems to be (see sniff.ts). */
function notDocxDetail(bytes: Uint8Array): string {
  const guess = guessContent(bytes);
  if (guess === 'pdf') return '文件内容是 PDF 文档，只是扩展名为 .docx';
  if (guess === 'xml') return '文件内容是 XML 文本（可能是“Word XML 文档”），不是 .docx 文档';
  return '文件不是 zip 压缩格式，可能已损坏或不是 Word 文档';
}

/** What a zip without the main document part is, by the other Office file it holds. */
const OTHER_PACKAGE: Partial<Record<PackageKind, string>> = {
  xlsx: '这是 Excel 工作簿（.xlsx），只是扩展名为 .docx。请把扩展名改回 .xlsx',
  pptx: '这是 PowerPoint 演示文稿（.pptx），不是 Word 文档',
};

/** The main document part, from the package relationships (word/document.xml as a rule). */
async function mainPart(bytes: Uint8Array, byName: Map<string, ZipEntry>): Promise<string> {
  const rels = byName.get('_rels/.rels');
  if (rels) {
    const xml = await readSmallPart(bytes, rels);
    for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
      if (/\/officeDocument$/.test(attr(m[1]!, 'Type') ?? '')) {
        const path = partPath(attr(m[1]!, 'Target') ?? '', '');
        if (byName.has(path)) return path;
      }
    }
  }
  return 'word/document.xml';
}

/** Read a Word document's bytes into one catalog (every table with a catalog header, in document order). */
export async function readDocx(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<Catalog> {
  if (isOle(bytes)) {
    if (isEncryptedOle(bytes)) throw new ZwgkError('document-encrypted', { file }, { file });
    throw notDocument(file, '文件看起来是旧版 Word 97-2003 文档（.doc）或 WPS 文档，只是扩展名改成了 .docx。请把扩展名改回 .doc 或 .wps');
  }
  if (!looksLikeZip(bytes)) throw notDocument(file, notDocxDetail(bytes));
  const entries = checkedEntries(bytes, file, { damaged: (detail, cause) => notDocument(file, detail, cause), encrypted: 'document-encrypted' });
  const byName = new Map(entries.map((e) => [e.name, e]));
  let partName: string;
  try {
    partName = await mainPart(bytes, byName);
  } catch (cause) {
    throw notDocument(file, '文档目录（_rels/.rels）已损坏', cause);
  }
  const entry = byName.get(partName);
  if (!entry) {
    const other = packageKinds(new Set(byName.keys())).find((k) => OTHER_PACKAGE[k] !== undefined);
    throw notDocument(file, other ? OTHER_PACKAGE[other]! : '压缩包中没有 word/document.xml，不是 Word 文档');
  }
  const scanner = new DocumentScanner(partName, file, options.budget ?? new ReadBudget());
  let tables: BuiltTable[];
  try {
    for await (const text of decodeChunks(inflateEntry(bytes, entry))) scanner.push(text);
    tables = scanner.result();
  } catch (cause) {
    if (cause instanceof ZwgkError) throw cause;
    if (cause instanceof ReadLimitError) throw tooLarge(file, cause, scanner.limitAt ?? { file });
    if (cause instanceof PartDataError || cause instanceof ZipFormatError) throw notDocument(file, `正文（${partName}）无法读取：${cause.detail}`, cause);
    throw notDocument(file, `正文（${partName}）已损坏，无法解压`, cause);
  }
  return readTables(file, tables, options, 'Word 文档');
}
