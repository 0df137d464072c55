// The .docx reader: the package checked (formats/ooxml/package.ts), its main part found from the
// relationships, scanned into tables (document-scanner.ts), and the tables read as grids (grid/tables.ts)
// like a page's. A .doc or .wps arrives here after LibreOffice Writer converted it (node/soffice.ts); a
// "Word" file that is really a web page never does (the registry reads it as the page it is).
import type { Doc } from '../../model/list.js';
import { ZwgkError, finding, sortFindings, type Finding } from '../../findings/finding.js';
import { ReadBudget, ReadLimitError, tooLarge } from '../../grid/limits.js';
import { readTables, type BuiltTable } from '../../grid/tables.js';
import { checkedEntries, isEncryptedOle, isOle, packageKinds, readSmallPart, attr, partPath, type PackageKind } from '../ooxml/package.js';
import { PartDataError, decodeChunks } from '../ooxml/xml-scanner.js';
import { inflateAll, inflateEntry, looksLikeZip, ZipFormatError, type ZipEntry } from '../ooxml/zip.js';
import { guessContent } from '../sniff.js';
import type { ReadOptions } from '../types.js';
import { DocumentScanner, type AltChunk } from './document-scanner.js';
import { parseNumbering, type Numbering } from './numbering.js';

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
export function readDocx(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<Doc> {
  // The tables are read into items once the package is done with: no frame of that reading holds the
  // file's bytes (a 31 MB document is not kept while 100 000 items are built).
  return scanDocx(bytes, file, options).then(({ tables, unread }) => {
    const catalog = readTables(file, tables, options, 'Word 文档');
    if (unread.length) {
      catalog.findings.push(...unread);
      sortFindings(catalog.findings);
    }
    return catalog;
  });
}

/** The document's tables, and what of it could not be read (embedded files), from its bytes. */
async function scanDocx(bytes: Uint8Array, file: string, options: ReadOptions): Promise<{ tables: BuiltTable[]; unread: Finding[] }> {
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
  const budget = options.budget ?? new ReadBudget();
  const related = await relationships(bytes, byName, partName);
  const scanner = new DocumentScanner(partName, file, budget, await numberingOf(bytes, byName, related));
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
  const unread: Finding[] = [];
  tables = await withAltChunks(bytes, byName, related, file, tables, scanner.altChunks, budget, unread);
  // A document that is nothing but an embedded file zwgk cannot read is said to be so, not “without tables”.
  if (tables.length === 0 && unread.length) throw notDocument(file, `正文是嵌入的另一个文件（${unread[0]!.params!.what}），zwgk 无法读取`);
  return { tables, unread };
}

/** The relationships of the main part: id → [type, target part]. */
async function relationships(bytes: Uint8Array, byName: Map<string, ZipEntry>, partName: string): Promise<Map<string, [string, string]>> {
  const slash = partName.lastIndexOf('/');
  const dir = partName.slice(0, slash);
  const rels = byName.get(`${dir}/_rels/${partName.slice(slash + 1)}.rels`);
  const out = new Map<string, [string, string]>();
  if (!rels) return out;
  try {
    const xml = await readSmallPart(bytes, rels);
    for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
      if ((attr(m[1]!, 'TargetMode') ?? '') === 'External') continue;
      out.set(attr(m[1]!, 'Id') ?? '', [attr(m[1]!, 'Type') ?? '', partPath(attr(m[1]!, 'Target') ?? '', dir)]);
    }
  } catch {
    // Without its relationships the document is still read; only list numbers and embedded documents need them.
  }
  return out;
}

/** The document's list numbering (word/numbering.xml), if it has one that reads. */
async function numberingOf(bytes: Uint8Array, byName: Map<string, ZipEntry>, related: Map<string, [string, string]>): Promise<Numbering | undefined> {
  const target = [...related.values()].find(([type]) => type.endsWith('/numbering'))?.[1] ?? 'word/numbering.xml';
  const entry = byName.get(target);
  if (!entry) return undefined;
  try {
    return parseNumbering(await readSmallPart(bytes, entry), target);
  } catch {
    // A damaged numbering part: the paragraphs are read without their numbers (a blank 序号 is then reported).
    return undefined;
  }
}

/**
 * The tables of documents embedded whole (w:altChunk: some systems export the whole catalog as a web
 * page inside a .docx), read as the page they are and put where the chunk stands, in document order.
 * A chunk that is no web page (an .mht, another .docx, RTF) is named, not read.
 */
async function withAltChunks(
  bytes: Uint8Array,
  byName: Map<string, ZipEntry>,
  related: Map<string, [string, string]>,
  file: string,
  tables: BuiltTable[],
  chunks: readonly AltChunk[],
  budget: ReadBudget,
  unread: Finding[],
): Promise<BuiltTable[]> {
  if (chunks.length === 0) return tables;
  const out = [...tables];
  // From the last: inserting a chunk's tables does not move the places of the chunks before it.
  for (const chunk of [...chunks].reverse()) {
    const target = related.get(chunk.id)?.[1];
    const entry = target === undefined ? undefined : byName.get(target);
    if (!entry || !/\.html?$/i.test(target!)) {
      unread.push(finding('content-unread', { file }, { what: `嵌入的文档（altChunk${target ? `：${target}` : ''}）`, sample: '', advice: '请在 Word 中打开这个文件，另存为“Word 文档(*.docx)”后再读' }));
      continue;
    }
    const { decodePage } = await import('../html/charset.js');
    const { parsePage } = await import('../html/bounded-parser.js');
    const { pageTables } = await import('../html/page-tables.js');
    const page = decodePage(await inflateAll(bytes, entry));
    const chunkTables = pageTables(await parsePage(page.text, file, budget, {}), file, budget, {});
    const at = chunk.tablesBefore;
    const k = chunkTables.length;
    // Parents are indices into the whole list: the chunk's own move by `at`, the tables after it by k.
    for (const t of out) if (t.parent !== undefined && t.parent >= at) t.parent += k;
    for (const t of chunkTables) if (t.parent !== undefined) t.parent += at;
    out.splice(at, 0, ...chunkTables);
  }
  return out;
}
