// A commented YAML skeleton of a list layout, for drafting in a text editor: the 版式 line, the top-level
// keys, and one item with every column of the layout, each commented with what goes in it.
import type { Layout, LayoutColumn } from '../layouts/types.js';
import { KIND_WORDS } from '../layouts/words.js';

/** What one column's line says: its kind, required or not, its options and description. */
function comment(c: LayoutColumn): string {
  const parts = [c.required ? '必填' : '选填', KIND_WORDS[c.kind]];
  if (c.options.length && c.kind !== 'yesno') parts.push(`可选：${c.options.join('、')}`);
  if (c.description) parts.push(c.description);
  return parts.join('；');
}

/** Render the skeleton YAML of a layout. */
export function renderListSkeleton(layout: Layout): string {
  const lines = [
    `# zwgk ${layout.name}（版式 ${layout.id}）。逐个事项填写“事项”下的各项；键名即表格列名。`,
    '# 校验：zwgk validate <本文件>　生成网页：zwgk render <本文件> -o 清单.html',
    `版式: ${layout.name}`,
    `标题: ${layout.print.title}`,
    '单位: XX单位',
    '日期: ""',
    '事项:',
  ];
  layout.columns.forEach((c, i) => {
    const lead = i === 0 ? '  - ' : '    ';
    const value = c.kind === 'serial' ? '1' : c.kind === 'ticks' ? '[]' : '""';
    lines.push(`${lead}${c.label}: ${value}  # ${comment(c)}`);
  });
  return `${lines.join('\n')}\n`;
}
