// Every rule's valid and invalid cases, eslint-style: each invalid case lists its findings as [code, cell]
// and, for a fixable rule, the cells its fixes change with their text after fixing. test/rules/rules.test.ts
// runs them; test/rules/meta.test.ts counts them in the corpus every rule is held against.
import type { Catalog, SourceText } from '../../src/model/types.js';
import type { TickGroup } from '../../src/settings/columns.js';
import type { Rule } from '../../src/validate/rule.js';
import { categoriesRule } from '../../src/validate/rules/categories.js';
import { citationsRule } from '../../src/validate/rules/citations.js';
import { numberedRule } from '../../src/validate/rules/numbered.js';
import { deadlineRule } from '../../src/validate/rules/deadline.js';
import { duplicatesRule } from '../../src/validate/rules/duplicates.js';
import { headerSpellingRule } from '../../src/validate/rules/headers.js';
import { pairsRule } from '../../src/validate/rules/pairs.js';
import { placeholdersRule } from '../../src/validate/rules/placeholders.js';
import { serialRule } from '../../src/validate/rules/serial.js';
import { ticksRule } from '../../src/validate/rules/ticks.js';
import { wenhaoRule } from '../../src/validate/rules/wenhao.js';
import { whitespaceRule } from '../../src/validate/rules/whitespace.js';
import { wordBreaksRule } from '../../src/validate/rules/word-breaks.js';
import { xmlCharsRule } from '../../src/validate/rules/xml-chars.js';
import { oddCharsRule } from '../../src/validate/rules/odd-chars.js';
import { at, makeCatalog, SAMPLE_ITEM } from './factory.js';
import type { InvalidCase, ValidCase } from './rule-tester.js';

export interface RuleCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

/** Header cells as the reader records them (row 3 of the factory's sheet). */
function header(cells: [string, string, string][]): SourceText[] {
  return cells.map(([cell, text, column]) => ({ role: 'header', text, at: at(cell), column }));
}

/** The catalog with one extra column (三级事项, 责任科室 …) holding the given text in each item, in column P. */
function withExtra(catalog: Catalog, column: string, texts: string[]): Catalog {
  catalog.items.forEach((item, i) => (item.extra[column] = { text: texts[i] ?? '', at: at(`P${item.name.at.row}`) }));
  catalog.extraColumns.push(column);
  return catalog;
}

const TWICE = '《意见》（国办发[2019]54号）、《通知》（国办发[2019]54号）';

export const RULE_CASES: [Rule, RuleCases][] = [
  [
    serialRule,
    {
      valid: [{ name: '1, 2, 3', catalog: makeCatalog('2017', [{ serial: '1' }, { serial: '2' }, { serial: '3' }]) }],
      invalid: [
        {
          name: 'a repeat, then a gap',
          catalog: makeCatalog('2017', [{ serial: '1' }, { serial: '2' }, { serial: '2' }, { serial: '4' }]),
          errors: [['serial-duplicate', 'A6'], ['serial-order', 'A7']],
        },
        { name: 'not a whole number', catalog: makeCatalog('2017', [{ serial: '1' }, { serial: '二' }]), errors: [['serial-invalid', 'A5']] },
      ],
    },
  ],
  [
    duplicatesRule,
    {
      valid: [
        { name: 'same name, other category', catalog: makeCatalog('2017', [{ category: '政策文件', name: '规划' }, { category: '财政', name: '规划' }]) },
        { name: 'same name, other 公开主体', catalog: makeCatalog('2019', [{ name: '规划', subject: '县发改局' }, { name: '规划', subject: '县财政局' }]) },
        { name: 'same name, other 公开内容', catalog: makeCatalog('2019', [{ name: '规划', pairs: [['总体规划']] }, { name: '规划', pairs: [['专项规划']] }]) },
        { name: 'same name, other 三级事项 (an extra column)', catalog: withExtra(makeCatalog('2019', [{ name: '规划' }, { name: '规划' }]), '三级事项', ['总体规划', '专项规划']) },
      ],
      invalid: [
        {
          name: 'same category and name, spaced differently',
          catalog: makeCatalog('2017', [{ category: '政策文件', name: '规划' }, { category: '政策 文件', name: '规 划' }]),
          errors: [['item-duplicate', 'C5']],
        },
        {
          name: 'every column the same but for spaces and bracket widths',
          catalog: withExtra(makeCatalog('2019', [{ name: '规划', subject: '县发改局' }, { name: '规划', subject: '县 发改局' }]), '三级事项', ['总体规划', '总体规划 ']),
          errors: [['item-duplicate', 'C5']],
        },
      ],
    },
  ],
  [
    categoriesRule,
    {
      valid: [{ name: 'one spelling', catalog: makeCatalog('2019', [{ category: '依法行政' }, { category: '依法行政' }]) }],
      invalid: [
        {
          name: 'a spaced spelling becomes the most common one',
          catalog: makeCatalog('2019', [{ category: '依法行政' }, { category: '依法行政' }, { category: '依法 行政' }]),
          errors: [['category-spelling', 'B6']],
          output: { B6: '依法行政' },
        },
        {
          // The edge space is the whitespace rule's edit: this fix leaves it, so both apply in one run.
          name: 'the spelling between edge spaces',
          catalog: makeCatalog('2019', [{ category: '依法行政' }, { category: '依法行政' }, { category: ' 依法（行政）' }]),
          errors: [['category-spelling', 'B6']],
          output: { B6: ' 依法行政' },
        },
      ],
    },
  ],
  [
    pairsRule,
    {
      valid: [
        { name: 'both halves', catalog: makeCatalog('2017', [{ pairs: [['内容', '标准']] }]) },
        { name: 'the 2019 layout has no 公开标准', catalog: makeCatalog('2019', [{ pairs: [['内容']] }]) },
      ],
      invalid: [
        {
          name: 'a half missing in each row',
          catalog: makeCatalog('2017', [{ pairs: [['内容', ''], ['', '标准']] }]),
          errors: [['standard-missing', 'F4'], ['content-missing', 'E5']],
        },
      ],
    },
  ],
  [
    ticksRule,
    {
      valid: [
        { name: 'every group ticked', catalog: makeCatalog('2019', [{}]) },
        { name: 'the 2017 layout has no ticks', catalog: makeCatalog('2017', [{}]) },
      ],
      invalid: [
        {
          name: 'no 公开对象 ticked, no channel selected',
          catalog: makeCatalog('2019', [{ ticks: { audience: [] }, channels: [] }]),
          errors: [['tick-missing', 'I4'], ['channel-missing', 'H4']],
        },
        {
          name: 'text instead of √ (州级, kept with the tick) and a level that is no option (YAML 公开层级: [村级])',
          catalog: withTick(makeCatalog('2019', [{ ticks: { level: ['县级', '村级'] } }]), 'level', 0, '州级'),
          errors: [['tick-invalid', 'M4'], ['tick-value-unknown', 'M4']],
        },
      ],
    },
  ],
  [
    wordBreaksRule,
    {
      valid: [
        { name: 'numbered contents and two phrases with a space between them', catalog: makeCatalog('2019', [{ name: '法律法规 政策文件', pairs: [['1、中央文件 2、本级文件']] }]) },
        { name: 'a heading wrapped on purpose', catalog: makeCatalog('2019', [{ category: '依法\n行政' }]) },
        { name: 'a number set off by spaces (10 个工作日内)', catalog: makeCatalog('2019', [{ deadline: '信息形成之日起 10 个工作日内' }]) },
      ],
      invalid: [
        { name: 'a word broken by a space (乡镇人民政 府)', catalog: makeCatalog('2019', [{ subject: '乡镇人民政 府' }]), errors: [['space-in-word', 'G4']], output: { G4: '乡镇人民政府' } },
        { name: 'a line break inside 工作日', catalog: makeCatalog('2019', [{ deadline: '信息形成之日起20个工作\n日内' }]), errors: [['space-in-word', 'F4']], output: { F4: '信息形成之日起20个工作日内' } },
        { name: 'a span spaced out after its 个 (盖州: 之日起 10 个 工作日内)', catalog: makeCatalog('2019', [{ deadline: '信息形成之日起 10 个 工作日内' }]), errors: [['space-in-word', 'F4']], output: { F4: '信息形成之日起10个工作日内' } },
        { name: 'a span broken after 个 only (3个 月)', catalog: makeCatalog('2019', [{ deadline: '每季度结束后3个 月内' }]), errors: [['space-in-word', 'F4']], output: { F4: '每季度结束后3个月内' } },
      ],
    },
  ],
  [
    oddCharsRule,
    {
      valid: [{ name: 'middle dots and bullets a catalog writes (·, •)', catalog: makeCatalog('2019', [{ pairs: [['领导姓名·职务', '• 基本信息']] }]) }],
      invalid: [
        { name: 'a Braille dot copied from a PDF (职 ⠂ 责)', catalog: makeCatalog('2019', [{ pairs: [['【职 ⠂ 责】']] }]), errors: [['odd-char', 'D4']] },
        { name: 'a character a conversion could not decode', catalog: makeCatalog('2019', [{ subject: '县民政\ufffd' }]), errors: [['odd-char', 'G4']] },
      ],
    },
  ],
  [
    numberedRule,
    {
      valid: [
        { name: 'the sample item', catalog: makeCatalog('2017', [SAMPLE_ITEM]) },
        { name: 'a list that goes on', catalog: makeCatalog('2019', [{ pairs: [['1.受理部门；2.办理条件；3.办理流程', '']] }]) },
        { name: 'entries one per row', catalog: makeCatalog('2017', [{ pairs: [['1.受理部门', '全文'], ['2.办理条件', '全文']] }]) },
      ],
      invalid: [{ name: 'a list of one entry (洛江)', catalog: makeCatalog('2019', [{ pairs: [['1.受理部门', '']] }]), errors: [['numbered-one', 'D4']] }],
    },
  ],
  [
    citationsRule,
    {
      valid: [
        { name: 'the sample item', catalog: makeCatalog('2017', [SAMPLE_ITEM]) },
        // A ) with nothing open is list numbering, not a bracket left open.
        { name: 'numbered entries 1）2）', catalog: makeCatalog('2017', [{ basis: ['1）《中华人民共和国政府信息公开条例》（国务院令第711号）2）《条例》'] }]) },
      ],
      invalid: [
        { name: 'a 《 never closed', catalog: makeCatalog('2017', [{ basis: ['《中华人民共和国政府信息公开条例'] }]), errors: [['citation-unbalanced', 'D4']] },
        { name: 'a ( never closed (盖州)', catalog: makeCatalog('2017', [{ basis: ['(辽政办发〔2014〕74号、《关于做好临时救助工作的通知》'] }]), errors: [['citation-paren-unclosed', 'D4']] },
        { name: 'a （ never closed after a closed one', catalog: makeCatalog('2017', [{ basis: ['《条例》（国务院令第711号）（2019年修订'] }]), errors: [['citation-paren-unclosed', 'D4']] },
        { name: 'no title and no 文号', catalog: makeCatalog('2017', [{ basis: ['有关法律法规'] }]), errors: [['citation-incomplete', 'D4']] },
      ],
    },
  ],
  [
    wenhaoRule,
    {
      valid: [{ name: 'GB/T 9704 form', catalog: makeCatalog('2017', [{ basis: ['《意见》（国办发〔2019〕54号）'] }]) }],
      invalid: [
        {
          name: 'the same 文号 twice in one citation is fixed at both places',
          catalog: makeCatalog('2017', [{ basis: [TWICE] }]),
          errors: [['wenhao-brackets', 'D4'], ['wenhao-brackets', 'D4']],
          output: { D4: '《意见》（国办发〔2019〕54号）、《通知》（国办发〔2019〕54号）' },
        },
        {
          name: 'the same citation on two lines of one cell is fixed on both',
          catalog: makeCatalog('2017', [{ basis: ['《条例》（国办发(2019)54号）', '《条例》（国办发(2019)54号）'] }]),
          errors: [['wenhao-brackets', 'D4'], ['wenhao-brackets', 'D4']],
          output: { D4: '《条例》（国办发〔2019〕54号）\n《条例》（国办发〔2019〕54号）' },
        },
        {
          name: 'spaces and a doubled 号',
          catalog: makeCatalog('2017', [{ basis: ['《意见》（国 办 发〔2018〕37号）'], remark: '参照国办发〔2019〕54号号' }]),
          errors: [['wenhao-spacing', 'D4'], ['wenhao-double-hao', 'J4']],
          output: { D4: '《意见》（国办发〔2018〕37号）', J4: '参照国办发〔2019〕54号' },
        },
      ],
    },
  ],
  [
    deadlineRule,
    {
      valid: [
        { name: 'a span within 20 working days', catalog: makeCatalog('2017', [{ deadline: '自信息形成之日起20个工作日内' }]) },
        { name: 'timely, and by what (按进展情况及时公开), or at once (实时公开)', catalog: makeCatalog('2017', [{ deadline: '按进展情况及时公开' }, { deadline: '实时公开' }]) },
      ],
      invalid: [
        { name: 'unreadable', catalog: makeCatalog('2017', [{ deadline: '见附件' }]), errors: [['deadline-unrecognized', 'I4']] },
        { name: 'only “timely” (赛罕: 及时公开)', catalog: makeCatalog('2017', [{ deadline: '及时公开' }]), errors: [['deadline-vague', 'I4']] },
        { name: 'over 20 working days', catalog: makeCatalog('2017', [{ deadline: '自信息形成之日起30个工作日内' }]), errors: [['deadline-too-long', 'I4']] },
      ],
    },
  ],
  [
    whitespaceRule,
    {
      valid: [{ name: 'inner spaces', catalog: makeCatalog('2019', [{ name: '依法 行政' }]) }],
      invalid: [
        {
          name: 'spaces at either end, an ideographic one included',
          catalog: makeCatalog('2019', [{ name: ' 行政许可', subject: '县应急管理局\u3000' }]),
          errors: [['whitespace', 'C4'], ['whitespace', 'G4']],
          output: { C4: '行政许可', G4: '县应急管理局' },
        },
      ],
    },
  ],
  [
    placeholdersRule,
    {
      valid: [{ name: 'a real unit', catalog: makeCatalog('2017', [{ subject: '沂河县应急管理局' }]) }],
      invalid: [{ name: 'XX left from the template', catalog: makeCatalog('2017', [{ subject: 'XX县应急管理局' }]), errors: [['placeholder', 'G4']] }],
    },
  ],
  [
    xmlCharsRule,
    {
      valid: [{ name: 'plain text', catalog: makeCatalog('2017', [{}]) }],
      invalid: [
        {
          name: 'in a cell and in the title cell',
          catalog: makeCatalog('2017', [{ name: '食品\uFFFF安全\u0001' }], {
            title: '目录\uFFFE',
            sources: [{ role: 'title', text: '目录\uFFFE', at: at('A1') }],
          }),
          errors: [['xml-char', 'A1'], ['xml-char', 'C4']],
          output: { A1: '目录', C4: '食品安全' },
        },
      ],
    },
  ],
  [
    headerSpellingRule,
    {
      valid: [
        {
          name: 'the layout’s own labels, a suffix and a line break kept',
          catalog: makeCatalog('2017', [{}], { sources: header([['A3', '序号', 'serial'], ['E3', '公开内容\n（要素）', 'content'], ['K3', '联系电话', 'extra']]) }),
        },
      ],
      invalid: [
        {
          name: 'a spaced label and a synonym; a second 责任主体 read as an extra column is left alone',
          catalog: makeCatalog('2017', [{}], {
            sources: header([['A3', '序 号', 'serial'], ['G3', '责任主体', 'subject'], ['K3', '责任主体', 'extra']]),
          }),
          errors: [['header-spelling', 'A3'], ['header-spelling', 'G3']],
          output: { A3: '序号', G3: '公开主体' },
        },
      ],
    },
  ],
];

/** The catalog with the `index`-th value of a √ group holding `mark`: text written instead of √. */
function withTick(catalog: Catalog, group: TickGroup, index: number, mark: string): Catalog {
  catalog.items[0]!.ticks![group].values[index]!.mark = mark;
  return catalog;
}
