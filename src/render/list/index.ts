// The outputs of a list of another layout, by format (each loaded on use, as the catalog's are).
import type { ListDoc } from '../../model/list.js';

/** Render a list in a format: a page, a workbook in the layout's print style, Markdown or YAML. */
export async function renderList(doc: ListDoc, format: 'xlsx' | 'html' | 'md' | 'yaml'): Promise<string | Uint8Array> {
  switch (format) {
    case 'html': return (await import('./html.js')).renderListHtml(doc);
    case 'xlsx': return (await import('./xlsx.js')).renderListXlsx(doc);
    case 'md': return (await import('./markdown.js')).renderListMarkdown(doc);
    case 'yaml': return (await import('./yaml.js')).renderListYaml(doc);
  }
}
