// The catalog as one self-contained, publishable HTML page: a semantic table grouped by category,
// search and category filter (progressive: the page is complete without JavaScript), phone and
// print layouts, and a strict Content-Security-Policy. Templates live in templates/.
import { COLUMNS } from '../settings/columns.js';
import type { Catalog, Item } from '../model/types.js';
import { catalogTitle, displayColumns, displayValue, groupByCategory, catalogGroupName, type DisplayColumn } from '../model/display.js';
import { escapeHtml, textToHtml } from './escape.js';
import { asset, Handlebars, loadTemplate, type AssetName, type TemplateDelegate } from './templates.js';
import { foldSections, SECTIONS, type SectionSplit } from './sections.js';
import { otherSheetsView } from './other-sheets.js';

/** A page template with the assets it inlines and the CSP that allows exactly those. */
interface PageTemplate {
  template: TemplateDelegate;
  css: string;
  js: string;
  csp: string;
}

/** The catalog page, and the index page of a site. */
interface Compiled extends PageTemplate {
  index: PageTemplate;
}

let compiled: Compiled | undefined;

/** Load the page template once, on first use, with the one helper that outputs markup. */
function compile(): Compiled {
  if (compiled) return compiled;
  // The `text` helper escapes every piece of text itself (textToHtml), and only http(s) URLs become links.
  const helpers = (hb: typeof Handlebars) => ({
    text: (value: unknown) => new hb.SafeString(textToHtml(value == null ? '' : String(value))),
  });
  const page = (name: 'catalog' | 'site-index', css: AssetName, js: AssetName): PageTemplate => ({
    template: loadTemplate(name, ['controls'], helpers),
    css: asset(css).text,
    js: asset(js).text,
    // Hashes rather than 'unsafe-inline': even if some text escaped our escaping, an injected
    // <script> or <style> would not match a hash and would not run. Nothing may be fetched.
    csp: [
      "default-src 'none'",
      `style-src ${asset(css).hash}`,
      `script-src ${asset(js).hash}`,
      "img-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; '),
  });
  compiled = {
    ...page('catalog', 'catalog.css', 'catalog-page.js'),
    index: page('site-index', 'site-index.css', 'site-index.js'),
  };
  return compiled;
}

/**
 * One item as markup: its own <tbody> (an item prints whole on one page and is a phone card), one <tr>
 * per 公开内容, item-level cells on the first with a rowspan. `number` (1-based) makes its anchor,
 * #item-3, which the site index links to. Built here rather than in a partial because a
 * province-sized catalog has a million cells: a Handlebars block per cell cost seconds of
 * allocation. Every text still goes through textToHtml.
 */
function itemRowsHtml(catalog: Catalog, item: Item, number: number, group: number, cols: DisplayColumn[]): string {
  const n = Math.max(1, item.pairs.length);
  let html = `<tbody class="item" id="item-${number}" data-group="${group}">\n`;
  for (let p = 0; p < n; p++) {
    html += '<tr>';
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
  return html + '</tbody>\n';
}

/** Options of a page. */
export interface PageOptions {
  /** The link back to the site's index (a page of zwgk site). */
  home?: { href: string; label: string };
  /** Above how many items the page is laid out in folded sections, and how many a section holds (render/sections.ts). */
  sections?: SectionSplit;
}

export { SECTIONS } from './sections.js';

/** Render a catalog as a self-contained HTML page (string). */
export function renderHtml(catalog: Catalog, options: PageOptions = {}): string {
  return [...htmlParts(catalog, options)].join('');
}

/** Where a group's or section's rows go in the filled template: a tag no escaped text can hold (its < would
 * be &lt;) and the template does not have. */
const ROWS_AT = /<zwgk-rows n="(\d+)"><\/zwgk-rows>/g;

/**
 * The page in pieces, each group's or section's rows made only when their turn comes: a 100 000-item page
 * is 200 MB, and written piece by piece (node/write.ts) it is never held whole, nor twice while encoded.
 */
export function* htmlParts(catalog: Catalog, options: PageOptions = {}): Generator<string> {
  const made: (() => string)[] = [];
  const page = pageWithSlots(catalog, options, (make) => {
    made.push(make);
    return new Handlebars.SafeString(`<zwgk-rows n="${made.length - 1}"></zwgk-rows>`);
  });
  let at = 0;
  for (const m of page.matchAll(ROWS_AT)) {
    yield page.slice(at, m.index);
    yield made[Number(m[1])]!();
    made[Number(m[1])] = () => '';
    at = m.index! + m[0].length;
  }
  yield page.slice(at);
}

/** The filled page template, each group's or section's rows given by `slot` (a placeholder, or the rows). */
function pageWithSlots(catalog: Catalog, options: PageOptions, slot: (make: () => string) => InstanceType<typeof Handlebars.SafeString>): string {
  const { template, css, js, csp } = compile();
  const cols = displayColumns(catalog);
  const title = catalogTitle(catalog);
  const unit = catalog.unit?.trim() ? catalog.unit : '';
  const numbers = new Map(catalog.items.map((item, i) => [item, i + 1]));
  const byCategory = groupByCategory(catalog.items);
  const split = options.sections ?? SECTIONS;
  const rowsOf = (items: readonly Item[], gi: number) => slot(() => items.map((item) => itemRowsHtml(catalog, item, numbers.get(item)!, gi, cols)).join(''));
  const large = catalog.items.length > split.over;
  const groups = byCategory.map((g, gi) => ({
    index: String(gi),
    name: catalogGroupName(catalog, g.name),
    count: g.items.length,
    rows: large ? '' : rowsOf(g.items, gi),
  }));
  const sections = large ? foldSections(byCategory.map((g) => ({ name: catalogGroupName(catalog, g.name), items: g.items })), split, rowsOf) : false;
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
    // One 公开事项 column and no 一级事项: the table is not divided into groups.
    ungrouped: catalog.ungrouped === true,
    categoryLabel: COLUMNS[catalog.profile].find((c) => c.key === 'category')!.label,
    columns: cols.map((c) => ({ label: c.label })),
    columnCount: cols.length,
    groups,
    sections,
    // Only the catalog's own 注: the sample table's standard 注 tells drafters how to fill the
    // columns and means nothing to the public.
    note: catalog.note?.trim() ? catalog.note : '',
    // Lines the sheet has above its header (填报单位（盖章）：…), as written.
    preface: catalog.preface?.trim() ? catalog.preface : '',
    // The source's sheets that hold no catalog, kept: folded under the table, left out of print.
    otherSheets: otherSheetsView(catalog.otherSheets),
    home: options.home ?? false,
  });
}

/** The catalog page's template filled with a view of another kind of list (render/list/html.ts): the same
 * page, assets, CSP, search and print layout. */
export function renderPage(view: Record<string, unknown>): string {
  const { template, css, js, csp } = compile();
  return template({ csp, css, js, ...view });
}

/** One catalog as the site index lists it. */
export interface SiteIndexEntry {
  href: string;
  title: string;
  unit: string;
  date: string;
  items: number;
  layout: string;
}

/** What the index page shows: the catalogs, and the search data (already safe JSON, see site.ts). */
export interface SiteIndexView {
  title: string;
  catalogs: SiteIndexEntry[];
  items: number;
  searchData: string;
}

/** The index page of a site (string): the list of catalogs and a search across all of them. */
export function renderSiteIndex(view: SiteIndexView): string {
  const { index } = compile();
  return index.template({
    csp: index.csp,
    css: index.css,
    js: index.js,
    title: view.title,
    catalogs: view.catalogs,
    catalogCount: view.catalogs.length,
    items: view.items,
    searchData: new Handlebars.SafeString(view.searchData),
  });
}
