// The gap and diff pages in chromium: printed with Chromium's own print-to-pdf at its default
// settings they come out on A4, and the gap summary's 合计 row lines up with the rows above it.
// PDF pages go to test/artifacts/.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readCatalog } from '../../src/node/read-file.js';
import { diffCatalogs } from '../../src/reports/diff.js';
import { buildGap } from '../../src/reports/gap.js';
import { renderDiffHtml } from '../../src/render/diff-html.js';
import { renderGapHtml } from '../../src/render/gap-html.js';
import { validateCatalog } from '../../src/validate/index.js';
import { launchBrowser, watchedPage } from '../helpers/browser.js';
import { chromiumPrint, pdfPages, pdfPageSize, pdfToPngs } from '../helpers/pdf.js';

let dir: string;
const files: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'zwgk-report-print-'));
  const unit = await readCatalog('test/gap/unit.yaml');
  const gap = buildGap(unit, validateCatalog(unit), await readCatalog('test/gap/reference.yaml'));
  files.gap = path.join(dir, 'gap.html');
  writeFileSync(files.gap, renderGapHtml(gap));
  files.diff = path.join(dir, 'diff.html');
  writeFileSync(files.diff, renderDiffHtml(diffCatalogs(await readCatalog('test/diff/fixtures/old.yaml'), await readCatalog('test/diff/fixtures/new.yaml'))));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gap and diff pages', () => {
  test('print on A4 with Chromium\'s default settings', () => {
    for (const name of ['gap', 'diff']) {
      const pdf = path.join(dir, `${name}.pdf`);
      chromiumPrint(files[name]!, pdf);
      expect(pdfPageSize(pdf).map(Math.round), name).toEqual([595, 842]);
      expect(pdfPages(pdf).length, name).toBeGreaterThan(0);
      pdfToPngs(pdf, `print-${name}-html`);
    }
    expect(pdfPages(path.join(dir, 'gap.pdf')).join('')).toContain('合计');
  }, 60_000);

  test('the 合计 row is aligned like the rows above it', async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      const { page, log } = await watchedPage(context);
      await page.goto(pathToFileURL(files.gap!).href);
      // Right edge of the text in columns 2 and 3 of every row of the summary table.
      const edges = await page.evaluate(() => {
        const table = document.querySelector('table')!;
        return [...table.querySelectorAll('tbody tr, tfoot tr')].map((tr) =>
          [1, 2].map((i) => {
            const cell = tr.children[i]!;
            const range = document.createRange();
            range.selectNodeContents(cell);
            return { right: Math.round(range.getBoundingClientRect().right), align: getComputedStyle(cell).textAlign };
          }),
        );
      });
      expect(edges.length).toBe(3);
      const total = edges[edges.length - 1]!;
      for (const row of edges) {
        expect(row[0]).toEqual(total[0]);
        expect(row[1]).toEqual(total[1]);
      }
      expect(total[0]!.align).toBe('right');
      expect(await page.locator('tfoot th').textContent()).toBe('合计');
      expect(log.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
