// One measured child run of node (the bench's only way of running a command): wall seconds, CPU seconds
// of all its threads, peak RSS (bytes, from bench/rss-hook.cjs preloaded into the child), exit code and
// the first 4 000 characters of its stdout and stderr.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOOK = path.join(ROOT, 'bench', 'rss-hook.cjs');

/** Run `node ...argv` from the repository root (with `env` added) with its output in `dir`; resolves with its figures. */
export function measure(argv, dir, env = {}) {
  const rssFile = path.join(dir, `rss-${process.hrtime.bigint()}`);
  const outFile = path.join(dir, 'stdout');
  const errFile = path.join(dir, 'stderr');
  const fo = openSync(outFile, 'w');
  const fe = openSync(errFile, 'w');
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--require', HOOK, ...argv], {
      cwd: ROOT,
      stdio: ['ignore', fo, fe],
      env: { ...process.env, ...env, ZWGK_BENCH_RSS: rssFile, NO_COLOR: '1' },
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - t0) / 1000;
      closeSync(fo);
      closeSync(fe);
      const [kib, cpuMicros] = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').split(' ').map(Number) : [NaN, NaN];
      rmSync(rssFile, { force: true });
      const cap = (f) => {
        const s = readFileSync(f, 'utf8');
        return s.length > 4000 ? s.slice(0, 4000) + '…' : s;
      };
      resolve({ seconds, cpu: cpuMicros / 1e6, rss: kib * 1024, code: code ?? (signal ? 128 : -1), signal, stdout: cap(outFile), stderr: cap(errFile) });
    });
  });
}
