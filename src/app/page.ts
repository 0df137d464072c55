// The app's page: file picking and what the clerk sees of each file — its summary, the corrections to
// choose, the publish form, its findings and its table. Every text from a file reaches the page through
// textContent, never as markup. All work happens in the worker (worker.ts), asked through page-plumbing.ts.
import type { ExportChoices, ExportKind, FileView } from './protocol.js';
import { $, CANCELLED, ask, cancel, download, el, enqueue, tell, whenRespawned, working } from './page-plumbing.js';
import { nextFile, shown, sources, state, type Shown } from './page-state.js';
import { findingsSection } from './findings-view.js';
import { loadPage, reveal } from './catalog-view.js';
import { updateBatch } from './batch.js';
import { folderFiles, folderNote } from './folder-drop.js';

// ---------------------------------------------------------------- files

/** Open files the clerk picked or dropped, each in its own article (newest on top). */
function openFiles(list: FileList | File[]): void {
  for (const f of Array.from(list)) openOne(f.name, f, (a) => $('files').prepend(a), f.lastModified);
}

/** Read one file in the worker; `place` puts its article on the page. While it waits and while it is read
 * the article shows how far it got and a 取消 button: a waiting file is dropped from the queue, the file
 * being read has its worker ended (page-plumbing.ts cancel()), and the files after it go on. */
function openOne(name: string, blob: Blob, place: (article: HTMLElement) => void, modified?: number): void {
  const file = nextFile();
  const bar = el('progress', { max: '1', 'aria-label': `${name} 的读取进度` });
  bar.value = 0;
  const line = el('span', { class: 'reading-text' }, '等待读取…');
  const stop = el('button', { type: 'button', class: 'cancel', 'aria-label': `取消读取 ${name}` }, '取消');
  const article = el('article', { class: 'file pending', id: `file-${file}`, 'aria-label': name }, el('h2', {}, name), el('div', { class: 'reading', role: 'status' }, bar, line, stop));
  let cancelled = false;
  let reading = false;
  stop.addEventListener('click', () => {
    cancelled = true;
    if (reading) cancel();
    else showCancelled(name, article);
  });
  place(article);
  const input = { name, blob, ...(modified !== undefined ? { modified } : {}) };
  void enqueue(async () => {
    if (cancelled) return;
    reading = true;
    try {
      await working(`正在读取 ${name}…`, () =>
        ask({ op: 'open', file, input, role: 'catalog' }, (r) => {
          if (r.type === 'progress') {
            line.textContent = r.text;
            if (r.fraction === undefined) bar.removeAttribute('value');
            else bar.value = r.fraction;
          } else if (r.type === 'opened') {
            sources.set(file, { input, role: 'catalog', view: r.view });
            showFile(r.view, article);
          }
        }),
      );
    } catch (message) {
      if (message === CANCELLED) showCancelled(name, article);
      else showFile({ file, name, ok: false, error: String(message) }, article);
    } finally {
      reading = false;
    }
  });
}

/** A file whose read the clerk cancelled: said so, nothing held of it; the focus stays on its card. */
function showCancelled(name: string, article: HTMLElement): void {
  const hadFocus = article.contains(document.activeElement);
  const remove = el('button', { type: 'button', class: 'link' }, '移除');
  remove.addEventListener('click', () => article.remove());
  article.classList.replace('pending', 'cancelled');
  article.replaceChildren(el('div', { class: 'file-head' }, el('h2', {}, name), remove), el('p', { class: 'cancelled-line', role: 'status' }, `已取消读取 ${name}。其他文件不受影响；需要时可以重新选择这个文件。`));
  if (hadFocus) remove.focus();
}

// After a cancel the new worker is handed every file the page still shows: nothing else is lost.
whenRespawned(() => {
  for (const [file, s] of [...sources].sort((a, b) => a[0] - b[0])) tell({ op: 'hold', file, input: s.input, role: s.role, view: s.view });
});

function showFile(view: FileView, article: HTMLElement): void {
  const s: Shown = { view, article, page: 0 };
  shown.set(view.file, s);
  article.classList.remove('pending');
  article.replaceChildren();
  const remove = el('button', { type: 'button', class: 'link' }, '移除');
  remove.addEventListener('click', () => {
    shown.delete(view.file);
    sources.delete(view.file);
    article.remove();
    tell({ op: 'forget', file: view.file });
    updateBatch();
  });
  article.append(el('div', { class: 'file-head' }, el('h2', {}, view.name), remove));
  if (!view.ok) {
    article.classList.add('unreadable');
    article.append(el('p', { class: 'error-line' }, view.error ?? '错误：无法读取'));
    updateBatch();
    return;
  }
  if (view.layout !== undefined) {
    // A layout definition is not a list: it stays out of the roll-up, the merge and the change log.
    shown.delete(view.file);
    article.classList.add('layout-file');
    article.append(el('p', { class: 'layout-summary' }, view.summary ?? ''));
    offerTemplate(view.layoutId, view.layout);
    return;
  }
  article.classList.toggle('invalid', !view.valid);
  article.append(el('p', { class: `summary ${view.valid ? 'pass' : 'fail'}` }, view.summary ?? ''));

  const note = el('pre', { class: 'note', hidden: '' });
  const skipped = new Set<string>();
  if (view.fixable && view.fixes?.length) article.append(fixBox(s, skipped, note));
  article.append(publishBox(s, skipped, note));
  const gapRow = el('div', { class: 'actions' }, el('span', { class: 'muted' }, '退回科室与差距报告：'));
  for (const [label, kind, title] of [
    ['下载带审核意见的表格', 'review', '原表原样保留，每个问题作为批注写在所在单元格并加底色，第一张工作表列出全部问题，可退回科室修改'],
    ['下载差距报告', 'gap-html', '缺项和与参考目录的差距（网页）'],
    ['差距报告（Excel）', 'gap-xlsx', '缺项和与参考目录的差距，逐条列出便于整改'],
  ] as const) {
    const b = el('button', { type: 'button', title }, label);
    b.addEventListener('click', () => void download({ kind, files: [view.file], ...(state.reference !== undefined ? { reference: state.reference } : {}) }, note));
    gapRow.append(b);
  }
  // 审核意见 and the gap report are for 政务公开事项目录 only: a list of another layout is not offered them.
  if (view.list) gapRow.hidden = true;
  article.append(gapRow, note);
  article.append(findingsSection(view, (f) => void reveal(s, f)));
  const tableBox = el('div', { class: 'catalog' });
  s.table = tableBox;
  article.append(tableBox);
  updateBatch();
  void loadPage(s, 0);
}

/** The corrections fix would make, each kind a tick box (header renames can be left out: a unit may have
 * to keep its own headers), and the button; the corrected copy is checked again and shown above. */
function fixBox(s: Shown, skipped: Set<string>, note: HTMLElement): HTMLElement {
  const view = s.view;
  const box = el('fieldset', { class: 'fix-choices' }, el('legend', {}, '自动修正'));
  for (const k of view.fixes ?? []) {
    const tick = el('input', { type: 'checkbox', 'data-code': k.code });
    tick.checked = true;
    tick.addEventListener('change', () => (tick.checked ? skipped.delete(k.code) : skipped.add(k.code)));
    const hint = k.code === 'header-spelling' ? '（需要保留本单位表头时取消勾选）' : '';
    box.append(el('label', { class: 'choice' }, tick, ` ${k.title}（${k.count} 处）${hint}`));
  }
  const run = el('button', { type: 'button', class: 'primary', title: '只改勾选的问题，其余内容保持不变' }, '下载修正后的表格');
  run.addEventListener('click', () =>
    void download({ kind: 'fix', files: [view.file], choices: { skip: [...skipped] } }, note, (name, bytes) => {
      // The corrected copy is read and checked like any file, just above the original.
      openOne(name, new Blob([bytes]), (a) => s.article.before(a));
    }),
  );
  box.append(el('div', { class: 'actions' }, run, el('span', { class: 'muted' }, '修正后的表格会重新检查，结果显示在本文件上方。')));
  return box;
}

/** 标题 / 编制单位 / 日期 for what is published, and the publish buttons. */
function publishBox(s: Shown, skipped: Set<string>, note: HTMLElement): HTMLElement {
  const view = s.view;
  const box = el('fieldset', { class: 'publish' }, el('legend', {}, '发布'));
  const input = (label: string, value: string | undefined, placeholder: string): HTMLInputElement => {
    const i = el('input', { type: 'text', placeholder });
    i.value = value ?? '';
    box.append(el('label', { class: 'field' }, `${label} `, i));
    return i;
  };
  const title = input('标题', view.meta?.title, '政务公开事项目录');
  const unit = input('编制单位', view.meta?.unit, '如：XX县人民政府办公室');
  const date = input('日期', view.meta?.date, '如：2026年12月');
  let fixFirst: HTMLInputElement | undefined;
  if (view.fixable && view.fixes?.length) {
    // Off unless ticked: what is published is what the file says, unless the clerk asks for the corrections.
    fixFirst = el('input', { type: 'checkbox' });
    box.append(el('label', { class: 'choice' }, fixFirst, ' 先按“自动修正”中勾选的项目修正，再生成'));
  }
  const choices = (): ExportChoices => ({
    meta: { title: title.value, unit: unit.value, date: date.value },
    fixFirst: fixFirst?.checked === true,
    skip: [...skipped],
  });
  const actions = el('div', { class: 'actions' });
  const button = (label: string, kind: ExportKind, hint: string, primary = false): void => {
    const b = el('button', { type: 'button', title: hint, ...(primary ? { class: 'primary' } : {}) }, label);
    b.addEventListener('click', () => void download({ kind, files: [view.file], choices: choices() }, note));
    actions.append(b);
  };
  button('下载发布网页', 'html', '可直接发布到门户网站“政务公开”栏目的网页', true);
  button('下载 Excel', 'xlsx', '样表格式的 Excel，可打印');
  button('下载纯文本版（.md）', 'md', '纯文本的目录（Markdown 格式），可粘贴到其他文档或系统');
  button('下载数据文件（.yaml）', 'yaml', '目录的数据文件（YAML 格式），可由其他系统导入或用记事本修改后再打开');
  box.append(actions);
  return box;
}

// ---------------------------------------------------------------- picking and dropping

$<HTMLInputElement>('pick').addEventListener('change', (e) => {
  const input = e.target as HTMLInputElement;
  if (input.files?.length) openFiles(input.files);
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

/** A note at the top of the file list (what a dropped folder gave, or why it gave nothing). */
function notice(name: string, text: string, ok: boolean): void {
  const file = nextFile();
  const article = el('article', { class: 'file', id: `file-${file}` });
  $('files').prepend(article);
  if (ok) {
    article.classList.add('folder');
    article.append(el('div', { class: 'file-head' }, el('h2', {}, name)), el('p', { class: 'muted' }, text));
  } else showFile({ file, name, ok: false, error: text }, article);
}

/** A dropped folder: its catalog files are read (as the CLI reads a folder), and it is said what was left out. */
async function openFolder(entry: FileSystemDirectoryEntry): Promise<void> {
  try {
    const accepted = $<HTMLInputElement>('pick').accept.split(',');
    const found = await folderFiles(entry, accepted);
    notice(entry.name, folderNote(entry.name, found), found.files.length > 0);
    if (found.files.length) openFiles(found.files);
  } catch {
    notice(entry.name, `错误：无法读取文件夹“${entry.name}”中的文件：请打开这个文件夹，全选（Ctrl+A）其中的目录文件，再拖到这里或点“选择文件”`, false);
  }
}

// Files dropped anywhere on the page are opened (a drop just beside the zone must not be lost, nor make
// the browser open the file and leave the tool).
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  const data = e.dataTransfer;
  if (!data) return;
  const folders: FileSystemDirectoryEntry[] = [];
  for (const item of Array.from(data.items)) {
    const entry = item.kind === 'file' ? item.webkitGetAsEntry?.() : null;
    if (entry?.isDirectory) folders.push(entry as FileSystemDirectoryEntry);
  }
  const names = new Set(folders.map((f) => f.name));
  const list = Array.from(data.files).filter((f) => !names.has(f.name));
  if (list.length) openFiles(list);
  for (const folder of folders) void openFolder(folder);
});

/** Offer the template of a layout the clerk picked the definition of (replacing an option of the same id), chosen. */
function offerTemplate(id: string | undefined, name: string): void {
  if (id === undefined) return;
  const select = $('template-layout') as HTMLSelectElement;
  const option = [...select.options].find((o) => o.value === id) ?? select.appendChild(el('option', { value: id }, name) as HTMLOptionElement);
  option.textContent = name;
  select.value = id;
}

for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-template]')) {
  b.addEventListener('click', () => void download({ kind: b.dataset.template as ExportKind, files: [] }, $('template-note')));
}
// The lists' templates: the built-in ones, and each layout whose definition file the clerk picked.
$('template-list').addEventListener('click', () => {
  const layout = ($('template-layout') as HTMLSelectElement).value;
  void download({ kind: 'template-list', files: [], choices: { layout } }, $('template-note'));
});
