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
