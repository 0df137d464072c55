// writeFiles looks at its targets and renames its files several at a time (src/node/write-files.ts): the
// first file in order that cannot be written is the one named, and a rename that fails in the middle of a
// batch still puts every file back as it was, the files renamed beside it in the same batch too.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The rename of the temporary file of one target fails, as a full disk or a virus scanner holding it would.
let failOn: string | undefined;
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  return {
    ...fs,
    rename: async (from: string, to: string) => {
      if (failOn !== undefined && path.basename(to) === failOn && path.basename(from).endsWith('.tmp')) {
        // Once: putting the old file back (renamed from aside) is not refused.
        failOn = undefined;
        throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      }
      return fs.rename(from, to);
    },
  };
});

const { writeFiles } = await import('../../src/node/write-files.js');
const { ZwgkError } = await import('../../src/findings/finding.js');

const pages = (n: number, text: string) => new Map(Array.from({ length: n }, (_, i) => [`页面${String(i).padStart(3, '0')}.html`, `${text}${i}`]));

describe('writeFiles in batches', () => {
  afterEach(() => {
    failOn = undefined;
  });

  it('names the first target in order that cannot be written, of several in different batches', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-batches-'));
    mkdirSync(path.join(dir, '页面037.html'));
    mkdirSync(path.join(dir, '页面070.html'));
    const err = await writeFiles(dir, pages(80, '新')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZwgkError);
    expect((err as InstanceType<typeof ZwgkError>).finding.code).toBe('output-failed');
    expect((err as InstanceType<typeof ZwgkError>).message).toContain('页面037.html');
    expect(readdirSync(dir).sort()).toEqual(['页面037.html', '页面070.html']);
    rmSync(dir, { recursive: true });
  });

  it('puts every file back when a rename fails in the middle of a batch: old contents, no temporary or aside file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-batches-'));
    for (const [name, text] of pages(80, '旧')) writeFileSync(path.join(dir, name), text);
    failOn = '页面045.html';
    const err = await writeFiles(dir, pages(80, '新')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZwgkError);
    expect((err as InstanceType<typeof ZwgkError>).message).toContain('页面045.html');
    const names = readdirSync(dir).sort();
    expect(names).toEqual([...pages(80, '').keys()].sort());
    for (const [name, text] of pages(80, '旧')) expect(readFileSync(path.join(dir, name), 'utf8'), name).toBe(text);
    // Written again without the failure, every page is the new one.
    await writeFiles(dir, pages(80, '新'));
    for (const [name, text] of pages(80, '新')) expect(readFileSync(path.join(dir, name), 'utf8'), name).toBe(text);
    expect(readdirSync(dir)).toHaveLength(80);
    rmSync(dir, { recursive: true });
  });
});
