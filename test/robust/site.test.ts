// zwgk site under hostile conditions (issue 24): page names Windows can hold (CON.html, NUL.html, a bidi
// override U+202E that spoofs the name, names too long for the file system), unique after cleaning; a
// folder holding the portal's own index.html is not overwritten without --force; a failure while the files
// are put in place leaves the folder exactly as it was, with no temporary file.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageNames } from '../../src/render/site.js';
import { writeFiles } from '../../src/node/write-files.js';
import { ZwgkError } from '../../src/findings/finding.js';
import { ROOT, runInProcess } from './helpers.js';

let T = '';
beforeAll(() => {
  T = mkdtempSync(path.join(os.tmpdir(), 'zwgk-site-'));
});
afterAll(() => rmSync(T, { recursive: true, force: true }));

const EXAMPLE = readFileSync(path.join(ROOT, 'examples/county-catalog.yaml'));

describe('site page names', () => {
  it('are safe on Windows: no device names, no control or bidi characters, unique without case', () => {
    expect(
      pageNames(['CON.xlsx', 'a/nul.yaml', 'aux.备份.xlsx', 'COM1.xlsx', 'lpt¹.xlsx', 'conin$.xlsx', '目录\u202Elmth.exe.xlsx', '安全\u200B生产\u2066.xlsx', '科室\u0007.xlsx', 'Con.yaml', 'CONSOLE.xlsx']),
    ).toEqual(['目录-CON.html', '目录-nul.html', '目录-aux.备份.html', '目录-COM1.html', '目录-lpt¹.html', '目录-conin$.html', '目录-lmth.exe.html', '安全-生产.html', '科室.html', '目录-Con-2.html', 'CONSOLE.html']);
  });

  it('stay under the file system’s 255 bytes, a folder name in front included', () => {
    const long = '很长的科室名称'.repeat(20);
    const names = pageNames([`${long}/${long}.xlsx`, `别的${long}/${long}.xlsx`]);
    for (const n of names) expect(new TextEncoder().encode(n).length).toBeLessThanOrEqual(200);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(2);
  });

  it('a thousand sources of one name are numbered in turn', () => {
    const names = pageNames(Array.from({ length: 1000 }, () => 'a/目录.xlsx'));
    expect(names[0]).toBe('a-目录.html');
    expect(names[999]).toBe('a-目录-1000.html');
    expect(new Set(names).size).toBe(1000);
  });
});

describe('zwgk site over an existing folder', () => {
  it('does not overwrite the portal’s own index.html without --force, and writes nothing then', async () => {
    const dir = path.join(T, 'portal');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'index.html'), '<html><body>门户网站首页</body></html>');
    writeFileSync(path.join(dir, 'county-catalog.html'), '<p>手工做的页面</p>');
    const refused = await runInProcess(['site', 'examples/county-catalog.yaml', '-o', dir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`错误：文件夹 ${dir} 中已有不是 zwgk 生成的同名文件 “index.html”、“county-catalog.html”，写出网站会覆盖它们，已停止，没有写出任何文件。请用 -o 换一个文件夹（或空文件夹）；确认可以覆盖时加 --force\n`);
    expect(readdirSync(dir).sort()).toEqual(['county-catalog.html', 'index.html']);
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toContain('门户网站首页');
    // --force overwrites; a later run replaces zwgk's own pages without it.
    expect((await runInProcess(['site', 'examples/county-catalog.yaml', '-o', dir, '--force'])).code).toBe(0);
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toContain('<meta name="generator" content="zwgk">');
    expect((await runInProcess(['site', 'examples/county-catalog.yaml', '-o', dir])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['county-catalog.html', 'index.html']);
  });

  it('a failure while the files are put in place puts back every file it replaced, and leaves no temporary file', async () => {
    const dir = path.join(T, 'rollback');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'index.html'), 'old index');
    writeFileSync(path.join(dir, 'a.html'), 'old a');
    // The last name is longer than the file system allows: its temporary file is written (under a short
    // name), the rename into place fails after the others were renamed.
    const tooLong = `${'名'.repeat(100)}.html`;
    const err = await writeFiles(dir, new Map([['index.html', 'new index'], ['a.html', 'new a'], ['b.html', 'new b'], [tooLong, 'x']])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZwgkError);
    expect((err as ZwgkError).finding.code).toBe('output-failed');
    expect((err as ZwgkError).message).toContain('文件名或路径过长');
    expect(readdirSync(dir).sort()).toEqual(['a.html', 'index.html']);
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toBe('old index');
    expect(readFileSync(path.join(dir, 'a.html'), 'utf8')).toBe('old a');
  });

  it('catalogs named like devices and with a bidi override are published under safe names', async () => {
    const src = path.join(T, 'odd');
    mkdirSync(src);
    for (const name of ['CON.yaml', 'nul.yaml', '目录\u202Elmth.exe.yaml']) writeFileSync(path.join(src, name), EXAMPLE);
    const out = path.join(T, 'odd-site');
    const o = await runInProcess(['site', src, '-o', out]);
    expect(o.code, o.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['index.html', '目录-CON.html', '目录-lmth.exe.html', '目录-nul.html']);
  });
});
