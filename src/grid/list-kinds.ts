// Other lists an office keeps in the same workbooks (重大行政决策事项目录, 权责清单, 执法检查事项清单): their
// layouts are the layouts issue's; until then a sheet of one is refused, saying what kind of list it looks
// like, instead of “no catalog header”. Told by the words of their header rows.
import type { HeaderRow } from './header.js';

/** The kinds, each with header words only that kind of list uses. */
const KINDS: readonly { kind: string; words: readonly string[] }[] = [
  { kind: '重大行政决策事项目录', words: ['决策事项', '决策事项名称', '重大行政决策事项', '决策承办单位', '承办单位', '决策时间', '决策机关', '决策依据', '履行程序', '决策事项程序', '是否需听证', '计划完成时间', '决策实施单位'] },
  { kind: '权责清单', words: ['职权名称', '职权类型', '职权类别', '职权编码', '职权依据', '责任事项', '追责情形', '责任事项依据', '实施主体', '权力名称', '权力类型', '事项编码'] },
  { kind: '执法检查事项清单', words: ['检查事项', '检查事项名称', '检查对象', '检查方式', '检查主体', '检查内容', '检查依据', '抽查比例', '检查频次', '抽查事项', '抽查对象'] },
];

/** The kind of list a grid's first rows look like (two of its words in one row) and the words, or undefined. */
export function otherListKind(rows: readonly HeaderRow[]): { kind: string; words: string[] } | undefined {
  for (const row of rows) {
    const labels = new Set(row.cells.map((c) => c.text.replace(/\s+/gu, '')));
    for (const k of KINDS) {
      const words = k.words.filter((w) => labels.has(w));
      if (words.length >= 2) return { kind: k.kind, words };
    }
  }
  return undefined;
}
