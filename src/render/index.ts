// The renderer table: output format → pure function of the catalog (string or bytes).
import type { Catalog } from '../model/types.js';
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

/** The output format an output path asks for, by extension (.yml counts as yaml, .markdown as md). */
export function formatFromPath(file: string): OutputFormat | undefined {
  const ext = file.toLowerCase().split('.').pop() ?? '';
  const map: Record<string, OutputFormat> = { xlsx: 'xlsx', html: 'html', htm: 'html', md: 'md', markdown: 'md', yaml: 'yaml', yml: 'yaml' };
  return map[ext];
}

/** Render a catalog in a format. */
export async function render(catalog: Catalog, format: OutputFormat): Promise<Rendered> {
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
