// The renderer table: output format → pure function of the catalog (string or bytes).
import type { Catalog } from '../model/types.js';
import { isList, type Doc } from '../model/list.js';
import { diffToJson, type DiffReport } from '../reports/diff.js';
import type { GapReport } from '../reports/gap.js';

export type Rendered = string | Uint8Array;
export type Renderer = (catalog: Catalog) => Rendered | Promise<Rendered>;

// Loaded on use: rendering a page must not pay for loading exceljs, and the other way round.
export const RENDERERS = {
  xlsx: async (catalog: Catalog) => (await import('./xlsx.js')).renderXlsx(catalog),
  html: async (catalog: Catalog) => (await import('./html.js')).renderHtml(catalog),
  md: async (catalog: Catalog) => (await import('./markdown.js')).renderMarkdown(catalog),
  yaml: async (catalog: Catalog) => (await import('./yaml.js')).renderYaml(catalog),
} as const satisfies Record<string, Renderer>;

export type OutputFormat = keyof typeof RENDERERS;

/** The files zwgk writes, by format: their extensions (the usual one first) and media type. */
export const OUTPUT_FILES = {
  xlsx: { extensions: ['.xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  html: { extensions: ['.html', '.htm'], mime: 'text/html;charset=utf-8' },
  md: { extensions: ['.md', '.markdown'], mime: 'text/markdown;charset=utf-8' },
  yaml: { extensions: ['.yaml', '.yml'], mime: 'application/yaml;charset=utf-8' },
  json: { extensions: ['.json'], mime: 'application/json;charset=utf-8' },
} as const satisfies Record<string, { extensions: readonly string[]; mime: string }>;

export type OutputKind = keyof typeof OUTPUT_FILES;

/** The output format an extension (with its dot, any case) stands for. */
export function outputKindOf(ext: string): OutputKind | undefined {
  const lower = ext.toLowerCase();
  return (Object.keys(OUTPUT_FILES) as OutputKind[]).find((k) => (OUTPUT_FILES[k].extensions as readonly string[]).includes(lower));
}

/** The catalog format an output path asks for, by extension (.yml counts as yaml, .markdown as md). */
export function formatFromPath(file: string): OutputFormat | undefined {
  const kind = outputKindOf(`.${file.toLowerCase().split('.').pop() ?? ''}`);
  return kind && kind in RENDERERS ? (kind as OutputFormat) : undefined;
}

/** Render a catalog in a format. */
export async function render(catalog: Doc, format: OutputFormat): Promise<Rendered> {
  if (isList(catalog)) return (await import('./list/index.js')).renderList(catalog, format);
  return RENDERERS[format](catalog);
}

/** Gap report formats (zwgk gap --to), each loaded on use. */
export const GAP_RENDERERS = {
  md: async (r: GapReport) => (await import('./gap-markdown.js')).renderGapMarkdown(r),
  html: async (r: GapReport) => (await import('./gap-html.js')).renderGapHtml(r),
  json: async (r: GapReport) => (await import('./gap-json.js')).renderGapJson(r),
  xlsx: async (r: GapReport) => (await import('./gap-xlsx.js')).renderGapXlsx(r),
} as const satisfies Record<string, (r: GapReport) => Promise<Rendered>>;

export type GapFormat = keyof typeof GAP_RENDERERS;

/** Render a gap report in a format. */
export async function renderGap(report: GapReport, format: GapFormat): Promise<Rendered> {
  return GAP_RENDERERS[format](report);
}

/** Change-log formats (zwgk diff --to). */
export const DIFF_RENDERERS = {
  md: async (d: DiffReport) => (await import('./diff-md.js')).renderDiffMarkdown(d),
  html: async (d: DiffReport) => (await import('./diff-html.js')).renderDiffHtml(d),
  json: async (d: DiffReport) => diffToJson(d),
} as const satisfies Record<string, (d: DiffReport) => Promise<string>>;

export type DiffFormat = keyof typeof DIFF_RENDERERS;

/** Render a diff in a format. */
export async function renderDiff(diff: DiffReport, format: DiffFormat): Promise<string> {
  return DIFF_RENDERERS[format](diff);
}
