// zwgk at scale (issue 19): every command on a catalog whose every text cell is its own text
// (bench/texts.mjs), at 25 000 and 100 000 items, in each format a catalog reaches an office in —
// .xlsx, .yaml, a portal page (.html) and a Word document (.docx) — with the peak RSS of each run
// and that peak per item. Goals (issue 19): at 100 000 items `validate` ≤ 500 MB and every other
// command ≤ 1 GB; at 25 000 items every command ≤ 400 MB; merge and site of four 25 000-item parts
// (100 000 items together) ≤ 1 GB.
//
// Peak RSS does not depend on other load on the machine; CPU seconds (user + system, all threads)
// less so than wall time: both are given, each from one run (`--runs` for more, the largest peak
// and the median CPU kept).
//
// Usage: node bench/scale.mjs [--items 25000,100000] [--only validate-xlsx,merge-4,…] [--runs 1]
// Each run rewrites its own rows of the table in bench/results.md and keeps the other rows of earlier runs.
//        [--regen] [--no-write]
// Data is generated once into bench/data/ (gitignored; the 100 000-item workbook takes about a minute).
// Writes its table into bench/results.md between the scale markers (unless --no-write); exits 1 when a
// goal is missed or a command fails.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cleanPartial, writeDocx, writePage, writeWorkbook, writeYaml } from './gen.mjs';
import { items } from './texts.mjs';
import { measure, ROOT } from './measure.mjs';

let args;
try {
  args = parseArgs({
    options: {
      items: { type: 'string', default: '25000,100000' },
      only: { type: 'string' },
      runs: { type: 'string', default: '1' },
      regen: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
    },
  }).values;
} catch (err) {
  console.error(`bench: ${err.message}`);
  process.exit(2);
}
const SIZES = args.items.split(',').map(Number);
const RUNS = Number(args.runs);
if (!SIZES.every((n) => Number.isInteger(n) && n > 0) || !(Number.isInteger(RUNS) && RUNS > 0)) {
  console.error('bench: --items takes positive integers separated by commas, --runs a positive integer');
  process.exit(2);
}
const DATA = path.join(ROOT, 'bench', 'data');
const BIN = path.join(ROOT, 'bin', 'zwgk.js');
const MB = 1024 * 1024;
const PART = 25000;
const WRITERS = { xlsx: writeWorkbook, yaml: writeYaml, html: writePage, docx: writeDocx };

/** A data file, generated when missing (or with --regen); its path. */
async function data(name, n, seed) {
  const file = path.join(DATA, name);
  if (args.regen || !existsSync(file)) {
    await cleanPartial(file);
    const t = performance.now();
    process.stderr.write(`generating bench/data/${name} … `);
    await WRITERS[path.extname(name).slice(1)](file, n, seed);
    process.stderr.write(`${((performance.now() - t) / 1000).toFixed(1)} s, ${(statSync(file).size / 1e6).toFixed(1)} MB\n`);
  }
  return file;
}

/** What one catalog of n items holds: values (non-empty cells) and distinct texts per item, characters per item. */
function shape(n) {
  let cells = 0;
  let chars = 0;
  const distinct = new Set();
  for (const it of items(n)) {
    const values = [String(it.serial), it.category, it.name, it.basis, it.subject, it.platform, it.deadline, it.remark, ...it.pairs.flat()];
    for (const v of values) {
      if (v === '') continue;
      cells++;
      chars += v.length;
      distinct.add(v);
    }
  }
  return { cells: cells / n, distinct: distinct.size / n, chars: chars / n };
}

const out = mkdtempSync(path.join(os.tmpdir(), 'zwgk-scale-'));
const o = (name) => path.join(out, name);

/** The rows for one size: id, words, argv, the items it holds, its RSS goal. */
async function rowsFor(n) {
  const f = {};
  for (const ext of ['xlsx', 'yaml', 'html', 'docx']) f[ext] = await data(`catalog-${n}.${ext}`, n);
  const big = n >= 100000;
  const goal = (isValidate) => (big ? (isValidate ? 500 : 1024) : 400) * MB;
  const row = (id, words, argv, isValidate = false) => ({ id: `${id}@${n}`, n, words, argv: [BIN, ...argv], goal: goal(isValidate) });
  return [
    { id: `floor@${n}`, n, words: 'floor: inflate sheet and shared strings, decode, scan tags once (bench/floor.mjs)', argv: [path.join(ROOT, 'bench', 'floor.mjs'), f.xlsx], goal: Infinity },
    row('validate-xlsx', `validate .xlsx`, ['validate', f.xlsx], true),
    row('validate-yaml', `validate .yaml`, ['validate', f.yaml], true),
    row('validate-html', `validate .html (page)`, ['validate', f.html], true),
    row('validate-docx', `validate .docx`, ['validate', f.docx], true),
    row('convert-to-yaml', `convert .xlsx → .yaml`, ['convert', f.xlsx, '-o', o('c.yaml')]),
    row('convert-to-xlsx', `convert .yaml → .xlsx`, ['convert', f.yaml, '-o', o('c.xlsx')]),
    row('render-xlsx', `render .xlsx → .xlsx`, ['render', f.xlsx, '--to', 'xlsx', '-o', o('r.xlsx')]),
    row('render-html', `render .xlsx → .html`, ['render', f.xlsx, '--to', 'html', '-o', o('r.html')]),
    row('render-md', `render .xlsx → .md`, ['render', f.xlsx, '--to', 'md', '-o', o('r.md')]),
    row('fix', `fix .xlsx`, ['fix', f.xlsx, '-o', o('f.xlsx')]),
    row('gap', `gap .xlsx → .html`, ['gap', f.xlsx, '-o', o('g.html')]),
    row('diff', `diff .xlsx .yaml (two copies)`, ['diff', f.xlsx, f.yaml]),
  ];
}

const rows = [];
for (const n of SIZES) rows.push(...(await rowsFor(n)));
const parts = [];
for (let k = 1; k <= 4; k++) parts.push(await data(`part-${PART}-${k}.xlsx`, PART, k));
rows.push(
  { id: 'merge-4', n: 4 * PART, words: `merge of four ${PART}-item .xlsx parts → .xlsx`, argv: [BIN, 'merge', ...parts, '-o', o('m.xlsx')], goal: 1024 * MB },
  // The second core (issue 19 §4): four files validated in worker threads, and the same held to one thread.
  { id: 'validate-4', n: 4 * PART, words: `validate four ${PART}-item .xlsx parts (worker threads)`, argv: [BIN, 'validate', ...parts], goal: 1024 * MB },
  { id: 'validate-4-one', n: 4 * PART, words: `validate four ${PART}-item .xlsx parts (ZWGK_THREADS=1)`, argv: [BIN, 'validate', ...parts], env: { ZWGK_THREADS: '1' }, goal: 1024 * MB },
  { id: 'site-4', n: 4 * PART, words: `site of four ${PART}-item .xlsx parts`, argv: [BIN, 'site', ...parts, '-o', o('site')], goal: 1024 * MB },
);
const only = args.only ? new Set(args.only.split(',').map((s) => s.trim())) : undefined;
const active = rows.filter((r) => !only || only.has(r.id) || only.has(r.id.split('@')[0]));

const results = [];
let missed = 0;
for (const r of active) {
  const runs = [];
  for (let k = 0; k < RUNS; k++) runs.push(await measure(r.argv, out, r.env));
  const peak = Math.max(...runs.map((x) => x.rss));
  const cpu = runs.map((x) => x.cpu).sort((a, b) => a - b)[runs.length >> 1];
  const wall = runs.map((x) => x.seconds).sort((a, b) => a - b)[runs.length >> 1];
  const bad = runs.find((x) => x.code !== 0 && x.code !== 1);
  const problem = bad ? `exit ${bad.code}: ${(bad.stderr || bad.stdout).trim().split('\n').slice(-2).join(' / ').slice(0, 200)}` : peak > r.goal ? `RSS > ${r.goal / MB} MB` : '';
  if (problem) missed++;
  results.push({ ...r, peak, cpu, wall, problem });
  process.stderr.write(`  ${r.id.padEnd(24)} cpu ${cpu.toFixed(2)} s, ${(peak / MB).toFixed(0)} MB${problem ? `  FAIL ${problem}` : ''}\n`);
}

const lines = [
  `- date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}; ${RUNS} run(s) each`,
];
for (const n of SIZES) {
  const s = shape(n);
  const sizes = ['xlsx', 'yaml', 'html', 'docx'].map((e) => `.${e} ${(statSync(path.join(DATA, `catalog-${n}.${e}`)).size / 1e6).toFixed(1)} MB`).join(', ');
  lines.push(`- ${n} items: ${s.cells.toFixed(1)} values per item (${s.distinct.toFixed(1)} distinct texts, ${s.chars.toFixed(0)} characters); ${sizes}`);
}
const table = [
  '| items | command | CPU s | peak RSS | bytes per item | goal | result |',
  '|---|---|---|---|---|---|---|',
  ...results.map((r) => `| ${r.n} | ${r.words} | ${r.cpu.toFixed(2)} | ${(r.peak / MB).toFixed(0)} MB | ${Math.round(r.peak / r.n)} | ${r.goal === Infinity ? '—' : `≤ ${r.goal / MB} MB`} | ${r.problem ? `FAIL (${r.problem.replace(/\|/g, '\\|')})` : r.goal === Infinity ? '' : 'pass'} |`),
];
for (const n of SIZES) {
  const floor = results.find((r) => r.id === `floor@${n}`);
  const validate = results.find((r) => r.id === `validate-xlsx@${n}`);
  if (floor && validate) lines.push(`- ${n} items: validate .xlsx takes ${(validate.cpu / floor.cpu).toFixed(1)} × the floor's CPU time (issue 19 asks ≤ 3 ×)`);
  const render = results.find((r) => r.id === `render-xlsx@${n}`);
  if (render && validate) lines.push(`- ${n} items: render → .xlsx takes ${(render.cpu / validate.cpu).toFixed(2)} × validate .xlsx's CPU time (issue 19 asks ≤ 1.5 ×)`);
  const yaml = results.find((r) => r.id === `validate-yaml@${n}`);
  if (yaml && validate) lines.push(`- ${n} items: validate .yaml takes ${(yaml.cpu / validate.cpu).toFixed(2)} × validate .xlsx's CPU time (issue 19 asks ≤ 1.5 ×)`);
}
const threaded = results.find((r) => r.id === 'validate-4');
const single = results.find((r) => r.id === 'validate-4-one');
if (threaded && single) lines.push(`- validate of four ${PART}-item parts: ${threaded.wall.toFixed(2)} s wall in worker threads, ${single.wall.toFixed(2)} s in one thread (${(single.wall / threaded.wall).toFixed(2)} × faster; CPU ${threaded.cpu.toFixed(2)} and ${single.cpu.toFixed(2)} s)`);
const section = [...lines, '', ...table].join('\n');
console.log(`\n${section}\n`);
const BEGIN = '<!-- scale: written by bench/scale.mjs -->';
const END = '<!-- /scale -->';
if (!args['no-write']) {
  const file = path.join(ROOT, 'bench', 'results.md');
  const text = readFileSync(file, 'utf8');
  // A run of some rows (--only, --items) replaces those rows and keeps the others of the last runs.
  const old = text.indexOf(BEGIN) < 0 ? '' : text.slice(text.indexOf(BEGIN), text.indexOf(END));
  const fresh = new Set(results.map((r) => `${r.n} | ${r.words} |`));
  const kept = old.split('\n').filter((l) => /^\| \d+ \| /.test(l) && ![...fresh].some((k) => l.startsWith(`| ${k}`)));
  // The last run's date becomes the date of the rows kept from it (one such line: the last run's).
  const oldLines = old.split('\n').filter((l) => l.startsWith('- '));
  const lastDate = oldLines.find((l) => l.startsWith('- date: '));
  const keptLines = oldLines.filter((l) => !/^- (?:date|earlier rows)/.test(l) && !lines.some((n) => n.slice(0, 20) === l.slice(0, 20)));
  if (kept.length && lastDate) keptLines.push(lastDate.replace(/^- date: /, '- earlier rows: date: '));
  const rowsNow = [...table.slice(2), ...kept].sort((a, b) => Number(a.split('|')[1]) - Number(b.split('|')[1]));
  const merged = [...lines, ...keptLines, '', ...table.slice(0, 2), ...rowsNow].join('\n');
  const block = `${BEGIN}\n## At scale (issue 19: \`node bench/scale.mjs\`)\n\n${merged}\n${END}`;
  const at = text.indexOf(BEGIN);
  writeFileSync(file, at < 0 ? `${text.trimEnd()}\n\n${block}\n` : `${text.slice(0, at)}${block}${text.slice(text.indexOf(END) + END.length)}`);
}
rmSync(out, { recursive: true, force: true });
process.exitCode = missed ? 1 : 0;
