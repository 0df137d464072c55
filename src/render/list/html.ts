// A list of another layout as the same publishable page as a catalog's (templates/catalog.hbs, its search,
// print layout and CSP): items grouped by the layout's group column when it has one, a √ group printed as
// the options ticked, per-row columns one table row each with the per-item cells spanning them. Every text
// goes through textToHtml.
import { groupName } from '../../model/display.js';
import { itemText, type ListDoc, type ListItem } from '../../model/list.js';
import { Handlebars } from '../templates.js';
import { escapeHtml, textToHtml } from '../escape.js';
import { renderPage, type PageOptions } from '../html.js';

function itemHtml(doc: ListDoc, item: ListItem, number: number, group: number): string {
  const n = Math.max(1, item.rows.length);
  let html = `<tbody class="item" id="item-${number}" data-group="${group}">\n`;
  for (let r = 0; r < n; r++) {
    html += '<tr>';
    for (const c of doc.layout.columns) {
      const open = `<td data-label="${escapeHtml(c.label)}" class="col-${escapeHtml(c.key)}"`;
      if (c.per === 'row') {
        html += `${open}>${textToHtml(item.rows[r]?.[c.key]?.text ?? '')}</td>`;
        continue;
      }
      if (r > 0) continue;
      const span = n > 1 ? ` rowspan="${n}"` : '';
      if (c.kind === 'ticks') {
        const values = (item.ticks[c.key]?.values ?? []).map((v) => (v.mark !== undefined ? `${v.text}（${v.mark}）` : v.text));
        html += `${open}${span}>${values.length ? `<ul>${values.map((v) => `<li>${textToHtml(v)}</li>`).join('')}</ul>` : ''}</td>`;
      } else html += `${open}${span}>${textToHtml(item.values[c.key]?.text ?? '')}</td>`;
    }
    if (r === 0) for (const e of doc.extraColumns) html += `<td data-label="${escapeHtml(e)}" class="col-extra"${n > 1 ? ` rowspan="${n}"` : ''}>${textToHtml(item.extra[e]?.text ?? '')}</td>`;
    html += '</tr>\n';
  }
  return html + '</tbody>\n';
}

/** Render a list as a self-contained HTML page (string). */
export function renderListHtml(doc: ListDoc, options: Pick<PageOptions, 'home'> = {}): string {
  const title = doc.title?.trim() ? doc.title : doc.layout.print.title;
  const unit = doc.unit?.trim() ? doc.unit : '';
  const key = doc.layout.group;
  const groups: { name: string; items: [ListItem, number][] }[] = [];
  const byName = new Map<string, { name: string; items: [ListItem, number][] }>();
  doc.items.forEach((item, i) => {
    const name = key ? itemText(item, key).trim() : '';
    let g = byName.get(name);
    if (!g) byName.set(name, (g = { name, items: [] })), groups.push(g);
    g.items.push([item, i + 1]);
  });
  const columns = [...doc.layout.columns.map((c) => ({ label: c.label })), ...doc.extraColumns.map((label) => ({ label }))];
  const groupLabel = key ? doc.layout.columns.find((c) => c.key === key)!.label : '分组';
  return renderPage({
    pageTitle: unit && !title.includes(unit) ? `${title} - ${unit}` : title,
    title,
    unit,
    date: doc.date?.trim() ? doc.date : '',
    total: doc.items.length,
    profile: doc.layout.id,
    categoryLabel: groupLabel,
    columns,
    columnCount: columns.length,
    groups: groups.map((g, gi) => ({
      index: String(gi),
      name: g.name ? groupName(g.name) : doc.layout.name,
      count: g.items.length,
      rows: new Handlebars.SafeString(g.items.map(([item, no]) => itemHtml(doc, item, no, gi)).join('')),
    })),
    sections: false,
    note: doc.note?.trim() ? doc.note : '',
    home: options.home ?? false,
  });
}
