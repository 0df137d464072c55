#!/usr/bin/env node
// Where the published page of 25 000 items (the catalog of bench/page-search.mjs) spends a long frame:
// `node bench/page-trace.mjs open|search` records a DevTools trace (playwright's chromium tracing) while a
// folded section is first opened, or while '第123' is typed into the search, and prints the renderer main
// thread's longest tasks, wall time and CPU time apart (on a loaded machine the two differ several
// times), then what ran inside the longest. The page is written once into $TMPDIR/zwgk-page-trace/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from './browser.mjs';
const dir = path.join(os.tmpdir(), 'zwgk-page-trace');
mkdirSync(dir, { recursive: true });
const yaml = path.join(dir, 'page25k.yaml');
const html = path.join(dir, 'page25k.html');
if (!existsSync(yaml)) {
  const L = ['版式: "2017"', '标题: 测试目录', '事项:'];
  for (let i = 1; i <= 25000; i++) {
    L.push(`  - 序号: ${i}`, `    事项类别: 类别${i % 40}`, `    名称: 第${i}项事项名称${i % 3 ? '抽检' : '许可'}`, `    依据: "《第${i}号条例》（国务院令第${i % 700}号）"`, '    公开内容与标准:');
    for (let k = 0; k < 4; k++) L.push(`      - 公开内容: 内容${i}-${k}${'关于政务公开的相关信息和具体要求'.slice(0, 5 + ((i * 7 + k) % 12))}`, `        公开标准: 标准${i}-${k}按照规定的程序和时限公开`);
    L.push(`    公开主体: 县政府办公室${i % 9}`, '    公开方式: 政府网站', `    公开时限: 信息形成之日起${(i % 20) + 1}个工作日内`);
  }
  writeFileSync(yaml, L.join('\n') + '\n');
}
if (!existsSync(html)) execFileSync(process.execPath, [path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'bin', 'zwgk.js'), 'render', yaml, '--to', 'html', '-o', html], { stdio: 'inherit' });
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
await page.goto(`file://${html}`, { timeout: 300000 });
await page.evaluate(() => new Promise(requestAnimationFrame));
await page.waitForTimeout(4000);
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'] });
const what = process.argv[2] ?? 'open';
if (what === 'open') { await page.locator('details.section > summary').nth(3).click(); await page.waitForTimeout(1500); }
else { await page.locator('#q').pressSequentially('第123', { delay: 50 }); await page.waitForFunction(() => document.getElementById('count').getAttribute('data-query') === '第123|', undefined, { timeout: 300_000 }); }
const buf = await browser.stopTracing();
const t = JSON.parse(buf.toString());
const ev = t.traceEvents;
const main = new Set(ev.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
const long = ev.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`) && e.dur > 50000).sort((a, b) => b.dur - a.dur).slice(0, 14);
for (const e of long) console.log(Math.round(e.dur / 1000), 'ms wall', Math.round((e.tdur ?? 0) / 1000), 'ms cpu', e.name, JSON.stringify(e.args?.data ?? e.args ?? {}).slice(0, 150));

const top = long.find((e) => e.name === 'RunTask' && e.tdur > 150000) ?? long[0];
console.log('top', Math.round(top.dur/1000), Math.round(top.tdur/1000));
const inside = ev.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === `${top.pid}:${top.tid}` && e.ts >= top.ts && e.ts <= top.ts + top.dur && e !== top).sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0)).slice(0, 25);
console.log('--- inside the longest task');
for (const e of inside) console.log(Math.round(e.dur / 1000), 'ms wall', Math.round((e.tdur ?? 0) / 1000), 'ms cpu', e.name, JSON.stringify(e.args?.data ?? {}).slice(0, 200));
await browser.close();
