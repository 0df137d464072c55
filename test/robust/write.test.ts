// Writing outputs: -o that names an input (however spelled) is refused with exit 2 and the input
// stays byte-for-byte the same; a failed write (output is a folder, folder read-only, a path
// through a file) exits 2 in Chinese and leaves neither the output nor a temporary file behind;
// a missing output folder is created.
import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogWorkbook } from '../fixtures/bad/make-bad.mjs';
import { CHINESE, ROOT, runBin, runInProcess, STACK, type Outcome } from './helpers.js';
import { writeOutput } from '../../src/node/write.js';
import { writeFiles } from '../../src/node/write-files.js';
import { ZwgkError } from '../../src/findings/finding.js';

let T = '';
const inputs: Record<string, Buffer> = {};

/** Every file under a folder, relative, with temporary files (*.tmp) easy to spot. */
function tree(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = e.name;
    if (e.isDirectory()) out.push(...tree(path.join(dir, rel)).map((x) => `${rel}/${x}`));
    else out.push(rel);
  }
  return out.sort();
}

function expectInputsUntouched(): void {
  for (const [name, bytes] of Object.entries(inputs)) {
    expect(readFileSync(path.join(T, name)).equals(bytes), `${name} was changed`).toBe(true);
  }
}

function expectRefused(o: Outcome, message: string | RegExp): void {
  const all = o.stdout + o.stderr;
  expect(o.code, all).toBe(2);
  expect(all).toMatch(CHINESE);
  expect(all).not.toMatch(STACK);
  typeof message === 'string' ? expect(all).toContain(message) : expect(all).toMatch(message);
}

beforeAll(() => {
  T = mkdtempSync(path.join(os.tmpdir(), 'zwgk-write-'));
  chmodSync(T, 0o755); // readable by the unprivileged user of the read-only folder case
  copyFileSync(path.join(ROOT, 'examples/county-catalog.yaml'), path.join(T, 'x.yaml'));
  writeFileSync(path.join(T, 'x.xlsx'), catalogWorkbook());
  symlinkSync(path.join(T, 'x.yaml'), path.join(T, 'link.yaml'));
  symlinkSync('x.xlsx', path.join(T, 'link.xlsx'));
  linkSync(path.join(T, 'x.yaml'), path.join(T, 'hard.yaml'));
  mkdirSync(path.join(T, 'sub'));
  for (const name of ['x.yaml', 'x.xlsx']) inputs[name] = readFileSync(path.join(T, name));
});

afterAll(() => {
  rmSync(T, { recursive: true, force: true });
});

describe('-o equal to an input is refused and the input is untouched', () => {
  const t = (p: string) => path.join(T, p);
  // A render onto a .yaml input is refused twice over: the -o extension contradicts --to (checked
  // first), and the output is the input. Either way, nothing is touched.
  const contradicts = /就是输入文件|-o 的扩展名“\.yaml”与 --to (md|html) 不符/;
  const cases: [string, () => string[], (string | RegExp)?][] = [
    ['render yaml → same path', () => ['render', t('x.yaml'), '--to', 'md', '-o', t('x.yaml')], contradicts],
    ['render xlsx --to xlsx → same path', () => ['render', t('x.xlsx'), '--to', 'xlsx', '-o', t('x.xlsx')]],
    ['render via sub/../x.xlsx', () => ['render', t('x.xlsx'), '--to', 'xlsx', '-o', `${T}/sub/../x.xlsx`]],
    ['render via /./ and //', () => ['render', t('x.yaml'), '--to', 'html', '-o', `${T}/./x.yaml`.replace('/tmp/', '/tmp//')], contradicts],
    ['render to a symlink to the input', () => ['render', t('x.yaml'), '--to', 'md', '-o', t('link.yaml')], contradicts],
    ['render from a symlink to its target', () => ['render', t('link.xlsx'), '--to', 'xlsx', '-o', t('x.xlsx')]],
    ['render to a hard link of the input', () => ['render', t('x.yaml'), '--to', 'md', '-o', t('hard.yaml')], contradicts],
    ['convert yaml → same path', () => ['convert', t('x.yaml'), '-o', t('x.yaml')]],
    ['convert xlsx → same path', () => ['convert', t('x.xlsx'), '-o', t('x.xlsx')]],
    ['convert xlsx → a symlink to it', () => ['convert', t('x.xlsx'), '-o', t('link.xlsx')]],
    ['fix yaml → same path', () => ['fix', t('x.yaml'), '-o', t('x.yaml')]],
    ['fix xlsx → same path', () => ['fix', t('x.xlsx'), '-o', t('x.xlsx')]],
    ['fix yaml → a symlink to it', () => ['fix', t('x.yaml'), '-o', t('link.yaml')]],
  ];
  for (const [name, argv, message] of cases) {
    it(name, async () => {
      const before = tree(T);
      expectRefused(await runInProcess(argv()), message ?? '就是输入文件');
      expectInputsUntouched();
      expect(tree(T)).toEqual(before);
    });
  }

  it('./x.xlsx spelled relative to the working folder (bin/zwgk.js, cwd = the folder)', async () => {
    for (const argv of [
      ['render', 'x.xlsx', '--to', 'xlsx', '-o', './x.xlsx'],
      ['convert', './x.yaml', '-o', 'x.yaml'],
      ['fix', 'x.xlsx', '-o', './sub/../x.xlsx'],
    ]) {
      expectRefused(await runBin(argv, { cwd: T }), '就是输入文件');
    }
    expectInputsUntouched();
  });

  it('render --to xlsx without -o writes beside the input, never onto it', async () => {
    const o = await runInProcess(['render', path.join(T, 'x.xlsx'), '--to', 'xlsx']);
    expect(o.code, o.stderr).toBeLessThanOrEqual(1);
    expectInputsUntouched();
    expect(existsSync(path.join(T, 'x.zwgk.xlsx'))).toBe(true);
    rmSync(path.join(T, 'x.zwgk.xlsx'));
  });
});

describe('failed writes leave nothing behind', () => {
  it('-o names an existing folder → exit 2, the folder unchanged, no temporary file', async () => {
    const dir = path.join(T, 'out-folder');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'keep.txt'), 'keep');
    const before = tree(T);
    expectRefused(await runInProcess(['render', path.join(T, 'x.yaml'), '--to', 'html', '-o', dir]), /无法写入.*文件夹/);
    expect(tree(T)).toEqual(before);
    rmSync(dir, { recursive: true });
  });

  it('-o ends with a slash → exit 2, asks for a file name, nothing created', async () => {
    const before = tree(T);
    expectRefused(await runInProcess(['render', path.join(T, 'x.yaml'), '--to', 'md', '-o', `${T}/new-folder/`]), '文件名');
    expect(tree(T)).toEqual(before);
  });

  it('-o goes through a regular file as if it were a folder → exit 2, nothing created', async () => {
    const before = tree(T);
    expectRefused(await runInProcess(['render', path.join(T, 'x.yaml'), '--to', 'md', '-o', path.join(T, 'x.yaml', 'out.md')]), '是文件而不是文件夹');
    expectInputsUntouched();
    expect(tree(T)).toEqual(before);
  });

  it('a read-only output folder → exit 2, no partial output, no temporary file', async () => {
    const ro = path.join(T, 'read-only');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    try {
      const argv = ['render', path.join(T, 'x.yaml'), '--to', 'html', '-o', path.join(ro, 'out.html')];
      // root ignores folder permissions: run the CLI as the unprivileged user instead.
      const o = process.getuid?.() === 0 ? await runBin(argv, { uid: 65534 }) : await runInProcess(argv);
      expectRefused(o, '没有写入权限');
      expect(readdirSync(ro)).toEqual([]);
    } finally {
      chmodSync(ro, 0o755);
      rmSync(ro, { recursive: true });
    }
    expectInputsUntouched();
  });

  it('a failed xlsx write (output is a folder) leaves no temporary file beside it', async () => {
    const dir = path.join(T, 'sub', 'o.xlsx');
    mkdirSync(dir);
    expectRefused(await runInProcess(['render', path.join(T, 'x.xlsx'), '--to', 'xlsx', '-o', dir]), '文件夹');
    expect(tree(path.join(T, 'sub'))).toEqual([]);
    rmSync(dir, { recursive: true });
  });
});

describe('successful writes', () => {
  it('a missing output folder is created', async () => {
    const out = path.join(T, 'made', 'a', 'b', '目录.html');
    const o = await runInProcess(['render', path.join(T, 'x.yaml'), '--to', 'html', '-o', out]);
    expect(o.code, o.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect(tree(path.join(T, 'made'))).toEqual(['a/b/目录.html']);
  });

  it('an existing output is replaced whole, with no temporary file left', async () => {
    const out = path.join(T, 'made', 'replace.md');
    writeFileSync(out, 'old content that is longer than nothing '.repeat(5000));
    const o = await runInProcess(['render', path.join(T, 'x.yaml'), '--to', 'md', '-o', out]);
    expect(o.code, o.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('old content');
    expect(text).toContain('食品安全监督抽检信息');
    expect(statSync(out).size).toBe(Buffer.byteLength(text));
    expect(tree(path.join(T, 'made')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a text longer than one written piece (4 Mi characters) is written whole, a surrogate pair across the cut kept', async () => {
    const out = path.join(T, 'made', 'long.md');
    // 𠀀 (U+20000, two UTF-16 halves) sits where the first piece would end.
    const text = `${'政'.repeat((1 << 22) - 1)}𠀀${'务'.repeat(1 << 20)}公开`;
    await writeOutput(out, text);
    expect(readFileSync(out, 'utf8') === text).toBe(true);
    expect(statSync(out).size).toBe(Buffer.byteLength(text));
  });
});

describe('writeFiles: several files into one folder as one step', () => {
  it('creates the folder, writes every file, keeps the files already there', async () => {
    const dir = path.join(T, 'site', 'deep');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'keep.txt'), 'mine');
    await writeFiles(dir, new Map([['index.html', '<p>首页</p>'], ['安全生产.html', new TextEncoder().encode('页面')]]));
    expect(tree(dir)).toEqual(['index.html', 'keep.txt', '安全生产.html']);
    expect(readFileSync(path.join(dir, '安全生产.html'), 'utf8')).toBe('页面');
    await writeFiles(dir, new Map([['index.html', '<p>新首页</p>']]));
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toBe('<p>新首页</p>');
    rmSync(path.join(T, 'site'), { recursive: true });
  });

  it('a failure on one file leaves the folder as it was: no file renamed, no temporary file left', async () => {
    const dir = path.join(T, 'site2');
    mkdirSync(path.join(dir, 'b.html'), { recursive: true });
    writeFileSync(path.join(dir, 'a.html'), 'old');
    const err = await writeFiles(dir, new Map([['a.html', 'new'], ['b.html', 'x'], ['c.html', 'y']])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZwgkError);
    expect((err as ZwgkError).finding.code).toBe('output-failed');
    expect((err as ZwgkError).message).toContain('b.html');
    expect(tree(dir)).toEqual(['a.html']);
    expect(readFileSync(path.join(dir, 'a.html'), 'utf8')).toBe('old');
    rmSync(dir, { recursive: true });
  });

  it('refuses a folder path that is a file, and a file name that is an input', async () => {
    const file = path.join(T, 'made-file');
    writeFileSync(file, 'x');
    const notDir = await writeFiles(file, new Map([['index.html', 'x']])).catch((e: ZwgkError) => e.message);
    expect(notDir).toContain('不是文件夹');
    const input = await writeFiles(T, new Map([['x.yaml', 'x']]), [path.join(T, 'x.yaml')]).catch((e: ZwgkError) => e.finding.code);
    expect(input).toBe('output-is-input');
    expectInputsUntouched();
    rmSync(file);
  });
});
