// `validate --format json` on a file zwgk refuses (issue 20 §3): stdout is still JSON — the file, not valid,
// its fatal code and the message naming the header row that came closest — and the exit code is 2, with one
// file as with two (the readable one reported beside it).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zwgk } from '../draft/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-refused-'));
const refused = path.join(dir, '目录.html');
writeFileSync(refused, '<meta charset="utf-8"><table><tr><td>序号</td><td>事项</td><td>开内容</td><td>经办科室</td></tr><tr><td>1</td><td>政策</td><td>内容</td><td>办公室</td></tr></table>');
const readable = 'test/fixtures/real/dean-shenong.html';

describe('validate --format json with a refused file', () => {
  it('one file: JSON on stdout naming the file and no-catalog-table, exit 2', async () => {
    const r = await zwgk('validate', '--format', 'json', refused);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.valid).toBe(false);
    expect(doc.files).toHaveLength(1);
    expect(doc.files[0]).toMatchObject({ file: refused, profile: null, valid: false, items: 0 });
    expect(doc.files[0].diagnostics.map((d: { code: string; severity: string }) => [d.code, d.severity])).toEqual([['no-catalog-table', 'error']]);
    expect(doc.files[0].diagnostics[0].message).toContain('第 1 个表格最接近表头的是第 1 行：“序号”“事项”（最接近“二级事项”）“开内容”（最接近“公开内容”）“经办科室”（不是目录的列名）');
  });

  it('two files: both in the JSON, the refused one with its fatal code, exit 2', async () => {
    const r = await zwgk('validate', '--format', 'json', refused, readable);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    const files = Object.fromEntries(doc.files.map((f: { file: string; diagnostics: { code: string }[]; items: number }) => [f.file, [f.items, f.diagnostics.map((d) => d.code)]]));
    expect(files).toEqual({
      [refused]: [0, ['no-catalog-table']],
      [readable]: [2, ['header-spelling', 'wenhao-double-hao', 'wenhao-double-hao']],
    });
  });
});
