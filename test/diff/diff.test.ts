// zwgk diff with real files: a catalog and its edited copy give exactly the added, removed and changed
// items and fields (golden JSON and Markdown next to the inputs); HTML is one escaped page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zwgk } from '../draft/cli.js';

const F = 'test/diff/fixtures';
const OLD = `${F}/old.yaml`;
const NEW = `${F}/new.yaml`;
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zwgk-diff-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Compare with a golden file; UPDATE_GOLDEN=1 rewrites it (review the git diff). */
function golden(name: string, actual: string): void {
  const file = `${F}/${name}`;
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('diff', () => {
  it('JSON: exactly the added, removed and changed items; 序号-only and channel-order changes are not changes', async () => {
    const r = await zwgk('diff', OLD, NEW, '--to', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    golden('expected.json', r.stdout);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['added', 'removed', 'changed']);
    expect(doc.added).toEqual([
      { category: '政策文件', name: '重大政策解读' },
      { category: '依法行政', name: '行政强制' },
    ]);
    expect(doc.removed).toEqual([{ category: '政策文件', name: '标准' }]);
    expect(doc.changed.map((c: any) => [c.name, c.fields.map((f: any) => f.field)])).toEqual([
      ['部门和地方规章', ['公开时限']],
      ['行政许可', ['公开依据', '公开方式', '备注']],
    ]);
    expect(doc.changed[1].fields[1]).toEqual({ field: '公开方式', before: '主动', after: '主动\n依申请' });
  });

  it('Markdown (the default, to stdout): counts, then 新增/删除/修改 sections, sheet text escaped', async () => {
    const r = await zwgk('diff', OLD, NEW);
    expect(r.code).toBe(0);
    golden('expected.md', r.stdout);
    expect(r.stdout).toContain('新增 2 项，删除 1 项，修改 2 项，未变 2 项。');
    expect(r.stdout).toContain('| 备注 | （空） | &lt;b&gt;办事指南&lt;/b&gt; \\| 见政务服务网 |');
  });

  it('HTML by the -o extension: one self-contained zh-CN page with every value escaped', async () => {
    const out = path.join(dir, '调整说明.html');
    const r = await zwgk('diff', OLD, NEW, '-o', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`已写出：${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<h1>动态调整情况说明</h1>');
    expect(html).toContain('新增 2 项，删除 1 项，修改 2 项，未变 2 项。');
    expect(html).toContain('<h2>一、新增事项（2 项）</h2>');
    expect(html).toContain('<h2>二、删除事项（1 项）</h2>');
    expect(html).toContain('<h2>三、修改事项（2 项）</h2>');
    expect(html).toContain('<h3>2. 依法行政 / 行政许可</h3>');
    expect(html).toContain('&lt;b&gt;办事指南&lt;/b&gt; | 见政务服务网');
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/<script|\bsrc=|href=|url\(/);
    expect(html).toContain('<td class="after">主动\n依申请</td>');
  });

  it('an xlsx old version against a YAML new one gives the same JSON', async () => {
    const x = path.join(dir, 'old.xlsx');
    expect((await zwgk('convert', OLD, '-o', x)).code).toBe(0);
    const r = await zwgk('diff', x, NEW, '--to', 'json');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(`${F}/expected.json`, 'utf8'));
  });

  it('a catalog against itself: nothing added, removed or changed', async () => {
    const r = await zwgk('diff', OLD, OLD, '--to', 'json');
    expect(JSON.parse(r.stdout)).toEqual({ added: [], removed: [], changed: [] });
    const md = await zwgk('diff', OLD, OLD);
    expect(md.stdout).toContain('新增 0 项，删除 0 项，修改 0 项，未变 5 项。');
    expect(md.stdout).toContain('## 三、修改事项（0 项）\n\n无。');
  });

  it('different layouts: exit 2 naming each file\'s layout, nothing written', async () => {
    const out = path.join(dir, 'x.md');
    const r = await zwgk('diff', 'test/draft/fixtures/keshi-a.yaml', OLD, '-o', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `错误：不能比较不同版式的目录：test/draft/fixtures/keshi-a.yaml 是 2017 版式，${OLD} 是 2019 版式。请用同一版式（2017 样表或 2019 标准目录）的新旧两版目录进行比较\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('reads the larger file first, and still names the old file when both are unreadable; the result is the same either way', async () => {
    // old.yaml is smaller than the padded copy of new.yaml: the new one is read first.
    const padded = path.join(dir, 'new-padded.yaml');
    writeFileSync(padded, readFileSync(NEW, 'utf8') + `# ${'注释'.repeat(4000)}\n`);
    const forward = await zwgk('diff', OLD, padded, '--to', 'json');
    expect(forward.stdout).toBe((await zwgk('diff', OLD, NEW, '--to', 'json')).stdout);
    const brokenNew = path.join(dir, 'broken-new.yaml');
    writeFileSync(brokenNew, `版式: "2019"\n事项: [\n${'#'.repeat(20000)}\n`);
    const both = await zwgk('diff', 'test/fixtures/bad/truncated.xlsx', brokenNew);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('truncated.xlsx');
    expect(both.stderr).not.toContain('broken-new.yaml');
    const onlyNew = await zwgk('diff', OLD, brokenNew);
    expect(onlyNew.code).toBe(2);
    expect(onlyNew.stderr).toContain('broken-new.yaml');
  });

  it('2017: 公开内容 and 公开标准 rows compare as text joined by line breaks', async () => {
    const edited = path.join(dir, 'keshi-a-edited.yaml');
    const text = readFileSync('test/draft/fixtures/keshi-a.yaml', 'utf8').replace(
      '        公开标准: 许可证编号、经营者名称、经营场所、主体业态、经营项目、有效期\n',
      '        公开标准: 许可证编号、经营者名称、经营场所、主体业态、经营项目、有效期\n      - 公开内容: 办事指南\n        公开标准: 许可依据、申请条件、申请材料\n',
    );
    writeFileSync(edited, text);
    const r = await zwgk('diff', 'test/draft/fixtures/keshi-a.yaml', edited, '--to', 'json');
    expect(JSON.parse(r.stdout).changed).toEqual([
      {
        category: '食品药品监管',
        name: '食品经营许可信息',
        fields: [
          { field: '公开内容', before: '许可结果', after: '许可结果\n办事指南' },
          {
            field: '公开标准',
            before: '许可证编号、经营者名称、经营场所、主体业态、经营项目、有效期',
            after: '许可证编号、经营者名称、经营场所、主体业态、经营项目、有效期\n许可依据、申请条件、申请材料',
          },
        ],
      },
    ]);
  });
});
