// YAML slips of a Chinese keyboard: a full-width colon, full-width spaces in the indentation and a
// full-width hyphen as a list marker are named with their character, line, column and fix (exit 2),
// whether the parser failed on them or would have read them as text; valid uses stay quiet.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYamlCatalog } from '../../src/formats/yaml/read.js';
import { ZwgkError } from '../../src/findings/finding.js';
import { renderYaml } from '../../src/render/yaml.js';

function slip(text: string, file = 'k.yaml'): { line: unknown; column: unknown; message: string } {
  try {
    parseYamlCatalog(text, file);
  } catch (err) {
    if (!(err instanceof ZwgkError)) throw err;
    expect(err.finding.code).toBe('yaml-fullwidth');
    return { line: err.finding.location.line, column: err.finding.location.column, message: err.message };
  }
  throw new Error('expected yaml-fullwidth');
}

const HEAD = '版式: "2017"\n事项:\n';

describe('full-width slips are named', () => {
  it.each([
    ['a colon after a key inside an item', `${HEAD}  - 序号: 1\n    名称：最低生活保障\n    公开主体: 县民政局\n`, 4, 7, '名称: 最低生活保障'],
    ['a colon after the first key of an item', `${HEAD}  - 序号：1\n    名称: 最低生活保障\n`, 3, 7, '序号: 1'],
    ['a colon in an item of one key (parses, as text)', `${HEAD}  - 名称：最低生活保障\n`, 3, 7, '名称: 最低生活保障'],
    ['a colon after a top-level key', '版式: "2017"\n标题：某县民政局目录\n事项: []\n', 2, 3, '标题: 某县民政局目录'],
    ['a colon after the last key', `${HEAD}  - 序号: 1\n    名称: 低保\n    公开主体：县民政局\n`, 5, 9, '公开主体: 县民政局'],
  ])('%s', (_, text, line, column, fixed) => {
    const s = slip(text);
    expect([s.line, s.column]).toEqual([line, column]);
    expect(s.message).toBe(`k.yaml 第 ${line} 行第 ${column} 列的“：”是全角冒号，YAML 只认半角符号。键名后要用半角冒号“:”再加一个空格，应写作“${fixed}”`);
  });

  it.each([
    ['full-width spaces as the whole indentation (parses, as a top-level key)', `${HEAD}  - 序号: 1\n\u3000\u3000名称: 低保\n`, 4, 1],
    ['a full-width space inside the indentation', `${HEAD}  - 序号: 1\n  \u3000名称: 低保\n`, 4, 3],
  ])('%s', (_, text, line, column) => {
    const s = slip(text);
    expect([s.line, s.column]).toEqual([line, column]);
    expect(s.message).toContain('的“　”是全角空格，YAML 只认半角符号。缩进只能用半角空格');
  });

  it.each([
    ['a full-width hyphen starting an item', `${HEAD}  － 序号: 1\n    名称: 低保\n`, 3, 3, '- 序号: 1'],
    ['a full-width hyphen in a list of citations (parses, as text)', `${HEAD}  - 序号: 1\n    依据:\n      － 《社会救助暂行办法》\n`, 5, 7, '- 《社会救助暂行办法》'],
  ])('%s', (_, text, line, column, fixed) => {
    const s = slip(text);
    expect([s.line, s.column]).toEqual([line, column]);
    expect(s.message).toContain(`的“－”是全角连字符，YAML 只认半角符号。列表的每一项要用半角“-”加一个空格开头，应写作“${fixed}”`);
  });

  it('a slip inside a large file parsed item by item is named at its line in the file', () => {
    const base = readFileSync('examples/county-catalog.yaml', 'utf8');
    const at = base.indexOf('事项:\n') + '事项:\n'.length;
    const items = base.slice(at);
    const lines = (base.slice(0, at) + items.repeat(Math.ceil((1.1 * 1024 * 1024) / Buffer.byteLength(items)))).split('\n');
    const target = lines.findIndex((l, i) => i > 4000 && l.startsWith('    公开主体: '));
    lines[target] = lines[target]!.replace('公开主体: ', '公开主体：');
    const s = slip(lines.join('\n'), 'big.yaml');
    expect([s.line, s.column]).toEqual([target + 1, 9]);
  });
});

describe('no false alarms', () => {
  it('full-width colons and spaces inside values, block text and extra column names are text', () => {
    const text = [
      '版式: "2017"',
      '事项:',
      '  - 序号: 1',
      '    事项类别: 社会救助',
      '    名称: 最低生活保障',
      '    依据:',
      '      - 《社会救助暂行办法》',
      '    公开内容与标准:',
      '      - 公开内容: 办事指南',
      '        公开标准: 包括：办理条件、申请材料',
      '    公开主体: 县民政局',
      '    公开方式: 政府网站',
      '    公开时限: 信息形成之日起20个工作日内',
      '    备注: |-',
      '      \u3000\u3000注：本项每年更新。',
      '      名称：以民政部门公布为准',
      '    其他列:',
      '      联系方式：电话: "0539-1234567"',
      '',
    ].join('\n');
    const c = parseYamlCatalog(text, 'ok.yaml');
    expect(c.items[0]!.remark.text).toBe('\u3000\u3000注：本项每年更新。\n名称：以民政部门公布为准');
    expect(c.items[0]!.extra).toMatchObject({ '联系方式：电话': { text: '0539-1234567' } });
    // What zwgk writes for such a catalog reads back the same.
    expect(renderYaml(parseYamlCatalog(renderYaml(c), 'again.yaml'))).toBe(renderYaml(c));
  });

  it('a 2019 list of contents whose items start like a key is text', () => {
    const text = '版式: "2019"\n事项:\n  - 序号: 1\n    二级事项: 办事指南\n    公开内容:\n      - 办理事项：最低生活保障\n      - 名称：低保审批\n';
    expect(parseYamlCatalog(text, 'ok.yaml').items[0]!.pairs.map((p) => p.content.text)).toEqual(['办理事项：最低生活保障', '名称：低保审批']);
  });
});
