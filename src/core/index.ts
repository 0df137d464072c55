// zwgk's front door: the use cases the CLI, the browser app and library users call, as functions of
// bytes and names that return values (a catalog, findings, the bytes of an output). Nothing here opens
// a file, starts a process or writes to a terminal: src/node adds paths, src/cli and src/app add the
// people. The shells import this module (and the CLI src/node) and nothing deeper — a test holds it.
import type { Catalog } from '../model/types.js';
import { isList, type Doc, type ListDoc } from '../model/list.js';
import type { Layout } from '../layouts/types.js';
import type { Finding } from '../findings/finding.js';
import type { Profile } from '../settings/columns.js';
import { detectFormat, extensionOf, formatOf, readCatalogBytes } from '../formats/index.js';
import type { FormatSpec, ReadOptions } from '../formats/types.js';
import { validateDoc } from '../validate/index.js';
import { Report, type FileResult } from '../reports/report.js';
import { buildGap, gapCautions, type GapReport } from '../reports/gap.js';
import { diffCatalogs, type DiffReport } from '../reports/diff.js';
import { OUTPUT_FILES, render, renderDiff, renderGap, type DiffFormat, type GapFormat, type OutputFormat, type OutputKind, type Rendered } from '../render/index.js';
import type { FixResult } from '../fix/index.js';
import { mergeCatalogs, type MergeOptions, type MergeResult } from '../draft/merge.js';
import { mergeLists } from '../draft/merge-list.js';
import { diffLists } from '../reports/diff-list.js';
import { ZwgkError } from '../findings/finding.js';
import { ReadBudget } from '../grid/limits.js';
import { SHARED_READ_LIMITS } from '../settings/limits.js';
export { mergeLines } from '../draft/merge.js';
import { buildSummary, summaryRow, unreadableRow, type Summary, type SummaryRow } from '../reports/summary.js';

export type { Catalog, Cell, Item, ListField, Pair } from '../model/types.js';
export type { Doc, ListDoc, ListItem } from '../model/list.js';
export { isList } from '../model/list.js';
export type { Layout, LayoutColumn, ColumnKind } from '../layouts/types.js';
export { builtinLayouts, catalogLayouts, listLayouts, layoutNamed, looksLikeDefinition, requireLayout as requireLayoutNamed, CATALOG_LAYOUT_NAMES } from '../layouts/index.js';
export type { Profile } from '../settings/columns.js';
export type { FormatSpec, ReadOptions } from '../formats/types.js';
export type { GapReport } from '../reports/gap.js';
export type { DiffReport } from '../reports/diff.js';
export type { FixResult, FixChange, FixSkip } from '../fix/index.js';
export type { MergeResult, MergeOptions } from '../draft/merge.js';
export type { ReviewResult } from '../review/index.js';
export type { ListRow } from '../review/list-sheet.js';
export type { Summary, SummaryRow } from '../reports/summary.js';
export { summaryHeadline } from '../reports/summary.js';
export type { OutputFormat, OutputKind, GapFormat, DiffFormat, Rendered } from '../render/index.js';
export type { DisplayColumn } from '../model/display.js';
export type { SiteOptions } from '../render/site.js';

// What the shells show of a result: the same words and locations everywhere.
export * from './text.js';
export { displayColumns, displayValue } from '../model/display.js';
export { FORMATS, READABLE_EXTENSIONS, FOLDER_EXTENSIONS, extensionOf, formatOf, detectFormat, fixedInPlaceFormat } from '../formats/index.js';
export { OUTPUT_FILES, outputKindOf, formatFromPath } from '../render/index.js';
export { ReadBudget } from '../grid/limits.js';
export { READ_LIMITS, SHARED_READ_LIMITS, INPUT_LIMITS } from '../settings/limits.js';
export { formatBytes } from '../findings/finding.js';

/** One budget for the files a command keeps in memory together (merge, site, diff, gap --against; the app's merge): their values count together against SHARED_READ_LIMITS. */
export function sharedBudget(): ReadBudget {
  return new ReadBudget(SHARED_READ_LIMITS, '各文件合计有内容的单元格（值）', '请分几次处理，每次少用几个文件');
}

/** A catalog read and checked: what validate reports, and what fix, render and gap start from. */
export interface Checked {
  /** The name the bytes were given (used in messages, never opened). */
  file: string;
  /** The catalog, or a list of another layout (isList tells). */
  catalog: Doc;
  /** Every finding, sorted by place. */
  findings: Finding[];
  /** The file's line of the report (layout, item count, findings). */
  result: FileResult;
}

/** An output ready to be saved or sent: its bytes (or text), its usual extension and media type. */
export interface Exported {
  data: Rendered;
  ext: string;
  mime: string;
}

/** What fix returns: the corrected copy, each change and skip, its media type, and the changes in words. */
export interface Fixed extends FixResult {
  mime: string;
  /** One line per change or skip, in Chinese, as the CLI prints them and the app shows them. */
  lines: string[];
}

/** Read a catalog from bytes; throws ZwgkError (exit 2 in the CLI) when the file cannot be read. */
export async function read(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<Doc> {
  return readCatalogBytes(bytes, file, options);
}

/** Check an already read catalog: the findings of the schema and every content rule. */
export function validate(catalog: Doc): Finding[] {
  return validateDoc(catalog);
}

/** Read a layout definition (a unit's own list, YAML or JSON); throws layout-invalid (exit 2) at its line. */
export async function layout(bytes: Uint8Array, file: string): Promise<Layout> {
  const { parseLayout } = await import('../layouts/definition.js');
  return parseLayout(bytes, file);
}

/** The JSON Schema of a list layout's YAML form (what other systems validate a list's data with). */
export async function layoutSchema(of: Layout): Promise<Record<string, unknown>> {
  return (await import('../layouts/schema.js')).schemaOf(of);
}

/** How to check: how to read, and whether to run the rules (a reference catalog is only read). */
export interface CheckOptions extends ReadOptions {
  /** false: read only, no findings beyond the reader's refusal (default true). */
  validate?: boolean;
  /** Called between reading and validating (the app shows the item count while the rules run). */
  onRead?: (catalog: Doc) => void;
}

/** Read and check a catalog from bytes: the library's main call ("嵌入业务系统"). */
export async function check(bytes: Uint8Array, file: string, options: CheckOptions = {}): Promise<Checked> {
  const { validate: run = true, onRead, ...readOptions } = options;
  const catalog = await read(bytes, file, readOptions);
  onRead?.(catalog);
  return checkCatalog(catalog, file, run);
}

/** Check a catalog already read (a reference, a merged catalog) into the same result as check(). */
export function checkCatalog(catalog: Doc, file = catalog.file, run = true): Checked {
  const report = new Report();
  report.add({ file, profile: catalog.profile, items: catalog.items.length, findings: run ? validateDoc(catalog) : [] });
  const result = report.files[0]!;
  return { file, catalog, findings: result.findings, result };
}

/** Whether a set of findings passes (no error; warnings and hints allowed). */
export function passes(findings: readonly Finding[]): boolean {
  return !findings.some((f) => f.severity === 'error');
}

/** Wrap rendered data with its extension and media type. */
function exported(data: Rendered, kind: OutputKind): Exported {
  return { data, ext: OUTPUT_FILES[kind].extensions[0]!.slice(1), mime: OUTPUT_FILES[kind].mime };
}

/** A catalog as a publishable workbook (样表 style), web page, Markdown or YAML. */
export async function exportAs(catalog: Doc, format: OutputFormat): Promise<Exported> {
  return exported(await render(catalog, format), format);
}

/** As exportAs, but a catalog's web page, Markdown or YAML comes in pieces, each made as it is taken (for writing a
 * large one to a file or stream without holding it whole), and its workbook as the writer's pieces of bytes (never
 * joined into one more buffer of its size); a list's outputs as exportAs gives them. */
export async function exportPieces(catalog: Doc, format: OutputFormat): Promise<Omit<Exported, 'data'> & { data: Rendered | Iterable<string> | Uint8Array[] }> {
  if (isList(catalog)) return exportAs(catalog, format);
  if (format === 'xlsx') return { ...exported('', format), data: await (await import('../render/xlsx.js')).renderXlsxPieces(catalog) };
  if (format === 'md') return { ...exported('', format), data: (await import('../render/markdown.js')).markdownParts(catalog) };
  if (format === 'yaml') return { ...exported('', format), data: (await import('../render/yaml.js')).yamlParts(catalog) };
  return { ...exported('', format), data: (await import('../render/html.js')).htmlParts(catalog) };
}

/** The corrected copy of a checked file, read back and checked again (`remaining`, and in `lines`): the workbook or YAML with its cells edited, or, for a page or
 * Word document (never rewritten), the catalog written anew as `as` (default xlsx). */
export async function fix(bytes: Uint8Array, checked: Checked, as?: 'xlsx' | 'yaml', options: import('../fix/index.js').FixOptions = {}): Promise<Fixed> {
  // Loaded on use: the fixer brings exceljs, which validate and --help must not pay for.
  const { describeFix, fixBytes } = await import('../fix/index.js');
  const result = await fixBytes(bytes, checked.file, checked.findings, checked.catalog, as, options);
  return { ...result, mime: OUTPUT_FILES[result.format].mime, lines: describeFix(result) };
}

/** How to review: the date printed on the 审核意见 sheet (the core has no clock), and the last round, checked. */
export interface ReviewOptions {
  date: string;
  since?: Checked;
}

/** The 科室's workbook with the review added (批注 and fills at each finding's cell, a first sheet 审核意见
 * listing them); for YAML, pages and Word files, the 样表 workbook of the catalog, annotated. With `since`,
 * each finding says whether it was corrected, is still open or is new. */
export async function review(bytes: Uint8Array, checked: Checked, options: ReviewOptions): Promise<import('../review/index.js').ReviewResult & { mime: string }> {
  const { reviewBytes } = await import('../review/index.js');
  if (isList(checked.catalog)) notForLists('审核意见（review）', checked.catalog);
  const inPlace = detectFormat(bytes, checked.file)?.id === 'xlsx';
  const result = await reviewBytes(bytes, checked as Checked & { catalog: Catalog }, { ...options, inPlace } as Parameters<typeof reviewBytes>[2]);
  return { ...result, mime: OUTPUT_FILES.xlsx.mime };
}

/** How fix writes a file: into a copy of itself ('in-place') or as a new workbook/YAML ('rewrite'); undefined when zwgk cannot read it. */
export function fixMode(bytes: Uint8Array | undefined, file: string): FormatSpec['fix'] | undefined {
  return (bytes ? detectFormat(bytes, file) : formatOf(file))?.fix;
}

/** The gap report of a checked catalog, against a reference catalog when given. */
export function gapReport(checked: Checked, reference?: Doc): GapReport {
  if (isList(checked.catalog)) notForLists('差距报告（gap）', checked.catalog);
  if (reference && isList(reference)) notForLists('参考目录（--against）', reference);
  return buildGap(checked.catalog, checked.findings, reference);
}

/** The gap report rendered in a format, with what to tell the user about the reference (`cautions`: a
 * reference with nothing in common, or of the other layout). */
export async function gap(checked: Checked, format: GapFormat, reference?: Doc): Promise<Exported & { cautions: string[] }> {
  const report = gapReport(checked, reference);
  return { ...exported(await renderGap(report, format), format), cautions: gapCautions(report) };
}

/** What changed from one version of a catalog to the next. */
export function diffReport(before: Doc, after: Doc): DiffReport {
  if (isList(before) && isList(after)) return diffLists(before, after);
  if (isList(before) || isList(after)) throw new ZwgkError('diff-layouts', { file: after.file }, { detail: `${before.file} 是${layoutWords(before)}，${after.file} 是${layoutWords(after)}` });
  return diffCatalogs(before, after);
}

/** The change log of two versions rendered in a format. */
export async function diff(before: Doc, after: Doc, format: DiffFormat): Promise<Exported> {
  return exported(await renderDiff(diffReport(before, after), format), format);
}

/** Several catalogs of one layout merged into one named `output` (序号 1..N, sources kept, duplicates reported). */
export function merge(catalogs: readonly Doc[], output: string, options: MergeOptions = {}): MergeResult | ReturnType<typeof mergeLists> {
  const lists = catalogs.filter(isList);
  if (lists.length === catalogs.length) return mergeLists(lists, output);
  if (lists.length) throw new ZwgkError('mixed-layouts', { file: lists[0]!.file }, { detail: catalogs.map((c) => `${c.file} 是${layoutWords(c)}`).join('，') });
  return mergeCatalogs(catalogs as Catalog[], output, options);
}

/** The site of several catalogs: page name → HTML (a catalog's page as a function that renders it, to call
 * once), with the index page, and the test that tells a page
 * zwgk wrote (from its first bytes) from a user's own file of the same name. */
export async function site(catalogs: readonly Doc[], options: import('../render/site.js').SiteOptions = {}): Promise<{ pages: Map<string, string | (() => string | Iterable<string>)>; names: string[]; index: string; isOurs: (head: Uint8Array) => boolean }> {
  const { renderSitePages, pageNames, isZwgkPage, SITE_INDEX } = await import('../render/site.js');
  // Pages are rendered as they are written (each catalog let go after its page): call each once.
  return { pages: renderSitePages(catalogs, options), names: pageNames(catalogs.map((c) => c.file)), index: SITE_INDEX, isOurs: isZwgkPage };
}

/** The formats of the roll-up (zwgk summary). */
export type SummaryFormat = 'xlsx' | 'html' | 'md' | 'json';

/** A checked file's row of the roll-up; `modified` is the file's last change as the shell words it (the core has no clock). */
export function summaryRowOf(checked: Checked, modified: string): SummaryRow {
  return summaryRow(checked.file, checked.catalog, checked.findings, modified);
}

/** The roll-up row of a file that could not be read: named with the reason, never left out. */
export function unreadableSummaryRow(file: string, reason: string, modified: string): SummaryRow {
  return unreadableRow(file, reason, modified);
}

/** The roll-up of many files (one row each, and units × categories) in a format. */
export async function summary(rows: readonly SummaryRow[], format: SummaryFormat, title = '政务公开事项目录汇总'): Promise<Exported & { summary: Summary }> {
  const s = buildSummary(rows);
  let data: Rendered;
  if (format === 'json') data = JSON.stringify({ title, ...s }, null, 2) + '\n';
  else if (format === 'md') data = (await import('../render/summary-md.js')).renderSummaryMarkdown(s, title);
  else if (format === 'html') data = (await import('../render/summary-html.js')).renderSummaryHtml(s, title);
  else data = await (await import('../render/summary-xlsx.js')).renderSummaryXlsx(s, title);
  return { ...exported(data, format), summary: s };
}

/** An empty Excel template of a layout, with the 填表说明 and drop-down lists (exceljs loaded only here). */
export async function template(profile: Profile | Layout): Promise<Exported> {
  if (typeof profile !== 'string') return exported(await (await import('../draft/list-template.js')).renderListTemplateXlsx(profile), 'xlsx');
  const { renderTemplateXlsx } = await import('../draft/template-xlsx.js');
  return exported(await renderTemplateXlsx(profile), 'xlsx');
}

/** A commented YAML skeleton of a layout, for drafting in a text editor. */
export async function skeleton(profile: Profile | Layout): Promise<Exported> {
  if (typeof profile !== 'string') return exported((await import('../draft/list-skeleton.js')).renderListSkeleton(profile), 'yaml');
  const { renderSkeletonYaml } = await import('../draft/skeleton-yaml.js');
  return exported(renderSkeletonYaml(profile), 'yaml');
}

/** An output's name beside its input's: same base name, a suffix, another extension ("目录（修正后）.xlsx"). */
export function outputName(input: string, suffix: string, ext: string): string {
  const cut = extensionOf(input).length;
  return `${cut ? input.slice(0, input.length - cut) : input}${suffix}.${ext.replace(/^\./, '')}`;
}

/** A document's layout in words (一份重大行政决策事项目录, 2019 版式的政务公开事项目录). */
function layoutWords(doc: Doc): string {
  return isList(doc) ? `一份${doc.layout.name}` : ` ${doc.profile} 版式的政务公开事项目录`;
}

/** A use case that exists for 政务公开事项目录 only, asked of a list of another layout: said plainly (exit 2). */
function notForLists(what: string, doc: ListDoc): never {
  throw new ZwgkError('list-not-supported', { file: doc.file }, { file: doc.file, what, layout: doc.layout.name });
}
