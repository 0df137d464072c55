// The YAML reader on odd and hostile files: comment and blank lines cost nothing and never move a line
// number; unquoted values YAML would change are kept as written and warned; __proto__ is a key like any
// other; the messages of point 9 of issue 14 name the line and the fix.
import { isDeepStrictEqual } from 'node:util';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlCatalog } from '../../src/formats/yaml/read.js';
import { prepareYaml } from '../../src/formats/yaml/lines.js';
import { renderYaml } from '../../src/render/yaml.js';
import { ZwgkError } from '../../src/findings/finding.js';
import { ITEM_YAML } from '../fixtures/bad/make-bad.mjs';

const ITEM = ITEM_YAML;
const HEAD = `版式: "2017"\n标题: 沂河县政务公开事项标准目录\n事项:\n`;

function fatal(text: string): ZwgkError {
  try {
    parseYamlCatalog(text, 'x.yaml');
  } catch (err) {
    if (err instanceof ZwgkError) return err;
    throw err;
  }
  throw new Error('expected a ZwgkError');
}

describe('comment and blank lines', () => {
  it('runs that cannot matter are taken out; every value and line number stays as in the file', () => {
    const text = [
      '# 开头的注释',
      '',
      '版式: "2017"',
      '标题: |',
      '  第一行',
      '',
      '  # 这是文字，不是注释',
      '  第三行',
      '',
      '',
      '# 块之后的注释',
      '注: 多行',
      '  文本',
      '',
      '  继续',
      '其他列: [甲,',
      '  # 方括号里的注释',
      '',
      '  乙]',
      '事项: []',
      '',
      '#',
      '',
    ].join('\n');
    const prepared = prepareYaml(text);
    expect(parseDocument(prepared.text).toJS()).toEqual(parseDocument(text).toJS());
    expect(parseDocument(text).toJS().标题).toBe('第一行\n\n# 这是文字，不是注释\n第三行\n');
    // Every kept line is where it was.
    const original = text.split('\n');
    prepared.text.split('\n').forEach((line, i) => expect(original[prepared.lineOf(i + 1) - 1], `line ${i + 1}`).toBe(line));
    expect(prepared.text.split('\n').length).toBeLessThan(original.length - 6);
  });

  it('keeps what changes a value: leading blank lines of a block, blank lines inside plain and quoted text, |+ trailing lines', () => {
    for (const text of [
      '备注: |\n\n\n  a\n',
      '备注: a\n\n\n  b\n',
      '备注: "a\n\n\n  b"\n',
      "备注: 'a\n\n  b'\n",
      '备注: |+\n  a\n\n\n注: x\n',
      '备注: >\n  a\n\n  b\n',
      '- a\n\n  b\n',
      'x: [a\n\n  b]\n',
    ]) {
      const prepared = prepareYaml(text);
      expect(parseDocument(prepared.text).toJS(), JSON.stringify(text)).toEqual(parseDocument(text).toJS());
    }
  });

  it('never changes what a valid document means (generated documents in every style, comment and blank lines sprinkled in)', () => {
    let seed = 14;
    const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(random() * a.length)]!;
    const words = ['a', '公开', 'x y', "it's", 'a # b', 'l1\nl2', 'l1\n\nl3\n', '  lead', 'trail  ', '[x]', '{y}', 'k: v', '- z', '#h', '"q"', '', '007', 'true', '| p'];
    const value = (d: number): unknown => {
      const r = random();
      if (d > 3 || r < 0.4) return pick(words);
      if (r < 0.7) return Object.fromEntries(Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => [`k${i}${pick(['', ' 名'])}`, value(d + 1)]));
      return Array.from({ length: 1 + Math.floor(random() * 4) }, () => value(d + 1));
    };
    let checked = 0;
    let shorter = 0;
    for (let round = 0; round < 1500; round++) {
      const lines = stringify(
        { root: value(0) },
        {
          blockQuote: pick([true, 'literal', 'folded', false] as const),
          defaultStringType: pick(['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'] as const),
          collectionStyle: pick(['any', 'block', 'flow'] as const),
          lineWidth: pick([0, 20, 80]),
        },
      ).split('\n');
      const out: string[] = [];
      lines.forEach((l, i) => {
        out.push(l);
        const indent = /^ */.exec(lines[i + 1] ?? '')![0];
        if (random() < 0.3) out.push(pick(['', `${indent}#c`, `${indent}# c`, '  ', `${indent}#`]));
      });
      const text = out.join('\n');
      const original = parseDocument(text);
      if (original.errors.length) continue;
      const prepared = prepareYaml(text);
      const compact = parseDocument(prepared.text);
      expect(compact.errors, text).toEqual([]);
      expect(isDeepStrictEqual(compact.toJS(), original.toJS()), `${text}\n----\n${prepared.text}`).toBe(true);
      checked++;
      if (prepared.text.length < text.length) shorter++;
    }
    expect(checked).toBeGreaterThan(1000);
    expect(shorter).toBeGreaterThan(checked / 2);
  });

  it('a catalog followed by two million comment lines reads like the catalog alone, findings at their own lines', () => {
    const text = `# 说明\n${'#\n'.repeat(1000)}${HEAD}${ITEM.replace('公开时限: 自信息形成或者变更之日起20个工作日内', '公开时限: ""')}${'# 注释\n\n'.repeat(1_000_000)}`;
    const catalog = parseYamlCatalog(text, 'big.yaml');
    expect(catalog.items).toHaveLength(1);
    expect(catalog.items[0]!.deadline.at).toEqual({ file: 'big.yaml', line: 1002 + 3 + 10, column: 11 });
  });

  it('many brackets inside a block scalar are text, not nesting', () => {
    const catalog = parseYamlCatalog(`${HEAD.replace('标题: 沂河县政务公开事项标准目录', `标题: |\n  ${'['.repeat(200)}\n  ${'{'.repeat(200)}`)}${ITEM}`, 'x.yaml');
    expect(catalog.title).toBe(`${'['.repeat(200)}\n${'{'.repeat(200)}\n`);
    // Real nesting is still refused, at its line.
    const deep = fatal(`${HEAD}${ITEM.replace('备注: ""', `备注: ${'['.repeat(100)}${']'.repeat(100)}`)}`);
    expect(deep.finding.code).toBe('yaml-too-deep');
    expect(deep.finding.location.line).toBe(15);
  });
});

describe('unquoted values that YAML would change', () => {
  it('are kept exactly as written, each with a warning at its line that says how to quote it', () => {
    const text = `${HEAD}${ITEM.replace('名称: 食品安全监督抽检信息', '名称: 0x1F')
      .replace('《中华人民共和国食品安全法》', '0o17')
      .replace('公开内容: 抽检总体情况', '公开内容: 1e400')
      .replace('公开标准: 抽检产品品类、合格批次、不合格批次及合格率', '公开标准: 007')
      .replace('公开主体: 沂河县市场监督管理局', '公开主体: True')
      .replace('备注: ""', '备注: 1.50\n    其他列:\n      电话: 05391234567\n      年份: 2017')}`;
    const catalog = parseYamlCatalog(text, 'x.yaml');
    const item = catalog.items[0]!;
    expect([item.name.text, item.basis.values[0]!.text, item.pairs[0]!.content.text, item.pairs[0]!.standard!.text, item.subject.text, item.remark.text]).toEqual([
      '0x1F',
      '0o17',
      '1e400',
      '007',
      'True',
      '1.50',
    ]);
    expect(item.extra['电话']!.text).toBe('05391234567');
    expect(item.serial.text).toBe('1');
    const warnings = catalog.findings.filter((f) => f.code === 'yaml-unquoted').map((f) => `${f.location.line} ${f.message}`).sort((a, b) => parseInt(a) - parseInt(b));
    expect(warnings).toEqual([
      '6 “名称”的值 0x1F 没有加引号，YAML 会把它读成数字 31；已按原文“0x1F”读取。请给它加上引号，写成 "0x1F"',
      '8 “依据”的值 0o17 没有加引号，YAML 会把它读成数字 15；已按原文“0o17”读取。请给它加上引号，写成 "0o17"',
      '10 “公开内容”的值 1e400 没有加引号，YAML 会把它读成无穷大 Infinity；已按原文“1e400”读取。请给它加上引号，写成 "1e400"',
      '11 “公开标准”的值 007 没有加引号，YAML 会把它读成数字 7；已按原文“007”读取。请给它加上引号，写成 "007"',
      '12 “公开主体”的值 True 没有加引号，YAML 会把它读成逻辑值 true；已按原文“True”读取。请给它加上引号，写成 "True"',
      '15 “备注”的值 1.50 没有加引号，YAML 会把它读成数字 1.5；已按原文“1.50”读取。请给它加上引号，写成 "1.50"',
      '17 “电话”的值 05391234567 没有加引号，YAML 会把它读成数字 5391234567；已按原文“05391234567”读取。请给它加上引号，写成 "05391234567"',
    ]);
    // Written back quoted, they read back as the same text with no warning.
    const again = parseYamlCatalog(renderYaml(catalog), 'again.yaml');
    expect(again.items[0]!.extra['电话']!.text).toBe('05391234567');
    expect(again.findings.filter((f) => f.code === 'yaml-unquoted')).toEqual([]);
  });
});

describe('__proto__ and other keys with a meaning in JavaScript', () => {
  it('are columns like any other, kept through a round trip', () => {
    const text = `${HEAD.replace('事项:', '其他列: [__proto__, constructor]\n事项:')}${ITEM.replace('备注: ""', '备注: ""\n    其他列:\n      __proto__: 原型\n      constructor: 构造')}`;
    const catalog = parseYamlCatalog(text, 'x.yaml');
    expect(Object.keys(catalog.items[0]!.extra)).toEqual(['__proto__', 'constructor']);
    expect(catalog.items[0]!.extra['__proto__']!.text).toBe('原型');
    const yaml = renderYaml(catalog);
    expect(yaml).toContain('__proto__: 原型');
    expect(parseYamlCatalog(yaml, 'again.yaml').items[0]!.extra['__proto__']!.text).toBe('原型');
  });
});

describe('messages that name the line and the fix', () => {
  it('an unknown tag is named as written, verbatim tags too', () => {
    for (const [tag, shown] of [
      ['!foo', '!foo'],
      ['!<tag:example.com,2000:app/x>', '!<tag:example.com,2000:app/x>'],
      ['!!binary', '!!binary'],
    ]) {
      const err = fatal(`${HEAD.replace('标题: ', `标题: ${tag} `)}${ITEM}`);
      expect(err.finding.code).toBe('yaml-unknown-tag');
      expect(err.message).toBe(`x.yaml 第 2 行使用了不支持的标签 ${shown}（不会被执行）。请删除该标签，只写普通文本`);
    }
  });

  it('an alias without its anchor is not called an alias bomb', () => {
    const err = fatal(`${HEAD.replace('标题: 沂河县政务公开事项标准目录', '标题: *名称')}${ITEM}`);
    expect(err.finding.code).toBe('yaml-alias-undefined');
    expect(err.message).toBe('x.yaml 第 2 行的别名“*名称”找不到对应的锚点“&名称”（锚点要写在别名之前）。请在前面要引用的值前写上 &名称，或直接写出这个值');
  });

  it('a key over 1024 characters is explained in Chinese', () => {
    const err = fatal(`${HEAD}${ITEM}${'长'.repeat(1100)}: 值\n`);
    expect(err.finding.code).toBe('yaml-syntax');
    expect(err.message).toMatch(/^YAML 语法错误：x\.yaml 第 16 行第 1 列：键太长（超过 1024 个字符）/);
    expect(err.message).not.toMatch(/[a-z]{4,} [a-z]{4,}/);
  });

  it('选项 in a 2017 catalog says it belongs to the 2019 layout, at its line', () => {
    const catalog = parseYamlCatalog(`${HEAD.replace('事项:', '选项:\n  公开对象: [全社会]\n事项:')}${ITEM}`, 'x.yaml');
    const f = catalog.findings.find((x) => x.code === 'options-wrong-layout')!;
    expect(f.location).toEqual({ file: 'x.yaml', line: 3, column: 1 });
    expect(f.message).toContain('“选项”只用于 2019 版式');
    expect(catalog.options).toBeUndefined();
    // Kept, not dropped: the 表前说明 carries it through convert and render.
    expect(catalog.preface).toBe('选项：公开对象：全社会');
    expect(catalog.sources?.find((x) => x.role === 'preface')).toMatchObject({ text: '公开对象：全社会', at: { line: 4 } });
  });

  it('an unknown key inside 选项 of a 2019 catalog is kept as a line of the 表前说明, at its line', () => {
    const src = [
      '版式: "2019"',
      '选项:',
      '  公开对象: [全社会, 特定群体]',
      '  审核人: 张三',
      '事项:',
      '  - 序号: 1',
      '    一级事项: 政策文件',
      '    二级事项: 规范性文件',
      '',
    ].join('\n');
    const catalog = parseYamlCatalog(src, 'x.yaml');
    expect(catalog.options?.audience).toEqual(['全社会', '特定群体']);
    expect(catalog.preface).toBe('选项“审核人”：张三');
    const f = catalog.findings.find((x) => x.code === 'unknown-key-kept')!;
    expect([f.severity, f.location.line, f.message]).toEqual(['warning', 4, expect.stringContaining('未知字段“选项.审核人”，已作为“表前说明”的一行（印在表格上方）保留')]);
  });
});
