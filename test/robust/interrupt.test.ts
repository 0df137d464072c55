// Ctrl-C (SIGINT) and SIGTERM while an output is being written leave nothing behind: the temporary file
// is removed and the process ends as the signal ends it. A temporary file that a killed run (SIGKILL,
// which nothing can catch) left is removed by the next write into that folder, and said so.
// The child's disk flush is slowed down (test/helpers/slow-write.cjs) so the signal lands mid-write.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runInProcess } from './helpers.js';
import { readCatalogBytes } from '../../src/formats/index.js';

const SLOW = path.join(ROOT, 'test/helpers/slow-write.cjs');
let T = '';
beforeAll(() => {
  T = mkdtempSync(path.join(os.tmpdir(), 'zwgk-int-'));
});
afterAll(() => rmSync(T, { recursive: true, force: true }));

/** Run zwgk with slow flushes, send `signal` once its temporary file exists; resolve with how it ended. */
function interrupt(argv: string[], dir: string, signal: NodeJS.Signals): Promise<{ signal: NodeJS.Signals | null; code: number | null; sawTemporary: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', SLOW, BIN, ...argv], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: 'ignore' });
    let sawTemporary = false;
    const poll = setInterval(() => {
      if (!sawTemporary && existsSync(dir) && readdirSync(dir).some((n) => n.endsWith('.tmp'))) {
        sawTemporary = true;
        child.kill(signal);
      }
    }, 20);
    const deadline = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      clearTimeout(deadline);
      resolve({ signal: sig, code, sawTemporary });
    });
  });
}

describe('interrupted writes', () => {
  for (const [signal, to] of [
    ['SIGINT', 'xlsx'],
    ['SIGTERM', 'html'],
  ] as const) {
    it(`${signal} during render --to ${to}: no temporary file, no output`, async () => {
      const dir = path.join(T, `${signal}-${to}`);
      const o = await interrupt(['render', 'examples/county-catalog.yaml', '-o', path.join(dir, `目录.${to}`)], dir, signal);
      expect(o.sawTemporary).toBe(true);
      expect(o.signal).toBe(signal);
      expect(readdirSync(dir)).toEqual([]);
    }, 90_000);
  }

  it('SIGTERM while a site is written: none of its files, no temporary file', async () => {
    const dir = path.join(T, 'site');
    const o = await interrupt(['site', 'examples/county-catalog.yaml', 'examples/unit-anquan.yaml', '-o', dir], dir, 'SIGTERM');
    expect(o.sawTemporary).toBe(true);
    expect(o.signal).toBe('SIGTERM');
    expect(readdirSync(dir)).toEqual([]);
  }, 90_000);

  it('the temporary file of a killed run is removed by the next write, and said so', async () => {
    const dir = path.join(T, 'stale');
    mkdirSync(dir);
    // A run that no longer exists (pid far beyond any real one), and one of a run still going (ours).
    writeFileSync(path.join(dir, '.目录.md.99999999.0badf00d.tmp'), 'half');
    writeFileSync(path.join(dir, `.目录.md.${process.pid}.1234abcd.tmp`), 'busy');
    const o = await runInProcess(['render', 'examples/county-catalog.yaml', '-o', path.join(dir, '目录.md')]);
    expect(o.code).toBe(0);
    expect(o.stderr).toContain('已删除上次中断时留下的 1 个临时文件：.目录.md.99999999.0badf00d.tmp');
    expect(readdirSync(dir).sort()).toEqual([`.目录.md.${process.pid}.1234abcd.tmp`, '目录.md']);
  });
});

describe('long reads stay interruptible (issue 24)', () => {
  /** How many turns of the event loop a read lets happen (a timer re-armed at each turn): Ctrl-C,
   * SIGTERM and the app's messages are heard only at such turns. */
  async function turnsDuring(read: () => Promise<unknown>, warmUp: () => Promise<unknown>): Promise<number> {
    // The reader's modules loaded first: loading them takes turns of its own.
    await warmUp();
    let turns = 0;
    let reading = true;
    const tick = (): void => {
      if (!reading) return;
      turns++;
      setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    try {
      await read();
    } finally {
      reading = false;
    }
    return turns;
  }
  const HEAD = '序号,事项类别,名称,依据,公开内容,公开标准,公开主体,公开方式,公开时限';
  const ROW = '1,财政,预算公开,《预算法》,部门预算,总表,财政局,网站,20日内';

  it('an 11 MB page (6.6 million characters) is parsed in pieces, the event loop running between them', async () => {
    const page = `<meta charset="utf-8"><table><tr>${HEAD.split(',').map((h) => `<td>${h}`).join('')}<tr>${ROW.split(',').map((h) => `<td>${h}`).join('')}</table>${'<p>正文内容</p>'.repeat(600_000)}`;
    // One synchronous parse let the loop turn not once.
    const small = `<table><tr>${HEAD.split(',').map((h) => `<td>${h}`).join('')}<tr>${ROW.split(',').map((h) => `<td>${h}`).join('')}</table>`;
    const turns = await turnsDuring(
      () => readCatalogBytes(new TextEncoder().encode(page), 'big.html'),
      () => readCatalogBytes(new TextEncoder().encode(small), 'small.html'),
    );
    expect(turns).toBeGreaterThanOrEqual(5);
  });

  it('a 12 MB .csv is read a megabyte at a time, the event loop running between them', async () => {
    const csv = `${HEAD}\n${ROW}\n${'\n'.repeat(12_000_000)}`;
    const turns = await turnsDuring(
      () => readCatalogBytes(new TextEncoder().encode(csv), 'big.csv'),
      () => readCatalogBytes(new TextEncoder().encode(`${HEAD}\n${ROW}\n`), 'small.csv'),
    );
    expect(turns).toBeGreaterThanOrEqual(10);
  });

  it('SIGTERM while a page is read ends the run at once, leaving nothing', async () => {
    const dir = path.join(T, 'page');
    mkdirSync(dir);
    const page = path.join(dir, '目录.html');
    writeFileSync(page, `<meta charset="utf-8"><table><tr>${HEAD.split(',').map((h) => `<td>${h}`).join('')}<tr>${ROW.split(',').map((h) => `<td>${h}`).join('')}</table>${'<p>正文内容</p>'.repeat(900_000)}`);
    const out = path.join(dir, 'out');
    const child = spawn(process.execPath, [BIN, 'render', page, '-o', path.join(out, '目录.xlsx')], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: 'ignore' });
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  }, 60_000);
});
