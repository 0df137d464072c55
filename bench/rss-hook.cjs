// Preloaded into every benchmarked child (node --require): at exit, write the process's peak
// resident set size (KiB, getrusage maxRSS) and its CPU time (user + system, microseconds, all
// threads) as "maxRSS cpu" to the file named by ZWGK_BENCH_RSS.
'use strict';
const file = process.env.ZWGK_BENCH_RSS;
if (file) {
  process.on('exit', () => {
    try {
      const u = process.resourceUsage();
      require('node:fs').writeFileSync(file, `${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}`);
    } catch {
      // Measuring must never change the outcome of the measured run.
    }
  });
}
