#!/usr/bin/env node
// What the offline app holds per file (issue 24: 30 valid 25 000-item workbooks took a Chromium process to
// 1.6 GB): `node bench/app-memory.mjs <workbook> [count]` picks the workbook `count` times (default 10,
// under different names) in dist/app/zwgk-app.html, waits for every summary, collects garbage in the page
// and its worker, and reports the resident memory of Chromium's processes (/proc VmRSS, summed over every
// process this run started, and the largest one: the renderer that runs the page and its worker), before
// any file, after the files and per held file; and, through the DevTools protocol, the JS heap of the
// worker that holds the files (V8's used size, and the ArrayBuffers' backing store apart) and of the page.
// ZWGK_APP=<file> measures another build of the app (an older one, for a before/after). Prints one JSON line.
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.resolve(process.argv[2] ?? '');
const count = Number(process.argv[3] ?? 10);
const app = process.env.ZWGK_APP ? path.resolve(process.env.ZWGK_APP) : path.join(ROOT, 'dist', 'app', 'zwgk-app.html');
const MB = 1024 * 1024;

/** Resident memory of every process descended from this one (Chromium and its helpers), in bytes. */
function chromiumRss() {
  const parent = new Map();
  const rss = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      rss.set(pid, m ? Number(m[1]) * 1024 : 0);
    } catch {
      // The process ended meanwhile.
    }
  }
  const mine = (pid) => {
    for (let p = parent.get(pid); p && p !== '0'; p = parent.get(p)) if (p === String(process.pid)) return true;
    return false;
  };
  let total = 0;
  let largest = 0;
  for (const [pid, bytes] of rss) {
    if (!mine(pid)) continue;
    total += bytes;
    largest = Math.max(largest, bytes);
  }
  return { total, largest };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'zwgk-bench-appmem-'));
const names = [];
for (let i = 1; i <= count; i++) {
  const name = path.join(dir, `目录${String(i).padStart(3, '0')}.xlsx`);
  symlinkSync(file, name);
  names.push(name);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--js-flags=--expose-gc'],
});
/** Garbage-collect every worker and page target, then the JS heap they use (bytes): V8's and ArrayBuffers'. */
async function heaps() {
  const s = await browser.newBrowserCDPSession();
  const { targetInfos } = await s.send('Target.getTargets');
  const out = { worker: 0, workerBuffers: 0, page: 0 };
  let n = 0;
  for (const t of targetInfos.filter((x) => x.type === 'worker' || x.type === 'page')) {
    const { sessionId } = await s.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
    // Commands reach the target wrapped in Target.sendMessageToTarget (playwright's session is not flat).
    const call = (method) =>
      new Promise((resolve) => {
        const id = ++n;
        const on = (e) => {
          if (e.sessionId !== sessionId) return;
          const m = JSON.parse(e.message);
          if (m.id !== id) return;
          s.off('Target.receivedMessageFromTarget', on);
          resolve(m.result ?? {});
        };
        s.on('Target.receivedMessageFromTarget', on);
        void s.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
      });
    await call('HeapProfiler.collectGarbage');
    const h = await call('Runtime.getHeapUsage');
    if (t.type === 'worker') {
      out.worker += h.usedSize ?? 0;
      out.workerBuffers += h.backingStorageSize ?? 0;
    } else out.page += h.usedSize ?? 0;
    await s.send('Target.detachFromTarget', { sessionId });
  }
  await s.detach();
  return out;
}

const collect = async (page) => {
  for (let k = 0; k < 3; k++) {
    await page.evaluate(() => globalThis.gc?.());
    for (const w of page.workers()) await w.evaluate(() => globalThis.gc?.());
    await page.waitForTimeout(500);
  }
};
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`file://${app}`);
  await page.waitForTimeout(500);
  await collect(page);
  const before = chromiumRss();
  const t0 = Date.now();
  let peak = before.total;
  // The renderer runs the page and the worker that reads: its peak while reading bounds the worker's memory.
  let peakRenderer = before.largest;
  const poll = setInterval(() => {
    const now = chromiumRss();
    peak = Math.max(peak, now.total);
    peakRenderer = Math.max(peakRenderer, now.largest);
  }, 250);
  await page.setInputFiles('#pick', names);
  await page.waitForFunction((n) => document.querySelectorAll('article.file .summary, article.file .error-line').length >= n, count, { timeout: 3_600_000, polling: 1000 });
  const seconds = (Date.now() - t0) / 1000;
  clearInterval(poll);
  await collect(page);
  const after = chromiumRss();
  const heap = await heaps();
  const shown = await page.locator('article.file .summary, article.file .error-line').allTextContents();
  const result = {
    file: path.basename(file),
    count,
    seconds,
    beforeMB: Math.round(before.total / MB),
    afterMB: Math.round(after.total / MB),
    peakMB: Math.round(peak / MB),
    rendererMB: Math.round(after.largest / MB),
    peakRendererMB: Math.round(peakRenderer / MB),
    perFileMB: +((after.total - before.total) / count / MB).toFixed(1),
    workerHeapMB: Math.round(heap.worker / MB),
    workerBuffersMB: Math.round(heap.workerBuffers / MB),
    pageHeapMB: Math.round(heap.page / MB),
    refused: shown.filter((t) => t.startsWith('错误')).length,
    first: shown.at(-1),
    load: os.loadavg().map((x) => +x.toFixed(2)),
  };
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
