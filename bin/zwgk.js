#!/usr/bin/env node
// Thin shim: all behaviour lives in the library's run(), which returns the exit code.
// A closed pipe (zwgk validate … | head) ends the run quietly instead of with a stack trace.
import v8 from 'node:v8';
// Grow the heap by half its live size after a full collection, not V8's up to 4×: zwgk makes much
// short-lived garbage while reading and writing big catalogs, and the default let a 25 000-item run's
// peak RSS reach twice what it holds (issue 19). An explicit --heap-growing-percent wins.
if (!process.execArgv.some((a) => a.startsWith('--heap-growing-percent') || a.startsWith('--heap_growing_percent'))) {
  v8.setFlagsFromString('--heap-growing-percent=50');
}
for (const s of [process.stdout, process.stderr]) {
  s.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}
import('../dist/cli/index.js').then(
  ({ run }) => run({ argv: process.argv.slice(2) }).then((code) => { process.exitCode = code; }),
  (err) => {
    process.stderr.write(`错误：zwgk 尚未构建，请在项目目录运行 npm install（会自动编译）后重试。（${err.message}）\n`);
    process.exitCode = 2;
  },
);
