#!/usr/bin/env node
// Thin shim: all behaviour lives in the library's run(), which returns the exit code.
// A closed pipe (zwgk validate … | head) ends the run quietly instead of with a stack trace.
for (const s of [process.stdout, process.stderr]) {
  s.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}
// The command's process grows its heap as node/heap.ts says (issue 19); a library leaves its host's alone.
Promise.all([import('../dist/cli/index.js'), import('../dist/node/heap.js')]).then(
  ([{ run }, { manageHeap }]) => {
    manageHeap();
    return run({ argv: process.argv.slice(2) }).then((code) => { process.exitCode = code; });
  },
  (err) => {
    process.stderr.write(`错误：zwgk 尚未构建，请在项目目录运行 npm install（会自动编译）后重试。（${err.message}）\n`);
    process.exitCode = 2;
  },
);
