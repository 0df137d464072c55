// What merge does with the catalog-level texts of its files (title, 编制单位, 日期, 表前说明, 注, the
// sheets that hold no catalog): one title, unit and date — the first file's — and every other file's
// that differs kept as a line of the 表前说明; every distinct 注 and 表前说明 kept, every kept sheet carried.
import { finding, type Finding } from '../findings/finding.js';
import { normaliseName } from '../model/names.js';
import type { Catalog } from '../model/types.js';

/** The catalog-level texts of one document (catalog or list). */
export type Heads = Pick<Catalog, 'file' | 'title' | 'unit' | 'date' | 'preface' | 'note' | 'otherSheets'>;

const WHAT = { title: '标题', unit: '编制单位', date: '日期' } as const;

/** A file as a clerk names it in a line of text: its name without the folders. */
function shortName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}

/** The merged document's heads from its files', with an info for each differing heading that was kept. */
export function mergeHeads(docs: readonly Heads[]): { heads: Omit<Heads, 'file'>; findings: Finding[] } {
  const heads: Omit<Heads, 'file'> = {};
  const findings: Finding[] = [];
  const lines: string[] = [];
  const addLine = (line: string) => {
    if (!lines.includes(line)) lines.push(line);
  };
  for (const doc of docs) if (doc.preface?.trim()) for (const line of doc.preface.split('\n')) addLine(line);
  for (const key of ['title', 'unit', 'date'] as const) {
    for (const doc of docs) {
      const text = doc[key];
      if (!text?.trim()) continue;
      const kept = heads[key];
      if (kept === undefined) heads[key] = text;
      else if (normaliseName(kept) !== normaliseName(text)) {
        addLine(`${shortName(doc.file)} 的${WHAT[key]}：${text}`);
        findings.push(finding('merge-heading-differs', { file: doc.file }, { file: shortName(doc.file), what: WHAT[key], text, kept }));
      }
    }
  }
  if (lines.length) heads.preface = lines.join('\n');
  const notes: string[] = [];
  for (const doc of docs) if (doc.note?.trim() && !notes.includes(doc.note)) notes.push(doc.note);
  if (notes.length) heads.note = notes.join('\n');
  const sheets = docs.flatMap((d) => d.otherSheets ?? []);
  if (sheets.length) heads.otherSheets = sheets;
  return { heads, findings };
}
