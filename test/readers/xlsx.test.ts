// The .xlsx reader on real workbooks written by test/fixtures/make-fixtures.mjs.
import { describe, expect, it } from 'vitest';
import { readCatalog as readXlsx } from '../../src/node/read-file.js';
import { copyCell } from '../../src/model/packed.js';
import { NOTE_2017 } from '../../src/settings/texts.js';
import { ZwgkError } from '../../src/findings/finding.js';
import { brief, fixture, texts } from './helpers.js';
import { validateCatalog } from '../../src/validate/index.js';

async function fatal(promise: Promise<unknown>): Promise<ZwgkError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ZwgkError) return err;
    throw err;
  }
  throw new Error('expected a ZwgkError');
}

describe('2017 sample table', () => {
  const file = fixture('sample/sample-2017.xlsx');

  it('reads one item of four pairs and three citations, with no findings', async () => {
    const c = await readXlsx(file, {});
    expect(c.profile).toBe('2017');
    // The notice's title and 注 are the defaults our renderer writes back, so they are not stored.
    expect(c.title).toBeUndefined();
    expect(c.note).toBeUndefined();
    expect(c.items).toHaveLength(1);
    expect(c.findings).toEqual([]);
    expect(c.missingColumns).toEqual([]);
    expect(c.extraColumns).toEqual([]);
    const item = c.items[0]!;
    expect(item.pairs).toHaveLength(4);
    expect(item.basis.values).toHaveLength(3);
    expect(texts(item)).toMatchObject({
      serial: '1',
      category: '食品药品监管',
      name: '食品安全监督抽检信息',
      subject: '山东省食品药品监督管理局',
      platform: '山东省食品药品监督管理局门户网站',
      deadline: '原则上每周三公布上周抽检信息',
      remark: '',
    });
    expect(item.pairs[3]!.content.text).toBe('采取的措施');
    expect(item.basis.values[1]!.text).toBe('山东省食品药品监督管理局关于进一步做好食品安全抽检及信息发布工作的意见（鲁食药〔2017〕32 号）');
  });

  it('locates merged values at their top-left cell and pairs at their own row', async () => {
    const item = (await readXlsx(file, {})).items[0]!;
    expect(item.at).toEqual({ file, sheet: 'Sheet1', cell: 'A3', row: 3 });
    expect(item.deadline.at).toEqual({ file, sheet: 'Sheet1', cell: 'I3', row: 3 });
    expect(item.basis.at.cell).toBe('D3');
    expect(item.basis.values.map((v) => v.at.cell)).toEqual(['D3', 'D3', 'D3']);
    expect(item.pairs.map((p) => [p.content.at.cell, p.standard!.at.cell])).toEqual([
      ['E3', 'F3'],
      ['E4', 'F4'],
      ['E5', 'F5'],
      ['E6', 'F6'],
    ]);
  });

  it('refuses --profile 2019 for a 2017 sheet', async () => {
    const err = await fatal(readXlsx(file, { profile: '2019' }));
    expect(err.finding.code).toBe('profile-mismatch');
    expect(err.finding.params).toMatchObject({ actual: '2017', expected: '2019' });
  });

  it('reports progress', async () => {
    const seen: [number, number | undefined][] = [];
    await readXlsx(file, { onProgress: (n, f) => seen.push([n, f]) });
    // The sheet is read in one feed (it is small): the bytes, then the items found.
    expect(seen).toEqual([[0, 1], [1, 1]]);
  });
});

describe('a messy unit workbook', () => {
  const file = fixture('messy/messy-2017.xlsx');

  it('reads spaced, wrapped and synonym headers in any order, blank rows, 同上, rich text, formulas, links, numbers, dates', async () => {
    const c = await readXlsx(file, {});
    expect(c.profile).toBe('2017');
    expect(c.title).toBe('某县应急管理局政务公开事项目录');
    expect(c.note).toBe('注：本目录由县应急管理局编制，每年调整一次。');
    expect(c.extraColumns).toEqual(['联系电话']);
    expect(c.items.map(texts)).toEqual([
      {
        serial: '1',
        category: '安全生产',
        name: '行政许可',
        basis: ['《中华人民共和国安全生产法》'],
        pairs: [
          ['许可事项目录', '事项名称、设定依据、办理条件'],
          ['办事指南', '申请材料、办理流程、办理时限'],
        ],
        subject: '县应急管理局',
        deadline: '自信息形成或者变更之日起20个工作日内',
        remark: '',
        platform: '县政府门户网站',
        extra: { 联系电话: '6681234' },
      },
      {
        serial: '2',
        category: '安全生产',
        name: '行政处罚',
        basis: ['《中华人民共和国安全生产法》'],
        pairs: [
          ['处罚决定', '被处罚对象、违法事实、处罚依据'],
          ['处罚结果', '处罚种类、履行方式和期限'],
          ['执行情况', '执行方式、执行结果'],
        ],
        subject: '县应急管理局',
        deadline: '',
        remark: '涉及个人隐私的\n不予公开',
        platform: '县政府门户网站',
        extra: {},
      },
      {
        serial: '3',
        category: '政务服务',
        name: '办事指南',
        basis: ['《中华人民共和国政府信息公开条例》（国务院令第711号）', '《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）'],
        pairs: [['  办理条件 ', '受理条件、申请材料']],
        subject: '县应急管理局',
        deadline: '实时公开',
        remark: '2020-01-15',
        platform: '政务服务中心',
        extra: { 联系电话: '0.3' },
      },
    ]);
  });

  it('reports exactly the ignored sheet, the unknown column, 同上 and the continuation row', async () => {
    const c = await readXlsx(file, {});
    expect(brief(c.findings)).toEqual([
      ['sheet-ignored', '填表说明', 'A1', undefined, undefined],
      ['unknown-column', '目录', 'K2', undefined, '联系电话'],
      ['same-as-above', '目录', 'F6', 2, '依据'],
      ['same-as-above', '目录', 'G6', 2, '公开主体'],
      ['continuation-row', '目录', 'C8', 2, undefined],
    ]);
    expect(c.findings.map((f) => f.severity)).toEqual(['info', 'info', 'info', 'info', 'info']);
    // The skipped sheet is named with the block of cells it holds.
    expect(c.findings[0]!.location.range).toBe('A1:A3');
    expect(c.findings[0]!.params).toMatchObject({ count: 3 });
  });

  it('gives the category merged over two items to both, located at its top-left cell; 同上 keeps its own cell', async () => {
    const c = await readXlsx(file, {});
    expect(c.items[1]!.category.at.cell).toBe('B3');
    expect(c.items[1]!.deadline.at.cell).toBe('I6');
    // A cell read is packed (model/packed.ts): compared as the plain cell it stands for.
    expect(copyCell(c.items[1]!.subject)).toEqual({ text: '县应急管理局', at: { file, sheet: '目录', cell: 'G6', row: 6 }, carried: true });
    expect(c.items[1]!.pairs[2]!.content.at.cell).toBe('D8');
  });

  it('reads only the sheet asked for, and names the sheets when it is not there', async () => {
    const c = await readXlsx(file, { sheet: '目录' });
    expect(c.items).toHaveLength(3);
    expect(c.findings.map((f) => f.code)).not.toContain('sheet-ignored');
    const err = await fatal(readXlsx(file, { sheet: '附表' }));
    expect(err.finding.code).toBe('sheet-not-found');
    expect(err.finding.params).toMatchObject({ sheet: '附表', sheets: '“目录”、“填表说明”' });
    const none = await fatal(readXlsx(file, { sheet: '填表说明' }));
    expect(none.finding.code).toBe('no-catalog-header');
  });
});

describe('a missing required column', () => {
  it('is one error at the header, and the field is empty at each item’s first cell', async () => {
    const file = fixture('messy/no-deadline.xlsx');
    const c = await readXlsx(file, {});
    expect(brief(c.findings)).toEqual([['missing-column', '目录', 'A1', undefined, '公开时限']]);
    expect(c.findings[0]!.severity).toBe('error');
    expect(c.missingColumns).toEqual(['deadline']);
    expect(c.items.map((i) => [i.deadline.text, i.deadline.at.cell])).toEqual([
      ['', 'A2'],
      ['', 'A3'],
    ]);
  });
});

describe('2019 county catalog', () => {
  const file = fixture('2019/county-2019.xlsx');

  it('reads the two-row header, 一级事项 merged down, tick variants, checklist variants and 同上', async () => {
    const c = await readXlsx(file, {});
    expect(c.profile).toBe('2019');
    expect(c.title).toBe('某区安全生产领域基层政务公开标准目录');
    expect(c.note).toBe('说明：本目录根据应急厅函〔2019〕390号编制。');
    expect(c.items.map((i) => [i.serial.text, i.category.text, i.category.at.cell, i.name.text])).toEqual([
      ['1', '政策文件', 'B4', '法律法规'],
      ['2', '政策文件', 'B4', '部门和地方规章'],
      ['3', '政策文件', 'B4', '其他政策文件'],
      ['4', '政策文件', 'B4', '标准'],
      ['5', '依法行政', 'B8', '行政许可'],
      ['6', '依法行政', 'B8', '行政处罚'],
    ]);
    const law = '《中华人民共和国政府信息公开条例》（国务院令第711号）';
    expect(c.items.map((i) => i.basis.values.map((v) => v.text))).toEqual([
      [law],
      [law],
      [law],
      [law],
      ['《中华人民共和国政府信息公开条例》', '《关于推进安全生产领域改革发展的意见》'],
      ['《中华人民共和国政府信息公开条例》', '《关于推进安全生产领域改革发展的意见》'],
    ]);
    const std = ['政府网站', '两微一端', '公开查阅点', '政务服务中心'];
    expect(c.items.map((i) => i.channels!.values.map((v) => v.text))).toEqual([std, std, ['政府网站', '两微一端'], ['政府网站', '微信公众号'], std, std]);
    expect(c.items.map((i) => [i.ticks!.audience.values.map((v) => v.text), i.ticks!.mode.values.map((v) => v.text), i.ticks!.level.values.map((v) => v.text)])).toEqual([
      // Ticks are kept under the sheet's own labels (区级/镇级).
      [['全社会'], ['主动'], ['区级', '镇级']],
      [['全社会'], ['主动'], ['区级']],
      // N6 holds “x”: read as ticked, the text kept with the tick (issue 20).
      [['全社会', '特定群体'], ['依申请'], ['镇级']],
      [['全社会'], ['主动'], ['区级']],
      [['全社会'], ['主动'], ['区级', '镇级']],
      [['全社会'], ['主动'], ['区级', '镇级']],
    ]);
    expect(c.items[2]!.ticks!.level.values[0]).toMatchObject({ text: '镇级', mark: 'x', at: { cell: 'N6' } });
    expect(c.items[0]!.pairs.map((p) => p.content.text)).toEqual(['与安全生产有关的法律、法规']);
    expect(c.items[0]!.pairs[0]!.standard).toBeUndefined();
    expect(c.items[5]!.remark.text).toBe('涉及个人隐私的除外');
  });

  it('locates ticks at the tick cell and each group at its first sub-column', async () => {
    const item = (await readXlsx(file, {})).items[0]!;
    expect(item.ticks!.level.at.cell).toBe('M4');
    expect(item.ticks!.level.values.map((v) => v.at.cell)).toEqual(['M4', 'N4']);
    expect(item.channels!.at.cell).toBe('H4');
  });

  it('keeps the sheet’s own option words (区级/镇级, a longer checklist) for rendering', async () => {
    const c = await readXlsx(file, {});
    // The checklist is the standard one; 微信公众号 is a selected extra the renderer appends anyway.
    expect(c.options).toEqual({ level: ['区级', '镇级'] });
  });

  it('reports exactly 同上 and the unknown channel; the ticks rule, the text written in a √ column', async () => {
    const c = await readXlsx(file, {});
    expect(brief(c.findings)).toEqual([
      ['same-as-above', '安全生产', 'E5', 2, '公开依据'],
      ['same-as-above', '安全生产', 'E6', 3, '公开依据'],
      ['same-as-above', '安全生产', 'E7', 4, '公开依据'],
      ['channel-unknown', '安全生产', 'H7', 4, '公开渠道和载体'],
      ['same-as-above', '安全生产', 'E9', 6, '公开依据'],
    ]);
    const ticks = validateCatalog(c).filter((f) => f.code.startsWith('tick'));
    expect(brief(ticks)).toEqual([['tick-invalid', '安全生产', 'N6', 3, '公开层级']]);
    expect(ticks[0]!.message).toBe('“公开层级”的“镇级”列写的是“x”而不是 √，已按勾选“镇级”读取，“x”原样保留。勾选请写 √（要说明的话写进备注），不选请留空');
  });

  it('refuses --profile 2017 for a 2019 sheet', async () => {
    const err = await fatal(readXlsx(file, { profile: '2017' }));
    expect(err.finding.code).toBe('profile-mismatch');
    expect(err.finding.message).toContain('--profile 2019');
  });
});

describe('2019 with a one-row header and text values', () => {
  it('reads 全社会 / 主动公开 / 县级、乡级 as ticks and reports what it cannot place', async () => {
    const c = await readXlsx(fixture('2019/one-row-2019.xlsx'), { profile: '2019' });
    expect(c.profile).toBe('2019');
    expect(c.items.map(texts)).toEqual([
      {
        serial: '1',
        category: '最低生活保障',
        name: '办事指南',
        basis: ['《社会救助暂行办法》'],
        pairs: [['办理事项、办理条件、最低生活保障标准']],
        subject: '县民政局',
        deadline: '制定或获取信息之日起10个工作日内',
        remark: '',
        channels: ['政府网站', '政务服务中心'],
        ticks: { audience: ['全社会'], mode: ['主动'], level: ['县级', '乡级'] },
        extra: {},
      },
      {
        serial: '2',
        category: '最低生活保障',
        name: '审核信息',
        basis: ['《社会救助暂行办法》'],
        pairs: [['初审对象名单及相关信息']],
        subject: '乡镇政府',
        deadline: '制定或获取信息之日起10个工作日内，公示7个工作日',
        remark: '',
        channels: ['公示栏'],
        // A word that names no option is kept as written (issue 20).
        ticks: { audience: ['特定人群'], mode: ['依申请'], level: ['乡级'] },
        extra: {},
      },
    ]);
    expect(brief(c.findings)).toEqual([
      ['channel-unknown', '目录', 'H3', 2, '公开渠道和载体'],
      ['tick-value-unknown', '目录', 'I3', 2, '公开对象'],
    ]);
    // The word becomes an option of the sheet's own: a workbook written from it has a √ column for it.
    expect(c.options).toEqual({ audience: ['全社会', '特定群体', '特定人群'] });
  });
});

describe('several sheets', () => {
  it('appends the catalog sheets of one layout in order', async () => {
    const file = fixture('messy/two-sheets.xlsx');
    const c = await readXlsx(file, {});
    expect(c.profile).toBe('2017');
    expect(c.items.map((i) => [i.name.text, i.at.sheet, i.at.cell, i.pairs.length])).toEqual([
      ['食品安全监督抽检信息', '县本级', 'A3', 4],
      ['乡镇食品抽检信息', '乡镇', 'A3', 4],
    ]);
    expect(c.findings).toEqual([]);
    expect(c.note).toBe(`${NOTE_2017}\n${NOTE_2017}`);
  });

  it('refuses a workbook whose sheets have two layouts, naming the sheet: its items would be lost', async () => {
    const file = fixture('messy/mixed-layouts.xlsx');
    const err = await fatal(readXlsx(file, {}));
    expect(err.finding.code).toBe('sheet-other-layout');
    expect(err.finding.location).toMatchObject({ sheet: '2019版', cell: 'A1' });
    expect(err.finding.location.range).toMatch(/^A1:[A-Z]+\d+$/);
    expect(err.message).toBe(
      `${file} 中工作表“2019版”是 2019 版式，与第一个目录工作表（县本级）的 2017 版式不同。一个目录只能用一种版式，为免丢掉其中的事项，没有读取这个文件。请把两种版式的工作表另存为两个文件后分别处理（命令行也可以加 --profile 2019 或 --profile 2017，只读其中一种版式的工作表）`,
    );
  });

  it('reads one layout’s sheets when the profile asks for it, and says which sheets were left out', async () => {
    const c = await readXlsx(fixture('messy/mixed-layouts.xlsx'), { profile: '2019' });
    expect(c.profile).toBe('2019');
    expect(c.items.map((i) => i.name.text)).toEqual(['法律法规']);
    // Findings are sorted by sheet name (compareFindings), not by sheet order.
    expect(c.findings.map((f) => [f.code, f.severity, f.location.sheet, f.message])).toEqual([
      ['sheet-other-layout-skipped', 'warning', '乡镇', '按指定的 2019 版式读取，工作表“乡镇”（2017 版式）没有读入目录，转换和生成的文件中也没有它。要处理它，请用 --profile 2017 另外读取'],
      ['sheet-other-layout-skipped', 'warning', '县本级', '按指定的 2019 版式读取，工作表“县本级”（2017 版式）没有读入目录，转换和生成的文件中也没有它。要处理它，请用 --profile 2017 另外读取'],
    ]);
    const c17 = await readXlsx(fixture('messy/mixed-layouts.xlsx'), { profile: '2017' });
    expect(c17.items).toHaveLength(2);
    expect(c17.findings.map((f) => [f.code, f.location.sheet])).toEqual([['sheet-other-layout-skipped', '2019版']]);
  });
});

describe('workbooks without a catalog', () => {
  it('title only → no-catalog-header', async () => {
    const err = await fatal(readXlsx(fixture('broken/title-only.xlsx'), {}));
    expect(err.finding.code).toBe('no-catalog-header');
    expect(err.finding.params).toMatchObject({ rows: 30 });
  });

  it('no value at all → workbook-empty', async () => {
    const err = await fatal(readXlsx(fixture('broken/empty.xlsx'), {}));
    expect(err.finding.code).toBe('workbook-empty');
  });
});
