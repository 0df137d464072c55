// Nothing raw reaches a terminal: escape sequences in sheet names, cells and file names (a window-title
// change, a screen clear, a bidirectional override) are shown escaped (\x1b, \u202e) in every text
// report — validate, fix, and the error lines — while JSON escapes them by itself.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminalText } from '../../src/reports/report.js';
import { runBin, runInProcess } from './helpers.js';

/** Anything a terminal acts on, besides the line breaks between report lines. */
const RAW = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/;
let T = '';
let HOSTILE = '';

beforeAll(() => {
  T = mkdtempSync(path.join(os.tmpdir(), 'zwgk-term-'));
  HOSTILE = path.join(T, '科室\x1b]0;pwned\x07\u202e.xlsx');
  copyFileSync('test/fixtures/bad/escape-sequences.xlsx', HOSTILE);
});
afterAll(() => rmSync(T, { recursive: true, force: true }));

describe('terminal text', () => {
  it('escapes controls, C1, bidirectional overrides and lone surrogates; leaves Chinese and emoji', () => {
    expect(terminalText('a\x1b[2J\x07\r\nb\x9b\u202e\u2066\uFEFF\uD800 公开😀\t')).toBe('a\\x1b[2J\\x07\\r\\nb\\x9b\\u202e\\u2066\\ufeff\\ud800 公开😀\t');
    expect(terminalText('沂河县政务公开事项标准目录')).toBe('沂河县政务公开事项标准目录');
  });
});

describe('reports on a workbook with escape sequences in its sheet name, cells and file name', () => {
  it('validate: every line escaped, the places still named', async () => {
    const o = await runInProcess(['validate', HOSTILE]);
    expect(o.code).toBe(1);
    const all = o.stdout + o.stderr;
    expect(all).not.toMatch(RAW);
    expect(all).toContain(`科室\\x1b]0;pwned\\x07\\u202e.xlsx › 目录\\x9b2J\\u202e!L2`);
    expect(all).toContain('（如“\\x1b[2J\\x1b[H清屏”）');
  });

  it('fix: the list of changes is escaped too', async () => {
    const o = await runInProcess(['fix', HOSTILE, '-o', path.join(T, 'fixed.xlsx')]);
    expect(o.code).toBe(1);
    const all = o.stdout + o.stderr;
    expect(all).not.toMatch(RAW);
    expect(all).toContain('已修正');
    expect(all).toMatch(/A1 单元格（标题）：“沂河县\\x1b\]0;pwned\\x07政务公开事项标准目录\\u202e” → “沂河县\]0;pwned政务公开事项标准目录\\u202e”/);
  });

  it('an error line naming a hostile file name (through the real bin, as a terminal gets it)', async () => {
    const bad = path.join(T, '坏\x1b[2J.xlsx');
    writeFileSync(bad, 'not a workbook');
    const o = await runBin(['validate', bad]);
    expect(o.code).toBe(2);
    expect(o.stderr).not.toMatch(RAW);
    expect(o.stderr).toContain('坏\\x1b[2J.xlsx 不是有效的 Excel 工作簿');
  });

  it('JSON keeps the text, escaped as JSON escapes (C1 and bidirectional controls too)', async () => {
    const o = await runInProcess(['validate', '--format', 'json', HOSTILE]);
    expect(o.stdout).not.toMatch(RAW);
    expect(o.stdout).toContain('"目录\\u009b2J\\u202e"');
    const doc = JSON.parse(o.stdout);
    expect(doc.files[0].file).toBe(HOSTILE);
    expect(doc.files[0].diagnostics[0].location.sheet).toBe('目录\u009b2J\u202e');
  });
});
