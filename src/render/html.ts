// The catalog as one self-contained, publishable HTML page: a semantic table grouped by category,
// search and category filter (progressive: the page is complete without JavaScript), phone and
// print layouts, and a strict Content-Security-Policy. Templates live in templates/.
import { COLUMNS } from '../settings.js';
import type { Catalog, Item } from '../model/types.js';
import {
  catalogTitle,
  noteText,
  displayColumns,
  displayValue,
  groupByCategory,
  groupName,
  type DisplayColumn,
} from './common.js';
import { escapeHtml, textToHtml } from './escape.js';
import { asset, Handlebars, loadTemplate, type TemplateDelegate } from './templates.js';

const LAYOUT_NAMES = { '2017': '2017 年样表版式', '2019': '2019 年标准目录版式' } as const;

interface Compiled {
  template: TemplateDelegate;
  css: string;
  js: string;
  csp: string;
}

let compiled: Compiled | undefined;

/** Load the page template once, on first use, with the one helper that outputs markup. */
function compile(): Compiled {
  if (compiled) return compiled;
  // The `text` helper escapes every piece of text itself (textToHtml), and only http(s) URLs become links.
  const template = loadTemplate('catalog', ['controls'], (hb) => ({
    text: (value: unknown) => new hb.SafeString(textToHtml(value == null ? '' : String(value))),
  }));
  const css = asset('catalog.css');
  const js = asset('catalog.js');
  // Hashes rather than 'unsafe-inline': even if some text escaped our escaping, an injected
  // <script> or <style> would not match a hash and would not run. Nothing may be fetched.
  const csp = [
    "default-src 'none'",
    `style-src ${css.hash}`,
    `script-src ${js.hash}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  compiled = { template, css: css.text, js: js.text, csp };
  return compiled;
}

/**
 * The rows of one item as markup: one <tr> per 公开内容, item-level cells on the first with a rowspan.
 * Built here rather than in a partial because a province-sized catalog has a million cells: a
 * Handlebars block per cell cost seconds of allocation. Every text still goes through textToHtml.
 */
function itemRowsHtml(catalog: Catalog, item: Item, index: number, cols: DisplayColumn[]): string {
  const n = Math.max(1, item.pairs.length);
  let html = '';
  for (let p = 0; p < n; p++) {
    html += `<tr class="item${p === 0 ? ' item-first' : ''}" data-item="${index}">`;
    for (const col of cols) {
      const key = col.key === 'extra' ? 'extra' : col.key;
      const open = `<td data-label="${escapeHtml(col.label)}"`;
      if (col.perPair) {
        const pair = item.pairs[p];
        const value = pair ? (col.key === 'content' ? pair.content.text : (pair.standard?.text ?? '')) : '';
        html += `${open} class="col-${key}">${textToHtml(value)}</td>`;
      } else if (p === 0) {
        const v = displayValue(catalog, item, col);
        const span = n > 1 ? ` rowspan="${n}"` : '';
        const body = Array.isArray(v) ? (v.length ? `<ul>${v.map((x) => `<li>${textToHtml(x)}</li>`).join('')}</ul>` : '') : textToHtml(v);
        html += `${open}${span} class="col-${key}">${body}</td>`;
      }
    }
    html += '</tr>\n';
  }
  return html;
}

/** Render a catalog as a self-contained HTML page (string). */
export function renderHtml(catalog: Catalog): string {
  const { template, css, js, csp } = compile();
  const cols = displayColumns(catalog);
  const title = catalogTitle(catalog);
  const unit = catalog.unit?.trim() ? catalog.unit : '';
  let index = 0;
  const groups = groupByCategory(catalog.items).map((g, gi) => ({
    index: String(gi),
    name: groupName(g.name),
    count: g.items.length,
    rows: new Handlebars.SafeString(g.items.map((item) => itemRowsHtml(catalog, item, index++, cols)).join('')),
  }));
  return template({
    csp,
    css,
    js,
    pageTitle: unit && !title.includes(unit) ? `${title} - ${unit}` : title,
    title,
    unit,
    date: catalog.date?.trim() ? catalog.date : '',
    total: catalog.items.length,
    profile: catalog.profile,
    layoutName: LAYOUT_NAMES[catalog.profile],
    categoryLabel: COLUMNS[catalog.profile].find((c) => c.key === 'category')!.label,
    columns: cols.map((c) => ({ label: c.label })),
    columnCount: cols.length,
    groups,
    note: noteText(catalog) ?? '',
  });
}
