// A list of another layout (重大行政决策事项目录, 权责清单, a unit's own) as one self-contained, publishable
// page in the catalog page's look and with its script: search, a filter by the layout's group column, phone
// cards and print (A4 in the layout's orientation, header repeated). The layout's columns in order, a tick
// column as one √ column per option under its heading, per-row columns as rows of the item beside per-item
// cells spanning them, extra columns after; the 注 under the table. Every text is escaped.
import type { ListDoc, ListItem } from '../../model/list.js';
import { escapeHtml, textToHtml } from '../escape.js';
import { asset, Handlebars, loadTemplate, type TemplateDelegate } from '../templates.js';
import { foldSections, SECTIONS, type SectionSplit } from '../sections.js';
import { otherSheetsView } from '../other-sheets.js';
import { TICK } from '../../settings/vocab.js';
import { groupItems, itemCell, itemRowCount, listColumns, listGroupName, listTitle, rowText, tickText, type ListPlanColumn } from './columns.js';

interface Compiled {
  template: TemplateDelegate;
  styles: { landscape: string[]; portrait: string[] };
  js: string;
  csp: { landscape: string; portrait: string };
}

let compiled: Compiled | undefined;

/** The page template and its assets, once: the catalog's CSS and script, the list's CSS, the portrait paper. */
function compile(): Compiled {
  if (compiled) return compiled;
  const template = loadTemplate('list', [], (hb) => ({
    text: (value: unknown) => new hb.SafeString(textToHtml(value == null ? '' : String(value))),
  }));
  const css = ['catalog.css', 'list.css'] as const;
  const csp = (names: readonly ('catalog.css' | 'list.css' | 'list-portrait.css')[]): string =>
    [
      "default-src 'none'",
      // Hashes rather than 'unsafe-inline': an injected <style> or <script> would not match and would not apply or run.
      `style-src ${names.map((n) => asset(n).hash).join(' ')}`,
      `script-src ${asset('catalog-page.js').hash}`,
      "img-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; ');
  compiled = {
    template,
    styles: { landscape: css.map((n) => asset(n).text), portrait: [...css, 'list-portrait.css' as const].map((n) => asset(n).text) },
    js: asset('catalog-page.js').text,
    csp: { landscape: csp(css), portrait: csp([...css, 'list-portrait.css']) },
  };
  return compiled;
}

/** A width class from the layout's column width (characters), so the page gives long texts room without inline styles (the CSP allows none). */
function widthClass(width: number | undefined): string {
  if (width === undefined) return '';
  return width <= 8 ? ' w-s' : width <= 16 ? ' w-m' : width <= 30 ? ' w-l' : ' w-xl';
}

/** The classes of a column's cells. Keys are the layout's ASCII keys, escaped all the same. */
function cellClass(doc: ListDoc, col: ListPlanColumn): string {
  if (col.option) return 'tick';
  if (!col.column) return 'col-extra';
  const c = col.column;
  const name = c.key === doc.layout.nameColumn ? ' col-name' : '';
  const serial = c.kind === 'serial' ? ' col-serial' : '';
  const perRow = c.per === 'row' ? ' per-row' : '';
  return escapeHtml(`k-${c.key} kind-${c.kind}${serial}${name}${perRow}${widthClass(c.width)}`);
}

/** The header: one row, or two when a tick column prints its options under its heading. */
function headHtml(cols: readonly ListPlanColumn[]): string {
  const two = cols.some((c) => c.option);
  let top = '<tr>';
  let bottom = '<tr>';
  for (let i = 0; i < cols.length; ) {
    const col = cols[i]!;
    if (col.option) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1]!.option && cols[j + 1]!.column === col.column) j++;
      top += `<th scope="colgroup" colspan="${j - i + 1}">${escapeHtml(col.label)}</th>`;
      for (let k = i; k <= j; k++) bottom += `<th scope="col" class="option">${escapeHtml(cols[k]!.option!.label)}</th>`;
      i = j + 1;
    } else {
      top += `<th scope="col"${two ? ' rowspan="2"' : ''}>${escapeHtml(col.label)}</th>`;
      i++;
    }
  }
  return `<thead>\n${top}</tr>\n${two ? `${bottom}</tr>\n` : ''}</thead>\n`;
}

/** One item: its own <tbody> (it prints whole and is a phone card), a <tr> per row of its per-row columns, per-item cells spanning them. */
function itemHtml(item: ListItem, number: number, group: number, cols: readonly ListPlanColumn[], classes: readonly string[]): string {
  const n = itemRowCount(item);
  let html = `<tbody class="item" id="item-${number}" data-group="${group}">\n`;
  for (let r = 0; r < n; r++) {
    html += '<tr>';
    cols.forEach((col, c) => {
      const label = col.option ? `${col.label}·${col.option.label}` : col.label;
      const open = `<td data-label="${escapeHtml(label)}" class="${classes[c]}"`;
      if (col.perRow) html += `${open}>${textToHtml(rowText(item, col, r))}</td>`;
      else if (r === 0) {
        const text = col.option ? tickText(item, col, TICK) : (itemCell(item, col)?.text ?? '');
        html += `${open}${n > 1 ? ` rowspan="${n}"` : ''}>${textToHtml(text)}</td>`;
      }
    });
    html += '</tr>\n';
  }
  return html + '</tbody>\n';
}

/** Render a list of another layout as a self-contained HTML page (string). */
export function renderListHtml(doc: ListDoc, options: { home?: { href: string; label: string }; sections?: SectionSplit } = {}): string {
  const { template, styles, js, csp } = compile();
  const cols = listColumns(doc);
  const classes = cols.map((col) => cellClass(doc, col));
  const title = listTitle(doc);
  const unit = doc.unit?.trim() ? doc.unit : '';
  const numbers = new Map(doc.items.map((item, i) => [item, i + 1]));
  const grouped = doc.layout.group !== undefined;
  const rowsOf = (items: readonly ListItem[], gi: number) => new Handlebars.SafeString(items.map((item) => itemHtml(item, numbers.get(item)!, gi, cols, classes)).join(''));
  // A large list (a county's 权责清单 runs to thousands of powers) folds as a large catalog does.
  const split = options.sections ?? SECTIONS;
  const large = doc.items.length > split.over;
  const byGroup = groupItems(doc);
  const groups = byGroup.map((g, gi) => ({ index: String(gi), name: listGroupName(g.name), count: g.items.length, rows: large ? '' : rowsOf(g.items, gi) }));
  const sections = large ? foldSections(byGroup.map((g) => ({ name: grouped ? listGroupName(g.name) : title, items: g.items })), split, rowsOf) : false;
  const orientation = doc.layout.print.orientation;
  return template({
    csp: csp[orientation],
    styles: styles[orientation],
    js,
    pageTitle: unit && !title.includes(unit) ? `${title} - ${unit}` : title,
    title,
    unit,
    date: doc.date?.trim() ? doc.date : '',
    total: doc.items.length,
    layoutId: doc.layout.id,
    groupLabel: grouped ? (doc.layout.columns.find((c) => c.key === doc.layout.group)?.label ?? '') : '',
    head: new Handlebars.SafeString(headHtml(cols)),
    columnCount: cols.length,
    groups,
    sections,
    note: doc.note?.trim() ? doc.note : '',
    preface: doc.preface?.trim() ? doc.preface : '',
    // The source's sheets that hold no list, kept: folded under the table, left out of print.
    otherSheets: otherSheetsView(doc.otherSheets),
    // The link back to the site's index (a page of zwgk site).
    home: options.home ?? false,
  });
}
