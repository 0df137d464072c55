// .xls/.et/.ods/.csv (Calc) and .doc/.wps (Writer) via LibreOffice: convert into a private temporary folder
// and hand back the .xlsx or .docx bytes, which the core then reads under the user's file name. The user's file is only read, never
// copied or changed (a GBK .csv is transcoded to UTF-8 in the temporary folder, since soffice would guess).
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ZwgkError } from '../findings/finding.js';
import type { Conversion } from '../formats/types.js';

/** LibreOffice commands looked for on PATH to convert .xls/.et/.ods/.csv and .doc/.wps, and how long a conversion may take. */
const SOFFICE_COMMANDS: readonly string[] = ['soffice', 'libreoffice'];
const SOFFICE_TIMEOUT_MS = 120_000;

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

function run(command: string, args: string[], timeoutMs: number): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    // A process group of its own, so a timeout can stop soffice.bin along with its launcher.
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    let timedOut = false;
    const keep = (b: Buffer): void => {
      if (output.length < 4000) output += b.toString('utf8');
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
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

/** Valid UTF-8 (with or without BOM)? */
function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Convert a file with soffice into a temporary .xlsx (.xls/.et/.ods/.csv) or .docx (.doc/.wps) and return its bytes. */
export async function convertFile(file: string, conversion: Conversion): Promise<Uint8Array> {
  const ext = path.extname(file).toLowerCase();
  const target = conversion.to;
  const words = { app: conversion.app, saveAs: conversion.saveAs, target };
  const soffice = await findSoffice();
  if (!soffice) throw new ZwgkError('needs-soffice', { file }, { file, ext, ...words });
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'zwgk-convert-'));
  const failed = (detail: string, cause?: unknown): ZwgkError =>
    new ZwgkError('convert-failed', { file }, { file, detail, ...words }, cause === undefined ? undefined : { cause });
  try {
    const outDir = path.join(tmp, 'out');
    let input = path.resolve(file);
    const args = [`-env:UserInstallation=${pathToFileURL(path.join(tmp, 'profile')).href}`, '--headless', '--norestore', '--nolockcheck'];
    if (ext === '.csv') {
      const bytes = await readFile(input);
      if (!isUtf8(bytes)) {
        input = path.join(tmp, path.basename(file));
        await writeFile(input, new TextDecoder('gb18030').decode(bytes), 'utf8');
      }
      // Comma separated, " quoted, UTF-8, from line 1.
      args.push('--infilter=CSV:44,34,76,1');
    }
    // Writer's own Word 2007 filter: .doc and Kingsoft .wps files are detected by their content.
    args.push('--convert-to', target === '.docx' ? 'docx:MS Word 2007 XML' : 'xlsx', '--outdir', outDir, input);
    let result;
    try {
      result = await run(soffice, args, SOFFICE_TIMEOUT_MS);
    } catch (cause) {
      throw failed(`无法启动 ${soffice}（${(cause as Error).message}）`, cause);
    }
    if (result.timedOut) throw failed(`超过 ${Math.round(SOFFICE_TIMEOUT_MS / 1000)} 秒仍未完成`);
    const produced = (await readdir(outDir).catch(() => [] as string[])).filter((n) => n.toLowerCase().endsWith(target));
    if (result.code !== 0 || produced.length === 0) {
      const said = result.output.trim().split('\n').pop() ?? '';
      throw failed(`LibreOffice 没有生成 ${target} 文件（退出码 ${result.code}${said ? `：${said}` : ''}）`);
    }
    return await readFile(path.join(outDir, produced[0]!));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
