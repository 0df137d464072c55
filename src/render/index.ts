// The renderer table: output format → pure function of the catalog (string or bytes).
import type { Catalog } from '../model/types.js';

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
