// zwgk benchmark (`npm run bench`, which compiles first): speed and memory at the scale of a large
// county catalog, as ratios to a yardstick measured in the same run on the same machine.
//
// Data (generated once, cached in bench/data/, gitignored): a 2017-layout workbook of 25 000 items
// × 4 content rows (100 000 rows; the eight item-level columns merged down per item: 200 000
// merges; title row, header, 注 row, borders on every cell) and the same catalog as YAML.
// See bench/gen.mjs.
//
// Yardstick: a bare exceljs streaming read of the same .xlsx that touches every cell
// (bench/baseline-read.mjs). Goals, each the median of --runs runs of a real child process
// (`node bin/zwgk.js …`, output into a temporary folder):
//   zwgk validate <xlsx>            ≤ 1.5 × yardstick, peak RSS ≤ 400 MB
//   zwgk validate <yaml>            for information only (the issue sets goals for workbooks; the
//                                   yaml library parses ~6 MB/s, so a 31 MB file cannot meet 1.5×)
//   zwgk render <xlsx> --to xlsx    ≤ 3 ×
//   zwgk render <xlsx> --to html    ≤ 1.5 ×
//   zwgk render <xlsx> --to md      ≤ 1.5 ×
//   zwgk --help                     ≤ 2 × `node -e 0` (median of --help-runs runs)
// Peak RSS is getrusage's maxRSS of the child, written at exit by bench/rss-hook.cjs (preloaded
// with --require into every child, the yardsticks included, so both sides carry the same cost).
// The table also shows each command's CPU time (user + system of all threads, from the same hook):
// goals are judged on wall time as asked, but when other processes load the machine the CPU
// column is the steadier figure for seeing where time goes.
// Runs are interleaved (run 1 of every command, then run 2 …) so that load from other processes
// on the machine spreads over all commands alike.
//
// Prints a table and writes it to bench/results.md (unless --no-write); exits 1 when a goal is
// missed or a command fails, 2 on bad arguments.
//
// Options:
//   --items N        catalog size (default 25000; other sizes are cached separately)
//   --runs N         runs of each big command (default 3)
//   --help-runs N    runs of --help and node -e 0 (default 11)
//   --only a,b       only these rows: validate-xlsx, validate-yaml, render-xlsx, render-html,
//                    render-md, app-validate, help, hostile (all hostile-* rows) or one hostile-* row
//                    (the yardsticks always run)
//
// Hostile inputs (issue 14), generated once into bench/data/hostile/ at the size the issue names, each
// run under a 1 GB heap (--max-old-space-size=1024) with its peak RSS ≤ 1 GB: a workbook whose tags carry
// very long attribute runs and one with 16 000 column merges, each ≤ 3 × the same rows without them; a
// 400 MB cell in a 2 MB workbook, a catalog followed by 20 million comment lines, the backtracking
// wildcard, and fix on the 400 MB cell, each within a few seconds. The same for the page and Word readers
// (tableHostileFiles): a 400 MB cell in a Word table, 400 000 Word rows, a 31 MB page with one 30 MB cell
// and one of 6 million tiny cells (read cut and reported, or stopped at the values or elements limit), fix and convert;
// issue 19: a workbook just past the values limit (3 million); these three read 5 × the values they did before, hence 30 s.
// a page with a 30 MB comment (stopped at 2 million characters) and one with fifteen inlined images of 2 million characters.
// Issue 24: pages with one tag of 100 000 attributes (≤ 3 × a plain page of the same size), 300 000
// foster-parented pieces, cells of 32 000 <br>, spaces or paragraphs, 2 million tiny elements (under 1 GB),
// a workbook of such text runs; and zwgk site over 2 600 catalogs within 2 × one catalog of their items.
//   --from yaml      render from the YAML instead of the .xlsx (to time the renderers without the
//                    xlsx reader; the ratios stay to the xlsx yardstick)
//   --regen          rebuild the cached data
//   --profile        afterwards, run every missed command once with --cpu-prof and print the
//                    top frames by self time (bench/profile.mjs; profiles kept in bench/data/prof/)
//   --no-write       do not write bench/results.md
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cleanPartial, writeWorkbook, writeYaml } from './gen.mjs';
import { hostileFiles, plainWorkbook, quadraticFiles, tableHostileFiles } from '../test/fixtures/bad/make-bad.mjs';
import { formatSummary, summarise } from './profile.mjs';
import { measure as measureIn } from './measure.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'zwgk.js');
const DATA = path.join(ROOT, 'bench', 'data');

let args;
try {
  args = parseArgs({
    options: {
      items: { type: 'string', default: '25000' },
      runs: { type: 'string', default: '3' },
      'help-runs': { type: 'string', default: '11' },
      only: { type: 'string' },
      from: { type: 'string', default: 'xlsx' },
      regen: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
    },
  }).values;
} catch (err) {
  console.error(`bench: ${err.message}`);
  process.exit(2);
}
const ITEMS = Number(args.items);
const RUNS = Number(args.runs);
const HELP_RUNS = Number(args['help-runs']);
if (![ITEMS, RUNS, HELP_RUNS].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('bench: --items, --runs and --help-runs take positive integers');
  process.exit(2);
}

if (args.from !== 'xlsx' && args.from !== 'yaml') {
  console.error('bench: --from takes xlsx or yaml');
  process.exit(2);
}
const xlsx = path.join(DATA, `catalog-${ITEMS}.xlsx`);
const yaml = path.join(DATA, `catalog-${ITEMS}.yaml`);
const renderInput = args.from === 'yaml' ? yaml : xlsx;
await mkdir(DATA, { recursive: true });
for (const [file, write] of [[xlsx, writeWorkbook], [yaml, writeYaml]]) {
  if (args.regen || !existsSync(file)) {
    await cleanPartial(file);
    const t = performance.now();
    process.stderr.write(`generating ${path.relative(ROOT, file)} … `);
    await write(file, ITEMS);
    process.stderr.write(`${((performance.now() - t) / 1000).toFixed(1)} s, ${(statSync(file).size / 1e6).toFixed(1)} MB\n`);
  }
}

// zwgk site over 2 600 catalogs of 10 items, against one catalog of their 26 000 items (issue 24: quadratic before).
const SITE_MANY = path.join(DATA, 'site-2600');
const SITE_ONE = path.join(DATA, 'site-one-26000.yaml');
const wantsSite = !args.only || args.only.split(',').some((id) => id.trim().startsWith('site'));
if (wantsSite && (args.regen || !existsSync(SITE_ONE) || !existsSync(path.join(SITE_MANY, '目录2599.yaml')))) {
  const t = performance.now();
  process.stderr.write(`generating ${path.relative(ROOT, SITE_MANY)}/ (2 600 catalogs of 10 items) … `);
  await mkdir(SITE_MANY, { recursive: true });
  for (let i = 0; i < 2600; i++) await writeYaml(path.join(SITE_MANY, `目录${String(i).padStart(4, '0')}.yaml`), 10);
  await writeYaml(SITE_ONE, 26000);
  process.stderr.write(`${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}

const out = mkdtempSync(path.join(os.tmpdir(), 'zwgk-bench-'));
const MB = 1024 * 1024;

const HOSTILE = path.join(DATA, 'hostile');
const hostile = (name) => path.join(HOSTILE, name);
const wantsHostile = !args.only || args.only.split(',').some((id) => id.trim().startsWith('hostile'));
// Every file the hostile rows name (a missing one would be measured as a quick "file not found").
const HOSTILE_NAMES = ['plain-rows.xlsx', 'long-attributes.xlsx', 'many-merges.xlsx', 'huge-cell.xlsx', 'comment-lines.yaml'];
// Just past the values limit (issue 19): 820 000 rows of about 3.75 values each.
const TOO_MANY = 'too-many-cells.xlsx';
const TABLE_HOSTILE_NAMES = ['huge-cell.docx', 'many-rows.docx', 'huge-cell.html', 'many-cells.html', 'long-comment.html', 'inline-images.html'];
const missing = (names) => names.some((n) => !existsSync(hostile(n)));
if (wantsHostile && (args.regen || missing(HOSTILE_NAMES) || !existsSync(hostile(`wild/${'a'.repeat(40)}.yaml`)))) {
  const t = performance.now();
  process.stderr.write(`generating ${path.relative(ROOT, HOSTILE)}/ (hostile inputs of issue 14) … `);
  await mkdir(HOSTILE, { recursive: true });
  for (const [name, data] of Object.entries(await hostileFiles({ scale: 1 }))) writeFileSync(hostile(name), data);
  mkdirSync(hostile('wild'), { recursive: true });
  writeFileSync(hostile(`wild/${'a'.repeat(40)}.yaml`), readFileSync(path.join(ROOT, 'examples', 'county-catalog.yaml')));
  process.stderr.write(`${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}
if (wantsHostile && (args.regen || missing([TOO_MANY]))) {
  process.stderr.write(`generating ${path.relative(ROOT, hostile(TOO_MANY))} … `);
  await mkdir(HOSTILE, { recursive: true });
  writeFileSync(hostile(TOO_MANY), await plainWorkbook(820_000));
  process.stderr.write('done\n');
}
if (wantsHostile && (args.regen || missing(TABLE_HOSTILE_NAMES))) {
  const t = performance.now();
  process.stderr.write(`generating the hostile pages and Word files in ${path.relative(ROOT, HOSTILE)}/ … `);
  await mkdir(HOSTILE, { recursive: true });
  for (const [name, data] of Object.entries(await tableHostileFiles({ scale: 1 }))) writeFileSync(hostile(name), data);
  process.stderr.write(`${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}
const QUADRATIC_NAMES = ['many-breaks.html', 'space-runs.html', 'many-attributes.html', 'plain-page.html', 'foster-parenting.html', 'tiny-elements.html', 'many-paragraphs.docx', 'text-runs.xlsx'];
if (wantsHostile && (args.regen || missing(QUADRATIC_NAMES))) {
  const t = performance.now();
  process.stderr.write(`generating issue 24's hostile shapes in ${path.relative(ROOT, HOSTILE)}/ … `);
  await mkdir(HOSTILE, { recursive: true });
  for (const [name, data] of Object.entries(await quadraticFiles({ scale: 1 }))) writeFileSync(hostile(name), data);
  process.stderr.write(`${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}
/** node under a 1 GB heap, as issue 14 asks of every hostile input. */
const HEAP = '--max-old-space-size=1024';

/** One measured child run, its output files in the run's temporary folder. */
const measure = (argv) => measureIn(argv, out);

const rel = (f) => path.relative(ROOT, f);
const okExit = (codes) => (r) => codes.includes(r.code);
const itemsChecked = (r) => {
  try {
    const doc = JSON.parse(r.stdout.endsWith('…') ? '' : r.stdout);
    const n = doc.files?.[0]?.items;
    return n === ITEMS ? undefined : `read ${n} items, expected ${ITEMS}`;
  } catch {
    return undefined; // long reports are cut; the exit code still tells success
  }
};
/** The run said what the row expects (a hostile input refused for the right reason, not a missing file). */
const says = (text) => (r) => (`${r.stdout}${r.stderr}`.includes(text) ? undefined : `output lacks “${text}”`);
const outputChecked = (file) => () => (existsSync(file) && statSync(file).size > 0 ? undefined : `no output ${path.basename(file)}`);

const ROWS = [
  { id: 'baseline', label: 'exceljs streaming read (yardstick)', argv: [path.join(ROOT, 'bench', 'baseline-read.mjs'), xlsx], runs: RUNS, ok: okExit([0]) },
  { id: 'validate-xlsx', label: `zwgk validate ${path.basename(xlsx)}`, argv: [BIN, 'validate', '--format', 'json', xlsx], runs: RUNS, ok: okExit([0, 1]), check: itemsChecked, goal: 1.5, vs: 'baseline', rssGoal: 400 * MB },
  { id: 'validate-yaml', label: `zwgk validate ${path.basename(yaml)}`, argv: [BIN, 'validate', '--format', 'json', yaml], runs: RUNS, ok: okExit([0, 1]), check: itemsChecked, vs: 'baseline', info: true },
  { id: 'render-xlsx', label: `zwgk render ${path.basename(renderInput)} --to xlsx`, argv: [BIN, 'render', renderInput, '--to', 'xlsx', '-o', path.join(out, 'o.xlsx')], runs: RUNS, ok: okExit([0, 1]), check: outputChecked(path.join(out, 'o.xlsx')), goal: 3, vs: 'baseline' },
  { id: 'render-html', label: `zwgk render ${path.basename(renderInput)} --to html`, argv: [BIN, 'render', renderInput, '--to', 'html', '-o', path.join(out, 'o.html')], runs: RUNS, ok: okExit([0, 1]), check: outputChecked(path.join(out, 'o.html')), goal: 1.5, vs: 'baseline' },
  { id: 'render-md', label: `zwgk render ${path.basename(renderInput)} --to md`, argv: [BIN, 'render', renderInput, '--to', 'md', '-o', path.join(out, 'o.md')], runs: RUNS, ok: okExit([0, 1]), check: outputChecked(path.join(out, 'o.md')), goal: 1.5, vs: 'baseline' },
  {
    id: 'app-validate',
    label: `app (chromium) validate ${path.basename(xlsx)}: pick → summary`,
    argv: [path.join(ROOT, 'bench', 'app.mjs'), xlsx],
    runs: RUNS,
    ok: okExit([0]),
    // The page's own time and frame gaps, not the child's (which includes starting chromium).
    parse: (r) => JSON.parse(r.stdout.trim().split('\n').pop()),
    check: (r) => (/25000|个事项/.test(r.stdout) ? undefined : 'no summary on the page'),
    goal: 2,
    vs: 'validate-xlsx',
    gapGoal: 200,
  },
  { id: 'hostile-plain', label: 'zwgk validate plain-rows.xlsx (100 000 rows, 25 000 items; yardstick of the next two)', argv: [HEAP, BIN, 'validate', hostile('plain-rows.xlsx')], runs: RUNS, ok: okExit([0]), hostile: true },
  { id: 'hostile-long-attributes', label: 'zwgk validate long-attributes.xlsx (the same rows, 256 MB of attribute runs)', argv: [HEAP, BIN, 'validate', hostile('long-attributes.xlsx')], runs: RUNS, ok: okExit([0]), goal: 3, vs: 'hostile-plain', rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-many-merges', label: 'zwgk validate many-merges.xlsx (the same rows, 16 000 column merges over them)', argv: [HEAP, BIN, 'validate', hostile('many-merges.xlsx')], runs: RUNS, ok: okExit([0]), goal: 3, vs: 'hostile-plain', rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-too-many-cells', label: 'zwgk validate too-many-cells.xlsx (820 000 rows of unique text, past the values limit of 3 million)', argv: [HEAP, BIN, 'validate', hostile('too-many-cells.xlsx')], runs: RUNS, ok: okExit([2]), check: says('有内容的单元格超过 3000000 个'), maxSeconds: 30, rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-huge-cell', label: 'zwgk validate huge-cell.xlsx (one 400 MB cell, 2 MB file)', argv: [HEAP, BIN, 'validate', hostile('huge-cell.xlsx')], runs: RUNS, ok: okExit([1]), check: says('超过 Excel 单元格上限'), maxSeconds: 10, rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-fix-huge-cell', label: 'zwgk fix huge-cell.xlsx', argv: [HEAP, BIN, 'fix', hostile('huge-cell.xlsx'), '-o', path.join(out, 'fixed.xlsx')], runs: RUNS, ok: okExit([1]), maxSeconds: 15, rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-comments', label: 'zwgk validate comment-lines.yaml (a catalog, then 20 million comment lines)', argv: [HEAP, BIN, 'validate', hostile('comment-lines.yaml')], runs: RUNS, ok: okExit([0]), maxSeconds: 10, rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-fix-comments', label: 'zwgk fix comment-lines.yaml', argv: [HEAP, BIN, 'fix', hostile('comment-lines.yaml'), '-o', path.join(out, 'fixed.yaml')], runs: RUNS, ok: okExit([0]), maxSeconds: 10, rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-docx-huge-cell', label: 'zwgk validate huge-cell.docx (one 400 MB cell in a Word table, 15 MB file)', argv: [HEAP, BIN, 'validate', hostile('huge-cell.docx')], runs: RUNS, ok: okExit([1]), check: says('超过 Excel 单元格上限'), maxSeconds: 10, rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-docx-many-rows', label: 'zwgk validate many-rows.docx (400 000 rows × 10 cells, stops at the values limit)', argv: [HEAP, BIN, 'validate', hostile('many-rows.docx')], runs: RUNS, ok: okExit([2]), check: says('有内容的单元格超过'), maxSeconds: 30, rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-html-huge-cell', label: 'zwgk validate huge-cell.html (a 31 MB page, one 30 MB cell)', argv: [HEAP, BIN, 'validate', hostile('huge-cell.html')], runs: RUNS, ok: okExit([1]), check: says('超过 Excel 单元格上限'), maxSeconds: 10, rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-html-many-cells', label: 'zwgk validate many-cells.html (a 31 MB page of 6 million one-character cells, stops at the elements limit)', argv: [HEAP, BIN, 'validate', hostile('many-cells.html')], runs: RUNS, ok: okExit([2]), check: says('元素和文字片段超过'), maxSeconds: 30, rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-html-long-comment', label: 'zwgk validate long-comment.html (one 30 MB comment, stopped at 2 million characters)', argv: [HEAP, BIN, 'validate', hostile('long-comment.html')], runs: RUNS, ok: okExit([2]), check: says('一个标签、属性或注释过长'), maxSeconds: 10, rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-html-inline-images', label: 'zwgk validate inline-images.html (15 images inlined as data: URLs of 2 million characters)', argv: [HEAP, BIN, 'validate', hostile('inline-images.html')], runs: RUNS, ok: okExit([0]), maxSeconds: 10, rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-fix-html-huge-cell', label: 'zwgk fix huge-cell.html', argv: [HEAP, BIN, 'fix', hostile('huge-cell.html'), '-o', path.join(out, 'fixed-page.xlsx')], runs: RUNS, ok: okExit([1]), maxSeconds: 10, rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-convert-docx-huge-cell', label: 'zwgk convert huge-cell.docx', argv: [HEAP, BIN, 'convert', hostile('huge-cell.docx'), '-o', path.join(out, 'converted.yaml')], runs: RUNS, ok: okExit([1]), maxSeconds: 10, rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-wildcard', label: 'zwgk validate "wild/*a*a*a*a*a*a*a*a*a*a*a*a*b.yaml" (a 40-letter name)', argv: [HEAP, BIN, 'validate', hostile('wild/*a*a*a*a*a*a*a*a*a*a*a*a*b.yaml')], runs: RUNS, ok: okExit([2]), check: says('没有与'), maxSeconds: 5, rssGoal: 1024 * MB, hostile: true },
  // Issue 24: shapes that grew quadratically, at the size the issue names.
  { id: 'hostile-html-plain-page', label: 'zwgk validate plain-page.html (1.6 MB; yardstick of the next)', argv: [HEAP, BIN, 'validate', hostile('plain-page.html')], runs: RUNS, ok: okExit([0]), hostile: true },
  { id: 'hostile-html-many-attributes', label: 'zwgk validate many-attributes.html (one tag of 100 000 attributes, 1.6 MB; 30 s before)', argv: [HEAP, BIN, 'validate', hostile('many-attributes.html')], runs: RUNS, ok: okExit([0]), goal: 3, vs: 'hostile-html-plain-page', rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-html-foster-parenting', label: 'zwgk validate foster-parenting.html (300 000 pieces inside a table, outside its cells; 108 s before)', argv: [HEAP, BIN, 'validate', hostile('foster-parenting.html')], runs: RUNS, ok: okExit([0]), maxSeconds: 10, rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-html-many-breaks', label: 'zwgk validate many-breaks.html (20 cells of 32 000 <br>; 81 s before)', argv: [HEAP, BIN, 'validate', hostile('many-breaks.html')], runs: RUNS, ok: okExit([0]), maxSeconds: 5, rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-html-space-runs', label: 'zwgk validate space-runs.html (20 cells of 16 000 ideographic spaces and 16 000 &nbsp;; 44 s before)', argv: [HEAP, BIN, 'validate', hostile('space-runs.html')], runs: RUNS, ok: okExit([0]), maxSeconds: 5, rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-html-tiny-elements', label: 'zwgk validate tiny-elements.html (2 million <br colspan=1> in one cell, 28 MB; 1.19 GB before)', argv: [HEAP, BIN, 'validate', hostile('tiny-elements.html')], runs: RUNS, ok: okExit([1]), check: says('超过 Excel 单元格上限'), maxSeconds: 15, rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-docx-many-paragraphs', label: 'zwgk validate many-paragraphs.docx (20 cells of 32 000 paragraphs; 79 s before)', argv: [HEAP, BIN, 'validate', hostile('many-paragraphs.docx')], runs: RUNS, ok: okExit([0]), maxSeconds: 5, rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-xlsx-text-runs', label: 'zwgk validate text-runs.xlsx (cells of 32 000 spaces, digits, brackets or 、 between words; minutes before)', argv: [HEAP, BIN, 'validate', hostile('text-runs.xlsx')], runs: RUNS, ok: okExit([0]), maxSeconds: 5, rssGoal: 1024 * MB, hostile: true },
  { id: 'hostile-fix-xlsx-text-runs', label: 'zwgk fix text-runs.xlsx', argv: [HEAP, BIN, 'fix', hostile('text-runs.xlsx'), '-o', path.join(out, 'fixed-runs.xlsx')], runs: RUNS, ok: okExit([0]), maxSeconds: 5, rssGoal: 1024 * MB, hostile: true },
  { id: 'site-one', label: 'zwgk site site-one-26000.yaml (one catalog of 26 000 items; yardstick of the next)', argv: [BIN, 'site', SITE_ONE, '-o', path.join(out, 'site-one')], runs: RUNS, ok: okExit([0, 1]) },
  { id: 'site-many', label: 'zwgk site site-2600/ (2 600 catalogs of 10 items; over 120 s before)', argv: [BIN, 'site', SITE_MANY, '-o', path.join(out, 'site-many')], runs: RUNS, ok: okExit([0, 1]), goal: 2, vs: 'site-one' },
  { id: 'node', label: 'node -e 0 (yardstick)', argv: ['-e', '0'], runs: HELP_RUNS, ok: okExit([0]) },
  { id: 'help', label: 'zwgk --help', argv: [BIN, '--help'], runs: HELP_RUNS, ok: okExit([0]), goal: 2, vs: 'node' },
];

const only = args.only ? new Set(args.only.split(',').map((s) => s.trim())) : undefined;
if (only?.has('hostile')) {
  only.delete('hostile');
  for (const r of ROWS) if (r.hostile) only.add(r.id);
}
if (only) {
  const known = new Set(ROWS.map((r) => r.id));
  for (const id of only) {
    if (!known.has(id)) {
      console.error(`bench: unknown row “${id}” for --only; rows: ${[...known].join(', ')}`);
      process.exit(2);
    }
  }
}
// A selected row brings the rows it is measured against (the app row needs validate-xlsx and its yardstick).
const picked = new Set(ROWS.filter((r) => !only || only.has(r.id)).map((r) => r.id));
for (let grew = true; grew; ) {
  grew = false;
  for (const r of ROWS) if (picked.has(r.id) && r.vs && !picked.has(r.vs)) (picked.add(r.vs), (grew = true));
}
const needed = new Set(ROWS.filter((r) => picked.has(r.id) && r.vs).map((r) => r.vs));
const active = ROWS.filter((r) => picked.has(r.id) && (r.vs || r.maxSeconds || needed.has(r.id)));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Interleaved: round k runs every row that still needs a k-th run.
const results = new Map(active.map((r) => [r.id, { times: [], cpus: [], rss: 0, failure: undefined }]));
const rounds = Math.max(...active.map((r) => r.runs));
for (let k = 0; k < rounds; k++) {
  for (const row of active) {
    const res = results.get(row.id);
    if (k >= row.runs || res.failure) continue;
    const r = await measure(row.argv);
    if (row.parse && r.code === 0) {
      const p = row.parse(r);
      r.seconds = p.seconds;
      r.gap = p.maxGapMs;
      r.cpu = NaN; // the driver's CPU time says nothing about the page's

    }
    process.stderr.write(`  ${row.id.padEnd(14)} run ${k + 1}: ${r.seconds.toFixed(2)} s (cpu ${r.cpu.toFixed(2)} s), ${(r.rss / MB).toFixed(0)} MB, exit ${r.code}\n`);
    const problem = !row.ok(r)
      ? `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}: ${(r.stderr || r.stdout).trim().split('\n').slice(0, 3).join(' / ').slice(0, 300)}`
      : row.check?.(r);
    if (problem) {
      res.failure = problem;
      continue;
    }
    res.times.push(r.seconds);
    res.cpus.push(r.cpu);
    res.rss = Math.max(res.rss, r.rss);
    if (r.gap !== undefined) res.gap = Math.max(res.gap ?? 0, r.gap);
  }
}

const table = [];
let missed = 0;
const missedRows = [];
for (const row of active) {
  const res = results.get(row.id);
  const med = res.times.length ? median(res.times) : NaN;
  const base = row.vs ? results.get(row.vs) : undefined;
  const baseMed = base?.times.length ? median(base.times) : NaN;
  const ratio = row.vs ? med / baseMed : NaN;
  const cpuMed = res.cpus.length ? median(res.cpus) : NaN;
  const cpuRatio = row.vs && base?.cpus.length ? cpuMed / median(base.cpus) : NaN;
  let verdict = '';
  if (row.vs && row.info) {
    verdict = res.failure ? `failed: ${res.failure}` : '（仅供参考）';
    if (res.failure) missed++;
  } else if (row.vs) {
    const reasons = [];
    if (res.failure) reasons.push(`failed: ${res.failure}`);
    else {
      if (!(ratio <= row.goal)) reasons.push(`${ratio.toFixed(2)}× > ${row.goal}×`);
      if (row.rssGoal && !(res.rss <= row.rssGoal)) reasons.push(`RSS ${(res.rss / MB).toFixed(0)} MB > ${row.rssGoal / MB} MB`);
      if (row.gapGoal && !(res.gap <= row.gapGoal)) reasons.push(`longest frame gap ${res.gap} ms > ${row.gapGoal} ms`);
    }
    verdict = reasons.length ? `FAIL (${reasons.join('; ')})` : 'pass';
    if (reasons.length) {
      missed++;
      missedRows.push(row);
    }
  } else if (row.maxSeconds) {
    const reasons = [];
    if (res.failure) reasons.push(`failed: ${res.failure}`);
    else {
      if (!(med <= row.maxSeconds)) reasons.push(`${med.toFixed(2)} s > ${row.maxSeconds} s`);
      if (row.rssGoal && !(res.rss <= row.rssGoal)) reasons.push(`RSS ${(res.rss / MB).toFixed(0)} MB > ${row.rssGoal / MB} MB`);
    }
    verdict = reasons.length ? `FAIL (${reasons.join('; ')})` : 'pass';
    if (reasons.length) {
      missed++;
      missedRows.push(row);
    }
  } else if (res.failure) {
    verdict = `yardstick failed: ${res.failure}`;
    missed++;
  }
  table.push([
    row.label,
    res.times.length ? `${med.toFixed(2)}` : '—',
    row.vs && Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : row.vs || row.maxSeconds ? '—' : '1.00×',
    Number.isFinite(cpuMed) ? `${cpuMed.toFixed(2)}${row.vs && Number.isFinite(cpuRatio) ? ` (${cpuRatio.toFixed(2)}×)` : ''}` : '—',
    row.vs && !row.info
      ? `≤ ${row.goal}×${row.rssGoal ? `, ≤ ${row.rssGoal / MB} MB` : ''}${row.gapGoal ? `, frame gap ≤ ${row.gapGoal} ms` : ''}`
      : row.maxSeconds
        ? `≤ ${row.maxSeconds} s${row.rssGoal ? `, ≤ ${row.rssGoal / MB} MB` : ''}`
        : '',
    row.gapGoal ? `longest frame gap ${res.gap ?? '—'} ms` : res.rss ? `${(res.rss / MB).toFixed(0)} MB` : '—',
    verdict,
  ]);
}

const head = ['command', 'median s', 'ratio', 'CPU s (ratio)', 'goal', 'peak RSS', 'result'];
const md = [
  `| ${head.join(' | ')} |`,
  `|${head.map(() => '---').join('|')}|`,
  ...table.map((r) => `| ${r.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`),
].join('\n');
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const info = [
  `- date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
  `- node ${process.version}, ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, ${os.platform()} ${os.release()}`,
  `- data: ${ITEMS} items × 4 rows; ${rel(xlsx)} ${(statSync(xlsx).size / 1e6).toFixed(1)} MB, ${rel(yaml)} ${(statSync(yaml).size / 1e6).toFixed(1)} MB`,
  `- hostile inputs (issue 14): ${rel(HOSTILE)}/, generated by hostileFiles() of test/fixtures/bad/make-bad.mjs at the size the issue names; each run with node --max-old-space-size=1024`,
  `- runs: ${RUNS} per big command, ${HELP_RUNS} for --help and node -e 0, interleaved. Goals are judged on the median wall time of a child process; "CPU s" is the median user+system time of all its threads (for information: on a shared machine it is less disturbed by other load than wall time); peak RSS is the largest of the runs`,
].join('\n');
console.log(`\n${md}\n`);
if (!args['no-write']) {
  // bench/scale.mjs's section (issue 19) is kept as it is.
  const file = path.join(ROOT, 'bench', 'results.md');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = old.indexOf('<!-- scale:');
  const scale = at < 0 ? '' : `\n${old.slice(at)}`;
  writeFileSync(file, `# Benchmark results\n\nWritten by \`npm run bench\` (bench/run.mjs). Ratios are to the yardstick rows measured in the same run.\n\n${info}\n\n${md}\n${scale}`);
}

if (args.profile && missedRows.length) {
  const profDir = path.join(DATA, 'prof');
  await mkdir(profDir, { recursive: true });
  for (const row of missedRows) {
    const before = new Set(readdirSync(profDir));
    await measure(['--cpu-prof', '--cpu-prof-dir', profDir, ...row.argv]);
    const made = readdirSync(profDir).filter((f) => !before.has(f) && f.endsWith('.cpuprofile'));
    for (const f of made) {
      console.log(`\n## profile of ${row.label} (${rel(path.join(profDir, f))})\n${formatSummary(summarise(path.join(profDir, f), 15))}`);
    }
  }
}

rmSync(out, { recursive: true, force: true });
process.exitCode = missed ? 1 : 0;
