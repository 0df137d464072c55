// The bench catalog's texts, shaped like a real one (issue 19): every text cell is its own text, at the
// lengths real catalogs have — 公开内容 10–60 characters, 公开标准 20–120, 依据 1–3 titles each with its 文号
// (《…条例》（国务院令第711号）), names, subjects, platforms and deadlines that vary item by item. The texts are
// put together from phrase pools by a seeded generator, so the same N always gives the same catalog, and
// no two 公开内容 or 公开标准 cells are alike (a pool-drawn catalog has a tiny shared-string table and hides
// what unique text costs).

/** A small deterministic generator so that every run builds the same file. */
export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECTORS = [
  '食品药品监管', '安全生产', '环境保护', '教育', '医疗卫生', '社会救助', '就业创业', '城乡规划',
  '重大建设项目', '公共资源交易', '税收管理', '征地补偿', '国有土地上房屋征收', '农村危房改造',
  '扶贫救灾', '市场监管', '公共文化服务', '户籍管理', '涉农补贴', '养老服务', '交通运输', '水利',
  '自然资源', '住房保障', '退役军人服务', '残疾人服务', '林业', '统计', '审计', '气象',
];
const OBJECTS = [
  '行政许可', '行政处罚', '监督抽检', '专项检查', '资金分配', '项目审批', '招标投标', '信用信息',
  '办事指南', '统计数据', '政策文件', '应急预案', '投诉举报处理', '年度报告', '收费标准', '行政强制',
  '行政确认', '行政奖励', '行政给付', '行政裁决', '备案管理', '资格认定', '补贴发放', '公示名单',
];
const THINGS = [
  '企业', '个体工商户', '农民专业合作社', '学校', '医疗机构', '养老机构', '建设项目', '危险化学品经营单位',
  '食品生产企业', '特种设备', '排污单位', '困难群众', '高校毕业生', '退役士兵', '农村低保对象', '特困人员',
  '建筑施工企业', '道路运输企业', '药品零售企业', '集中式饮用水水源地', '农业机械', '林木采伐', '取水单位',
];
const ELEMENTS = [
  '名称', '设定依据', '申请条件', '申请材料', '办理流程', '办理时限', '收费标准', '咨询电话', '监督投诉渠道',
  '对象名称', '统一社会信用代码', '决定文书号', '决定内容', '决定日期', '决定机关', '违法事实', '处罚依据',
  '处罚结果', '抽检品类', '合格批次', '不合格批次', '合格率', '整改情况', '资金名称', '分配依据', '分配对象',
  '分配金额', '发放时间', '检查计划', '检查对象', '检查结果', '发现问题', '整改要求', '统计口径', '主要指标',
  '同比变化', '项目名称', '建设地点', '建设规模', '总投资', '审批文号', '中标人', '中标金额', '联系人',
];
const VERBS = ['公开', '公示', '发布', '说明', '列明', '载明', '注明', '同步公开'];
const TAILS = ['', '等信息', '及相关文书', '并附有关材料', '等要素', '及解读材料', '及变更情况'];
const REGIONS = ['中华人民共和国', '山东省', '临沂市', '沂河县', '国务院', '国务院办公厅', ''];
const LAW_KINDS = ['条例', '办法', '暂行办法', '实施细则', '管理规定', '若干规定', '实施意见', '工作要点', '指导意见'];
const ISSUERS = ['国办发', '国发', '鲁政发', '鲁政办发', '临政发', '临政办发', '沂政发', '沂政办发', '中办发', '鲁食药'];
const UNITS = [
  '市场监督管理局', '应急管理局', '生态环境分局', '教育和体育局', '卫生健康局', '民政局', '人力资源和社会保障局',
  '自然资源和规划局', '发展和改革局', '农业农村局', '交通运输局', '水利局', '住房和城乡建设局', '财政局',
];
const OFFICES = ['办公室', '政策法规科', '综合执法大队', '审批服务科', '监督管理科', '规划财务科', '信息中心', ''];
const CHANNELS = [
  '人民政府门户网站“政府信息公开”栏目', '政务服务中心窗口', '政务新媒体（微博、微信、客户端）', '公示栏',
  '村（社区）公示栏', '新闻发布会', '广播电视', '报刊', '便民服务窗口', '政务服务网', '档案馆、图书馆查阅点',
];
const EVENTS = ['信息形成或者变更', '作出决定', '项目审批', '检查结束', '资金下达', '名单确定', '受理申请', '抽检完成'];

/** The catalog's items as plain records: the same data for the workbook, the YAML, the page and the Word file
 * (another `seed` gives another catalog of the same shape: the parts of a merge). */
export function* items(n, pairsPerItem = 4, seed = 20170601) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  /** A run of distinct elements joined by 、, about lo–hi characters (a unique text at real lengths). */
  const elements = (lo, hi) => {
    const want = int(lo, hi);
    const used = new Set();
    let s = `${pick(VERBS)}${pick(THINGS)}的`;
    for (let first = true; ; first = false) {
      const e = pick(ELEMENTS);
      if (used.has(e)) continue;
      if (s.length + e.length + 1 > want && s.length >= lo && !first) break;
      used.add(e);
      s += `${first ? '' : '、'}${e}`;
      if (used.size === ELEMENTS.length) break;
    }
    const tail = pick(TAILS);
    return s.length + tail.length <= hi ? s + tail : s;
  };
  const perSector = Math.max(1, Math.ceil(n / SECTORS.length));
  const names = new Set();
  /** An item name not yet used in its category (diff and merge match items by category and name). */
  const uniqueName = (sector) => {
    for (let k = 0; ; k++) {
      const name = `${pick(THINGS)}${pick(ELEMENTS)}${pick(OBJECTS)}${k < 8 ? '' : `（${k}）`}`;
      if (!names.has(`${sector}\t${name}`)) return names.add(`${sector}\t${name}`), name;
    }
  };
  for (let i = 1; i <= n; i++) {
    const sector = SECTORS[Math.floor((i - 1) / perSector) % SECTORS.length];
    const basisList = [];
    for (let b = int(1, 3); b > 0; b--) {
      const year = int(1995, 2024);
      const no = r() < 0.3 ? `国务院令第${int(100, 800)}号` : `${pick(ISSUERS)}〔${year}〕${int(1, 120)}号`;
      basisList.push(`《${pick(REGIONS)}${pick(THINGS)}${pick(OBJECTS)}${pick(LAW_KINDS)}》（${no}）`);
    }
    const pairs = [];
    for (let p = 0; p < pairsPerItem; p++) pairs.push([elements(10, 60), elements(20, 120)]);
    const platform = [pick(CHANNELS), pick(CHANNELS)].filter((c, k, all) => all.indexOf(c) === k).join('、');
    yield {
      serial: i,
      category: sector,
      name: uniqueName(sector),
      basis: basisList.join('\n'),
      basisList,
      pairs,
      subject: `沂河县${pick(UNITS)}${pick(OFFICES)}`,
      platform: `沂河县${platform}`,
      deadline: `自${pick(EVENTS)}之日起${int(5, 20)}个工作日内`,
      remark: i % 7 === 0 ? '涉及国家秘密、商业秘密、个人隐私的除外' : '',
    };
  }
}
