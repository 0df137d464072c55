#!/usr/bin/env node
// Thin shim: all behaviour lives in the library's run(), which returns the exit code.
import('../dist/cli/index.js').then(
  ({ run }) => run({ argv: process.argv.slice(2) }).then((code) => { process.exitCode = code; }),
  (err) => {
    process.stderr.write(`错误：zwgk 尚未构建，请在项目目录运行 npm install（会自动编译）后重试。（${err.message}）\n`);
    process.exitCode = 2;
  },
);
