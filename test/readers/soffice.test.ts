// readConverted: .xls/.et/.ods and .doc/.wps through LibreOffice. The plumbing is tested with a
// stand-in `soffice` on PATH (arguments, profile, environment, temporary folder, failures, time limit,
// Ctrl-C); real conversions are in test/robust/soffice-network.test.ts.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { conversionTimeout, convertFile, findSoffice } from '../../src/node/soffice.js';
import { otherSheets } from '../../src/formats/converted.js';
import { readCatalog as readConverted } from '../../src/node/read-file.js';
import { ZwgkError } from '../../src/findings/finding.js';
import { fixture } from './helpers.js';

const FAKE = `#!/bin/sh
# Stand-in for soffice: records its arguments, then "converts" by copying $FAKE_SRC.
printf '%s\\n' "$@" > "$FAKE_LOG"
[ -n "$FAKE_HANG" ] && { sleep 600 & echo "$$ $!" > "$FAKE_HANG"; wait; }
env > "$FAKE_ENV"
profile=$(printf '%s' "$1" | sed 's|^-env:UserInstallation=file://||')
cp "$profile/user/registrymodifications.xcu" "$FAKE_PROFILE_COPY" 2>/dev/null
[ -n "$FAKE_EXIT" ] && { echo "Error: source file could not be loaded" >&2; exit "$FAKE_EXIT"; }
out=""; prev=""; last=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; last="$a"; done
mkdir -p "$out"
name=$(basename "$last"); cp "$FAKE_SRC" "$out/\${name%.*}.xlsx"
`;

const BIN = path.resolve(__dirname, '../../bin/zwgk.js');

/** A process has ended (gone, or a zombie nobody has reaped yet). */
function ended(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** A process has ended, or does within 2 s (SIGKILL is delivered at once, but a loaded machine takes a moment). */
async function gone(pid: number): Promise<boolean> {
  for (let t = 0; t < 100 && !ended(pid); t++) await new Promise((r) => setTimeout(r, 20));
  return ended(pid);
}

async function fatal(promise: Promise<unknown>): Promise<ZwgkError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ZwgkError) return err;
    throw err;
  }
  throw new Error('expected a ZwgkError');
}

describe('readConverted with a stand-in soffice', () => {
  const saved = { ...process.env };
  let dir: string;
  let input: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zwgk-soffice-test-'));
    mkdirBin(dir);
    input = path.join(dir, '目录.xls');
    writeFileSync(input, 'not really an xls');
    process.env.PATH = [path.join(dir, 'bin'), '/usr/bin', '/bin'].join(path.delimiter);
    process.env.FAKE_LOG = path.join(dir, 'args.txt');
    process.env.FAKE_ENV = path.join(dir, 'env.txt');
    process.env.FAKE_PROFILE_COPY = path.join(dir, 'registrymodifications.xcu');
    process.env.http_proxy = 'http://proxy.example:8080';
    process.env.no_proxy = '*';
    process.env.FAKE_SRC = fixture('sample/sample-2017.xlsx');
    delete process.env.FAKE_EXIT;
    delete process.env.FAKE_HANG;
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  function mkdirBin(root: string): void {
    const bin = path.join(root, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, 'soffice'), FAKE);
    chmodSync(path.join(bin, 'soffice'), 0o755);
  }

  it('converts in a private folder with its own profile and reads the result as the user’s file', async () => {
    process.env.TMPDIR = path.join(dir, 'tmp');
    mkdirSync(process.env.TMPDIR);
    const c = await readConverted(input, {});
    expect(c.file).toBe(input);
    expect(c.items).toHaveLength(1);
    expect(c.items[0]!.at).toEqual({ file: input, sheet: 'Sheet1', cell: 'A3', row: 3 });
    expect(c.items[0]!.pairs[3]!.standard!.at.file).toBe(input);
    const args = readFileSync(process.env.FAKE_LOG!, 'utf8').trim().split('\n');
    expect(args[0]).toMatch(/^-env:UserInstallation=file:\/\/\/.*zwgk-convert-.*\/profile$/);
    expect(args).toContain('--headless');
    expect(args.slice(-5, -3)).toEqual(['--convert-to', 'xlsx']);
    // soffice gets a copy under a plain name in the private folder, never the user's file or its name.
    expect(args.at(-1)).toMatch(/zwgk-convert-[^/]+\/in\/input-1\.xls$/);
    // The profile it ran with blocks the network, and so does its environment.
    expect(readFileSync(process.env.FAKE_PROFILE_COPY!, 'utf8')).toContain('<prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop>');
    expect(readFileSync(process.env.FAKE_ENV!, 'utf8')).toMatch(/^http_proxy=http:\/\/127\.0\.0\.1:\d+$/m);
    // The temporary folder is gone and the input is untouched.
    expect(readdirSync(process.env.TMPDIR)).toEqual([]);
    expect(readFileSync(input, 'utf8')).toBe('not really an xls');
  });

  it('gives a hanging soffice up at its time limit: it and what it started are stopped, its folder removed', async () => {
    const pids = path.join(dir, 'pids');
    process.env.FAKE_HANG = pids;
    // A temporary folder of our own: other test files convert at the same time.
    process.env.TMPDIR = path.join(dir, 'tmp');
    mkdirSync(process.env.TMPDIR);
    const err = await fatal(convertFile(input, otherSheets.conversion!, readFileSync(input), { timeoutMs: 5000 }));
    expect(err.finding.code).toBe('convert-failed');
    expect(err.message).toBe(`用 LibreOffice 把 ${input} 转换为 .xlsx 失败：超过 5 秒仍未完成，已停止 LibreOffice。请在 Excel 或 WPS 中另存为 .xlsx 后重试`);
    for (const pid of readFileSync(pids, 'utf8').trim().split(' ').map(Number)) expect(await gone(pid), `process ${pid}`).toBe(true);
    expect(readdirSync(process.env.TMPDIR)).toEqual([]);
  });

  it('Ctrl-C during a conversion stops soffice and leaves no profile or copy behind', async () => {
    const pids = path.join(dir, 'pids');
    const tmp = path.join(dir, 'tmp');
    mkdirSync(tmp);
    const child = spawn(process.execPath, [BIN, 'validate', input], { env: { ...process.env, FAKE_HANG: pids, TMPDIR: tmp, NO_COLOR: '1' }, stdio: 'ignore' });
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const deadline = Date.now() + 20_000;
    while (!existsSync(pids) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(tmp).filter((n) => n.startsWith('zwgk-convert-'))).toHaveLength(1);
    child.kill('SIGINT');
    expect(await ended).toBe('SIGINT');
    for (const pid of readFileSync(pids, 'utf8').trim().split(' ').map(Number)) expect(await gone(pid), `process ${pid}`).toBe(true);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('allows 30 s and 25 s per MB, at most 10 minutes', () => {
    expect([0, 100_000, 1024 * 1024, 7.7 * 1024 * 1024, 256 * 1024 * 1024].map(conversionTimeout)).toEqual([30_000, 32_385, 55_000, 222_500, 600_000]);
  });

  it('says needs-soffice when LibreOffice is not installed', async () => {
    process.env.PATH = path.join(dir, 'nothing-here');
    expect(await findSoffice()).toBeUndefined();
    const err = await fatal(readConverted(input, {}));
    expect(err.finding.code).toBe('needs-soffice');
    expect(err.finding.params).toEqual({ file: input, ext: '.xls', app: 'Excel 或 WPS', saveAs: 'Excel 工作簿(*.xlsx)', target: '.xlsx' });
    expect(err.message).toContain('请在 Excel 或 WPS 中打开它，选择“另存为”→“Excel 工作簿(*.xlsx)”，再用 .xlsx 文件重试');
  });

  it('asks Writer for a .docx from a .doc or .wps, and says how to save one without LibreOffice', async () => {
    const doc = path.join(dir, '目录.wps');
    writeFileSync(doc, 'not really a wps');
    process.env.FAKE_SRC = path.join(dir, 'none.docx');
    const failed = await fatal(readConverted(doc, {}));
    expect(failed.finding.code).toBe('convert-failed');
    const args = readFileSync(process.env.FAKE_LOG!, 'utf8').trim().split('\n');
    expect(args.slice(-5, -3)).toEqual(['--convert-to', 'docx:MS Word 2007 XML']);
    expect(failed.message).toContain('转换为 .docx 失败');
    expect(failed.message).toContain('请在 Word 或 WPS 中另存为 .docx 后重试');
    process.env.PATH = path.join(dir, 'nothing-here');
    const err = await fatal(readConverted(doc, {}));
    expect(err.finding.code).toBe('needs-soffice');
    expect(err.message).toBe(`${doc} 是 .wps 文件，读取它需要 LibreOffice（soffice），本机未安装。请在 Word 或 WPS 中打开它，选择“另存为”→“Word 文档(*.docx)”，再用 .docx 文件重试`);
    expect(readFileSync(doc, 'utf8')).toBe('not really a wps');
  });

  it('says convert-failed when soffice fails', async () => {
    process.env.FAKE_EXIT = '1';
    const err = await fatal(readConverted(input, {}));
    expect(err.finding.code).toBe('convert-failed');
    expect(err.message).toContain('source file could not be loaded');
  });

  it('names the user’s file when the converted workbook has no catalog', async () => {
    process.env.FAKE_SRC = fixture('broken/title-only.xlsx');
    const err = await fatal(readConverted(input, {}));
    expect(err.finding.code).toBe('no-catalog-header');
    expect(err.finding.location.file).toBe(input);
    expect(err.message).toContain(input);
    expect(existsSync(input)).toBe(true);
  });
});
