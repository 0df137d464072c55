// The schema checks a large catalog a slice of items at a time (validate/schema.ts): an item's finding in any
// slice is at its own line with its own number, and is reported once.
import { expect, it } from 'vitest';
import { read, validate } from '../../src/core/index.js';

/** A 2017 catalog of `n` items, ten lines each, 公开时限 left blank in the items named. */
function catalogText(n: number, blank: readonly number[]): string {
  const lines = ['版式: "2017"', '标题: 分段校验的目录', '单位: 某县某局', '事项:'];
  for (let i = 1; i <= n; i++) {
    lines.push(`  - 序号: ${i}`, '    事项类别: 行政许可', `    名称: 第${i}项许可`, '    依据: 《中华人民共和国行政许可法》', '    公开内容与标准:', `      - 公开内容: 第${i}项许可的办理结果`, '        公开标准: 许可决定文书');
    lines.push('    公开主体: 某县某局', '    公开方式: 某县人民政府门户网站', `    公开时限: ${blank.includes(i) ? '""' : '自作出决定之日起7个工作日内'}`);
  }
  return lines.join('\n') + '\n';
}

it('finds a blank in the first, a middle and the last slice at its own line and item, each once', async () => {
  const blank = [1, 2000, 2001, 2600, 4500];
  const catalog = await read(new TextEncoder().encode(catalogText(4500, blank)), '分段.yaml');
  const found = validate(catalog).filter((f) => f.code === 'required-blank');
  // Item i begins at line 5 + 10 (i − 1); its 公开时限 is the tenth line of it.
  expect(found.map((f) => [f.item, f.location.line, f.field])).toEqual(blank.map((i) => [i, 14 + 10 * (i - 1), '公开时限']));
});
