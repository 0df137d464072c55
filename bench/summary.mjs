// zwgk summary at a province's scale (issue 22): 2,600 small catalogs in a tree of folders (市 / 县 / 单位
// files), rolled up by `zwgk summary <tree> -o 汇总.xlsx` in a child process, goal ≤ 15 s wall time on this
// 2-core machine. Run after `npm run build`: node bench/summary.mjs [--files N] [--runs N].
//
// Data (generated once, cached in bench/data/summary-tree-N/, gitignored): each file a catalog of 6–24
// items in the 2017 or 2019 layout with text unique to its unit (names, 公开主体, 依据 with the unit's own
// 文号), four in five written as .xlsx by zwgk's own 样表 renderer (merged cells, borders, title row), the
// rest as YAML; some with blanks and bracket mistakes, so that findings are counted too.
// Prints one table row in the format of bench/results.md; exits 1 when the goal is missed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const FILES = opt('--files', 2600);
const RUNS = opt('--runs', 3);
const GOAL_S = 15;

const CITIES = ['临沂市', '济南市', '青岛市', '淄博市', '枣庄市', '东营市', '烟台市', '潍坊市', '济宁市', '泰安市', '威海市', '日照市', '滨州市', '德州市', '聊城市', '菏泽市'];
const DEPTS = ['市场监督管理局', '应急管理局', '生态环境分局', '教育和体育局', '卫生健康局', '民政局', '人力资源和社会保障局', '自然资源和规划局', '发展和改革局', '农业农村局', '财政局', '住房和城乡建设局', '交通运输局', '水利局', '文化和旅游局', '司法局'];
const CATS = ['行政许可', '行政处罚', '政策文件', '监督检查', '资金分配', '政务服务', '应急管理', '统计数据', '项目审批', '信用信息', '社会救助', '公共服务'];
const OBJECTS = ['办事指南', '结果公示', '年度报告', '收费标准', '检查计划', '抽检结果', '资金名单', '实施方案'];

/** A small random generator, deterministic for the data to be the same on every machine. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const q = (s) => JSON.stringify(s);

/** One unit's catalog as YAML: unique names and 文号, the odd blank or [2019] bracket. */
function catalogYaml(unit, n, rand) {
  const layout2019 = rand() < 0.5;
  const lines = [`版式: "${layout2019 ? 2019 : 2017}"`, `标题: ${q(`${unit}政务公开事项标准目录`)}`, `单位: ${q(unit)}`, '日期: 2026年11月', '事项:'];
  for (let i = 1; i <= n; i++) {
    const cat = CATS[Math.floor(rand() * CATS.length)];
    const obj = OBJECTS[Math.floor(rand() * OBJECTS.length)];
    const no = `${unit.slice(0, 2)}政发${rand() < 0.05 ? '[2019]' : '〔2019〕'}${i}号`;
    const blank = rand() < 0.04;
    lines.push(`  - 序号: ${i}`);
    lines.push(`    ${layout2019 ? '一级事项' : '事项类别'}: ${q(cat)}`);
    lines.push(`    ${layout2019 ? '二级事项' : '名称'}: ${q(`${unit}${cat}${obj}第${i}项`)}`);
    lines.push(`    ${layout2019 ? '公开依据' : '依据'}:`);
    lines.push(`      - ${q('《中华人民共和国政府信息公开条例》（国务院令第711号）')}`);
    lines.push(`      - ${q(`《${unit}关于${cat}工作的实施意见》（${no}）`)}`);
    if (layout2019) lines.push(`    公开内容: ${q(`${unit}${obj}的名称、依据、条件、程序、期限和结果（第${i}项）`)}`);
    else {
      // 2017: one to three 公开内容 rows, each with its 公开标准 (the item's other cells merged down over them).
      lines.push('    公开内容与标准:');
      for (let k = 1, rows = 1 + Math.floor(rand() * 3); k <= rows; k++) {
        lines.push(`      - 公开内容: ${q(`${obj}第${k}部分（${unit}第${i}项）`)}`);
        lines.push(`        公开标准: ${q(`按${cat}规定公开${obj}第${k}部分的全部要素，第${i}项`)}`);
      }
    }
    lines.push(`    公开时限: ${q(blank ? '' : '信息形成或变更之日起20个工作日内')}`);
    lines.push(`    公开主体: ${q(unit)}`);
    if (layout2019) {
      lines.push('    公开渠道和载体: [政府网站, 两微一端]', '    公开对象: [全社会]', '    公开方式: [主动]', '    公开层级: [县级]');
    } else lines.push(`    公开方式: ${q('政府网站')}`);
    lines.push('    备注: ""');
  }
  return lines.join('\n') + '\n';
}

async function generate(dir) {
  const { read, exportAs } = await import(path.join(root, 'dist/core/index.js'));
  const rand = rng(2600);
  const tmp = `${dir}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  let made = 0;
  const started = Date.now();
  for (let k = 0; made < FILES; k++) {
    const city = CITIES[k % CITIES.length];
    const county = `${city.slice(0, 2)}第${Math.floor(k / CITIES.length) + 1}县`;
    const folder = path.join(tmp, city, county);
    mkdirSync(folder, { recursive: true });
    for (const dept of DEPTS) {
      if (made >= FILES) break;
      const unit = `${county}${dept}`;
      const yaml = catalogYaml(unit, 6 + Math.floor(rand() * 19), rand);
      if (rand() < 0.2) writeFileSync(path.join(folder, `${dept}.yaml`), yaml);
      else {
        const catalog = await read(new TextEncoder().encode(yaml), `${dept}.yaml`);
        writeFileSync(path.join(folder, `${dept}.xlsx`), (await exportAs(catalog, 'xlsx')).data);
      }
      made++;
      if (made % 200 === 0) process.stderr.write(`\r生成 ${made}/${FILES}（${Math.round((Date.now() - started) / 1000)} s）…`);
    }
  }
  process.stderr.write('\r\x1b[K');
  rmSync(dir, { recursive: true, force: true });
  execFileSync('mv', [tmp, dir]);
}

const dataDir = path.join(root, 'bench', 'data', `summary-tree-${FILES}`);
if (!existsSync(dataDir)) await generate(dataDir);
const count = (d) => readdirSync(d, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? count(path.join(d, e.name)) : 1), 0);

const out = mkdtempSync(path.join(tmpdir(), 'zwgk-bench-summary-'));
const times = [];
const cpus = [];
let rss = 0;
try {
  for (let r = 0; r < RUNS; r++) {
    const target = path.join(out, `汇总-${r}.xlsx`);
    const stats = path.join(out, `rss-${r}.json`);
    const t0 = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['--require', path.join(root, 'bench/rss-hook.cjs'), path.join(root, 'bin/zwgk.js'), 'summary', dataDir, '-o', target], {
      env: { ...process.env, ZWGK_BENCH_RSS: stats, CI: 'true' },
      encoding: 'utf8',
    });
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    if (!existsSync(target)) {
      process.stderr.write(child.stderr);
      process.exit(1);
    }
    if (r === 0) process.stderr.write(child.stderr);
    if (existsSync(stats)) {
      const [peakKiB, cpuMicros] = readFileSync(stats, 'utf8').split(' ').map(Number);
      cpus.push(cpuMicros / 1e6);
      rss = Math.max(rss, peakKiB * 1024);
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
cpus.sort((a, b) => a - b);
const cpu = cpus[Math.floor(cpus.length / 2)] ?? 0;
const pass = median <= GOAL_S;
const mb = rss ? `${Math.round(rss / 1024 / 1024)} MB` : '—';
// The machine is shared: its load says how far the wall time is the run's own.
process.stderr.write(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; wall ${times.map((t) => t.toFixed(2)).join(' / ')} s, CPU ${cpus.map((c) => c.toFixed(2)).join(' / ')} s\n`);
console.log(`| zwgk summary ${path.relative(root, dataDir)} -o 汇总.xlsx (${count(dataDir)} files in ${CITIES.length} 市 folders) | ${median.toFixed(2)} | — | ${cpu ? cpu.toFixed(2) : '—'} | ≤ ${GOAL_S} s | ${mb} | ${pass ? 'pass' : 'FAIL'} |`);
process.exit(pass ? 0 : 1);
