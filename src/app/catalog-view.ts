// The catalog table of one file, a page of items at a time (the worker lays the page out), and finding a
// finding's cell in it: by the place its value came from, else by its item and column, else the header.
import type { FindingView, PageView } from './protocol.js';
import { PAGE_ITEMS } from './protocol.js';
import { ask, el, enqueue, goToPage } from './page-plumbing.js';
import type { Shown } from './page-state.js';

export async function loadPage(s: Shown, page: number): Promise<void> {
  await enqueue(() =>
    ask({ op: 'page', file: s.view.file, page }, (r) => {
      if (r.type === 'page') showPage(s, r.view);
    }).catch(() => undefined),
  );
}

function showPage(s: Shown, view: PageView): void {
  s.page = view.page;
  const head = el('tr', {}, ...view.columns.map((c) => el('th', { scope: 'col' }, c)));
  const body = el('tbody');
  for (const row of view.rows) {
    const tr = el('tr', { class: row.first ? 'item-first' : 'item-more', 'data-item': String(row.item) });
    row.cells.forEach((c, i) => {
      const td = el('td', { 'data-col': view.columns[i] ?? '' });
      if (c.list && c.list.length) td.append(el('ul', {}, ...c.list.map((x) => el('li', {}, x))));
      else td.textContent = c.text;
      if (c.ref) td.dataset.ref = c.ref;
      if (c.rowspan) td.rowSpan = c.rowspan;
      if (c.severity) td.classList.add(`mark-${c.severity}`);
      tr.append(td);
    });
    body.append(tr);
  }
  const table = el('table', { class: 'catalog-table' }, el('thead', {}, head), body);
  const box = s.table!;
  box.replaceChildren(el('h3', {}, `目录内容（共 ${s.view.items} 个事项）`));
  if (view.pages > 1) box.append(pager(s, view));
  box.append(el('div', { class: 'scroll' }, table));
  if (view.pages > 1) box.append(pager(s, view));
}

function pager(s: Shown, view: PageView): HTMLElement {
  const prev = el('button', { type: 'button' }, '上一页');
  const next = el('button', { type: 'button' }, '下一页');
  prev.disabled = view.page === 0;
  next.disabled = view.page >= view.pages - 1;
  prev.addEventListener('click', () => void loadPage(s, view.page - 1));
  next.addEventListener('click', () => void loadPage(s, view.page + 1));
  const from = view.page * PAGE_ITEMS + 1;
  const to = Math.min(s.view.items ?? 0, (view.page + 1) * PAGE_ITEMS);
  return el('div', { class: 'pager' }, prev, el('span', {}, `第 ${view.page + 1} / ${view.pages} 页（事项 ${from}–${to}）`), next, ...goToPage((p) => void loadPage(s, p)));
}

/** The cell of the table a finding is about: its own place; or, inside a list (a YAML entry of 依据) or a
 * cell the table shows joined, its item's cell of that column; or, for a header, the column's heading. */
function cellOf(s: Shown, f: FindingView): HTMLElement | null {
  const box = s.table;
  if (!box) return null;
  // A blank value has no place of its own: its cell carries the item's place, which other blank cells of
  // the item share, so a place is taken only in the finding's own column.
  const exact = f.ref ? [...box.querySelectorAll<HTMLElement>(`td[data-ref="${CSS.escape(f.ref)}"]`)] : [];
  const own = exact.find((td) => !f.field || td.dataset.col === f.field);
  if (own) return own;
  if (f.item !== undefined && f.field) {
    const byColumn = box.querySelector<HTMLElement>(`tr[data-item="${f.item}"] td[data-col="${CSS.escape(f.field)}"]`);
    if (byColumn) return byColumn;
  }
  if (exact[0]) return exact[0];
  if (f.item === undefined && f.field) {
    for (const th of box.querySelectorAll<HTMLElement>('th')) if (th.textContent === f.field) return th;
  }
  return null;
}

/** Show the cell a finding points at: its page of the table, scrolled to and flashed. */
export async function reveal(s: Shown, f: FindingView): Promise<void> {
  if (f.item !== undefined) {
    const page = Math.floor((f.item - 1) / PAGE_ITEMS);
    if (page !== s.page) await loadPage(s, page);
  }
  const cell = cellOf(s, f);
  s.article.querySelector('.not-in-table')?.remove();
  if (!cell) {
    const where = el('p', { class: 'not-in-table', role: 'status' }, `“${f.place}”不在事项表格中（可能是标题行、注、整个文件或表格没有的列的问题），请在原文件中查看。`);
    s.table?.prepend(where);
    where.scrollIntoView({ block: 'center' });
    return;
  }
  cell.scrollIntoView({ block: 'center', inline: 'center' });
  cell.classList.remove('flash');
  void cell.offsetWidth;
  cell.classList.add('flash');
}
