#!/usr/bin/env node
// Run by `npm test` before vitest: the browser and LibreOffice tests need Debian's chromium, soffice,
// a CJK font and poppler. When something is missing we install it (as root) or stop with a clear
// message: tests must never skip silently because a tool is absent.
// The no-op path is a handful of existsSync calls, so it costs nothing on every `npm test`.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** What each test needs, the file that proves it is there, and the Debian package that provides it. */
const REQUIREMENTS = [
  { what: 'Chromium（浏览器测试）', files: ['/usr/bin/chromium'], pkg: 'chromium' },
  { what: 'LibreOffice Calc（xlsx 转 PDF 测试）', files: ['/usr/bin/soffice'], pkg: 'libreoffice-calc-nogui' },
  // Writer converts .doc/.wps to .docx for the reader, and makes the Word fixtures of the tests.
  { what: 'LibreOffice Writer（.doc/.wps 转换和 Word 测试）', files: ['/usr/lib/libreoffice/program/libswlo.so'], pkg: 'libreoffice-writer-nogui' },
  {
    what: '中文字体 Noto CJK（截图和 PDF 中的汉字）',
    files: ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'],
    pkg: 'fonts-noto-cjk',
  },
  { what: 'poppler-utils（PDF 转图片）', files: ['/usr/bin/pdftoppm'], pkg: 'poppler-utils' },
  // Excel sizes columns by the digits of Calibri; without Carlito (its metric twin, which a normal
  // LibreOffice install recommends) LibreOffice measures them in DejaVu Sans, a third wider, and
  // paginates unlike Excel and WPS.
  {
    what: 'Carlito 字体（LibreOffice 按 Excel 的列宽分页）',
    files: ['/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf'],
    pkg: 'fonts-crosextra-carlito',
  },
];

const missing = REQUIREMENTS.filter((r) => !r.files.every((f) => existsSync(f)));
if (missing.length === 0) process.exit(0);

const pkgs = missing.map((r) => r.pkg);
console.log('测试需要的系统组件缺失：');
for (const r of missing) console.log(`  - ${r.what}：缺少 ${r.files.join('、')}（Debian 包 ${r.pkg}）`);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `\n当前不是 root 用户，无法自动安装。请以 root 身份运行：\n` +
      `  apt-get update && apt-get install -y --no-install-recommends ${pkgs.join(' ')}\n` +
      `然后重新运行 npm test。`,
  );
  process.exit(1);
}

/** Run a command in the foreground, echoing it; stop the whole setup when it fails. */
function run(cmd, args) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0) {
    console.error(`\n命令失败（退出码 ${r.status ?? r.signal}）：${cmd} ${args.join(' ')}`);
    process.exit(1);
  }
}

// Another apt run (a colleague's npm test) may hold the dpkg lock: wait for it rather than fail.
const lockWait = ['-o', 'DPkg::Lock::Timeout=600'];
run('apt-get', [...lockWait, 'update']);
run('apt-get', [...lockWait, 'install', '-y', '--no-install-recommends', ...pkgs]);

const still = REQUIREMENTS.filter((r) => !r.files.every((f) => existsSync(f)));
if (still.length) {
  console.error(`安装后仍缺少：${still.map((r) => r.files.join('、')).join('；')}`);
  process.exit(1);
}
console.log('系统组件已就绪。');
