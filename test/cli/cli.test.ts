// One table of CLI cases, run in-process through run() and through the real bin/zwgk.js.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
  /** Files the run must have written (path → text they contain); {tmp} is a fresh folder per run. */
  written?: Record<string, string>;
  /** Files the run must not have written. */
  absent?: string[];
}

const F = 'test/cli/fixtures';

export const CASES: Case[] = [
  { name: 'help', args: ['--help'], code: 0, stdout: ['用法：', 'validate', 'render', 'gap', 'convert', '退出码'] },
  { name: 'no arguments shows help, exit 2', args: [], code: 2, stdout: ['用法：'] },
  { name: 'version', args: ['--version'], code: 0, stdout: [/^\d+\.\d+\.\d+/] },
  { name: 'command help in Chinese', args: ['render', '--help'], code: 0, stdout: ['用法：', '可选值：xlsx | html | md', '--to'] },
  { name: 'unknown command', args: ['frobnicate'], code: 2, stderr: ['错误：未知命令 frobnicate。运行 zwgk --help 查看用法'] },
  { name: 'a mistyped command gets a did-you-mean', args: ['valdiate', 'examples/sample-table.yaml'], code: 2, stderr: ['未知命令 valdiate。您是不是要用 validate？运行 zwgk --help 查看用法'] },
  { name: 'a file where the command belongs', args: ['目录.xlsx'], code: 2, stderr: ['您是不是要用 validate 目录.xlsx？'] },
  { name: 'unknown option', args: ['validate', '--bogus', 'examples/sample-table.yaml'], code: 2, stderr: ['未知选项 --bogus。运行 zwgk validate --help 查看用法'] },
  { name: 'a mistyped option gets a did-you-mean', args: ['render', 'examples/sample-table.yaml', '--too', 'html'], code: 2, stderr: ['未知选项 --too。您是不是要用 --to？运行 zwgk render --help 查看用法'] },
  { name: 'a long option with one dash', args: ['render', 'examples/sample-table.yaml', '-to', 'html'], code: 2, stderr: ['未知选项 -to。您是不是要用 --to？'] },
  { name: 'unknown --format value', args: ['validate', '--format', 'xml', 'examples/sample-table.yaml'], code: 2, stderr: ['“xml”无效', '运行 zwgk validate --help 查看用法'] },
  { name: 'render --to pdf', args: ['render', 'examples/sample-table.yaml', '--to', 'pdf'], code: 2, stderr: ['“pdf”无效', 'xlsx, html, md', '运行 zwgk render --help 查看用法'] },
  {
    name: 'render without --to or -o asks for either',
    args: ['render', 'examples/sample-table.yaml'],
    code: 2,
    stderr: ['请用 --to 指定输出格式（xlsx、html、md），或用 -o 给出带扩展名的输出文件名', '运行 zwgk render --help 查看用法'],
  },
  {
    name: 'render takes the format from -o',
    args: ['render', 'examples/sample-table.yaml', '-o', '{tmp}/目录.html'],
    code: 0,
    stderr: ['已写出：'],
    written: { '{tmp}/目录.html': '<!DOCTYPE html>' },
  },
  {
    name: 'render refuses an -o extension that contradicts --to, and writes nothing',
    args: ['render', 'examples/sample-table.yaml', '--to', 'html', '-o', '{tmp}/目录.xlsx'],
    code: 2,
    stderr: ['-o 的扩展名“.xlsx”与 --to html 不符，没有写出任何文件', '目录.html', '运行 zwgk render --help 查看用法'],
    absent: ['{tmp}/目录.xlsx', '{tmp}/目录.html'],
  },
  {
    name: 'format names are case-insensitive',
    args: ['render', 'examples/sample-table.yaml', '--to', 'HTML', '-o', '{tmp}/page.HTML'],
    code: 0,
    written: { '{tmp}/page.HTML': '<!DOCTYPE html>' },
  },
  {
    name: 'validate --format JSON',
    args: ['validate', '--format', 'JSON', '--profile', 'AUTO', 'examples/sample-table.yaml'],
    code: 0,
    json: (doc) => expect(doc.valid).toBe(true),
  },
  {
    name: 'gap takes the format from -o',
    args: ['gap', 'examples/unit-anquan.yaml', '--against', 'examples/reference-anquan.yaml', '-o', '{tmp}/差距.html'],
    code: 0,
    written: { '{tmp}/差距.html': '缺少的事项' },
  },
  {
    name: 'gap refuses an -o extension that contradicts --to',
    args: ['gap', 'examples/unit-anquan.yaml', '--to', 'xlsx', '-o', '{tmp}/差距.html'],
    code: 2,
    stderr: ['-o 的扩展名“.html”与 --to xlsx 不符'],
    absent: ['{tmp}/差距.html', '{tmp}/差距.xlsx'],
  },
  {
    name: 'diff refuses an -o extension that contradicts --to',
    args: ['diff', 'test/diff/fixtures/old.yaml', 'test/diff/fixtures/new.yaml', '--to', 'json', '-o', '{tmp}/调整.md'],
    code: 2,
    stderr: ['-o 的扩展名“.md”与 --to json 不符', '运行 zwgk diff --help 查看用法'],
    absent: ['{tmp}/调整.md'],
  },
  { name: 'render without a file: the missing file, not --to', args: ['render'], code: 2, stderr: ['缺少参数 <文件>。运行 zwgk render --help 查看用法'] },
  { name: 'a missing input before a missing format', args: ['render', 'no/such.yaml'], code: 2, stderr: ['找不到文件：no/such.yaml'] },
  { name: 'a missing input before a bad option value', args: ['render', 'no/such.yaml', '--to', 'pdf'], code: 2, stderr: ['找不到文件：no/such.yaml'] },
  { name: 'a missing input before a missing -o', args: ['convert', 'no/such.yaml'], code: 2, stderr: ['找不到文件：no/such.yaml'] },
  { name: 'a missing reference before a bad option value', args: ['gap', 'examples/unit-anquan.yaml', '--against', 'no/ref.yaml', '--to', 'doc'], code: 2, stderr: ['找不到文件：no/ref.yaml'] },
  { name: 'a missing input before a contradicting -o', args: ['render', 'no/such.yaml', '--to', 'md', '-o', '{tmp}/x.html'], code: 2, stderr: ['找不到文件：no/such.yaml'] },
  { name: 'convert without -o', args: ['convert', 'examples/sample-table.yaml'], code: 2, stderr: ['缺少必需的选项 -o, --output <路径>。运行 zwgk convert --help 查看用法'] },
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
    name: 'wrong types and unknown keys in YAML (an unknown key kept as an extra column)',
    args: ['validate', '--format', 'json', `${F}/wrong-type.yaml`],
    code: 1,
    json: (doc) => {
      const d = doc.files[0].diagnostics.map((x: any) => [x.code, x.field ?? null, x.location.line]);
      expect(d).toContainEqual(['wrong-type', '名称', 6]);
      expect(d).toContainEqual(['unknown-key-kept', '负责人', 15]);
    },
  },
  { name: 'missing file', args: ['validate', 'no/such/file.xlsx'], code: 2, stderr: ['找不到文件：no/such/file.xlsx'] },
  { name: 'render a folder', args: ['render', 'examples', '--to', 'md'], code: 2, stderr: ['examples 是一个文件夹'] },
  {
    name: 'validate a folder: every catalog file in it',
    args: ['validate', '--no-color', 'examples'],
    code: 0,
    stdout: ['examples/county-catalog.yaml：通过', 'examples/major-decisions.yaml：通过（重大行政决策事项目录 版式', 'examples/public-services.yaml：通过（公共服务事项清单 版式', 'examples/unit-anquan.yaml：通过', '共 8 个文件：通过 8 个，未通过 0 个'],
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
  {
    name: 'site over a folder of catalogs',
    args: ['site', 'examples', '-o', '{tmp}/网站'],
    code: 0,
    stdout: ['已写出网站：', '（8 个目录，共 42 个事项）', 'county-catalog.html  ← examples/county-catalog.yaml（10 个事项）', 'major-decisions.html  ← examples/major-decisions.yaml（3 个事项）'],
    written: { '{tmp}/网站/index.html': '共 8 个目录', '{tmp}/网站/unit-anquan.html': 'href="index.html"' },
  },
  {
    name: 'site: a catalog with errors is published and named (exit 1)',
    args: ['site', 'examples/sample-table.yaml', `${F}/blank-deadline.yaml`, '-o', '{tmp}/s'],
    code: 1,
    stderr: [`注意：${F}/blank-deadline.yaml 有 1 个错误`, '已照常发布'],
    written: { '{tmp}/s/index.html': '共 2 个目录', '{tmp}/s/blank-deadline.html': '<!DOCTYPE html>' },
  },
  {
    name: 'site: an unreadable file is named and left out, the others are published (exit 2)',
    args: ['site', 'examples/sample-table.yaml', `${F}/syntax.yaml`, '-o', '{tmp}/s'],
    code: 2,
    stderr: ['YAML 语法错误', `1 个文件无法读取，未发布：${F}/syntax.yaml`],
    written: { '{tmp}/s/index.html': '共 1 个目录' },
    absent: ['{tmp}/s/syntax.html'],
  },
  {
    name: 'site: nothing readable, nothing written',
    args: ['site', 'no/such.yaml', '-o', '{tmp}/s'],
    code: 2,
    stderr: ['找不到文件：no/such.yaml', '没有可以发布的目录'],
    absent: ['{tmp}/s'],
  },
  { name: 'site without -o', args: ['site', 'examples'], code: 2, stderr: ['缺少必需的选项 -o, --output <路径>。运行 zwgk site --help 查看用法'] },
  { name: 'site -o naming a file', args: ['site', 'examples/sample-table.yaml', '-o', 'README.md'], code: 2, stderr: ['不是文件夹'] },
  { name: 'convert to an unknown extension', args: ['convert', 'examples/sample-table.yaml', '-o', 'x.pdf'], code: 2, stderr: ['convert 只能输出', '运行 zwgk convert --help 查看用法'] },
  { name: 'app -o - prints the offline tool', args: ['app', '-o', '-'], code: 0, stdout: ['<!DOCTYPE html>', 'Content-Security-Policy', '政务公开事项目录工具'] },
  { name: 'app does not overwrite a file without --force', args: ['app', '-o', 'README.md'], code: 2, stderr: ['README.md 已存在', '--force'] },
];

function sink() {
  const chunks: string[] = [];
  return {
    stream: { write: (c: string | Uint8Array) => (chunks.push(typeof c === 'string' ? c : Buffer.from(c).toString()), true) },
    text: () => chunks.join(''),
  };
}

/** The case's arguments with {tmp} replaced by a fresh folder; call done() to check files and clean up. */
function prepare(c: Case): { args: string[]; done: () => void } {
  const tmp = mkdtempSync(path.join(tmpdir(), 'zwgk-cli-'));
  const sub = (s: string) => s.replaceAll('{tmp}', tmp);
  return {
    args: c.args.map(sub),
    done: () => {
      try {
        for (const [file, text] of Object.entries(c.written ?? {})) expect(readFileSync(sub(file), 'utf8')).toContain(text);
        for (const file of c.absent ?? []) expect(existsSync(sub(file)), file).toBe(false);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    },
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
      const { args, done } = prepare(c);
      const code = await run({ argv: args, stdout: out.stream, stderr: err.stream, env });
      check(c, code, out.text(), err.text());
      done();
    });
  }
});

/** Run bin/zwgk.js as a user would, collecting its output (the app file printed to stdout is over 1 MB). */
function runBin(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/zwgk.js', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

// Each case has its own {tmp} folder, so the child processes can run side by side.
describe.concurrent('CLI through bin/zwgk.js', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { args, done } = prepare(c);
      const r = await runBin(args);
      check(c, r.status, r.stdout, r.stderr);
      done();
    });
  }
});
