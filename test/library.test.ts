// zwgk as a library, tried as another system would use it: the package as `npm pack` makes it,
// installed into an empty project, imported in plain Node (the README's example, run as written, and
// a TypeScript consumer type-checked against the shipped types) and bundled for a browser page.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from './helpers/browser.js';

const ROOT = path.resolve(import.meta.dirname, '..');
let dir: string;
let consumer: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'zwgk-library-'));
  // --ignore-scripts: `npm test` has just built dist/; packing must not build it again.
  execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const tarball = readdirSync(dir).find((n) => n.endsWith('.tgz'))!;
  consumer = path.join(dir, 'consumer');
  mkdirSync(path.join(consumer, 'examples'), { recursive: true });
  writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--silent', path.join(dir, tarball)], {
    cwd: consumer,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  copyFileSync(path.join(ROOT, 'examples', 'county-catalog.yaml'), path.join(consumer, 'examples', 'county-catalog.yaml'));
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The js code block of the README's 作为库使用 section. */
function readmeExample(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## 作为库使用'));
  const block = /```js\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README 的“作为库使用”一节没有 js 示例');
  return block[1]!;
}

it('the README example runs as written in an empty project that installed the packed tarball', () => {
  writeFileSync(path.join(consumer, 'example.mjs'), readmeExample());
  const out = execFileSync('node', ['example.mjs'], { cwd: consumer, encoding: 'utf8' });
  const lines = out.trim().split('\n');
  // county-catalog.yaml: 10 items, valid, with its hints; then the page.
  expect(lines[0]).toMatch(/^county-catalog\.yaml：\d+ 个事项，\d+ 个问题，通过$/);
  expect(lines.at(-1)).toMatch(/^网页 \d{4,} 个字符$/);
  expect(lines.length).toBe(Number(/(\d+) 个问题/.exec(lines[0]!)![1]) + 2);
});

it('a refused file throws ZwgkError with its code, and zwgk/node reads by path', () => {
  writeFileSync(
    path.join(consumer, 'errors.mjs'),
    `import { check, ZwgkError } from 'zwgk';
import { checkFile } from 'zwgk/node';
try { await check(new TextEncoder().encode('x'), '目录.pdf'); } catch (e) { console.log(e instanceof ZwgkError, e.finding.code); }
const checked = await checkFile('examples/county-catalog.yaml');
console.log(checked.catalog.items.length, checked.result.profile);
`,
  );
  const out = execFileSync('node', ['errors.mjs'], { cwd: consumer, encoding: 'utf8' }).trim().split('\n');
  expect(out[0]).toBe('true unsupported-format');
  expect(out[1]).toMatch(/^\d+ 2019$|^\d+ 2017$/);
});

it('a TypeScript consumer type-checks against the shipped types (and a wrong use does not)', () => {
  const good = `import { check, type Checked, type Finding } from 'zwgk';
const c: Checked = await check(new Uint8Array(), 'a.yaml');
const f: Finding[] = c.findings;
export const n: number = f.length + c.catalog.items.length;
`;
  const bad = `import { check } from 'zwgk';\nexport const n: string = (await check(new Uint8Array(), 'a.yaml')).findings;\n`;
  const tsconfig = { compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, include: ['*.ts'] };
  writeFileSync(path.join(consumer, 'tsconfig.json'), JSON.stringify(tsconfig));
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  writeFileSync(path.join(consumer, 'use.ts'), good);
  execFileSync('node', [tsc, '-p', consumer], { cwd: consumer, encoding: 'utf8' });
  writeFileSync(path.join(consumer, 'use.ts'), bad);
  let failed = '';
  try {
    execFileSync('node', [tsc, '-p', consumer], { cwd: consumer, encoding: 'utf8' });
  } catch (err) {
    failed = String((err as { stdout?: string }).stdout);
  }
  expect(failed).toMatch(/use\.ts\(2,\d+\): error TS2322/);
}, 60_000);

it('bundled for the browser by a consumer, it checks a catalog from bytes in a page', async () => {
  const yaml = readFileSync(path.join(ROOT, 'examples', 'county-catalog.yaml'), 'utf8');
  writeFileSync(
    path.join(consumer, 'browser.js'),
    `import { check } from 'zwgk';
const bytes = new TextEncoder().encode(${JSON.stringify(yaml)});
check(bytes, 'county-catalog.yaml').then(
  (c) => { window.result = { items: c.catalog.items.length, findings: c.findings.map((f) => f.code) }; },
  (e) => { window.result = { error: String(e && e.message) }; },
);
`,
  );
  const built = await esbuild.build({
    entryPoints: [path.join(consumer, 'browser.js')],
    absWorkingDir: consumer,
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    logLevel: 'silent',
    define: { global: 'globalThis' },
  });
  const script = built.outputFiles[0]!.text;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent('<!doctype html><meta charset="utf-8"><title>consumer</title>');
    await page.addScriptTag({ content: script });
    await page.waitForFunction(() => (window as unknown as { result?: unknown }).result !== undefined, undefined, { timeout: 20_000 });
    const result = await page.evaluate(() => (window as unknown as { result: unknown }).result);
    const node = execFileSync('node', ['-e', `import('zwgk').then(async ({ check }) => { const c = await check(require('fs').readFileSync('examples/county-catalog.yaml'), 'county-catalog.yaml'); console.log(JSON.stringify({ items: c.catalog.items.length, findings: c.findings.map((f) => f.code) })); })`], { cwd: consumer, encoding: 'utf8' });
    expect(errors).toEqual([]);
    // The same result in the page as in Node.
    expect(result).toEqual(JSON.parse(node));
  } finally {
    await browser.close();
  }
}, 90_000);
