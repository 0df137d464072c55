// zwgk fix and zwgk gap through run(): real example files, outputs in a temporary folder, input untouched.
import { mkdtempSync, readFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';

async function zwgk(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run({
    argv,
    stdout: { write: (c: string | Uint8Array) => ((stdout += String(c)), true) },
    stderr: { write: (c: string | Uint8Array) => ((stderr += String(c)), true) },
  });
  return { code, stdout, stderr };
}

const tmp = () => mkdtempSync(path.join(tmpdir(), 'zwgk-fix-'));

describe('zwgk fix', () => {
  it('writes a corrected copy, lists the change, and the copy re-validates without the warning', async () => {
    const dir = tmp();
    const input = path.join(dir, 'unit.yaml');
    copyFileSync('examples/unit-anquan.yaml', input);
    const before = readFileSync(input, 'utf8');
    const out = path.join(dir, 'unit-fixed.yaml');
    const r = await zwgk('fix', input, '-o', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('已修正 2 处：\n  第 56 行（公开依据）：“中办发[2016]8号” → “中办发〔2016〕8号”\n  第 79 行（一级事项）：“依法 行政” → “依法行政”');
    expect(readFileSync(input, 'utf8')).toBe(before);
    const fixed = readFileSync(out, 'utf8');
    // The category written two ways is unified to its most common spelling.
    expect(fixed).toBe(before.replace('(中办发[2016]8号)', '(中办发〔2016〕8号)').replace('一级事项: 依法 行政', '一级事项: 依法行政'));
    const v = await zwgk('validate', '--format', 'json', out);
    expect(JSON.parse(v.stdout).files[0].diagnostics).toEqual([]);
  });

  it('fixes the sample table 文号 spacing and keeps its comments', async () => {
    const dir = tmp();
    const out = path.join(dir, 'sample.yaml');
    const r = await zwgk('fix', 'examples/sample-table.yaml', '-o', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('已修正 3 处');
    const src = readFileSync('examples/sample-table.yaml', 'utf8');
    expect(readFileSync(out, 'utf8')).toBe(src.replace(/〕(\d+) 号/g, '〕$1号'));
    const v = await zwgk('validate', '--format', 'json', out);
    expect(JSON.parse(v.stdout).files[0].diagnostics.map((d: { code: string }) => d.code)).not.toContain('wenhao-spacing');
  });

  it('reads its copy back and says what remains, with the exit code of what remains', async () => {
    const dir = tmp();
    const out = path.join(dir, 'messy-fixed.xlsx');
    const messy = await zwgk('fix', 'test/fixtures/messy/messy-2017.xlsx', '-o', out);
    // The blank 公开时限 is still an error in the copy: exit 1, and the copy's own cells are named.
    expect(messy.code).toBe(1);
    const lines = messy.stderr.split('\n');
    const at = lines.indexOf('修正后仍有 6 个问题（错误 1，警告 0，提示 5）：');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 7).map((l) => l.replace(/^  (.*?) › (\S+)  (\S+) .*\[(.*)\]$/, '$1 $2 $3 $4'))).toEqual([
      `${out} 填表说明!A1:A3 提示 sheet-ignored`,
      `${out} 目录!K2 提示 unknown-column`,
      `${out} 目录!F6 提示 same-as-above`,
      `${out} 目录!G6 提示 same-as-above`,
      `${out} 目录!I6 错误 required-blank`,
      `${out} 目录!C8 提示 continuation-row`,
    ]);
    // The characters XML forbids were errors of the input; removed, nothing remains: exit 0.
    const bad = await zwgk('fix', 'test/fixtures/bad/noncharacters.xlsx', '-o', path.join(dir, 'chars-fixed.xlsx'));
    expect(bad.stderr).toContain('已修正 2 处');
    expect(bad.stderr.trim().split('\n').pop()).toBe('修正后的副本经重新校验，没有发现问题。');
    expect(bad.code).toBe(0);
  });

  it('refuses to overwrite the input and a change of format', async () => {
    const dir = tmp();
    const input = path.join(dir, 'unit.yaml');
    copyFileSync('examples/unit-anquan.yaml', input);
    const same = await zwgk('fix', input, '-o', input);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('已拒绝以免覆盖原件');
    const other = await zwgk('fix', input, '-o', path.join(dir, 'x.xlsx'));
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('fix 的输出应与输入同一格式');
  });
});

describe('zwgk gap', () => {
  it('prints the Markdown report against a reference', async () => {
    const r = await zwgk('gap', 'examples/unit-anquan.yaml', '--against', 'examples/reference-anquan.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已覆盖 8 个，缺少 2 个，多出 1 个');
    expect(r.stdout).toContain('| 政策文件 | 其他政策文件 |\n| 政策文件 | 重要会议 |');
  });

  it('prints JSON with the CLI contract keys and exits 1 when the catalog has errors', async () => {
    const r = await zwgk('gap', 'test/gap/unit.yaml', '--against', 'test/gap/reference.yaml', '--to', 'json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ file: 'test/gap/unit.yaml', items: 5 });
    expect(doc.coverage.matched).toBe(4);
    expect(doc.summary[0]).toEqual({ category: '政策文件', items: 3, complete: 2, blanks: { 公开依据: 1, 公开层级: 1 } });
  });

  it('writes html and xlsx files', async () => {
    const dir = tmp();
    const html = path.join(dir, 'gap.html');
    const r = await zwgk('gap', 'examples/unit-anquan.yaml', '--to', 'html', '-o', html);
    expect(r.code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('<html lang="zh-CN">');
    const xlsx = path.join(dir, 'gap.xlsx');
    expect((await zwgk('gap', 'examples/unit-anquan.yaml', '--against', 'examples/reference-anquan.yaml', '--to', 'xlsx', '-o', xlsx)).code).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const toStdout = await zwgk('gap', 'examples/unit-anquan.yaml', '--to', 'xlsx', '-o', '-');
    expect(toStdout.code).toBe(2);
  });
});
