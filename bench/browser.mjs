// Debian's chromium for the bench's browser rows, and the page's own clock of frame gaps: how long the
// page stalled at most between two animation frames while a job ran.
import { chromium } from 'playwright-core';

/** Debian's chromium with the flags every browser run here uses. */
export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Start watching frame gaps on a page; the returned function stops and gives the longest gap in ms. */
export async function watchFrames(page) {
  // evaluate runs outside the page's CSP.
  await page.evaluate(() => {
    const w = window;
    w.zwgkGaps = { max: 0, last: performance.now(), stop: false };
    const tick = (t) => {
      const g = w.zwgkGaps;
      g.max = Math.max(g.max, t - g.last);
      g.last = t;
      if (!g.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return () => page.evaluate(() => ((window.zwgkGaps.stop = true), Math.round(window.zwgkGaps.max)));
}

/** Start recording the page's long animation frames (Chromium's long-animation-frame entries, over 100 ms):
 * the returned function stops and gives each one — how long, how much of it was style and layout, and the
 * scripts that ran in it — to tell a slow script from a slow layout. */
export async function watchLongFrames(page) {
  await page.evaluate(() => {
    const w = window;
    w.zwgkFrames = [];
    w.zwgkFrameObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.duration < 100) continue;
        const end = e.startTime + e.duration;
        w.zwgkFrames.push({
          ms: Math.round(e.duration),
          layoutMs: e.styleAndLayoutStart ? Math.round(end - e.styleAndLayoutStart) : 0,
          scripts: e.scripts.map((s) => `${s.invokerType} ${s.invoker || ''} ${s.sourceFunctionName || ''} ${Math.round(s.duration)} ms`.replace(/\s+/g, ' ').trim()),
        });
      }
    });
    w.zwgkFrameObserver.observe({ type: 'long-animation-frame', buffered: false });
  });
  return () => page.evaluate(() => (window.zwgkFrameObserver.disconnect(), window.zwgkFrames));
}
