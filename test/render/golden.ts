// Golden files: expected renderer output stored next to the tests in test/render/golden/.
// Outputs are compared exactly. After an intended change, regenerate them with
//   UPDATE_GOLDEN=1 npx vitest run test/render
// and review the diff (git diff test/render/golden) before committing.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');

/** Compare `actual` with golden/<name>, or (UPDATE_GOLDEN=1) rewrite the golden file. */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(`缺少金标准文件 ${file}：请运行 UPDATE_GOLDEN=1 npx vitest run test/render 生成并检查后提交`);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
