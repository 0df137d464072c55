// The bad-input corpus (test/fixtures/bad/, built by make-bad.mjs): every file makes zwgk exit 1 or
// 2 within the deadline, with Chinese text that names the file and the problem, and no stack trace.
// The small files are committed; the large ones (zip bomb, a million rows, a 10 MB line, deep
// nesting) are generated into a temporary folder here. Heavy cases also run as a child process
// through bin/zwgk.js, whose peak memory is bounded.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeFiles, PWNED_MARKER, smallFiles, writeFiles } from '../fixtures/bad/make-bad.mjs';
import { CHINESE, DEADLINE_MS, ROOT, runBin, runInProcess, STACK, type Outcome } from './helpers.js';
import { READ_LIMITS } from '../../src/settings/limits.js';

const BAD = 'test/fixtures/bad';
let LARGE = '';
let TMP = '';

interface Case {
  /** File name in the corpus (or a path the test makes). */
  file: string;
  large?: boolean;
  /** 0: a hostile input that is a valid catalog (read quickly, in bounded memory). */
  code: 0 | 1 | 2;
  /** What the message must say about the problem (besides naming the file). */
  says: (string | RegExp)[];
  /** For exit 1: the finding code and where (cell, line for YAML, a table's row and column) it must be reported. */
  finding?: { code: string; cell?: string; line?: number; table?: { table: number; row: number; column: number } };
  /** Also run through bin/zwgk.js as a child, with peak RSS bounded. */
  bin?: boolean;
  /** Read with these READ_LIMITS (in-process only): a file just past the real values limit (3 million) would
   * take the suite many seconds to build and read, so these cases stop at the limits of before issue 19;
   * bench/run.mjs reads one at the real limit (hostile-too-many-cells). */
  limits?: Partial<typeof READ_LIMITS>;
}

/** The read limits before issue 19, at which the corpus's too-many-values files stop. */
const SMALL_LIMITS = { maxCells: 600_000, maxChars: 32 * 1024 * 1024 };

const MB = 1024 * 1024;
const RSS_LIMIT = 500 * MB;

const CASES: Case[] = [
  // ---- not a workbook at all
  { file: 'random-bytes.xlsx', code: 2, says: ['不是有效的 Excel 工作簿', '不是 zip'], bin: true },
  { file: 'truncated.xlsx', code: 2, says: ['文件已损坏：', '中找不到压缩目录（文件末尾缺失，不完整）'] },
  { file: 'zip-not-workbook.xlsx', code: 2, says: ['不是有效的 Excel 工作簿', 'xl/workbook.xml'] },
  { file: 'docx-renamed.xlsx', code: 2, says: ['Word 文档'] },
  { file: 'pdf-renamed.xlsx', code: 2, says: ['PDF'] },
  { file: 'csv-renamed.xlsx', code: 2, says: [/CSV|纯文本/] },
  { file: 'html-renamed.xlsx', code: 2, says: ['网页'] },
  { file: 'empty.xlsx', code: 2, says: ['空的'] },
  { file: 'empty.yaml', code: 2, says: ['空的'] },
  { file: 'a-folder.xlsx', code: 2, says: ['文件夹'] },
  { file: 'no-such-file.xlsx', code: 2, says: ['找不到文件'], bin: true },
  { file: 'encrypted.xlsx', code: 2, says: ['密码'], bin: true },
  { file: 'old-xls-renamed.xlsx', code: 2, says: [/97-2003|\.xls/] },
  { file: 'zip-bomb.xlsx', large: true, code: 2, says: ['解压后', '600.0 MB', 'xl/worksheets/sheet1.xml'], bin: true },
  // ---- a workbook with damage inside
  { file: 'xml-entity-expansion.xlsx', code: 2, says: ['不是有效的 Excel 工作簿'], bin: true },
  { file: 'shared-strings-entity.xlsx', code: 2, says: ['不是有效的 Excel 工作簿'] },
  { file: 'shared-strings-missing.xlsx', code: 2, says: ['文件已损坏：', 'A1 等单元格引用的共享字符串表（xl/sharedStrings.xml）缺失，其中的文字无法读出'] },
  { file: 'no-header.xlsx', code: 2, says: ['没有找到目录表头'] },
  { file: 'empty-workbook.xlsx', code: 2, says: ['没有任何有内容的工作表'] },
  { file: 'styled-empty-workbook.xlsx', code: 2, says: ['没有任何有内容的工作表'] },
  { file: 'merge-overlap.xlsx', code: 1, says: ['合并区域 C4:D5', '重叠'], finding: { code: 'merge-invalid', cell: 'C4' } },
  { file: 'merge-outside.xlsx', code: 1, says: ['合并区域 K3:K1048577', '超出'], finding: { code: 'merge-invalid', cell: 'K3' } },
  // ---- readable, with one error at a known cell
  { file: 'cell-too-long.xlsx', code: 1, says: ['单元格有 36301 个字符，超过 Excel 单元格上限 32767', '只读入了前 32767 个字符'], finding: { code: 'cell-truncated', cell: 'F4' } },
  { file: 'absurd-dimension.xlsx', code: 1, says: ['公开时限'], finding: { code: 'required-blank', cell: 'I3' }, bin: true },
  { file: 'million-styled-rows.xlsx', large: true, code: 1, says: ['公开时限'], finding: { code: 'required-blank', cell: 'I3' }, bin: true },
  // ---- YAML
  { file: 'syntax-error.yaml', code: 2, says: ['YAML 语法错误', /第 \d+ 行第 \d+ 列/] },
  { file: 'bad-indent.yaml', code: 2, says: ['YAML 语法错误', '第 5 行'] },
  { file: 'duplicate-key.yaml', code: 2, says: ['重复的键', '第 3 行'] },
  { file: 'multi-document.yaml', code: 2, says: ['多个 YAML 文档'] },
  { file: 'alias-bomb.yaml', code: 2, says: ['别名'], bin: true },
  { file: 'top-level-list.yaml', code: 2, says: ['顶层', '列表'] },
  { file: 'top-level-scalar.yaml', code: 2, says: ['顶层', '文本'] },
  { file: 'comments-only.yaml', code: 2, says: ['顶层', '空'] },
  { file: 'no-items-key.yaml', code: 2, says: ['事项'] },
  { file: 'wrong-type.yaml', code: 1, says: ['“名称”应为文本，现在是列表'], finding: { code: 'wrong-type', line: 7 } },
  { file: 'js-function.yaml', code: 2, says: ['!!js/function', '不会被执行'], bin: true },
  { file: 'python-object.yaml', code: 2, says: ['!!python/object', '不会被执行'] },
  { file: 'local-tag.yaml', code: 2, says: ['!ruby/object'] },
  { file: 'gbk.yaml', code: 2, says: ['UTF-8', 'GBK'] },
  { file: 'utf16le.yaml', code: 2, says: ['UTF-8', 'UTF-16'] },
  { file: 'utf16be-no-bom.yaml', code: 2, says: ['UTF-8', 'UTF-16'] },
  { file: 'binary.yaml', code: 2, says: ['二进制'] },
  { file: 'png-renamed.yaml', code: 2, says: ['二进制'] },
  { file: 'ten-mb-line.yaml', large: true, code: 1, says: ['3500000 个字符'], finding: { code: 'cell-too-long', line: 6 }, bin: true },
  { file: 'deep-flow.yaml', large: true, code: 2, says: ['嵌套'], bin: true },
  { file: 'deep-block.yaml', large: true, code: 2, says: ['嵌套'], bin: true },
  // ---- issue 14: damage inside a zip, said as such
  { file: 'bad-crc.xlsx', code: 2, says: ['文件已损坏：', '中部件“xl/worksheets/sheet1.xml”的校验码（CRC）不符。可能是下载、拷贝或保存时中断'] },
  { file: 'duplicate-part.xlsx', code: 2, says: ['文件已损坏：', '中有两个同名的部件“xl/worksheets/sheet1.xml”'] },
  { file: 'cut-inside-text.xlsx', code: 2, says: ['文件已损坏：', '中工作表“目录”（xl/worksheets/sheet1.xml）在中途就结束了，内容不完整'] },
  { file: 'missing-sheet-part.xlsx', code: 2, says: ['文件已损坏：', '中工作表“目录”的数据部件 xl/worksheets/sheet1.xml 不存在'] },
  { file: 'shared-string-index.xlsx', code: 2, says: ['文件已损坏：', 'C3 单元格引用了共享字符串表中不存在的第 32 项（表中只有第 0–31 项）'] },
  { file: 'truncated-sparse.yaml', code: 2, says: ['有 600.0 MB，超过上限 512.0 MB，未读取'], bin: true },
  // ---- issue 14: hostile sizes and shapes (a tenth of the issue's; the bench runs them whole)
  { file: 'huge-cell.xlsx', large: true, code: 1, says: ['个字符，超过 Excel 单元格上限 32767', '只读入了前 32767 个字符'], finding: { code: 'cell-truncated', cell: 'F4' }, bin: true },
  { file: 'long-attributes.xlsx', large: true, code: 0, says: ['通过（2017 版式，2500 个事项'], bin: true },
  { file: 'many-merges.xlsx', large: true, code: 0, says: ['通过（2017 版式，2500 个事项'], bin: true },
  { file: 'plain-rows.xlsx', large: true, code: 0, says: ['通过（2017 版式，2500 个事项'] },
  { file: 'comment-lines.yaml', large: true, code: 0, says: ['通过（2017 版式，1 个事项'], bin: true },
  { file: 'too-many-cells.xlsx', large: true, code: 2, says: ['过大：读到工作表“目录”（xl/worksheets/sheet1.xml）的', '有内容的单元格超过 600000 个，已停止读取，以免耗尽内存'], limits: SMALL_LIMITS },
  // ---- the same limits in pages and Word files: a 40 MB and a 3 MB cell (a tenth), 650 000 one-character cells
  { file: 'huge-cell.docx', large: true, code: 1, says: ['单元格有 41943040 个字符，超过 Excel 单元格上限 32767（这样的内容无法写入 Excel 工作簿），只读入了前 32767 个字符'], finding: { code: 'cell-truncated', table: { table: 1, row: 2, column: 5 } }, bin: true },
  { file: 'huge-cell.html', large: true, code: 1, says: ['单元格有 3145728 个字符，超过 Excel 单元格上限 32767（这样的内容无法写入 Excel 工作簿），只读入了前 32767 个字符'], finding: { code: 'cell-truncated', table: { table: 1, row: 2, column: 5 } }, bin: true },
  { file: 'many-rows.docx', large: true, code: 2, says: ['过大：读到第 1 个表格 第 60001 行 第 1 列时有内容的单元格超过 600000 个，已停止读取，以免耗尽内存。请把目录按科室或类别拆成几个文件，分别校验和生成'], limits: SMALL_LIMITS },
  { file: 'many-cells.html', large: true, code: 2, says: ['过大：读到第 1 个表格 第 60001 行 第 1 列时有内容的单元格超过 600000 个，已停止读取，以免耗尽内存。请把目录按科室或类别拆成几个文件，分别校验和生成'], limits: SMALL_LIMITS },
  { file: 'long-comment.html', large: true, code: 2, says: ['第 1 行的一个标签、属性或注释过长（上限 2000000 个字符），可能是损坏或恶意构造的文件，已拒绝读取'], bin: true },
  { file: 'long-attribute.html', large: true, code: 2, says: ['第 1 行的一个标签、属性或注释过长（上限 2000000 个字符）'], bin: true },
  { file: 'inline-images.html', large: true, code: 0, says: ['通过（2017 版式，1 个事项'], bin: true },
  // ---- issue 24: shapes that took minutes (quadratic), read at the size the issue names; tiny elements at a tenth
  { file: 'many-breaks.html', large: true, code: 0, says: ['通过（2017 版式，20 个事项'] },
  { file: 'space-runs.html', large: true, code: 0, says: ['通过（2017 版式，20 个事项'] },
  { file: 'many-attributes.html', large: true, code: 0, says: ['通过（2017 版式，1 个事项'] },
  { file: 'foster-parenting.html', large: true, code: 0, says: ['通过（2017 版式，1 个事项'], bin: true },
  { file: 'tiny-elements.html', large: true, code: 1, says: ['单元格有 200008 个字符，超过 Excel 单元格上限 32767'], finding: { code: 'cell-truncated', table: { table: 1, row: 2, column: 5 } }, bin: true },
  { file: 'many-paragraphs.docx', large: true, code: 0, says: ['通过（2017 版式，20 个事项'] },
  { file: 'text-runs.xlsx', large: true, code: 0, says: ['通过（2017 版式，4 个事项'] },
  // ---- issue 14: characters XML forbids, escape sequences, YAML read as written
  { file: 'noncharacters.yaml', code: 1, says: ['“标题”中有 Excel 文件不允许的字符 U+FFFF'], finding: { code: 'xml-char', line: 2 } },
  { file: 'noncharacters.xlsx', code: 1, says: ['“名称”中有 Excel 文件不允许的字符 U+FFFF'], finding: { code: 'xml-char', cell: 'C3' } },
  { file: 'escape-sequences.xlsx', code: 1, says: ['公开时限'], finding: { code: 'required-blank', cell: 'I3' } },
  { file: 'unquoted-values.yaml', code: 1, says: ['“名称”的值 0x1F 没有加引号，YAML 会把它读成数字 31；已按原文“0x1F”读取', '“电话”的值 05391234567 没有加引号，YAML 会把它读成数字 5391234567；已按原文“05391234567”读取'], finding: { code: 'yaml-unquoted', line: 5 } },
  { file: 'options-in-2017.yaml', code: 1, says: ['“选项”只用于 2019 版式'], finding: { code: 'options-wrong-layout', line: 2 } },
  { file: 'proto-column.yaml', code: 1, says: ['公开时限'], finding: { code: 'required-blank', line: 14 } },
  { file: 'brackets-in-block.yaml', code: 1, says: ['公开时限'], finding: { code: 'required-blank', line: 15 } },
  { file: 'verbatim-tag.yaml', code: 2, says: ['第 2 行使用了不支持的标签 !<tag:example.com,2000:app/x>'] },
  { file: 'undefined-alias.yaml', code: 2, says: ['第 2 行的别名“*名称”找不到对应的锚点“&名称”'] },
  { file: 'long-key.yaml', code: 2, says: ['第 15 行第 1 列：键太长（超过 1024 个字符）'] },
];

function pathOf(c: Case): string {
  if (c.file === 'a-folder.xlsx' || c.file === 'truncated-sparse.yaml') return path.join(TMP, c.file);
  return c.large ? path.join(LARGE, c.file) : `${BAD}/${c.file}`;
}

function checkOutcome(c: Case, file: string, o: Outcome, json: boolean): void {
  const all = o.stdout + o.stderr;
  expect(o.code, all.slice(0, 2000)).toBe(c.code);
  expect(all).not.toMatch(STACK);
  expect(all).toMatch(CHINESE);
  expect(all).not.toContain('内部错误');
  if (c.code === 0) {
    expect(all).toContain(c.says[0] as string);
    return;
  }
  if (json && c.code === 1) {
    const doc = JSON.parse(o.stdout);
    const diags = doc.files[0].diagnostics as { code: string; message: string; location: { file: string; cell?: string; line?: number; table?: number; row?: number; column?: number } }[];
    const hit = diags.find((d) => d.code === c.finding!.code);
    expect(hit, JSON.stringify(diags).slice(0, 2000)).toBeDefined();
    expect(hit!.location.file).toBe(file);
    if (c.finding!.cell) expect(hit!.location.cell).toBe(c.finding!.cell);
    if (c.finding!.line) expect(hit!.location.line).toBe(c.finding!.line);
    if (c.finding!.table) expect({ table: hit!.location.table, row: hit!.location.row, column: hit!.location.column }).toEqual(c.finding!.table);
    for (const s of c.says) expect(diags.map((d) => d.message).join('\n')).toMatch(s);
  } else {
    // The file is named on the line that carries the problem.
    const line = all.split('\n').find((l) => l.includes(file) && c.says.every((s) => (typeof s === 'string' ? l.includes(s) : s.test(l))));
    expect(line, `no line names ${file} and ${c.says.join(' / ')}:\n${all.slice(0, 2000)}`).toBeDefined();
  }
}

beforeAll(async () => {
  TMP = mkdtempSync(path.join(os.tmpdir(), 'zwgk-bad-'));
  LARGE = path.join(TMP, 'large');
  await writeFiles(LARGE, await largeFiles());
  mkdirSync(path.join(TMP, 'a-folder.xlsx'));
  // 600 MB that take no disk: a sparse file, refused from its size before a byte is read.
  writeFileSync(path.join(TMP, 'truncated-sparse.yaml'), '版式: "2017"\n');
  truncateSync(path.join(TMP, 'truncated-sparse.yaml'), 600 * 1024 * 1024);
  rmSync(PWNED_MARKER, { force: true });
}, 120_000);

afterAll(() => {
  rmSync(TMP, { recursive: true, force: true });
});

describe('the committed corpus is what make-bad.mjs builds', () => {
  it('every small file is committed and current, and there are at least 30 cases', async () => {
    const { readFileSync } = await import('node:fs');
    const files = smallFiles() as Record<string, Buffer | string>;
    for (const [name, data] of Object.entries(files)) {
      expect(readFileSync(path.join(ROOT, BAD, name)).equals(Buffer.from(data as Buffer)), `${name} is stale: run node ${BAD}/make-bad.mjs`).toBe(true);
    }
    const inCorpus = readdirSync(path.join(ROOT, BAD)).filter((f) => f !== 'make-bad.mjs');
    expect(inCorpus.sort()).toEqual(Object.keys(files).sort());
    for (const name of inCorpus) expect(CASES.some((c) => c.file === name), `${name} has no case`).toBe(true);
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });
});

// A large case that also runs as a child is checked there only (same checks, JSON for exit 1): reading
// it twice would cost seconds each for nothing more.
describe('bad input, in-process (zwgk validate)', () => {
  for (const c of CASES.filter((x) => !(x.large && x.bin))) {
    it(`${c.file} → exit ${c.code}`, async () => {
      const file = pathOf(c);
      const argv = c.code === 1 ? ['validate', '--format', 'json', file] : ['validate', file];
      const saved = { ...READ_LIMITS };
      Object.assign(READ_LIMITS, c.limits);
      try {
        checkOutcome(c, file, await runInProcess(argv), c.code === 1);
      } finally {
        Object.assign(READ_LIMITS, saved);
      }
    }, DEADLINE_MS + 5_000);
  }
});

describe('bad input, as a child process (bin/zwgk.js), memory bounded', () => {
  for (const c of CASES.filter((x) => x.bin)) {
    it(`${c.file} → exit ${c.code}, peak RSS < ${RSS_LIMIT / MB} MB`, async () => {
      const file = pathOf(c);
      const o = await runBin(c.code === 1 ? ['validate', '--format', 'json', file] : ['validate', file]);
      checkOutcome(c, file, o, c.code === 1);
      expect(o.rss, 'peak RSS not reported').toBeGreaterThan(0);
      expect(o.rss!).toBeLessThan(RSS_LIMIT);
    }, DEADLINE_MS + 5_000);
  }
});

describe('render stops the same way and writes nothing', () => {
  const picks = ['random-bytes.xlsx', 'encrypted.xlsx', 'zip-bomb.xlsx', 'no-header.xlsx', 'syntax-error.yaml', 'js-function.yaml', 'gbk.yaml'];
  for (const name of picks) {
    const c = CASES.find((x) => x.file === name)!;
    it(`render ${name} --to html → exit 2, no output file`, async () => {
      const file = pathOf(c);
      const outDir = path.join(TMP, `render-${name}`);
      const o = await runInProcess(['render', file, '--to', 'html', '-o', path.join(outDir, 'out.html')]);
      checkOutcome(c, file, o, false);
      expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);
    }, DEADLINE_MS + 5_000);
  }
});

describe('hostile YAML tags are never executed', () => {
  it('no command run over the corpus created the marker file', async () => {
    for (const name of ['js-function.yaml', 'python-object.yaml', 'local-tag.yaml']) {
      for (const to of ['html', 'md', 'xlsx']) {
        await runInProcess(['render', `${BAD}/${name}`, '--to', to, '-o', path.join(TMP, `tags.${to}`)]);
      }
      await runInProcess(['convert', `${BAD}/${name}`, '-o', path.join(TMP, 'tags.yaml')]);
    }
    expect(existsSync(PWNED_MARKER)).toBe(false);
    expect(readdirSync(TMP).filter((f) => f.startsWith('tags.'))).toEqual([]);
  }, 60_000);
});
