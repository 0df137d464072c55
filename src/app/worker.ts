// The app's Web Worker: the same core the CLI runs (read → validate → fix/render/gap/merge/diff), on the
// bytes the page hands over. It keeps every file and catalog, and answers the page with what it shows.
import {
  SEVERITY_RANK,
  ZwgkError,
  check,
  diff,
  displayColumns,
  displayValue,
  exportAs,
  extensionOf,
  fix,
  detectFormat,
  fixedInPlaceFormat,
  formatFindingLine,
  formatLocation,
  gap,
  merge,
  outputName,
  passes,
  review,
  severityLabel,
  summary,
  summaryRowOf,
  unreadableSummaryRow,
  countBySeverity,
  summaryLine,
  template,
  toJsonDiagnostic,
  type Catalog,
  type Checked,
  type DisplayColumn,
  type Exported,
  type Item,
  type Severity,
  type SourceRef,
} from '../core/index.js';
import { PAGE_ITEMS, type CellView, type ExportKind, type FileView, type InFile, type PageView, type Request, type Response, type RowView } from './protocol.js';

interface Held {
  name: string;
  bytes: Uint8Array;
  /** Last change, as the roll-up shows it. */
  modified: string;
  /** Why it could not be read (the roll-up names it). */
  error?: string;
  checked?: Checked;
  /** The worst severity of the findings at each table cell. */
  marks?: Map<string, Severity>;
}

const files = new Map<number, Held>();
const post = (r: Response, transfer: Transferable[] = []): void => (self as unknown as Worker).postMessage(r, transfer);

/** The key that ties a finding to the table cell whose value came from the same place. */
export function refKey(at: SourceRef): string | undefined {
  if (at.cell) return `${at.sheet ?? ''}!${at.cell}`;
  if (at.table !== undefined) return at.row !== undefined ? `#${at.table}!${at.row}:${at.column ?? 0}` : undefined;
  if (at.line !== undefined) return `${at.line}:${at.column ?? 0}`;
  return undefined;
}

/** Whether the app offers a corrected copy of a file: a workbook or YAML fixed in place, or a page or
 * Word document whose corrected catalog comes as a workbook — judged by what the bytes are, as the
 * reader judged them (a .doc that is really a web page is a page, in the app as in the CLI). */
function fixableInApp(bytes: Uint8Array, name: string): boolean {
  const format = detectFormat(bytes, name);
  return format !== undefined && (format.fix === 'in-place' || format.source === 'tables');
}

/** A time as the roll-up and the 审核意见 sheet show it: 2026-12-03 08:15 (the date alone with `dateOnly`). */
function localTime(d: Date, dateOnly = false): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  return dateOnly ? day : `${day} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A request the page should not have made (a file that was not read); said to the clerk as is. */
class AppError extends Error {}

/** needs-soffice in a browser's words: the CLI would convert with LibreOffice, the page never can, so the
 * clerk is told only what to do by hand (nothing to install). */
function browserWords(p: Record<string, string | number>): string {
  return `网页版不能直接读取 ${p.ext} 文件（${p.file}）。请在 ${p.app} 中打开它，选择“另存为”→“${p.saveAs}”，再在这里选择另存好的 ${p.target} 文件`;
}

/** The message a thrown error gets, in the CLI's words. */
function errorLine(err: unknown): string {
  if (err instanceof ZwgkError && err.finding.code === 'needs-soffice') return `错误：${browserWords(err.finding.params ?? {})}`;
  if (err instanceof ZwgkError || err instanceof AppError) return `错误：${err.message}`;
  return `错误：内部错误：${(err as Error)?.message ?? String(err)}。请把这个文件和这段文字反馈给维护者`;
}

async function open(id: number, file: number, input: InFile, role: 'catalog' | 'reference'): Promise<void> {
  const held: Held = { name: input.name, bytes: new Uint8Array(input.bytes), modified: input.modified ? localTime(new Date(input.modified)) : '' };
  files.set(file, held);
  const view: FileView = { file, name: input.name, ok: false };
  let last = 0;
  const onProgress = (items: number, fraction?: number): void => {
    const now = performance.now();
    if (now - last < 100) return;
    last = now;
    post({ id, type: 'progress', file, text: `正在读取 ${input.name}：已读取 ${items} 个事项…`, ...(fraction !== undefined ? { fraction } : {}) });
  };
  try {
    post({ id, type: 'progress', file, text: `正在读取 ${input.name}…`, fraction: 0 });
    const checked = await check(held.bytes, input.name, {
      onProgress,
      onRead: (catalog) => post({ id, type: 'progress', file, text: `正在校验 ${input.name}（${catalog.items.length} 个事项）…`, fraction: 1 }),
      ...(role === 'reference' ? { validate: false } : {}),
    });
    const { catalog, result } = checked;
    held.checked = checked;
    held.marks = new Map();
    for (const f of result.findings) {
      const key = refKey(f.location);
      if (!key) continue;
      const had = held.marks.get(key);
      if (!had || SEVERITY_RANK[f.severity] < SEVERITY_RANK[had]) held.marks.set(key, f.severity);
    }
    Object.assign(view, {
      ok: true,
      summary: summaryLine(result),
      valid: passes(result.findings),
      profile: catalog.profile,
      items: catalog.items.length,
      pages: Math.max(1, Math.ceil(catalog.items.length / PAGE_ITEMS)),
      // A page or Word document is not rewritten: its corrected catalog comes as a workbook.
      fixable: fixableInApp(held.bytes, input.name),
      unit: summaryRowOf(checked, '').unit,
      counts: countBySeverity(result.findings),
      findings: result.findings.map((f) => {
        const ref = refKey(f.location);
        return { ...toJsonDiagnostic(f), line: formatFindingLine(f), where: formatLocation(f.location), level: severityLabel(f.severity), ...(ref ? { ref } : {}) };
      }),
    });
  } catch (err) {
    view.error = errorLine(err);
    held.error = view.error.replace(/^错误：/, '');
  }
  post({ id, type: 'opened', view });
}

/** The cells of one item's rows, as the published page lays them out. */
function itemRows(catalog: Catalog, item: Item, index: number, cols: DisplayColumn[], marks: Map<string, Severity>): RowView[] {
  const n = Math.max(1, item.pairs.length);
  const rows: RowView[] = [];
  const mark = (cell: CellView): CellView => {
    const severity = cell.ref ? marks.get(cell.ref) : undefined;
    return severity ? { ...cell, severity } : cell;
  };
  for (let p = 0; p < n; p++) {
    const cells: CellView[] = [];
    for (const col of cols) {
      if (col.perPair) {
        const pair = item.pairs[p];
        const c = col.key === 'content' ? pair?.content : pair?.standard;
        const ref = c ? refKey(c.at) : undefined;
        cells.push(mark({ text: c?.text ?? '', ...(ref ? { ref } : {}) }));
      } else if (p === 0) {
        const v = displayValue(catalog, item, col);
        const at = sourceOf(item, col);
        const ref = at ? refKey(at) : undefined;
        const cell: CellView = Array.isArray(v) ? { text: v.join('\n'), list: v } : { text: v };
        if (ref) cell.ref = ref;
        if (n > 1) cell.rowspan = n;
        cells.push(mark(cell));
      }
    }
    rows.push({ item: index + 1, first: p === 0, cells });
  }
  return rows;
}

/** Where a displayed item-level value came from. */
function sourceOf(item: Item, col: DisplayColumn): SourceRef | undefined {
  switch (col.key) {
    case 'basis':
      return item.basis.at;
    case 'channels':
      return item.channels?.at;
    case 'audience':
    case 'mode':
    case 'level':
      return item.ticks?.[col.key]?.at;
    case 'extra':
      return col.extra !== undefined ? item.extra[col.extra]?.at : undefined;
    case 'serial':
    case 'category':
    case 'name':
    case 'subject':
    case 'deadline':
    case 'remark':
    case 'platform':
      return item[col.key]?.at;
    default:
      return undefined;
  }
}

function page(id: number, file: number, pageNo: number): void {
  const catalog = files.get(file)?.checked?.catalog;
  const held = files.get(file)!;
  if (!catalog) throw new AppError('这个文件已移除或没有读取成功，请重新选择');
  const cols = displayColumns(catalog, true);
  const pages = Math.max(1, Math.ceil(catalog.items.length / PAGE_ITEMS));
  const p = Math.min(Math.max(0, pageNo), pages - 1);
  const rows: RowView[] = [];
  for (let i = p * PAGE_ITEMS; i < Math.min(catalog.items.length, (p + 1) * PAGE_ITEMS); i++) {
    rows.push(...itemRows(catalog, catalog.items[i]!, i, cols, held.marks ?? new Map()));
  }
  const view: PageView = { file, page: p, pages, columns: cols.map((c) => c.label), rows };
  post({ id, type: 'page', view });
}

/** Whether two files have the same bytes. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function catalogOf(file: number): Held & { checked: Checked } {
  const held = files.get(file);
  if (!held?.checked) throw new AppError('这个文件已移除或没有读取成功，请重新选择');
  return held as Held & { checked: Checked };
}

async function exportFile(id: number, kind: ExportKind, ids: number[], reference?: number): Promise<void> {
  const send = (name: string, out: Exported, note?: string): void => {
    const bytes = typeof out.data === 'string' ? new TextEncoder().encode(out.data) : out.data;
    // A fresh buffer of exactly these bytes, handed over without a copy.
    const buffer = bytes.slice().buffer;
    post({ id, type: 'export', name, mime: out.mime, bytes: buffer, ...(note ? { note } : {}) }, [buffer]);
  };
  post({ id, type: 'progress', text: '正在生成文件…' });
  switch (kind) {
    case 'template-2017':
    case 'template-2019': {
      const profile = kind === 'template-2017' ? '2017' : '2019';
      send(`政务公开事项目录模板（${profile === '2017' ? '2017 样表' : '2019 标准目录'}）.xlsx`, await template(profile));
      return;
    }
    case 'fix': {
      const held = catalogOf(ids[0]!);
      const ext = extensionOf(held.name);
      const result = await fix(held.bytes, held.checked);
      const outExt = result.format === 'yaml' ? (ext === '.yml' ? 'yml' : 'yaml') : 'xlsx';
      const lines = [...result.lines];
      if (!fixedInPlaceFormat(held.name)) lines.unshift(`${held.name} 不会被改写：修正后的目录写成 Excel 工作簿（样表格式）。`);
      send(outputName(held.name, '（修正后）', outExt), { data: result.data, ext: outExt, mime: result.mime }, lines.join('\n'));
      return;
    }
    case 'html':
    case 'xlsx':
    case 'md':
    case 'yaml': {
      const held = catalogOf(ids[0]!);
      const same = extensionOf(held.name) === `.${kind}`;
      send(outputName(held.name, same ? '（发布版）' : '', kind), await exportAs(held.checked.catalog, kind));
      return;
    }
    case 'gap-html':
    case 'gap-xlsx': {
      const held = catalogOf(ids[0]!);
      const ref = reference !== undefined ? catalogOf(reference).checked.catalog : undefined;
      const format = kind === 'gap-html' ? 'html' : 'xlsx';
      send(outputName(held.name, '-差距报告', format), await gap(held.checked, format, ref));
      return;
    }
    case 'merge': {
      const held = ids.map((f) => catalogOf(f));
      const { catalog, findings, sources } = merge(held.map((h) => h.checked.catalog), '合并目录.xlsx');
      // The CLI's summary of a merge, and what only a clerk picking files can do: pick one file twice.
      const lines = [
        `已合并 ${held.length} 个文件，共 ${catalog.items.length} 个事项，重复 ${findings.length} 处：`,
        ...sources.map((s) => (s.items ? `  ${s.file}：${s.items} 个事项（序号 ${s.first === s.last ? s.first : `${s.first}–${s.last}`}）` : `  ${s.file}：没有事项`)),
      ];
      for (let i = 0; i < held.length; i++) {
        const twin = held.findIndex((h, j) => j < i && sameBytes(h.bytes, held[i]!.bytes));
        if (twin >= 0) lines.push(`注意：${held[i]!.name} 与 ${held[twin]!.name} 内容完全相同（可能把同一个文件选了两次），其中的事项都已重复合并；不需要时请移除一个再合并`);
      }
      send('合并目录.xlsx', await exportAs(catalog, 'xlsx'), lines.join('\n'));
      return;
    }
    case 'review': {
      const held = catalogOf(ids[0]!);
      const result = await review(held.bytes, held.checked, { date: localTime(new Date(), true) });
      send(outputName(held.name, '（审核意见）', 'xlsx'), { data: result.data, ext: 'xlsx', mime: result.mime }, `${summaryLine({ ...held.checked.result, findings: result.findings })}\n每个问题已作为批注写在所在单元格，第一张工作表“审核意见”列出全部问题。`);
      return;
    }
    case 'summary': {
      const rows = ids.map((f) => {
        const held = files.get(f);
        if (!held) throw new AppError('这个文件已移除，请重新选择');
        return held.checked ? summaryRowOf(held.checked, held.modified) : unreadableSummaryRow(held.name, held.error ?? '无法读取', held.modified);
      });
      const out = await summary(rows, 'xlsx');
      send('政务公开事项目录汇总.xlsx', out, `${ids.length} 个文件的汇总：${out.summary.totals.passed} 个通过。`);
      return;
    }
    case 'diff': {
      const [a, b] = ids.map((f) => catalogOf(f).checked.catalog);
      send('变化说明.html', await diff(a!, b!, 'html'));
      return;
    }
  }
}

self.onmessage = async (event: MessageEvent<Request>) => {
  const req = event.data;
  try {
    if (req.op === 'open') await open(req.id, req.file, req.input, req.role);
    else if (req.op === 'page') page(req.id, req.file, req.page);
    else if (req.op === 'export') await exportFile(req.id, req.kind, req.files, req.reference);
    else if (req.op === 'forget') files.delete(req.file);
    post({ id: req.id, type: 'done' });
  } catch (err) {
    post({ id: req.id, type: 'error', message: errorLine(err) });
  }
};
