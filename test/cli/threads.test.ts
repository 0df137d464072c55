// zwgk validate of many files in worker threads (the built CLI) reports exactly what one thread reports: the
// same lines in the same order, the same JSON, the same exit code, a refused file named in its place.
import { cpSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { threadCount } from '../../src/node/validate-files.js';
import { zwgk } from '../draft/cli.js';

const SOURCES = [
  'examples/county-catalog.yaml',
  'test/fixtures/messy/messy-2017.xlsx',
  'test/fixtures/wild/levels-2019.xlsx',
  'test/fixtures/bad/truncated.xlsx',
  'examples/public-services.yaml',
];

/** A folder of 30 files (one in five refused), with the unit's layouts beside them. */
function folder(): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-threads-'));
  cpSync('examples/zwgk-版式', path.join(dir, 'zwgk-版式'), { recursive: true });
  return Array.from({ length: 30 }, (_, i) => {
    const src = SOURCES[i % SOURCES.length]!;
    const file = path.join(dir, `科室${String(i).padStart(2, '0')}${path.extname(src)}`);
    copyFileSync(src, file);
    return file;
  });
}

function built(args: string[], threads?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', NO_COLOR: '1' };
  if (threads) env.ZWGK_THREADS = threads;
  return spawnSync(process.execPath, ['bin/zwgk.js', ...args], { encoding: 'utf8', env });
}

describe('validate in worker threads', () => {
  it('prints what one thread prints, as text and as JSON', async () => {
    const files = folder();
    for (const extra of [[], ['--format', 'json']]) {
      const threaded = built(['validate', ...files, ...extra]);
      const single = await zwgk('validate', ...files, ...extra);
      expect(threaded.status).toBe(2);
      expect(single.code).toBe(2);
      expect(threaded.stdout).toBe(single.stdout);
      expect(threaded.stderr).toBe(single.stderr);
      // The same run held to one thread by ZWGK_THREADS=1, for a machine short of memory.
      expect(built(['validate', ...files, ...extra], '1').stdout).toBe(single.stdout);
    }
    const text = built(['validate', ...files]).stdout;
    expect(text).toContain('共 30 个文件：通过 ');
    expect(text).toContain('，无法读取 6 个');
  });

  it('is told of in validate --help, with ZWGK_THREADS=1 for one thread', async () => {
    const help = await zwgk('validate', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('同时用多个 CPU 核心校验');
    expect(help.stdout).toContain('ZWGK_THREADS=1');
  });

  it('pays only for several large files or many small ones, and two at a time when one is large', () => {
    const MB = 1024 * 1024;
    expect(threadCount([60 * MB], 2)).toBeUndefined();
    expect(threadCount([MB, MB], 2)).toBeUndefined();
    expect(threadCount([3 * MB, 3 * MB], 1)).toBeUndefined();
    expect(threadCount([3 * MB, 3 * MB], 2)).toBe(2);
    expect(threadCount(Array(24).fill(10_000), 8)).toBe(4);
    expect(threadCount([13 * MB, 13 * MB, 13 * MB, 13 * MB], 8)).toBe(4);
    expect(threadCount([51 * MB, 13 * MB, 13 * MB], 8)).toBe(2);
  });
});
