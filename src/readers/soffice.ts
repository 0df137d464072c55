// .xls/.et/.ods/.csv via LibreOffice: convert into a private temporary folder, read the .xlsx, and
// point every location back at the user's file. The user's file is only read, never copied or
// changed (a GBK .csv is transcoded to UTF-8 in the temporary folder, since soffice would guess).
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Catalog } from '../model/types.js';
import { ZwgkError } from '../report/finding.js';
import { SOFFICE_COMMANDS, SOFFICE_TIMEOUT_MS } from '../settings.js';
import type { ReadOptions } from './index.js';
import { readXlsx } from './xlsx.js';

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

/** Point every location (any object's `file`) that names `from` at `to`. */
function relocate(value: unknown, from: string, to: string, seen = new Set<object>()): void {
  if (!value || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const v of value) relocate(v, from, to, seen);
    return;
  }
  const obj = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'file' && v === from) obj[k] = to;
    else if (typeof v === 'string' && v.includes(from)) obj[k] = v.split(from).join(to);
    else relocate(v, from, to, seen);
  }
}

/** Convert .xls/.et/.ods/.csv with soffice into a temporary .xlsx and read that; locations name the original file. */
export async function readConverted(file: string, options: ReadOptions): Promise<Catalog> {
  const ext = path.extname(file).toLowerCase();
  const soffice = await findSoffice();
  if (!soffice) throw new ZwgkError('needs-soffice', { file }, { file, ext });
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'zwgk-convert-'));
  const failed = (detail: string, cause?: unknown): ZwgkError =>
    new ZwgkError('convert-failed', { file }, { file, detail }, cause === undefined ? undefined : { cause });
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
    args.push('--convert-to', 'xlsx', '--outdir', outDir, input);
    let result;
    try {
      result = await run(soffice, args, SOFFICE_TIMEOUT_MS);
    } catch (cause) {
      throw failed(`无法启动 ${soffice}（${(cause as Error).message}）`, cause);
    }
    if (result.timedOut) throw failed(`超过 ${Math.round(SOFFICE_TIMEOUT_MS / 1000)} 秒仍未完成`);
    const produced = (await readdir(outDir).catch(() => [] as string[])).filter((n) => n.toLowerCase().endsWith('.xlsx'));
    if (result.code !== 0 || produced.length === 0) {
      const said = result.output.trim().split('\n').pop() ?? '';
      throw failed(`LibreOffice 没有生成 .xlsx 文件（退出码 ${result.code}${said ? `：${said}` : ''}）`);
    }
    const converted = path.join(outDir, produced[0]!);
    let catalog: Catalog;
    try {
      catalog = await readXlsx(converted, options);
    } catch (err) {
      if (!(err instanceof ZwgkError)) throw err;
      // Say the user's file, not the temporary one.
      const f = err.finding;
      const params = Object.fromEntries(Object.entries(f.params ?? {}).map(([k, v]) => [k, v === converted ? file : v]));
      throw new ZwgkError(f.code, { ...f.location, file }, params, { cause: err });
    }
    relocate(catalog, converted, file);
    catalog.file = file;
    return catalog;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
