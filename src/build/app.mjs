#!/usr/bin/env node
// Build step: bundle the browser app (src/app) with esbuild into ONE self-contained HTML file,
// dist/app/zwgk-app.html, which `zwgk app` copies out. The worker bundles the very core the CLI runs;
// Node-only modules exceljs requires are replaced by small shims (src/app/shims), and every package it
// bundles must be on the list in worker-packages.mjs (esbuild's metafile, kept in dist/app/, says which
// ones and how large: test/build/worker-bundle.test.ts reads it too). The page's
// Content-Security-Policy allows only its own script and style (by hash) and a worker from a blob:
// URL — nothing can be fetched or sent.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { checkWorkerPackages } from './worker-packages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const app = path.join(root, 'src', 'app');
const require = createRequire(import.meta.url);
const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;

/** Module names resolved to shims or browser builds, exactly (subpaths such as exceljs/lib/… stay as they are). */
const REPLACE = {
  exceljs: path.join(app, 'shims', 'exceljs.cjs'),
  archiver: path.join(app, 'shims', 'archiver.cjs'),
  fs: path.join(app, 'shims', 'empty.js'),
  crypto: path.join(app, 'shims', 'empty.js'),
  stream: require.resolve('readable-stream/readable-browser.js'),
};

const shims = {
  name: 'zwgk-shims',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(REPLACE).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: REPLACE[args.path] }));
  },
};

async function bundle(entry, extra = {}) {
  const result = await esbuild.build({
    entryPoints: [path.join(app, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'browser',
    format: 'iife',
    target: ['chrome90', 'edge90'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    ...extra,
  });
  return { js: result.outputFiles[0].text, metafile: result.metafile };
}

/** Inline script text must not end its <script> element early. */
function inlineSafe(js) {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const outDir = path.join(root, 'dist', 'app');
mkdirSync(outDir, { recursive: true });
const workerBuild = await bundle('worker.ts', {
  plugins: [shims],
  inject: [path.join(app, 'shims', 'globals.js')],
  define: { 'process.browser': 'true', global: 'globalThis' },
});
const metaFile = path.join(outDir, 'worker.meta.json');
writeFileSync(`${metaFile}.tmp`, JSON.stringify(workerBuild.metafile));
renameSync(`${metaFile}.tmp`, metaFile);
const { problems, bytes } = checkWorkerPackages(workerBuild.metafile);
if (problems.length) {
  // The exit code says it; nothing is written (the page is built only below).
  console.error(`app: the worker bundles packages its list does not allow:\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
} else {
  const worker = inlineSafe(workerBuild.js);
  const script = inlineSafe((await bundle('page.ts')).js);
  const css = readFileSync(path.join(app, 'page.css'), 'utf8');
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    `style-src ${sha256(css)}`,
    'worker-src blob:',
    "img-src 'none'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const fill = { CSP: csp, CSS: css, SCRIPT: script, WORKER: worker, VERSION: version };
  // A function replacer: the bundles contain "$&" and friends, which a replacement string would expand.
  const html = readFileSync(path.join(app, 'page.html'), 'utf8').replace(/%(CSP|CSS|SCRIPT|WORKER|VERSION)%/g, (_, k) => fill[k]);

  const out = path.join(outDir, 'zwgk-app.html');
  writeFileSync(`${out}.tmp`, html);
  renameSync(`${out}.tmp`, out);
  const kb = (n) => `${Math.round(n / 1024)} KB`;
  const largest = [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([name, n]) => `${name} ${kb(n)}`);
  console.log(`app: ${path.relative(root, out)} (${(Buffer.byteLength(html) / 1024 / 1024).toFixed(2)} MB); worker ${kb(Buffer.byteLength(workerBuild.js))}: ${largest.join(', ')} …`);
}
