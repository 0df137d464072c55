// Debian's chromium driven by playwright-core, the way every browser test in this project starts it:
// never a downloaded browser, no network, a fresh profile per launch. One launch per test file.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Launch chromium. Playwright gives each launch a fresh temporary user-data-dir, removed on close. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** What a page did while a test watched it: console errors, uncaught errors, every request URL. */
export interface PageLog {
  errors: string[];
  requests: string[];
}

/** Open a new page in `context` that records console errors, page errors and requests. */
export async function watchedPage(context: BrowserContext): Promise<{ page: Page; log: PageLog }> {
  const page = await context.newPage();
  const log: PageLog = { errors: [], requests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') log.errors.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => log.errors.push(`pageerror: ${err.message}`));
  page.on('request', (req) => log.requests.push(req.url()));
  return { page, log };
}
