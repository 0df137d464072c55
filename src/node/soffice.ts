// .xls/.et/.ods (Calc) and .doc/.wps (Writer) via LibreOffice: the file's bytes are copied into a private
// temporary folder under a plain name (so a GBK or odd file name never reaches soffice, and soffice never
// touches the user's file), converted there with a locked-down profile (soffice-profile.ts: nothing named
// in the file is fetched), and the .xlsx or .docx bytes handed back, which the core then reads under the
// user's file name. Ctrl-C or SIGTERM during a conversion stops soffice and removes the folder
// (temporaries.ts runs what ON_INTERRUPT holds); a conversion that takes far longer than real catalogs
// ever do is given up (conversionTimeout).
import { spawn, type ChildProcess } from 'node:child_process';
import { constants, rmSync } from 'node:fs';
import { access, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ZwgkError } from '../findings/finding.js';
import type { Conversion } from '../formats/types.js';
import { profileSettings, sofficeEnvironment } from './soffice-profile.js';
import { ON_INTERRUPT } from './temporaries.js';

/** LibreOffice commands looked for on PATH to convert .xls/.et/.ods and .doc/.wps. */
const SOFFICE_COMMANDS: readonly string[] = ['soffice', 'libreoffice'];

/**
 * How long a conversion may take: 30 s, plus 25 s per MB of input, at most 10 minutes. Measured on the
 * 2-core test machine under load (bench/gen.mjs workbooks converted by LibreOffice 7.4): a 2 500-item
 * catalog as .xls (1.3 MB) took 7.5 s, the 25 000-item one — ten times the largest real catalog — 50 s
 * as .xls (7.7 MB) and 56 s as .ods (2.7 MB, zipped: the densest input per MB), against 97 s and more
 * allowed here. A start with a fresh profile takes 2–4 s of the 30. So a real catalog never meets the
 * limit, while a small file that hangs soffice is given up after half a minute instead of two.
 */
export function conversionTimeout(bytes: number): number {
  return Math.min(600_000, 30_000 + Math.ceil((bytes / (1024 * 1024)) * 25_000));
}

/** The first soffice/libreoffice executable on PATH, or undefined. */
export async function findSoffice(envPath = process.env.PATH ?? ''): Promise<string | undefined> {
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    for (const name of SOFFICE_COMMANDS) {
      const candidate = path.join(dir, name);
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** Stop a soffice started in a process group of its own, with everything it started (soffice.bin). */
function stopGroup(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

interface RunResult {
  code: number | null;
  output: string;
  timedOut: boolean;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number, started: (child: ChildProcess) => void): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // A process group of its own, so that a timeout or Ctrl-C can stop soffice.bin along with its launcher.
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env });
    started(child);
    let output = '';
    let timedOut = false;
    const keep = (b: Buffer): void => {
      if (output.length < 4000) output += b.toString('utf8');
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      timedOut = true;
      stopGroup(child);
    }, timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

/** A local socket that takes connections and closes them unanswered: the proxy every request of soffice goes to. */
async function deadProxy(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => socket.destroy());
  server.unref();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return { server, port: (server.address() as { port: number }).port };
}

/** One file to convert: its bytes and the extension it had (LibreOffice chooses its import filter by content). */
export interface SofficeInput {
  ext: string;
  bytes: Uint8Array;
}

/** What one soffice run made: each input's converted bytes (undefined when none came out), and how it ended. */
export interface SofficeRun extends RunResult {
  outputs: (Uint8Array | undefined)[];
}

/**
 * Convert files with one soffice run into `target` (.xlsx by Calc, .docx by Writer) in a private temporary
 * folder with a locked-down profile; the folder is removed before this returns, and at once on Ctrl-C or
 * SIGTERM together with soffice. Throws only when soffice cannot be started.
 */
export async function convertWithSoffice(soffice: string, inputs: readonly SofficeInput[], target: Conversion['to'], timeoutMs: number): Promise<SofficeRun> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'zwgk-convert-'));
  let child: ChildProcess | undefined;
  const undo = (): void => {
    if (child) stopGroup(child);
    rmSync(tmp, { recursive: true, force: true });
  };
  ON_INTERRUPT.add(undo);
  const proxy = await deadProxy().catch(() => undefined);
  try {
    if (!proxy) return { code: null, output: '无法打开本机端口来阻止网络访问', timedOut: false, outputs: inputs.map(() => undefined) };
    const profile = path.join(tmp, 'profile');
    await mkdir(path.join(profile, 'user'), { recursive: true });
    await writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), profileSettings('127.0.0.1', proxy.port));
    const inDir = path.join(tmp, 'in');
    const outDir = path.join(tmp, 'out');
    await mkdir(inDir);
    const names = inputs.map((input, i) => `input-${i + 1}${/^\.[a-z0-9]{1,8}$/i.test(input.ext) ? input.ext.toLowerCase() : ''}`);
    for (let i = 0; i < inputs.length; i++) await writeFile(path.join(inDir, names[i]!), inputs[i]!.bytes, { mode: 0o600 });
    const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nolockcheck', '--nodefault', '--nologo'];
    // Writer's own Word 2007 filter: .doc and Kingsoft .wps files are detected by their content.
    args.push('--convert-to', target === '.docx' ? 'docx:MS Word 2007 XML' : 'xlsx', '--outdir', outDir, ...names.map((n) => path.join(inDir, n)));
    const env = sofficeEnvironment(process.env, '127.0.0.1', proxy.port);
    const result = await run(soffice, args, env, timeoutMs, (c) => (child = c));
    const produced = new Set(await readdir(outDir).catch(() => [] as string[]));
    const outputs: (Uint8Array | undefined)[] = [];
    for (const name of names) {
      const out = `${name.replace(/\.[^.]*$/, '')}${target}`;
      outputs.push(produced.has(out) ? await readFile(path.join(outDir, out)) : undefined);
    }
    return { ...result, outputs };
  } finally {
    proxy?.server.close();
    ON_INTERRUPT.delete(undo);
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Convert a file's bytes with soffice into .xlsx (.xls/.et/.ods) or .docx (.doc/.wps) and return them; `file` names it in messages. */
export async function convertFile(file: string, conversion: Conversion, bytes: Uint8Array, options: { timeoutMs?: number } = {}): Promise<Uint8Array> {
  const ext = path.extname(file).toLowerCase();
  const target = conversion.to;
  const words = { app: conversion.app, saveAs: conversion.saveAs, target };
  const soffice = await findSoffice();
  if (!soffice) throw new ZwgkError('needs-soffice', { file }, { file, ext, ...words });
  const failed = (detail: string, cause?: unknown): ZwgkError =>
    new ZwgkError('convert-failed', { file }, { file, detail, ...words }, cause === undefined ? undefined : { cause });
  const timeoutMs = options.timeoutMs ?? conversionTimeout(bytes.length);
  let result: SofficeRun;
  try {
    result = await convertWithSoffice(soffice, [{ ext, bytes }], target, timeoutMs);
  } catch (cause) {
    throw failed(`无法启动 ${soffice}（${(cause as Error).message}）`, cause);
  }
  if (result.timedOut) throw failed(`超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已停止 LibreOffice`);
  const converted = result.outputs[0];
  if (result.code !== 0 || !converted) {
    const said = result.output.trim().split('\n').pop() ?? '';
    throw failed(`LibreOffice 没有生成 ${target} 文件（退出码 ${result.code ?? '无'}${said ? `：${said}` : ''}）`);
  }
  return converted;
}
