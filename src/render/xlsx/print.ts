// Print settings shared by every workbook zwgk writes (catalog, template, merge, gap report): A4
// landscape, fit to the page width, the header rows repeated on every page, and an estimate of where
// the pages break. Row heights are always set explicitly, so the estimate needs only the paper, the
// margins and the fit-to-width scale — the same numbers Excel, WPS and LibreOffice use.
import { wrappedLines } from '../common.js';
import type { PageSetupPlan } from './plan.js';

/** Height of one wrapped line of 11 pt text and the cell's vertical padding, in points. Noto CJK
 * (LibreOffice's fallback) has a taller line than SimSun, so this is set for the taller of the two. */
export const LINE_PT = 16;
export const PAD_PT = 6;
export const MIN_ROW_PT = 20;
/** Excel's largest row height. */
export const MAX_ROW_PT = 409;

/** The height (points) a text needs in a column `width` units wide, wrapped; 0 for no text. Rows get
 * explicit heights because Excel and WPS do not grow a row for wrapped text written by a program. */
export function heightFor(text: string, width: number): number {
  return text === '' ? 0 : wrappedLines(text, width) * LINE_PT + PAD_PT;
}

/** The height of a row of texts in columns of the given widths: the tallest cell, within Excel's limits. */
export function rowHeight(texts: readonly string[], widths: readonly number[]): number {
  let h = MIN_ROW_PT;
  texts.forEach((t, i) => (h = Math.max(h, heightFor(t, widths[i] ?? 10))));
  return Math.min(MAX_ROW_PT, Math.ceil(h));
}

/** A4 landscape, in points. */
const PAPER = { width: 841.9, height: 595.3 };
/** Page margins in inches (header and footer sit inside the top and bottom margins). */
export const PAGE_MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 };
/** The part of the page rows print on, in points. */
const USABLE = {
  width: PAPER.width - (PAGE_MARGINS.left + PAGE_MARGINS.right) * 72,
  height: PAPER.height - (PAGE_MARGINS.top + PAGE_MARGINS.bottom) * 72,
};

/** Page setup for a sheet whose header rows are `titleRows` ("3:4"), if any: A4 landscape, one page wide. */
export function printSetup(titleRows?: string, fitToHeight = 0): PageSetupPlan {
  const setup: PageSetupPlan = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight,
    horizontalCentered: true,
    margins: { ...PAGE_MARGINS },
  };
  if (titleRows !== undefined) setup.printTitlesRow = titleRows;
  return setup;
}

/** A column's printed width in points: Excel sizes a width of w characters as w digits of the default
 * font (7 px for Calibri 11) plus 5 px of padding, at 96 px to the inch. */
export function columnPoints(width: number): number {
  return (Math.round(width * 7) + 5) * 0.75;
}

/** The fit-to-width scale (a whole percent, as Excel and LibreOffice use), at most 100 %. */
export function printScale(widths: readonly number[]): number {
  const total = widths.reduce((sum, w) => sum + columnPoints(w), 0);
  return Math.min(100, Math.floor((USABLE.width / total) * 100)) / 100;
}

/**
 * The page (0-based) each row prints on: rows of the given heights (points) at a print scale, with
 * the rows `repeat[0]..repeat[1]` (0-based, the header) printed again at the top of every later page.
 * Rows never split; a row taller than a page gets a page of its own.
 */
export function pageOfRows(heights: readonly number[], repeat: [number, number], scale: number): number[] {
  const capacity = USABLE.height / scale;
  let header = 0;
  for (let r = repeat[0]; r <= repeat[1]; r++) header += heights[r] ?? 0;
  const pages: number[] = [];
  let page = 0;
  let used = 0;
  heights.forEach((h, r) => {
    if (r > repeat[1] && used + h > capacity && used > header) {
      page++;
      used = header;
    }
    used += h;
    pages.push(page);
  });
  return pages;
}

/** How far below our fit-to-width scale an application's may fall: LibreOffice measures column widths
 * a few per cent wider than Excel (which rounds the digit width to whole pixels). */
const SCALE_SPREAD = 0.05;

/**
 * The fitToHeight that keeps the last `tail` rows (the 注) from printing alone on a last page under a
 * repeated header, or 0 (no limit) when they share a page with the rows above. The limit is the
 * number of pages the other rows fill; Excel, WPS and LibreOffice then shrink the print just enough
 * for the 注 to join them. Checked over the range of scales the applications may use, so that a
 * small difference between them does not leave the 注 alone after all: at most that difference (5 %)
 * is given up when it would not have been needed.
 */
export function fitToHeightForTail(heights: readonly number[], repeat: [number, number], scale: number, tail: number): number {
  if (tail <= 0 || heights.length <= repeat[1] + 1 + tail) return 0;
  const lastBody = heights.length - tail - 1;
  let alone = false;
  let fewest = Infinity;
  for (let step = 0; step <= 5; step++) {
    const pages = pageOfRows(heights, repeat, scale * (1 - (SCALE_SPREAD * step) / 5));
    if (pages[heights.length - 1]! > pages[lastBody]!) alone = true;
    fewest = Math.min(fewest, pages[lastBody]! + 1);
  }
  return alone ? fewest : 0;
}
