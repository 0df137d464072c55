// The findings of one file as the clerk reads them: filtered by level or by words, a page of rows at a
// time asked from the worker (a province's catalog can have 100 000 findings: the page never receives
// them whole, so it never stalls), each row a button to its cell, and the list printable as a 问题清单
// to send back to the 科室.
import type { FileView, FindingQuery, FindingView, FindingsView } from './protocol.js';
import { ask, el, enqueue, goToPage } from './page-plumbing.js';
const LEVELS = [
  ['all', '全部'],
  ['error', '错误'],
  ['warning', '警告'],
  ['info', '提示'],
] as const;

function fixText(f: FindingView): string {
  return f.fix ? `“${f.fix.from}”改为“${f.fix.to}”` : '';
}

function row(f: FindingView, reveal: (f: FindingView) => void): HTMLTableRowElement {
  const tr = el(
    'tr',
    { class: `sev-${f.severity}`, tabindex: '0', title: '点击或按回车查看该单元格', 'data-code': f.code },
    el('td', { class: 'where' }, f.place),
    el('td', { class: 'level' }, f.level),
    el('td', {}, f.message),
    el('td', { class: 'fix' }, fixText(f)),
  );
  tr.addEventListener('click', () => reveal(f));
  tr.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      reveal(f);
    }
  });
  return tr;
}

function head(): HTMLTableSectionElement {
  return el('thead', {}, el('tr', {}, el('th', {}, '位置'), el('th', {}, '级别'), el('th', {}, '说明'), el('th', {}, '可自动修正')));
}

/** Ask the worker for the findings of a file that match a query. */
async function query(file: number, q: FindingQuery): Promise<FindingsView | undefined> {
  let view: FindingsView | undefined;
  await enqueue(() =>
    ask({ op: 'findings', file, query: q }, (r) => {
      if (r.type === 'findings') view = r.view;
    }).catch(() => undefined),
  );
  return view;
}

/** The findings section of a file: level buttons, a search box, the table by pages, 打印问题清单. */
export function findingsSection(view: FileView, reveal: (f: FindingView) => void): HTMLElement {
  const name = view.name;
  const counts = view.counts ?? { all: 0, error: 0, warning: 0, info: 0 };
  const box = el('section', { class: 'findings', 'aria-label': `${name} 的问题` });
  box.append(el('h3', {}, counts.all ? `问题（${counts.all} 条）` : '没有发现问题'));
  if (!counts.all) return box;

  const q: FindingQuery = { level: 'all', words: '', page: 0 };
  const levelButtons = LEVELS.filter(([id]) => id === 'all' || counts[id] > 0).map(([id, label]) => {
    const b = el('button', { type: 'button', class: 'level-filter', 'aria-pressed': String(id === 'all'), 'data-level': id }, `${label}（${counts[id]}）`);
    b.addEventListener('click', () => {
      q.level = id;
      for (const other of levelButtons) other.setAttribute('aria-pressed', String(other === b));
      void show(0);
    });
    return b;
  });
  const search = el('input', { type: 'search', placeholder: '在位置、说明中查找', 'aria-label': '查找问题' });
  let typing: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    // One question to the worker per pause in typing, not per key.
    clearTimeout(typing);
    typing = setTimeout(() => {
      q.words = search.value.trim();
      void show(0);
    }, 150);
  });
  const print = el('button', { type: 'button' }, '打印问题清单');
  print.addEventListener('click', async () => {
    const all = await query(view.file, { ...q, all: true });
    if (all) printList(name, view.summary ?? '', all, q);
  });
  box.append(el('div', { class: 'filters', role: 'group', 'aria-label': '按级别筛选' }, ...levelButtons, search, print));

  const body = el('tbody');
  const table = el('table', { class: 'finding-list' }, head(), body);
  const status = el('span', { class: 'muted', 'aria-live': 'polite' });
  const prev = el('button', { type: 'button' }, '上一页');
  const next = el('button', { type: 'button' }, '下一页');
  const pager = el('div', { class: 'pager' }, prev, status, next, ...goToPage((p) => void show(p)));
  pager.hidden = true;
  box.append(pager, table);

  const show = async (p: number): Promise<void> => {
    const got = await query(view.file, { ...q, page: p });
    if (!got) return;
    q.page = got.page;
    body.replaceChildren(...got.rows.map((f) => row(f, reveal)));
    if (!got.rows.length) body.append(el('tr', {}, el('td', { colspan: '4', class: 'muted' }, '没有符合条件的问题')));
    status.textContent = `${got.matching} 条，第 ${got.page + 1} / ${got.pages} 页`;
    prev.disabled = got.page === 0;
    next.disabled = got.page >= got.pages - 1;
    pager.hidden = got.pages <= 1;
  };
  prev.addEventListener('click', () => void show(q.page - 1));
  next.addEventListener('click', () => void show(q.page + 1));
  void show(0);
  return box;
}

/** Print the (filtered) findings alone as a 问题清单: a heading, the summary, the date, one table. */
function printList(name: string, summary: string, found: FindingsView, q: FindingQuery): void {
  const list = found.rows;
  const area = el('div', { id: 'print-area' });
  const filter = [q.level !== 'all' ? `只含${LEVELS.find(([id]) => id === q.level)![1]}` : '', q.words ? `含“${q.words}”` : ''].filter(Boolean).join('，');
  area.append(
    el('h1', {}, `问题清单：${name}`),
    el('p', {}, `${summary}${filter ? `（本清单${filter}，共 ${list.length} 条）` : ''}`),
    el('p', {}, `检查日期：${new Date().toLocaleDateString('zh-CN')}`),
  );
  const body = el('tbody');
  for (const f of list) body.append(el('tr', {}, el('td', {}, f.place), el('td', {}, f.level), el('td', {}, f.message), el('td', {}, fixText(f))));
  area.append(el('table', { class: 'finding-list' }, head(), body));
  document.body.append(area);
  document.body.classList.add('printing');
  const done = (): void => {
    document.body.classList.remove('printing');
    area.remove();
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}
