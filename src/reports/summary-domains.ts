// Domain catalogs in a roll-up: 基层政务公开标准目录 are made per 领域 (the 26 pilot domains of the 2017 plan and
// their 2019 guides: 安全生产, 户籍管理, 义务教育 …), one file per unit and domain, and the office above wants
// to see which unit has published which domain's catalog. A file's domain is read from its title
// (XX县安全生产领域基层政务公开标准目录) or its file name; when most files of a roll-up have one, the roll-up
// gets a units × domains matrix.

/** The 26 pilot domains (国办发〔2017〕42号), in the plan's order, with other names offices give them. */
export const PILOT_DOMAINS: readonly { name: string; aliases: readonly string[] }[] = [
  { name: '城乡规划', aliases: [] },
  { name: '重大建设项目', aliases: [] },
  { name: '公共资源交易', aliases: [] },
  { name: '财政预决算', aliases: ['预决算'] },
  { name: '安全生产', aliases: [] },
  { name: '税收管理', aliases: [] },
  { name: '征地补偿', aliases: [] },
  { name: '国有土地上房屋征收与补偿', aliases: ['国有土地上房屋征收', '房屋征收与补偿'] },
  { name: '农村危房改造', aliases: ['危房改造'] },
  { name: '环境保护', aliases: ['生态环境'] },
  { name: '公共文化服务', aliases: [] },
  { name: '公共法律服务', aliases: [] },
  { name: '扶贫', aliases: ['脱贫攻坚'] },
  { name: '救灾', aliases: ['防灾减灾救灾'] },
  { name: '食品药品监管', aliases: ['食品药品监督管理'] },
  { name: '城市综合执法', aliases: ['城市管理综合执法'] },
  { name: '就业', aliases: [] },
  { name: '社会救助', aliases: [] },
  { name: '养老服务', aliases: [] },
  { name: '户籍管理', aliases: [] },
  { name: '涉农补贴', aliases: [] },
  { name: '医疗卫生', aliases: [] },
  { name: '市政服务', aliases: [] },
  { name: '社会保险', aliases: [] },
  { name: '义务教育', aliases: [] },
  { name: '保障性住房', aliases: ['住房保障'] },
];

/** Every spelling → the domain's name, longest spelling first (国有土地上房屋征收与补偿 before 房屋征收与补偿). */
const SPELLINGS: [string, string][] = PILOT_DOMAINS.flatMap((d) => [d.name, ...d.aliases].map((s): [string, string] => [s, d.name])).sort((a, b) => b[0].length - a[0].length);
const ORDER = new Map(PILOT_DOMAINS.map((d, i) => [d.name, i]));
/** Where a unit's name ends in a title: a county, district, town, township, sub-district … */
const UNIT_END = /^(.*(?:县|区|市|旗|镇|乡|街道|办事处))(.+)$/u;

/** A title's or file name's domain and the unit before it, when it names one with 领域. */
function domainIn(text: string): { domain: string; before: string } | undefined {
  const t = text.replace(/\s+/gu, '').replace(/^[(（]?[一二三四五六七八九十0-9]+[)）.、．]?/u, '');
  const at = t.indexOf('领域');
  if (at < 0) return undefined;
  const head = t.slice(0, at);
  for (const [spelling, name] of SPELLINGS) if (head.endsWith(spelling)) return { domain: name, before: head.slice(0, -spelling.length) };
  // A domain of a later guide (应急管理, 涉农资金 …): what follows the unit's name.
  const m = UNIT_END.exec(head);
  if (m) return { domain: m[2]!, before: m[1]! };
  return head.length >= 2 && head.length <= 12 ? { domain: head, before: '' } : undefined;
}

/** A file name's domain: 安全生产领域….xlsx as a title, else a name that is a pilot domain's (03-安全生产.xlsx). */
function domainOfName(file: string): string | undefined {
  const base = file.replace(/^.*[\\/]/u, '').replace(/\.[^.]+$/u, '');
  const named = domainIn(base);
  if (named) return named.domain;
  const bare = base.replace(/^[0-9０-９]+[-_.、．\s]*/u, '').replace(/(?:基层)?(?:政务公开)?(?:标准)?目录$/u, '');
  return SPELLINGS.find(([s]) => s === bare)?.[1];
}

/** A file's domain and, from its title, the unit that made it (XX县 of XX县安全生产领域…); undefined when not a domain catalog. */
export function domainOf(title: string | undefined, file: string): { domain: string; unit?: string } | undefined {
  const fromTitle = title ? domainIn(title) : undefined;
  if (fromTitle) return { domain: fromTitle.domain, ...(fromTitle.before ? { unit: fromTitle.before } : {}) };
  const fromName = domainOfName(file);
  return fromName ? { domain: fromName } : undefined;
}

/** The folder a file is in, by name ('' for a bare file name): a folder per unit is how offices keep domain catalogs. */
export function folderOf(file: string): string {
  const parts = file.split(/[\\/]/u);
  return parts.length >= 2 ? parts[parts.length - 2]! : '';
}

/** What the matrix needs of a roll-up row (SummaryRow). */
export interface DomainRow {
  unit: string;
  domain?: string;
  items: number;
  passed: boolean;
  unreadable?: string;
}

/** The units × domains matrix of a roll-up. */
export interface DomainMatrix {
  /** Domains in the pilot plan's order, then the others by name. */
  domains: string[];
  /** One row per unit (in the order first seen): items per domain (files of one unit and domain summed), and how many of its files pass. */
  units: { unit: string; domains: Record<string, number>; files: number; passed: number }[];
  /** Per domain: how many units have published its catalog, and their items. */
  coverage: Record<string, { units: number; items: number }>;
}

/** The matrix when most readable files are domain catalogs (at least half, and two); else undefined. */
export function domainMatrix(rows: readonly DomainRow[]): DomainMatrix | undefined {
  const readable = rows.filter((r) => !r.unreadable);
  const withDomain = readable.filter((r) => r.domain);
  if (withDomain.length < 2 || withDomain.length * 2 < readable.length) return undefined;
  const units = new Map<string, DomainMatrix['units'][number]>();
  for (const r of withDomain) {
    const u = units.get(r.unit) ?? { unit: r.unit, domains: {}, files: 0, passed: 0 };
    units.set(r.unit, u);
    u.domains[r.domain!] = (u.domains[r.domain!] ?? 0) + r.items;
    u.files += 1;
    if (r.passed) u.passed += 1;
  }
  const coverage: DomainMatrix['coverage'] = {};
  for (const u of units.values()) {
    for (const [d, n] of Object.entries(u.domains)) {
      const c = (coverage[d] ??= { units: 0, items: 0 });
      c.units += 1;
      c.items += n;
    }
  }
  const rank = (d: string) => ORDER.get(d) ?? PILOT_DOMAINS.length;
  const domains = Object.keys(coverage).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'zh-CN'));
  return { domains, units: [...units.values()], coverage };
}

/** The matrix as rows of cells (the header first, the two total rows last), as every output shows it. */
export function domainMatrixCells(m: DomainMatrix): { header: string[]; rows: (string | number)[][]; totals: (string | number)[][] } {
  const header = ['单位', ...m.domains, '已有领域数', '事项合计'];
  const rows = m.units.map((u) => [u.unit, ...m.domains.map((d) => u.domains[d] ?? ''), Object.keys(u.domains).length, Object.values(u.domains).reduce((a, b) => a + b, 0)]);
  const items = m.units.reduce((s, u) => s + Object.values(u.domains).reduce((a, b) => a + b, 0), 0);
  const totals = [
    ['已发布的单位数', ...m.domains.map((d) => m.coverage[d]!.units), `${m.units.length} 个单位`, ''],
    ['事项合计', ...m.domains.map((d) => m.coverage[d]!.items), '', items],
  ];
  return { header, rows, totals };
}
