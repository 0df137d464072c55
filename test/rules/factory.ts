// Builds catalogs for rule tests the way the xlsx reader lays them out: one row per 公开内容, every
// Cell located at its exact A1 cell of sheet “目录”, header in rows 1–3 (items start at row 4).
import type { Catalog, Cell, Item, ListField } from '../../src/model/types.js';
import type { Profile, TickGroup } from '../../src/settings/columns.js';
import type { SourceRef } from '../../src/findings/location.js';

export interface ItemSpec {
  serial?: string;
  category?: string;
  name?: string;
  basis?: string[];
  /** [公开内容, 公开标准] rows (2017) or [公开内容] (2019). */
  pairs?: [string, string?][];
  subject?: string;
  platform?: string;
  deadline?: string;
  remark?: string;
  channels?: string[];
  ticks?: Partial<Record<TickGroup, string[]>>;
  carried?: Partial<Record<'basis' | 'deadline' | 'category' | 'serial', boolean>>;
}

export const FILE = 'test.xlsx';
export const SHEET = '目录';

const COLS: Record<Profile, Record<string, string>> = {
  '2017': { serial: 'A', category: 'B', name: 'C', basis: 'D', content: 'E', standard: 'F', subject: 'G', platform: 'H', deadline: 'I', remark: 'J' },
  '2019': { serial: 'A', category: 'B', name: 'C', content: 'D', basis: 'E', deadline: 'F', subject: 'G', channels: 'H', audience: 'I', mode: 'K', level: 'M', remark: 'O' },
};

export function at(cell: string): SourceRef {
  return { file: FILE, sheet: SHEET, cell, row: Number(/\d+/.exec(cell)![0]) };
}

/** A catalog of the given layout; items get consecutive rows from row 4. */
export function makeCatalog(profile: Profile, specs: ItemSpec[], extra: Partial<Catalog> = {}): Catalog {
  const cols = COLS[profile];
  let row = 4;
  const items: Item[] = specs.map((s, i) => {
    const r = row;
    const pairs = s.pairs ?? [['内容', '标准']];
    row += Math.max(1, pairs.length);
    const cell = (key: string, text: string | undefined, carried?: boolean): Cell => {
      const c: Cell = { text: text ?? '', at: at(`${cols[key]}${r}`) };
      if (carried) c.carried = true;
      return c;
    };
    const list = (key: string, values: string[] | undefined, carried?: boolean): ListField => ({
      at: at(`${cols[key]}${r}`),
      values: (values ?? []).map((v) => {
        const c: Cell = { text: v, at: at(`${cols[key]}${r}`) };
        if (carried) c.carried = true;
        return c;
      }),
    });
    const item: Item = {
      serial: cell('serial', s.serial ?? String(i + 1), s.carried?.serial),
      category: cell('category', s.category ?? '政策文件', s.carried?.category),
      name: cell('name', s.name ?? `事项${i + 1}`),
      basis: list('basis', s.basis ?? ['《中华人民共和国政府信息公开条例》（国务院令第711号）'], s.carried?.basis),
      pairs: pairs.map(([content, standard], k) => {
        const p: Item['pairs'][number] = { content: { text: content, at: at(`${cols.content}${r + k}`) } };
        if (profile === '2017') p.standard = { text: standard ?? '', at: at(`${cols.standard}${r + k}`) };
        return p;
      }),
      subject: cell('subject', s.subject ?? '县应急管理局'),
      deadline: cell('deadline', s.deadline ?? '信息形成或变更之日起20个工作日内', s.carried?.deadline),
      remark: cell('remark', s.remark ?? ''),
      extra: {},
      at: at(`A${r}`),
    };
    if (profile === '2017') item.platform = cell('platform', s.platform ?? '政府门户网站');
    if (profile === '2019') {
      item.channels = list('channels', s.channels ?? ['政府网站']);
      const t = s.ticks ?? {};
      item.ticks = {
        audience: list('audience', t.audience ?? ['全社会']),
        mode: list('mode', t.mode ?? ['主动']),
        level: list('level', t.level ?? ['县级']),
      };
    }
    return item;
  });
  return { profile, file: FILE, items, extraColumns: [], missingColumns: [], findings: [], ...extra };
}

/** The sample item of the 2017 sample table (Junan 附件4), verbatim. */
export const SAMPLE_ITEM: ItemSpec = {
  serial: '1',
  category: '食品药品监管',
  name: '食品安全监督抽检信息',
  basis: [
    '《2017 年山东省政务公开工作要点》（鲁政办发〔2017〕39 号）',
    '山东省食品药品监督管理局关于进一步做好食品安全抽检及信息发布工作的意见（鲁食药〔2017〕32 号）',
    '《山东省食品药品监督管理局关于进一步规范食品安全监督抽检信息发布工作的通知》（鲁食药监综函〔2017〕15 号）',
  ],
  pairs: [
    ['本次抽检总体情况', '对抽检产品品类、合格产品批次、不合格产品批次以及合格率等信息进行概要说明'],
    ['合格产品信息情况', '标称生产企业名称、标称生产企业地址、被抽样单位名称、被抽样单位所在省份、食品名称、生产日期/批号、分类、项目来源、备注'],
    ['不合格产品信息情况', '标称生产企业地址、被抽样单位名称、被抽样单位地址、食品名称、规格型号、商标、生产日期/批号、不合格项目、分类来源/项目、检验机构备'],
    ['采取的措施', '对不合格产品企业采取的主要风险防控措施'],
  ],
  subject: '山东省食品药品监督管理局',
  platform: '山东省食品药品监督管理局门户网站',
  deadline: '原则上每周三公布上周抽检信息',
  remark: '',
};
