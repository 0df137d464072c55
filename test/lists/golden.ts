// Golden files of the list renderers, beside the tests in test/lists/golden/. Compared exactly; after an
// intended change regenerate them with
//   UPDATE_GOLDEN=1 npx vitest run --config test/vitest.config.ts test/lists
// and review the diff (git diff test/lists/golden) before committing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');

/** Compare `actual` with golden/<name>, or (UPDATE_GOLDEN=1) rewrite the golden file. */
export function expectListGolden(name: string, actual: string): void {
  const file = path.join(DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`缺少金标准文件 ${file}：请运行 UPDATE_GOLDEN=1 npx vitest run --config test/vitest.config.ts test/lists 生成并检查后提交`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
