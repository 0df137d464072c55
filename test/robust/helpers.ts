// Running the CLI for the robustness tests: in-process through run() with a deadline, or as a real
// child process (bin/zwgk.js) with a deadline that kills it and its peak memory measured.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/index.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin', 'zwgk.js');
/** Preloaded into children: writes the peak RSS (KiB, VmHWM) at exit to $ZWGK_BENCH_RSS. */
const RSS_HOOK = path.join(ROOT, 'bench', 'rss-hook.cjs');

/** Every case must finish within this, in-process or as a child (enforced, not merely expected). A guard
 * against hangs and runaway work, generous for a loaded CI machine (the slowest case takes about 3 s
 * here); how fast the hostile inputs are read is measured by the bench. */
export const DEADLINE_MS = 30_000;

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory of the child, bytes (child runs only). */
  rss?: number;
}

/** run() in this process; rejects when it has not finished by the deadline. */
export async function runInProcess(argv: string[], deadline = DEADLINE_MS): Promise<Outcome> {
  const out: string[] = [];
  const err: string[] = [];
  const stream = (into: string[]) => ({
    write: (c: string | Uint8Array) => (into.push(typeof c === 'string' ? c : Buffer.from(c).toString('utf8')), true),
  });
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([
    run({ argv, stdout: stream(out), stderr: stream(err), env: { NO_COLOR: '1' } }),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`zwgk ${argv.join(' ')}: not finished after ${deadline} ms`)), deadline);
    }),
  ]).finally(() => clearTimeout(timer));
  const ms = performance.now() - t0;
  // A synchronous stall cannot be interrupted by the timer above; it is caught here instead.
  if (ms > deadline) throw new Error(`zwgk ${argv.join(' ')}: took ${Math.round(ms)} ms (deadline ${deadline} ms)`);
  return { code, stdout: out.join(''), stderr: err.join(''), ms };
}

/** node bin/zwgk.js as a child, killed at the deadline; `uid` runs it as another user (root only). */
export function runBin(argv: string[], { deadline = DEADLINE_MS, cwd = ROOT, uid }: { deadline?: number; cwd?: string; uid?: number } = {}): Promise<Outcome> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zwgk-rss-'));
  const rssFile = path.join(dir, 'rss');
  if (uid !== undefined) chmodSync(dir, 0o777);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    // Under a 1 GB heap, as issue 14 asks: any input must stop with a message well before that.
    const child = spawn(process.execPath, ['--max-old-space-size=1024', '--require', RSS_HOOK, BIN, ...argv], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', ZWGK_BENCH_RSS: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(uid !== undefined ? { uid, gid: uid } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), deadline);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - t0;
      const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').split(' ')[0]) * 1024 : undefined;
      rmSync(dir, { recursive: true, force: true });
      if (signal) return reject(new Error(`zwgk ${argv.join(' ')}: killed (${signal}) after ${Math.round(ms)} ms`));
      const o: Outcome = { code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms };
      if (rss !== undefined) o.rss = rss;
      resolve(o);
    });
  });
}

/** A stack trace line ("    at fn (file:1:2)") anywhere in the output. */
export const STACK = /\n\s+at /;
/** Simplified Chinese text. */
export const CHINESE = /[\u4e00-\u9fff]/;
