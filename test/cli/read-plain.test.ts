// site, merge and summary read small catalogs on the main thread in one go (readPlainSync): a regular file
// up to the limit gives its bytes; anything unusual gives undefined, and the file is then read as any other,
// whose error names it (a missing file among a site's inputs is reported, not skipped).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlainSync } from '../../src/node/read-file.js';
import { runInProcess } from '../robust/helpers.js';

describe('readPlainSync', () => {
  it('reads a small regular file whole, and leaves anything else to readInputFile', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-plain-'));
    try {
      writeFileSync(path.join(dir, '目录.yaml'), '标题: 测试\n');
      writeFileSync(path.join(dir, 'big.yaml'), 'x'.repeat(2048));
      mkdirSync(path.join(dir, 'folder.yaml'));
      symlinkSync(path.join(dir, 'gone.yaml'), path.join(dir, 'dangling.yaml'));
      const got = readPlainSync(path.join(dir, '目录.yaml'), 1024);
      expect(new TextDecoder().decode(got!.bytes)).toBe('标题: 测试\n');
      expect(got!.modified).toBeInstanceOf(Date);
      expect(readPlainSync(path.join(dir, 'big.yaml'), 1024)).toBeUndefined();
      expect(readPlainSync(path.join(dir, 'big.yaml'), 2048)!.bytes).toHaveLength(2048);
      expect(readPlainSync(path.join(dir, 'folder.yaml'))).toBeUndefined();
      expect(readPlainSync(path.join(dir, 'missing.yaml'))).toBeUndefined();
      expect(readPlainSync(path.join(dir, 'dangling.yaml'))).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('site names a missing input as before, and publishes the others', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-plain-site-'));
    try {
      const out = await runInProcess(['site', 'examples/county-catalog.yaml', path.join(dir, '没有这个文件.yaml'), '-o', path.join(dir, 'site')]);
      expect(out.code).toBe(2);
      expect(out.stderr).toContain('没有这个文件.yaml');
      expect(out.stderr).toContain('1 个文件无法读取，未发布');
      expect(out.stdout).toContain('1 个目录');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
