// One table of CLI cases, run in-process through run() and through the real bin/zwgk.js.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';

interface Case {
  name: string;
  args: string[];
  code: number;
  stdout?: (string | RegExp)[];
  stderr?: (string | RegExp)[];
  /** JSON stdout checked by a function. */
  json?: (doc: any) => void;
}

const F = 'test/cli/fixtures';

export const CASES: Case[] = [
  { name: 'help', args: ['--help'], code: 0, stdout: ['用法：', 'validate', 'render', 'gap', 'convert', '退出码'] },
  { name: 'no arguments shows help, exit 2', args: [], code: 2, stdout: ['用法：'] },
  { name: 'version', args: ['--version'], code: 0, stdout: [/^\d+\.\d+\.\d+/] },
  { name: 'command help in Chinese', args: ['render', '--help'], code: 0, stdout: ['用法：', '可选值：xlsx | html | md', '--to'] },
  { name: 'unknown command', args: ['frobnicate'], code: 2, stderr: ['未知命令 frobnicate'] },
  { name: 'unknown option', args: ['validate', '--bogus', 'examples/sample-table.yaml'], code: 2, stderr: ['未知选项 --bogus'] },
  { name: 'unknown --format value', args: ['validate', '--format', 'xml', 'examples/sample-table.yaml'], code: 2, stderr: ['“xml”无效'] },
  { name: 'render --to pdf', args: ['render', 'examples/sample-table.yaml', '--to', 'pdf'], code: 2, stderr: ['“pdf”无效', 'xlsx, html, md'] },
  { name: 'render without --to', args: ['render', 'examples/sample-table.yaml'], code: 2, stderr: ['缺少必需的选项 --to'] },
  { name: 'convert without -o', args: ['convert', 'examples/sample-table.yaml'], code: 2, stderr: ['缺少必需的选项'] },
  { name: 'validate without files', args: ['validate'], code: 2, stderr: ['缺少参数'] },
  {
    name: 'the sample item validates',
    args: ['validate', 'examples/sample-table.yaml'],
    code: 0,
    stdout: ['examples/sample-table.yaml：通过（2017 版式，1 个事项'],
  },
  {
    name: 'validate --format json',
    args: ['validate', '--format', 'json', 'examples/sample-table.yaml', 'examples/county-catalog.yaml'],
    code: 0,
    json: (doc) => {
      expect(doc.valid).toBe(true);
      expect(doc.files.map((f: any) => [f.file, f.profile, f.valid, f.items])).toEqual([
        ['examples/sample-table.yaml', '2017', true, 1],
        ['examples/county-catalog.yaml', '2017', true, 10],
      ]);
      expect(doc.files[0].diagnostics.filter((d: any) => d.severity === 'error')).toEqual([]);
    },
  },
  {
    name: 'a blank 公开时限 is one error at its line',
    args: ['validate', '--format', 'json', `${F}/blank-deadline.yaml`],
    code: 1,
    json: (doc) => {
      expect(doc.valid).toBe(false);
      const errors = doc.files[0].diagnostics.filter((d: any) => d.severity === 'error');
      expect(errors).toEqual([
        {
          code: 'required-blank',
          severity: 'error',
          message: '必填项“公开时限”为空。公开时限指相关信息形成或变更后多久公开，请补充填写',
          field: '公开时限',
          item: 1,
          location: { file: `${F}/blank-deadline.yaml`, line: 14, column: 11 },
        },
      ]);
    },
  },
  {
    name: 'text report names the line',
    args: ['validate', '--no-color', `${F}/blank-deadline.yaml`],
    code: 1,
    stdout: [`${F}/blank-deadline.yaml:14:11  错误  必填项“公开时限”为空`, '[required-blank]', '未通过'],
  },
  {
    name: 'wrong types and unknown keys in YAML',
    args: ['validate', '--format', 'json', `${F}/wrong-type.yaml`],
    code: 1,
    json: (doc) => {
      const d = doc.files[0].diagnostics.map((x: any) => [x.code, x.field ?? null, x.location.line]);
      expect(d).toContainEqual(['wrong-type', '名称', 6]);
      expect(d).toContainEqual(['unknown-key', null, 15]);
    },
  },
  { name: 'missing file', args: ['validate', 'no/such/file.xlsx'], code: 2, stderr: ['找不到文件：no/such/file.xlsx'] },
  { name: 'render a folder', args: ['render', 'examples', '--to', 'md'], code: 2, stderr: ['examples 是一个文件夹'] },
  {
    name: 'validate a folder: every catalog file in it',
    args: ['validate', '--no-color', 'examples'],
    code: 0,
    stdout: ['examples/county-catalog.yaml：通过', 'examples/unit-anquan.yaml：通过', '共 4 个文件：通过 4 个，未通过 0 个'],
  },
  {
    name: 'validate with a wildcard (Windows shells do not expand it)',
    args: ['validate', '--format', 'json', 'examples/*-anquan.yaml'],
    code: 0,
    json: (doc) => expect(doc.files.map((f: any) => f.file)).toEqual(['examples/reference-anquan.yaml', 'examples/unit-anquan.yaml']),
  },
  { name: 'a wildcard that matches nothing', args: ['validate', 'examples/*.xlsx'], code: 2, stderr: ['没有与 examples/*.xlsx 匹配的文件'] },
  { name: 'an empty folder', args: ['validate', 'test/cli/fixtures/empty-folder'], code: 2, stderr: ['文件夹 test/cli/fixtures/empty-folder 中没有可读取的目录文件'] },
  { name: 'unsupported extension', args: ['validate', 'README.md'], code: 2, stderr: ['不支持的文件类型“.md”'] },
  { name: 'a text file named .xlsx', args: ['validate', `${F}/text.xlsx`], code: 2, stderr: [`${F}/text.xlsx 不是有效的 Excel 工作簿`] },
  { name: 'a CSV named .xlsx', args: ['validate', `${F}/csv-renamed.xlsx`], code: 2, stderr: ['不是有效的 Excel 工作簿'] },
  { name: 'YAML syntax error names the line', args: ['validate', `${F}/syntax.yaml`], code: 2, stderr: ['YAML 语法错误', '第 4 行'] },
  {
    name: 'a full-width colon after a YAML key is named with its line, column and fix',
    args: ['validate', `${F}/fullwidth-colon.yaml`],
    code: 2,
    stderr: [`错误：${F}/fullwidth-colon.yaml 第 6 行第 7 列的“：”是全角冒号，YAML 只认半角符号。键名后要用半角冒号“:”再加一个空格，应写作“名称: 最低生活保障”`],
  },
  { name: 'GBK YAML', args: ['validate', `${F}/gbk.yaml`], code: 2, stderr: ['不是 UTF-8 编码', 'GBK'] },
  { name: 'YAML whose top level is a list', args: ['validate', `${F}/top-list.yaml`], code: 2, stderr: ['顶层应是含“事项”列表的映射', '列表'] },
  { name: 'unknown YAML tag is refused, never run', args: ['validate', `${F}/js-function.yaml`], code: 2, stderr: ['不支持的标签 !!js/function'] },
  {
    name: 'render md to stdout',
    args: ['render', 'examples/sample-table.yaml', '--to', 'md', '-o', '-'],
    code: 0,
    stdout: ['# 政务公开事项目录（样表）', '食品安全监督抽检信息'],
  },
  { name: 'xlsx to stdout is refused', args: ['render', 'examples/sample-table.yaml', '--to', 'xlsx', '-o', '-'], code: 2, stderr: ['不能输出到标准输出'] },
  {
    name: 'convert onto its own input is refused',
    args: ['convert', 'examples/sample-table.yaml', '-o', 'examples/sample-table.yaml'],
    code: 2,
    stderr: ['就是输入文件，已拒绝'],
  },
  {
    name: 'convert -o - prints YAML',
    args: ['convert', 'examples/sample-table.yaml', '-o', '-'],
    code: 0,
    stdout: ['版式: "2017"', '名称: 食品安全监督抽检信息'],
  },
  { name: 'convert to an unknown extension', args: ['convert', 'examples/sample-table.yaml', '-o', 'x.pdf'], code: 2, stderr: ['convert 只能输出'] },
];

function sink() {
  const chunks: string[] = [];
  return {
    stream: { write: (c: string | Uint8Array) => (chunks.push(typeof c === 'string' ? c : Buffer.from(c).toString()), true) },
    text: () => chunks.join(''),
  };
}

function check(c: Case, code: number, stdout: string, stderr: string) {
  expect({ code, stderr: code === c.code ? '' : stderr }).toEqual({ code: c.code, stderr: '' });
  for (const s of c.stdout ?? []) typeof s === 'string' ? expect(stdout).toContain(s) : expect(stdout).toMatch(s);
  for (const s of c.stderr ?? []) typeof s === 'string' ? expect(stderr).toContain(s) : expect(stderr).toMatch(s);
  if (c.json) c.json(JSON.parse(stdout));
  // Never a stack trace.
  expect(stderr).not.toMatch(/\n\s+at /);
}

const env = { ...process.env, NO_COLOR: '1', CI: 'true' };

describe('CLI in-process', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const out = sink();
      const err = sink();
      const code = await run({ argv: c.args, stdout: out.stream, stderr: err.stream, env });
      check(c, code, out.text(), err.text());
    });
  }
});

describe('CLI through bin/zwgk.js', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = spawnSync(process.execPath, ['bin/zwgk.js', ...c.args], { encoding: 'utf8', env });
      check(c, r.status ?? -1, r.stdout, r.stderr);
    });
  }
});
