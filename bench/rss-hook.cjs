// Preloaded into every benchmarked child (node --require): at exit, write the process's peak
// resident set size (KiB) and its CPU time (user + system, microseconds, all threads) as "maxRSS cpu"
// to the file named by ZWGK_BENCH_RSS. The peak is VmHWM of /proc/self/status where there is one:
// getrusage's maxRSS survives fork and exec, so a child would report at least its parent's size when
// it was spawned (the bench holds the generated hostile files in memory).
'use strict';
const file = process.env.ZWGK_BENCH_RSS;
if (file) {
  process.on('exit', () => {
    try {
      const fs = require('node:fs');
      const u = process.resourceUsage();
      let peak = u.maxRSS;
      try {
        const hwm = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
        if (hwm) peak = Number(hwm[1]);
      } catch {
        // No /proc (not Linux): getrusage's figure.
      }
      fs.writeFileSync(file, `${peak} ${u.userCPUTime + u.systemCPUTime}`);
    } catch {
      // Measuring must never change the outcome of the measured run.
    }
  });
}
