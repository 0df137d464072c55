// Preloaded into every benchmarked child (node --require): at exit, write the process's peak
// resident set size (KiB, from getrusage) to the file named by ZWGK_BENCH_RSS.
'use strict';
const file = process.env.ZWGK_BENCH_RSS;
if (file) {
  process.on('exit', () => {
    try {
      require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // Measuring must never change the outcome of the measured run.
    }
  });
}
