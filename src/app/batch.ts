// Several files at once — merge the ones the clerk ticks, the change log of two versions — and the
// reference catalog a gap report is made against.
import { $, alertLine, ask, download, el, enqueue, tell, working } from './page-plumbing.js';
import { nextFile, readable, shown, sources, state } from './page-state.js';

/** Files left out of the merge by the clerk (by worker id); every other readable file is merged. */
const leftOut = new Set<number>();

/** The roll-up of every file shown (unreadable ones too): the table `zwgk summary` writes, one row a file. */
function updateRollup(): void {
  const all = [...shown.values()].sort((a, b) => a.view.file - b.view.file);
  $('rollup-body').replaceChildren(
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

/** Redraw the several-files section after a file came or went. */
export function updateBatch(): void {
  const list = readable();
  $('batch').hidden = shown.size < 2;
  // Merging and comparing need two catalogs read; the roll-up counts the unreadable files too.
  $('merge-choice').hidden = list.length < 2;
  $('merge-row').hidden = list.length < 2;
  $('diff-row').hidden = list.length < 2;
  updateRollup();
  const boxes = list.map((s) => {
    const box = el('input', { type: 'checkbox', 'data-file': String(s.view.file) });
    box.checked = !leftOut.has(s.view.file);
    box.addEventListener('change', () => {
      if (box.checked) leftOut.delete(s.view.file);
      else leftOut.add(s.view.file);
    });
    return el('label', { class: 'choice' }, box, ` ${s.view.name}（${s.view.profile} 版式，${s.view.items} 个事项）`);
  });
  $('merge-files').replaceChildren(...boxes);
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

$('rollup-download').addEventListener('click', () => {
  void download({ kind: 'summary', files: [...shown.keys()].sort((a, b) => a - b) }, $('batch-note'));
});
$('merge').addEventListener('click', () => {
  const files = readable().map((s) => s.view.file).filter((f) => !leftOut.has(f));
  if (files.length < 2) {
    alertLine('请至少勾选两个要合并的文件', $('batch-note'));
    return;
  }
  void download({ kind: 'merge', files }, $('batch-note'));
});
$('diff').addEventListener('click', () => {
  const a = Number($<HTMLSelectElement>('diff-old').value);
  const b = Number($<HTMLSelectElement>('diff-new').value);
  if (a === b) {
    alertLine('请选择两个不同的文件作为旧版和新版', $('batch-note'));
    return;
  }
  void download({ kind: 'diff', files: [a, b] }, $('batch-note'));
});

/** Stop using the reference catalog (the worker forgets it too). */
function clearReference(): void {
  if (state.reference !== undefined) {
    tell({ op: 'forget', file: state.reference });
    sources.delete(state.reference);
  }
  state.reference = undefined;
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
  const file = nextFile();
  const label = $('reference-name');
  label.textContent = `正在读取 ${f.name}…`;
  void enqueue(() =>
    working(`正在读取参考目录 ${f.name}…`, async () => {
      const input = { name: f.name, blob: f };
      await ask({ op: 'open', file, input, role: 'reference' }, (r) => {
        if (r.type !== 'opened') return;
        // A failed pick leaves no reference at all: the one before it must not be used unseen.
        clearReference();
        if (r.view.ok) {
          state.reference = file;
          sources.set(file, { input, role: 'reference', view: r.view });
          label.textContent = `${f.name}（${r.view.profile} 版式，${r.view.items} 个事项）`;
          $('clear-reference').hidden = false;
        } else {
          label.textContent = `${r.view.error ?? '错误：无法读取'}（现在没有参考目录）`;
          label.classList.add('error-line');
        }
      }).catch((message: string) => {
        clearReference();
        label.textContent = `${message}（现在没有参考目录）`;
        label.classList.add('error-line');
      });
    }),
  );
});
