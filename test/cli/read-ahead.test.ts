// site and merge read the next small files while a catalog is parsed (src/node/read-ahead.ts): each file's
// bytes come in the order asked, a large one is left for its turn, and a file that cannot be read gives its
// own Chinese error at its turn, not before and not as an unhandled rejection.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAhead } from '../../src/node/read-ahead.js';
import { ZwgkError } from '../../src/findings/finding.js';

describe('readAhead', () => {
  it('gives each small file its bytes in order, leaves a large one unread, and a missing one its error at its turn', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-ahead-'));
    const files: string[] = [];
    for (let i = 0; i < 20; i++) {
      const file = path.join(dir, `目录${i}.yaml`);
      if (i !== 5) writeFileSync(file, i === 3 ? 'x'.repeat(2 * 1024 * 1024) : `标题: 第${i}个\n`);
      files.push(file);
    }
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const ahead = readAhead(files);
      const got: (string | undefined)[] = [];
      for (let i = 0; i < files.length; i++) {
        if (i === 5) {
          const err = await ahead(i).catch((e: unknown) => e);
          expect(err).toBeInstanceOf(ZwgkError);
          expect((err as ZwgkError).finding.code).toBe('file-not-found');
          expect((err as ZwgkError).message).toContain('目录5.yaml');
          got.push('error');
          continue;
        }
        const bytes = await ahead(i);
        got.push(bytes === undefined ? undefined : new TextDecoder().decode(bytes));
      }
      expect(got[3]).toBeUndefined();
      expect(got.filter((g, i) => i !== 3 && i !== 5)).toEqual(files.map((_, i) => `标题: 第${i}个\n`).filter((_, i) => i !== 3 && i !== 5));
      // Asked again, a file's bytes are not kept from before: undefined, the caller reads it then.
      expect(await ahead(0)).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});
