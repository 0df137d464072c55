// Odd things where a file is expected: a FIFO, /dev/zero, a socket, no permission, a link loop, a name
// too long — each an exit 2 in seconds with a Chinese reason and fix; -o onto a device, a FIFO or
// /dev/stdout refused and the device left as it was; a GBK file name (unpacked from a Windows zip)
// opened; a wildcard that makes a regular expression backtrack matched in linear time.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, lstatSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wildcard } from '../../src/cli/run/shared.js';
import { CHINESE, ROOT, runBin, runInProcess, STACK, type Outcome } from './helpers.js';

let T = '';
let server: net.Server | undefined;
const EXAMPLE = path.join(ROOT, 'examples/county-catalog.yaml');

beforeAll(async () => {
  T = mkdtempSync(path.join(os.tmpdir(), 'zwgk-files-'));
  chmodSync(T, 0o755);
  execFileSync('mkfifo', [path.join(T, 'fifo.yaml'), path.join(T, 'out.md')]);
  symlinkSync('loop-b.yaml', path.join(T, 'loop-a.yaml'));
  symlinkSync('loop-a.yaml', path.join(T, 'loop-b.yaml'));
  copyFileSync(EXAMPLE, path.join(T, 'secret.yaml'));
  chmodSync(path.join(T, 'secret.yaml'), 0o000);
  server = net.createServer();
  await new Promise<void>((resolve) => server!.listen(path.join(T, 'socket.yaml'), resolve));
});
afterAll(() => {
  server?.close();
  rmSync(T, { recursive: true, force: true });
});

function refused(o: Outcome, words: string): void {
  const all = o.stdout + o.stderr;
  expect(o.code, all).toBe(2);
  expect(all).toMatch(CHINESE);
  expect(all).not.toMatch(STACK);
  expect(all).toContain(words);
}

describe('inputs that are not regular files, or cannot be read', () => {
  const t = (name: string) => path.join(T, name);
  const cases: [string, () => string, string][] = [
    ['a FIFO (would block for ever)', () => t('fifo.yaml'), '这是一个管道（FIFO），不是保存在磁盘上的文件。请指定保存在磁盘上的目录文件'],
    ['/dev/zero (would never end)', () => '/dev/zero', '这是一个设备文件（如 /dev/zero），不是保存在磁盘上的文件'],
    ['a socket', () => t('socket.yaml'), '这是一个套接字（socket）'],
    ['a symbolic link loop', () => t('loop-a.yaml'), '路径中的快捷方式（符号链接）循环指向自身（ELOOP）。请检查这个链接指向哪里'],
    ['a name too long', () => t(`${'目'.repeat(100)}.yaml`), '文件名或路径过长（ENAMETOOLONG）。请把文件改个短一些的名字'],
  ];
  for (const [name, file, words] of cases) {
    it(`${name} → exit 2 in Chinese`, async () => {
      for (const command of ['validate', 'render']) {
        const o = await runInProcess(command === 'render' ? ['render', file(), '--to', 'md', '-o', t('x.md')] : ['validate', file()], 5_000);
        refused(o, words);
      }
    });
  }

  it('no permission (as an unprivileged user) → exit 2, EACCES explained', async () => {
    const argv = ['validate', path.join(T, 'secret.yaml')];
    const o = process.getuid?.() === 0 ? await runBin(argv, { uid: 65534 }) : await runInProcess(argv);
    refused(o, '没有读取权限（EACCES）。请检查文件和所在文件夹的权限');
  });
});

describe('-o onto something that is not a regular file', () => {
  const devices = ['/dev/full', '/dev/null'];
  for (const device of devices) {
    it(`${device} is refused and stays a device`, async () => {
      const before = statSync(device);
      refused(await runInProcess(['render', EXAMPLE, '--to', 'md', '-o', device]), '这是一个设备文件，不是普通文件；zwgk 只写出普通文件');
      const after = statSync(device);
      expect([after.isCharacterDevice(), after.rdev, after.ino]).toEqual([true, before.rdev, before.ino]);
    });
  }

  it('a FIFO is refused (never opened, so nothing blocks) and stays a FIFO', async () => {
    refused(await runInProcess(['render', EXAMPLE, '--to', 'md', '-o', path.join(T, 'out.md')], 5_000), '这是一个管道（FIFO），不是普通文件');
    expect(statSync(path.join(T, 'out.md')).isFIFO()).toBe(true);
  });

  it('/dev/stdout of a piped child is refused (it is a pipe), and /dev/stdout is still a link', async () => {
    const o = await runBin(['render', EXAMPLE, '--to', 'md', '-o', '/dev/stdout']);
    // Node hands a child's output over a socket pair (a shell, over a pipe): either is refused.
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/无法写入 \/dev\/stdout：这是一个(套接字（socket）|管道（FIFO）)，不是普通文件/);
    expect(o.stdout).toBe('');
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });
});

describe('file names in the system encoding (GBK)', () => {
  it('a folder with a GBK-named catalog is read under the decoded name, and so is the name typed', async () => {
    const dir = path.join(T, 'gbk');
    mkdirSync(dir);
    // 科室目录.yaml in GBK: the bytes a Windows zip gives on Linux.
    const name = Buffer.concat([Buffer.from(`${dir}/`), Buffer.from('bfc6cad2c4bfc2bc', 'hex'), Buffer.from('.yaml')]);
    writeFileSync(name, readExample());
    const folder = await runInProcess(['validate', dir]);
    expect(folder.code, folder.stderr).toBe(0);
    expect(folder.stdout).toContain(`${path.join(dir, '科室目录.yaml')}：通过（2017 版式，10 个事项`);
    const pattern = await runInProcess(['validate', path.join(dir, '科室*.yaml')]);
    expect(pattern.code, pattern.stderr).toBe(0);
    // A shell hands such a name over as bytes that are not UTF-8; Node reads them as U+FFFD.
    const typed = await runInProcess(['validate', path.join(dir, `${name.subarray(dir.length + 1).toString('utf8')}`)]);
    expect(typed.code, typed.stderr).toBe(0);
    expect(typed.stdout).toContain('通过（2017 版式，10 个事项');
  });
});

function readExample(): Buffer {
  return execFileSync('cat', [EXAMPLE]);
}

describe('wildcards', () => {
  it('match as a shell would, case-insensitively, one character for ?', () => {
    const cases: [string, string, boolean][] = [
      ['科室*.xlsx', '科室A.xlsx', true],
      ['科室*.xlsx', '科室.XLSX', true],
      ['科室?.xlsx', '科室甲.xlsx', true],
      ['科室?.xlsx', '科室甲乙.xlsx', false],
      ['*a*b', 'aab', true],
      ['*a*b', 'aba', false],
      ['a*b*c', 'abbbc', true],
      ['a*b*c', 'acb', false],
      ['*', '', true],
      ['?', '', false],
      ['**x**', 'x', true],
      ['*目录*', '县目录表.yaml', true],
    ];
    for (const [p, name, hit] of cases) expect(wildcard(p)(name), `${p} ${name}`).toBe(hit);
  });

  it('*a*a*a*a*a*a*a*a*a*a*a*a*b.yaml against a 40-letter name is decided at once', async () => {
    const dir = path.join(T, 'wild');
    mkdirSync(dir);
    writeFileSync(path.join(dir, `${'a'.repeat(40)}.yaml`), readExample());
    expect(wildcard('*a*a*a*a*a*a*a*a*a*a*a*a*b.yaml')(`${'a'.repeat(40)}.yaml`)).toBe(false);
    const o = await runInProcess(['validate', path.join(dir, '*a*a*a*a*a*a*a*a*a*a*a*a*b.yaml')], 5_000);
    refused(o, '没有与');
    const hit = await runInProcess(['validate', path.join(dir, '*a*a*a*a*a*a*a*a*a*a*a*a*.yaml')], 5_000);
    expect(hit.code, hit.stderr).toBe(0);
  });
});
