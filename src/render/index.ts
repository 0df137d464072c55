// The renderer table: output format → pure function of the catalog (string or Buffer).
import type { Catalog } from '../model/types.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderXlsx } from './xlsx.js';
import { renderYaml } from './yaml.js';

export type Rendered = string | Buffer;
export type Renderer = (catalog: Catalog) => Rendered | Promise<Rendered>;

export const RENDERERS = {
  xlsx: renderXlsx,
  html: renderHtml,
  md: renderMarkdown,
  yaml: renderYaml,
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
