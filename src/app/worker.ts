// The app's Web Worker: the same core the CLI runs (read → validate → fix/render/gap/merge/diff), on the
// files the page hands over (as Blobs). It holds each file as worker-held.ts says — whole only while in
// use — and answers the page with what it shows.
import {
  CODES,
  FIX_WORDS,
  SEVERITY_RANK,
  ZwgkError,
  check,
  isList,
  layout as readLayout,
  looksLikeDefinition,
  describeAt,
  diff,
  exportAs,
  extensionOf,
  fix,
  detectFormat,
  fixedInPlaceFormat,
  formatFindingLine,
  formatLocation,
  gap,
  merge,
  mergeLines,
  outputName,
  passes,
  sharedBudget,
  review,
  severityLabel,
  summary,
  summaryRowOf,
  unreadableSummaryRow,
  summaryLine,
  template,
  listLayouts,
  toJsonDiagnostic,
  type Doc,
  type Layout,
  type Checked,
  type Code,
  type Exported,
  type Finding,
  type Severity,
} from '../core/index.js';
import { AppError, bytesOf, digestOf, files, forget, inUse, keep, type Held, type Loaded } from './worker-held.js';
import { FINDING_ROWS, PAGE_ITEMS, type ExportChoices, type FindingQuery, type ExportKind, type FileView, type FindingView, type InFile, type Meta, type Request, type Response } from './protocol.js';
import { pageView, refKey } from './worker-table.js';

const post = (r: Response, transfer: Transferable[] = []): void => (self as unknown as Worker).postMessage(r, transfer);

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

/** A message in the words of a page with buttons: where the CLI says “可用 zwgk fix”, the clerk has one. */
function appWords(text: string): string {
  return text.replaceAll(FIX_WORDS.cli, FIX_WORDS.app);
}

/** needs-soffice in a browser's words: the CLI would convert with LibreOffice, the page never can, so the
 * clerk is told only what to do by hand (nothing to install). */
function browserWords(p: Record<string, string | number>): string {
  return `网页版不能直接读取 ${p.ext} 文件（${p.file}）。请在 ${p.app} 中打开它，选择“另存为”→“${p.saveAs}”，再在这里选择另存好的 ${p.target} 文件`;
}

/** The message a thrown error gets, in the CLI's words. */
function errorLine(err: unknown): string {
  if (err instanceof ZwgkError && err.finding.code === 'needs-soffice') return `错误：${browserWords(err.finding.params ?? {})}`;
  if (err instanceof ZwgkError || err instanceof AppError) return `错误：${appWords(err.message)}`;
  return `错误：内部错误：${(err as Error)?.message ?? String(err)}。请把这个文件和这段文字反馈给维护者`;
}

/** A finding as the page lists it. */
function findingView(f: Finding): FindingView {
  const ref = refKey(f.location);
  const d = toJsonDiagnostic(f);
  return {
    ...d,
    message: appWords(d.message),
    line: appWords(formatFindingLine(f)),
    where: formatLocation(f.location),
    place: describeAt(f.location) || '整个文件',
    level: severityLabel(f.severity),
    ...(ref ? { ref } : {}),
  };
}

/** The kinds of correction fix would make, most frequent first. */
function fixKinds(findings: readonly Finding[]): FileView['fixes'] {
  const counts = new Map<string, number>();
  for (const f of findings) if (f.fix) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([code, count]) => ({ code, title: CODES[code as Code]?.title ?? code, count }));
}

/** The unit's own layouts the clerk picked (a definition file beside the lists): every later read knows them. */
const layouts: Layout[] = [];

/** A picked file that is a layout definition: read and kept (replacing one of the same id), and said so. */
async function openLayout(id: number, file: number, input: InFile, quiet = false): Promise<boolean> {
  if (!/\.(?:ya?ml|json)$/iu.test(input.name) || input.blob.size > 1024 * 1024) return false;
  const bytes = await bytesOf(input);
  if (!looksLikeDefinition(new TextDecoder().decode(bytes))) return false;
  const view: FileView = { file, name: input.name, ok: false };
  try {
    const def = await readLayout(bytes, input.name);
    const at = layouts.findIndex((l) => l.id === def.id);
    if (at >= 0) layouts.splice(at, 1);
    layouts.unshift(def);
    Object.assign(view, { ok: true, layout: def.name, layoutId: def.id, summary: `已读入版式定义“${def.name}”（${def.columns.length} 列：${def.columns.map((c) => c.label).join('、')}）。之后选择的${def.name}都按它校验；已打开的文件请移除后重新选择。` });
  } catch (err) {
    view.error = errorLine(err);
  }
  if (!quiet) post({ id, type: 'opened', view });
  return true;
}

/** Read a held file and keep it in use: its catalog, findings as listed and the marks of the table's cells.
 * `again` when it was read before and let go (the clerk is told why it takes a moment). */
async function load(id: number, file: number, held: Held, again: boolean): Promise<Loaded> {
  const name = held.name;
  let last = 0;
  const onProgress = (items: number, fraction?: number): void => {
    const now = performance.now();
    if (now - last < 100) return;
    last = now;
    post({ id, type: 'progress', file, text: `正在${again ? '重新' : ''}读取 ${name}：已读取 ${items} 个事项…`, ...(fraction !== undefined ? { fraction } : {}) });
  };
  post({ id, type: 'progress', file, text: again ? `正在重新读取 ${name}…（为节省内存，暂时不用的大文件没有一直保留）` : `正在读取 ${name}…`, fraction: 0 });
  const bytes = await bytesOf(held);
  const checked = await check(bytes, name, {
    onProgress,
    layouts,
    onRead: (catalog) => post({ id, type: 'progress', file, text: `正在校验 ${name}（${catalog.items.length} 个事项）…`, fraction: 1 }),
    ...(held.role === 'reference' ? { validate: false } : {}),
  });
  const marks = new Map<string, Severity>();
  for (const f of checked.findings) {
    const key = refKey(f.location);
    if (!key) continue;
    const had = marks.get(key);
    if (!had || SEVERITY_RANK[f.severity] < SEVERITY_RANK[had]) marks.set(key, f.severity);
  }
  const l: Loaded = { bytes, checked, views: checked.findings.map(findingView), marks };
  keep(file, l);
  return l;
}

/** A file read before, in use again (read again from its Blob when it was let go). */
async function use(id: number, file: number): Promise<Held & Loaded> {
  const held = files.get(file);
  if (!held || held.error !== undefined) throw new AppError('这个文件已移除或没有读取成功，请重新选择');
  const l = inUse(file) ?? (await load(id, file, held, true));
  return { ...held, ...l };
}

async function open(id: number, file: number, input: InFile, role: 'catalog' | 'reference'): Promise<void> {
  if (await openLayout(id, file, input)) return;
  const held: Held = { name: input.name, blob: input.blob, role, items: 0, modified: input.modified ? localTime(new Date(input.modified)) : '' };
  files.set(file, held);
  const view: FileView = { file, name: input.name, ok: false };
  try {
    const { bytes, checked } = await load(id, file, held, false);
    const { catalog, result } = checked;
    const meta: Meta = {};
    if (catalog.title) meta.title = catalog.title;
    if (catalog.unit) meta.unit = catalog.unit;
    if (catalog.date) meta.date = catalog.date;
    held.row = summaryRowOf(checked, held.modified);
    held.digest = digestOf(bytes);
    held.items = catalog.items.length;
    Object.assign(view, {
      ok: true,
      summary: summaryLine(result),
      valid: passes(result.findings),
      profile: catalog.profile,
      list: isList(catalog),
      items: catalog.items.length,
      pages: Math.max(1, Math.ceil(catalog.items.length / PAGE_ITEMS)),
      // A page or Word document is not rewritten: its corrected catalog comes as a workbook.
      fixable: fixableInApp(bytes, input.name),
      fixes: fixKinds(result.findings),
      meta,
      unit: held.row.unit,
      counts: countsOf(result.findings),
      row: held.row,
      digest: held.digest,
    });
  } catch (err) {
    // A refused file keeps only its message (never its bytes).
    view.error = errorLine(err);
    held.error = view.error.replace(/^错误：/, '');
  }
  post({ id, type: 'opened', view });
}

/** A file the page read before with an earlier worker (one ended to cancel a read): held again from what
 * the page has of it, without reading it (it is read again when first used). */
async function hold(file: number, input: InFile, role: 'catalog' | 'reference', view: FileView): Promise<void> {
  if (view.layout !== undefined) {
    await openLayout(0, file, input, true);
    return;
  }
  const held: Held = { name: input.name, blob: input.blob, role, items: view.items ?? 0, modified: input.modified ? localTime(new Date(input.modified)) : '' };
  if (!view.ok) held.error = (view.error ?? '无法读取').replace(/^错误：/, '');
  if (view.row) held.row = view.row;
  if (view.digest) held.digest = view.digest;
  files.set(file, held);
}

function countsOf(findings: readonly Finding[]): Record<'all' | Severity, number> {
  const counts = { all: findings.length, error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** A page of a file's findings that match the query (all of them, for printing). */
async function findingsPage(id: number, file: number, q: FindingQuery): Promise<void> {
  const { views } = await use(id, file);
  const words = q.words.trim();
  const matching = q.level === 'all' && !words ? views : views.filter((f) => (q.level === 'all' || f.severity === q.level) && (!words || f.place.includes(words) || f.message.includes(words) || f.where.includes(words)));
  const pages = Math.max(1, Math.ceil(matching.length / FINDING_ROWS));
  const page = Math.min(Math.max(0, q.page), pages - 1);
  const rows = q.all ? matching : matching.slice(page * FINDING_ROWS, (page + 1) * FINDING_ROWS);
  post({ id, type: 'findings', view: { file, rows, matching: matching.length, page, pages } });
}

async function page(id: number, file: number, pageNo: number): Promise<void> {
  const { checked, marks } = await use(id, file);
  post({ id, type: 'page', view: pageView(checked.catalog, marks, file, pageNo) });
}

/** The corrected copy of a file, with the fixes the clerk chose (all, less the codes left out). */
async function fixed(held: Held & Loaded, skip: readonly string[] = []) {
  const left = new Set(skip);
  const checked: Checked = left.size ? { ...held.checked, findings: held.checked.findings.filter((f) => !left.has(f.code)) } : held.checked;
  const ext = extensionOf(held.name);
  const result = await fix(held.bytes, checked, undefined, { read: { layouts } });
  const outExt = result.format === 'yaml' ? (ext === '.yml' ? 'yml' : 'yaml') : 'xlsx';
  return { result, name: outputName(held.name, '（修正后）', outExt), ext: outExt };
}

/** The catalog a publish button renders: the corrected one when asked (read back from the corrected copy),
 * with the 标题 / 编制单位 / 日期 the clerk entered. */
async function toPublish(held: Held & Loaded, choices: ExportChoices): Promise<Doc> {
  let catalog = held.checked.catalog;
  if (choices.fixFirst && held.checked.findings.some((f) => f.fix && !(choices.skip ?? []).includes(f.code))) {
    const { result, name } = await fixed(held, choices.skip);
    const bytes = typeof result.data === 'string' ? new TextEncoder().encode(result.data) : result.data;
    catalog = (await check(bytes, name, { validate: false, layouts })).catalog;
  }
  const meta = choices.meta ?? {};
  const copy: Doc = { ...catalog };
  for (const key of ['title', 'unit', 'date'] as const) {
    // Left as the form showed it: the catalog's own text, exactly (what `zwgk render` prints).
    if (meta[key] === undefined || meta[key] === (catalog[key] ?? '')) continue;
    const text = meta[key]!.trim();
    if (text) copy[key] = text;
    else delete copy[key];
  }
  return copy;
}

async function exportFile(id: number, kind: ExportKind, ids: number[], reference: number | undefined, choices: ExportChoices = {}): Promise<void> {
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
    case 'template-list': {
      // A built-in list's or one the clerk picked a definition of (the picked one first, as for reading).
      const chosen = listLayouts(layouts).find((l) => l.id === choices.layout);
      if (!chosen) throw new AppError(`没有找到版式“${choices.layout ?? ''}”；请重新选择它的版式定义文件`);
      send(`${chosen.name}模板.xlsx`, await template(chosen));
      return;
    }
    case 'fix': {
      const held = await use(id, ids[0]!);
      const { result, name, ext } = await fixed(held, choices.skip);
      const lines = result.lines.map(appWords);
      if (!fixedInPlaceFormat(held.name)) lines.unshift(`${held.name} 不会被改写：修正后的目录写成 Excel 工作簿（样表格式）。`);
      if (choices.skip?.length) lines.push(`按选择未修正：${choices.skip.map((c) => CODES[c as Code]?.title ?? c).join('、')}。`);
      send(name, { data: result.data, ext, mime: result.mime }, lines.join('\n'));
      return;
    }
    case 'html':
    case 'xlsx':
    case 'md':
    case 'yaml': {
      const held = await use(id, ids[0]!);
      const same = extensionOf(held.name) === `.${kind}`;
      send(outputName(held.name, same ? '（发布版）' : '', kind), await exportAs(await toPublish(held, choices), kind));
      return;
    }
    case 'gap-html':
    case 'gap-xlsx': {
      const held = await use(id, ids[0]!);
      const ref = reference !== undefined ? (await use(id, reference)).checked.catalog : undefined;
      const format = kind === 'gap-html' ? 'html' : 'xlsx';
      const out = await gap(held.checked, format, ref);
      send(outputName(held.name, '-差距报告', format), out, out.cautions.map((c) => `注意：${c}`).join('\n') || undefined);
      return;
    }
    case 'merge': {
      // Read again, all under one budget as the CLI's merge reads them: many large files are refused in
      // its words (请分几次处理…) rather than held together past what the page's memory can take.
      const budget = sharedBudget();
      const held: Held[] = [];
      const docs: Doc[] = [];
      for (const f of ids) {
        const h = files.get(f);
        if (!h || h.error !== undefined) throw new AppError('这个文件已移除或没有读取成功，请重新选择');
        post({ id, type: 'progress', text: `正在读取 ${h.name}（合并 ${held.length + 1}/${ids.length}）…` });
        docs.push((await check(await bytesOf(h), h.name, { validate: false, layouts, budget })).catalog);
        held.push(h);
      }
      const merged = merge(docs, '合并目录.xlsx');
      // The CLI's summary of a merge and its notes, and what only a clerk picking files can do: pick one file twice.
      const lines = [...mergeLines(merged, held.length), ...merged.findings.filter((f) => f.code !== 'merge-duplicate').map((f) => `注意：${f.message}`)];
      const duplicates = merged.findings.filter((x) => x.code === 'merge-duplicate');
      for (const f of duplicates.slice(0, 20)) lines.push(f.message);
      if (duplicates.length > 20) lines.push(`……另有 ${duplicates.length - 20} 处重复，见合并后的表格`);
      for (let i = 0; i < held.length; i++) {
        const twin = held.findIndex((h, j) => j < i && h.digest !== undefined && h.digest === held[i]!.digest);
        if (twin >= 0) lines.push(`注意：${held[i]!.name} 与 ${held[twin]!.name} 内容完全相同（可能把同一个文件选了两次），其中的事项都已重复合并；不需要时请去掉其中一个的勾选再合并`);
      }
      send('合并目录.xlsx', await exportAs(merged.catalog, 'xlsx'), lines.join('\n'));
      return;
    }
    case 'review': {
      const held = await use(id, ids[0]!);
      const result = await review(held.bytes, held.checked, { date: localTime(new Date(), true) });
      send(outputName(held.name, '（审核意见）', 'xlsx'), { data: result.data, ext: 'xlsx', mime: result.mime }, `${summaryLine({ ...held.checked.result, findings: result.findings })}\n每个问题已作为批注写在所在单元格，第一张工作表“审核意见”列出全部问题。`);
      return;
    }
    case 'summary': {
      const rows = ids.map((f) => {
        const held = files.get(f);
        if (!held) throw new AppError('这个文件已移除，请重新选择');
        return held.row ?? unreadableSummaryRow(held.name, held.error ?? '无法读取', held.modified);
      });
      const out = await summary(rows, 'xlsx');
      send('政务公开事项目录汇总.xlsx', out, `${ids.length} 个文件的汇总：${out.summary.totals.passed} 个通过。`);
      return;
    }
    case 'diff': {
      const a = (await use(id, ids[0]!)).checked.catalog;
      const b = (await use(id, ids[1]!)).checked.catalog;
      send('变化说明.html', await diff(a!, b!, 'html'));
      return;
    }
  }
}

async function answer(req: Request): Promise<void> {
  try {
    if (req.op === 'open') await open(req.id, req.file, req.input, req.role);
    else if (req.op === 'page') await page(req.id, req.file, req.page);
    else if (req.op === 'findings') await findingsPage(req.id, req.file, req.query);
    else if (req.op === 'hold') await hold(req.file, req.input, req.role, req.view);
    else if (req.op === 'export') await exportFile(req.id, req.kind, req.files, req.reference, req.choices);
    else if (req.op === 'forget') forget(req.file);
    post({ id: req.id, type: 'done' });
  } catch (err) {
    post({ id: req.id, type: 'error', message: errorLine(err) });
  }
}

// One request after another, in the order sent: a file held again after a cancel (a layout read from its
// Blob) is in place before the next request is answered.
let answering = Promise.resolve();
self.onmessage = (event: MessageEvent<Request>) => {
  answering = answering.then(() => answer(event.data));
};
