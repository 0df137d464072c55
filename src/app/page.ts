// The app's page: file picking and what the clerk sees. Every text from a file reaches the page through
// textContent, never as markup. All work happens in the worker (worker.ts), asked through page-plumbing.ts.
import type { ExportKind, FileView, FindingView, PageView } from './protocol.js';
import { PAGE_ITEMS } from './protocol.js';
import { $, ask, el, enqueue, working } from './page-plumbing.js';

// ---------------------------------------------------------------- files

interface Shown {
  view: FileView;
  article: HTMLElement;
  page: number;
  table?: HTMLElement;
}

const shown = new Map<number, Shown>();
let referenceId: number | undefined;
let fileCounter = 0;

async function openFiles(list: FileList | File[]): Promise<void> {
  for (const f of Array.from(list)) {
    const file = ++fileCounter;
    const article = el('article', { class: 'file', id: `file-${file}` }, el('h2', {}, f.name), el('p', { class: 'muted' }, '等待读取…'));
    $('files').prepend(article);
    void enqueue(() =>
      working(`正在读取 ${f.name}…`, async () => {
        let bytes: ArrayBuffer;
        try {
          bytes = await f.arrayBuffer();
        } catch {
          showFile({ file, name: f.name, ok: false, error: `错误：无法读取文件 ${f.name}，请确认文件没有被其他程序占用` }, article);
          return;
        }
        await ask({ op: 'open', file, input: { name: f.name, bytes, modified: f.lastModified }, role: 'catalog' }, (r) => {
          if (r.type === 'opened') showFile(r.view, article);
        }, [bytes]).catch((message: string) => showFile({ file, name: f.name, ok: false, error: message }, article));
      }),
    );
  }
}

function showFile(view: FileView, article: HTMLElement): void {
  const s: Shown = { view, article, page: 0 };
  shown.set(view.file, s);
  article.replaceChildren();
  const remove = el('button', { type: 'button', class: 'link' }, '移除');
  remove.addEventListener('click', () => {
    shown.delete(view.file);
    article.remove();
    void ask({ op: 'forget', file: view.file });
    updateBatch();
  });
  article.append(el('div', { class: 'file-head' }, el('h2', {}, view.name), remove));
  if (!view.ok) {
    article.classList.add('unreadable');
    article.append(el('p', { class: 'error-line' }, view.error ?? '错误：无法读取'));
    updateBatch();
    return;
  }
  article.classList.toggle('invalid', !view.valid);
  article.append(el('p', { class: `summary ${view.valid ? 'pass' : 'fail'}` }, view.summary ?? ''));

  const actions = el('div', { class: 'actions' });
  const note = el('pre', { class: 'note', hidden: '' });
  const button = (label: string, kind: ExportKind, title: string): void => {
    const b = el('button', { type: 'button', title }, label);
    b.addEventListener('click', () => void download(kind, [view.file], note));
    actions.append(b);
  };
  if (view.fixable) button('下载修正后的表格', 'fix', '自动修正文号括号、首尾空格等问题，其余内容保持不变');
  button('下载带审核意见的表格', 'review', '原表原样保留，每个问题作为批注写在所在单元格并加底色，第一张工作表列出全部问题，可退回科室修改');
  button('下载发布网页', 'html', '可直接发布到门户网站“政务公开”栏目的网页');
  button('下载 Excel', 'xlsx', '样表格式的 Excel，可打印');
  button('下载纯文本版（.md）', 'md', '纯文本的目录（Markdown 格式），可粘贴到其他文档或系统');
  button('下载数据文件（.yaml）', 'yaml', '目录的数据文件（YAML 格式），可由其他系统导入或用记事本修改后再打开');
  button('下载差距报告', 'gap-html', '缺项和与参考目录的差距（网页）');
  button('差距报告（Excel）', 'gap-xlsx', '缺项和与参考目录的差距，逐条列出便于整改');
  article.append(actions, note);

  const findings = view.findings ?? [];
  const details = el('details', { class: 'findings' }, el('summary', {}, findings.length ? `问题（${findings.length} 条）` : '没有发现问题'));
  if (findings.length) {
    details.open = true;
    details.append(findingsTable(s, findings));
  }
  article.append(details);
  const tableBox = el('div', { class: 'catalog' });
  s.table = tableBox;
  article.append(tableBox);
  updateBatch();
  void loadPage(s, 0);
}

const FIRST_FINDINGS = 200;

function findingsTable(s: Shown, findings: FindingView[]): HTMLElement {
  const body = el('tbody');
  const table = el('table', { class: 'finding-list' }, el('thead', {}, el('tr', {}, el('th', {}, '位置'), el('th', {}, '级别'), el('th', {}, '说明'), el('th', {}, '代码'))), body);
  const add = (from: number, to: number): void => {
    const frag = document.createDocumentFragment();
    for (const f of findings.slice(from, to)) {
      const row = el('tr', { class: `sev-${f.severity}`, tabindex: '0', title: '点击查看该单元格' }, el('td', { class: 'where' }, f.where), el('td', { class: 'level' }, f.level), el('td', {}, f.message), el('td', { class: 'code' }, f.code));
      row.addEventListener('click', () => void reveal(s, f));
      row.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') void reveal(s, f);
      });
      frag.append(row);
    }
    body.append(frag);
  };
  add(0, FIRST_FINDINGS);
  const box = el('div', {}, table);
  if (findings.length > FIRST_FINDINGS) {
    const more = el('button', { type: 'button' }, `显示全部 ${findings.length} 条`);
    more.addEventListener('click', () => {
      more.remove();
      // In slices, one per frame: thousands of rows must not freeze the page.
      let at = FIRST_FINDINGS;
      const step = (): void => {
        add(at, at + 500);
        at += 500;
        if (at < findings.length) requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    box.append(more);
  }
  return box;
}

async function loadPage(s: Shown, page: number): Promise<void> {
  await enqueue(() =>
    ask({ op: 'page', file: s.view.file, page }, (r) => {
      if (r.type === 'page') showPage(s, r.view);
    }).catch(() => undefined),
  );
}

function showPage(s: Shown, view: PageView): void {
  s.page = view.page;
  const head = el('tr', {}, ...view.columns.map((c) => el('th', {}, c)));
  const body = el('tbody');
  for (const row of view.rows) {
    const tr = el('tr', { class: row.first ? 'item-first' : 'item-more' });
    for (const c of row.cells) {
      const td = el('td');
      if (c.list && c.list.length) td.append(el('ul', {}, ...c.list.map((x) => el('li', {}, x))));
      else td.textContent = c.text;
      if (c.ref) td.dataset.ref = c.ref;
      if (c.rowspan) td.rowSpan = c.rowspan;
      if (c.severity) td.classList.add(`mark-${c.severity}`);
      tr.append(td);
    }
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
  return el('div', { class: 'pager' }, prev, el('span', {}, `第 ${view.page + 1} / ${view.pages} 页（事项 ${from}–${to}）`), next);
}

/** Show the cell a finding points at: its page of the table, scrolled to and flashed. */
async function reveal(s: Shown, f: FindingView): Promise<void> {
  if (f.item !== undefined) {
    const page = Math.floor((f.item - 1) / PAGE_ITEMS);
    if (page !== s.page) await loadPage(s, page);
  }
  const cell = f.ref ? s.table?.querySelector<HTMLElement>(`td[data-ref="${CSS.escape(f.ref)}"]`) : null;
  s.article.querySelector('.not-in-table')?.remove();
  if (!cell) {
    const where = el('p', { class: 'not-in-table' }, `“${f.where}”不在事项表格中（可能是表头、标题行、注或整个文件的问题）。`);
    s.table?.prepend(where);
    where.scrollIntoView({ block: 'center' });
    return;
  }
  cell.scrollIntoView({ block: 'center', inline: 'center' });
  cell.classList.remove('flash');
  void cell.offsetWidth;
  cell.classList.add('flash');
}

// ---------------------------------------------------------------- downloads

/** Ask the worker for a file and hand it to the browser's downloads; `note` shows what it said (fix's
 * change list) or why it could not (an error line). */
async function download(kind: ExportKind, files: number[], note: HTMLElement): Promise<void> {
  note.hidden = true;
  note.classList.remove('error-line');
  await enqueue(() =>
    working('正在生成文件…', () =>
      ask({ op: 'export', kind, files, ...(referenceId !== undefined ? { reference: referenceId } : {}) }, (r) => {
        if (r.type !== 'export') return;
        const url = URL.createObjectURL(new Blob([r.bytes], { type: r.mime }));
        const a = el('a', { href: url, download: r.name });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        note.hidden = !r.note;
        note.textContent = r.note ?? '';
      }).catch((message: string) => alertLine(message, note)),
    ),
  );
}

function alertLine(message: string, note: HTMLElement): void {
  note.hidden = false;
  note.textContent = message;
  note.classList.add('error-line');
}

// ---------------------------------------------------------------- several files, reference

function readable(): Shown[] {
  return [...shown.values()].filter((s) => s.view.ok).sort((a, b) => a.view.file - b.view.file);
}

/** The roll-up of every file shown (unreadable ones too): the table `zwgk summary` writes, one row a file. */
function updateRollup(): void {
  const all = [...shown.values()].sort((a, b) => a.view.file - b.view.file);
  const body = $('rollup-body');
  body.replaceChildren(
    ...all.map(({ view: v }) => {
      const n = v.counts ?? { error: v.ok ? 0 : 1, warning: 0, info: 0 };
      const verdict = v.ok ? (v.valid ? '通过' : '未通过') : (v.error ?? '错误：无法读取').replace(/^错误：/, '无法读取：');
      const row = el('tr', { class: v.ok && v.valid ? 'pass' : 'fail' });
      const cells: [string, boolean][] = [[v.unit ?? v.name.replace(/\.[^.]+$/, ''), false], [v.name, false], [v.profile ? `${v.profile} 版式` : '', false], [String(v.items ?? 0), true], [String(n.error), true], [String(n.warning), true], [String(n.info), true], [verdict, false]];
      for (const [text, num] of cells) row.append(el('td', num ? { class: 'num' } : {}, text));
      return row;
    }),
  );
  const passed = all.filter((s) => s.view.ok && s.view.valid).length;
  $('rollup-total').textContent = `共 ${all.length} 个文件：通过 ${passed} 个，未通过 ${all.length - passed} 个`;
}

function updateBatch(): void {
  const list = readable();
  $('batch').hidden = shown.size < 2;
  // Merging and comparing need two catalogs read; the roll-up counts the unreadable files too.
  $('merge-row').hidden = list.length < 2;
  $('diff-row').hidden = list.length < 2;
  updateRollup();
  for (const [id, pick] of [['diff-old', 0], ['diff-new', 1]] as const) {
    const select = $<HTMLSelectElement>(id);
    const kept = select.value;
    select.replaceChildren(...list.map((s) => el('option', { value: String(s.view.file) }, s.view.name)));
    if (list.some((s) => String(s.view.file) === kept)) select.value = kept;
    else if (list[pick]) select.value = String(list[pick].view.file);
  }
  const [older, newer] = [$<HTMLSelectElement>('diff-old'), $<HTMLSelectElement>('diff-new')];
  if (older.value === newer.value && list.length > 1) newer.value = String(list.find((s) => String(s.view.file) !== older.value)!.view.file);
}

$('merge').addEventListener('click', () => void download('merge', readable().map((s) => s.view.file), $('batch-note')));
$('diff').addEventListener('click', () => {
  const a = Number($<HTMLSelectElement>('diff-old').value);
  const b = Number($<HTMLSelectElement>('diff-new').value);
  if (a === b) {
    alertLine('请选择两个不同的文件作为旧版和新版', $('batch-note'));
    return;
  }
  void download('diff', [a, b], $('batch-note'));
});

/** Stop using the reference catalog (the worker forgets it too). */
function clearReference(): void {
  if (referenceId !== undefined) void ask({ op: 'forget', file: referenceId });
  referenceId = undefined;
  const label = $('reference-name');
  label.textContent = '未选择';
  label.classList.remove('error-line');
  $('clear-reference').hidden = true;
}
$('clear-reference').addEventListener('click', clearReference);

$<HTMLInputElement>('pick-reference').addEventListener('change', (e) => {
  const input = e.target as HTMLInputElement;
  const f = input.files?.[0];
  input.value = '';
  if (!f) return;
  const file = ++fileCounter;
  const label = $('reference-name');
  label.textContent = `正在读取 ${f.name}…`;
  void enqueue(() =>
    working(`正在读取参考目录 ${f.name}…`, async () => {
      const bytes = await f.arrayBuffer();
      await ask({ op: 'open', file, input: { name: f.name, bytes }, role: 'reference' }, (r) => {
        if (r.type !== 'opened') return;
        // A failed pick leaves no reference at all: the one before it must not be used unseen.
        clearReference();
        if (r.view.ok) {
          referenceId = file;
          label.textContent = `${f.name}（${r.view.profile} 版式，${r.view.items} 个事项）`;
          $('clear-reference').hidden = false;
        } else {
          label.textContent = `${r.view.error ?? '错误：无法读取'}（现在没有参考目录）`;
          label.classList.add('error-line');
        }
      }, [bytes]).catch((message: string) => {
        clearReference();
        label.textContent = `${message}（现在没有参考目录）`;
        label.classList.add('error-line');
      });
    }),
  );
});

// ---------------------------------------------------------------- picking and dropping

$<HTMLInputElement>('pick').addEventListener('change', (e) => {
  const input = e.target as HTMLInputElement;
  if (input.files?.length) void openFiles(input.files);
  input.value = '';
});

const drop = $('drop');
for (const name of ['dragenter', 'dragover']) {
  drop.addEventListener(name, (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
}
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
/** A folder dropped as if it were a file: said as what it is (the browser hands a folder over as an
 * unreadable file, which would otherwise read as “被其他程序占用”). */
function folderNotice(name: string): void {
  const file = ++fileCounter;
  const article = el('article', { class: 'file', id: `file-${file}` });
  $('files').prepend(article);
  showFile({ file, name, ok: false, error: `“${name}”是文件夹，网页版只读取选中的文件：请打开这个文件夹，全选（Ctrl+A）其中的目录文件，再拖到这里或点“选择文件”` }, article);
}

// Files dropped anywhere on the page are opened (a drop just beside the zone must not be lost, nor make
// the browser open the file and leave the tool).
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  const data = e.dataTransfer;
  if (!data) return;
  const folders = new Set<string>();
  for (const item of Array.from(data.items)) {
    const entry = item.kind === 'file' ? item.webkitGetAsEntry?.() : null;
    if (entry?.isDirectory) folders.add(entry.name);
  }
  for (const name of folders) folderNotice(name);
  const list = Array.from(data.files).filter((f) => !folders.has(f.name));
  if (list.length) void openFiles(list);
});

$('rollup-download').addEventListener('click', () => {
  const ids = [...shown.keys()].sort((a, b) => a - b);
  void download('summary', ids, $('batch-note'));
});

for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-template]')) {
  b.addEventListener('click', () => void download(b.dataset.template as ExportKind, [], $('template-note')));
}
