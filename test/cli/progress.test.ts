// Progress and status lines go to a terminal only: never when piped, never under CI.
import { describe, expect, it } from 'vitest';
import { progress, status, type Context } from '../../src/cli/context.js';

function ctx(isTTY: boolean, env: Record<string, string> = {}) {
  const written: string[] = [];
  const stream = { isTTY, write: (c: string | Uint8Array) => (written.push(String(c)), true) };
  const c: Context = { stdout: stream, stderr: stream, env, exitCode: 0, help: 'zwgk --help' };
  return { c, written };
}

describe('progress on stderr', () => {
  it('shows items read on a terminal', () => {
    const { c, written } = ctx(true);
    progress(c)!(500);
    status(c, '正在生成 xlsx（3 个事项）…')();
    expect(written).toEqual(['\r已读取 500 个事项…', '\r正在生成 xlsx（3 个事项）…', '\r\x1b[K']);
  });

  it('says nothing when piped or under CI', () => {
    for (const { c, written } of [ctx(false), ctx(true, { CI: 'true' })]) {
      expect(progress(c)).toBeUndefined();
      status(c, 'x')();
      expect(written).toEqual([]);
    }
  });
});

describe('a closed pipe', () => {
  it('ends the run quietly, as in zwgk --help | head -1', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['bin/zwgk.js', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    // Close our end before zwgk writes anything: its first write meets a closed pipe.
    child.stdout.destroy();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
