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
