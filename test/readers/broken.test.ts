// Files that are not readable workbooks: each gets one clear fatal finding, never a raw exception.
import { describe, expect, it } from 'vitest';
import { readCatalog as readXlsx } from '../../src/node/read-file.js';
import { ZwgkError } from '../../src/findings/finding.js';
import { fixture } from './helpers.js';

async function fatal(file: string): Promise<ZwgkError> {
  try {
    await readXlsx(file, {});
  } catch (err) {
    if (err instanceof ZwgkError) return err;
    throw err;
  }
  throw new Error('expected a ZwgkError');
}

describe('zip-level checks', () => {
  it.each([
    ['broken/text.xlsx', 'not-a-workbook', '纯文本'],
    ['broken/pdf.xlsx', 'not-a-workbook', 'PDF'],
    ['broken/random.xlsx', 'not-a-workbook', '不是 zip'],
    ['broken/truncated.xlsx', 'file-damaged', '文件已损坏'],
    ['broken/docx.xlsx', 'not-a-workbook', 'Word'],
    ['broken/old-xls.xlsx', 'not-a-workbook', '.xls'],
    ['broken/encrypted.xlsx', 'workbook-encrypted', '密码'],
    ['broken/bomb-entry.xlsx', 'workbook-too-large', '600.0 MB'],
    ['broken/bomb-ratio.xlsx', 'workbook-too-large', '200 倍'],
  ])('%s → %s', async (rel, code, words) => {
    const file = fixture(rel);
    const err = await fatal(file);
    expect(err.finding.code).toBe(code);
    expect(err.finding.location).toEqual({ file });
    expect(err.message).toContain(words);
    expect(err.message).toContain(file);
  });

  it('keeps the cause of a damaged zip', async () => {
    const err = await fatal(fixture('broken/truncated.xlsx'));
    expect(err.cause).toBeInstanceOf(Error);
  });

  it('names the part that is too large', async () => {
    const err = await fatal(fixture('broken/bomb-entry.xlsx'));
    expect(err.finding.params).toMatchObject({ part: 'xl/worksheets/sheet1.xml', limit: '512.0 MB' });
  });

  it('a missing file is file-not-found', async () => {
    const err = await fatal(fixture('broken/no-such-file.xlsx'));
    expect(err.finding.code).toBe('file-not-found');
  });
});
