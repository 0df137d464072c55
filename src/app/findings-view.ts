// The findings of one file as the clerk reads them: filtered by level or by words, a page of rows at a
// time (a province's catalog can have 100 000 findings; a page of 100 rows never stalls the page), each
// row a button to its cell, and the whole list printable as a 问题清单 to send back to the 科室.
import type { FindingView } from './protocol.js';
import { el } from './page-plumbing.js';

const ROWS = 100;
const LEVELS = [
  ['all', '全部'],
  ['error', '错误'],
  ['warning', '警告'],
  ['info', '提示'],
] as const;

type Level = (typeof LEVELS)[number][0];

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

/** The findings section of a file: level buttons, a search box, the table by pages, 打印问题清单. */
export function findingsSection(name: string, summary: string, findings: FindingView[], reveal: (f: FindingView) => void): HTMLElement {
  const box = el('section', { class: 'findings', 'aria-label': `${name} 的问题` });
  box.append(el('h3', {}, findings.length ? `问题（${findings.length} 条）` : '没有发现问题'));
  if (!findings.length) return box;

  let level: Level = 'all';
  let words = '';
  let page = 0;
  let list = findings;
  const counts: Record<Level, number> = { all: findings.length, error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity as Level]++;

  const levelButtons = LEVELS.filter(([id]) => id === 'all' || counts[id] > 0).map(([id, label]) => {
    const b = el('button', { type: 'button', class: 'level-filter', 'aria-pressed': String(id === 'all'), 'data-level': id }, `${label}（${counts[id]}）`);
    b.addEventListener('click', () => {
      level = id;
      for (const other of levelButtons) other.setAttribute('aria-pressed', String(other === b));
      refilter();
    });
    return b;
  });
  const search = el('input', { type: 'search', placeholder: '在位置、说明中查找', 'aria-label': '查找问题' });
  search.addEventListener('input', () => {
    words = search.value.trim();
    refilter();
  });
  const print = el('button', { type: 'button' }, '打印问题清单');
  print.addEventListener('click', () => printList(name, summary, list, level, words));
  box.append(el('div', { class: 'filters', role: 'group', 'aria-label': '按级别筛选' }, ...levelButtons, search, print));

  const body = el('tbody');
  const table = el('table', { class: 'finding-list' }, head(), body);
  const status = el('span', { class: 'muted', 'aria-live': 'polite' });
  const prev = el('button', { type: 'button' }, '上一页');
  const next = el('button', { type: 'button' }, '下一页');
  const goto = el('input', { type: 'number', min: '1', 'aria-label': '跳到第几页', class: 'page-no' });
  const go = el('button', { type: 'button' }, '跳转');
  const pager = el('div', { class: 'pager' }, prev, status, next, el('label', {}, '第 ', goto, ' 页'), go);
  box.append(pager, table);

  const pages = (): number => Math.max(1, Math.ceil(list.length / ROWS));
  const show = (p: number): void => {
    page = Math.min(Math.max(0, p), pages() - 1);
    body.replaceChildren(...list.slice(page * ROWS, (page + 1) * ROWS).map((f) => row(f, reveal)));
    if (!list.length) body.append(el('tr', {}, el('td', { colspan: '4', class: 'muted' }, '没有符合条件的问题')));
    status.textContent = `${list.length} 条，第 ${page + 1} / ${pages()} 页`;
    prev.disabled = page === 0;
    next.disabled = page >= pages() - 1;
    pager.hidden = list.length <= ROWS;
  };
  const refilter = (): void => {
    list = findings.filter((f) => (level === 'all' || f.severity === level) && (!words || f.place.includes(words) || f.message.includes(words) || f.where.includes(words)));
    show(0);
  };
  prev.addEventListener('click', () => show(page - 1));
  next.addEventListener('click', () => show(page + 1));
  const jump = (): void => show(Number(goto.value) - 1);
  go.addEventListener('click', jump);
  goto.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') jump();
  });
  show(0);
  return box;
}

/** Print the (filtered) findings alone as a 问题清单: a heading, the summary, the date, one table. */
function printList(name: string, summary: string, list: FindingView[], level: Level, words: string): void {
  const area = el('div', { id: 'print-area' });
  const filter = [level !== 'all' ? `只含${LEVELS.find(([id]) => id === level)![1]}` : '', words ? `含“${words}”` : ''].filter(Boolean).join('，');
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
