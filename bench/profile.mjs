// Summarise a V8 .cpuprofile (node --cpu-prof): self time by function and by file, top first.
// Usage: node bench/profile.mjs <file.cpuprofile> [top=20]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function shortUrl(url) {
  if (!url) return '(native)';
  const p = url.startsWith('file://') ? fileURLToPath(url) : url;
  return p.startsWith(ROOT) ? path.relative(ROOT, p) : p;
}

/** Self time (ms) per function and per file of one profile. */
export function summarise(file, top = 20) {
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < prof.samples.length; i++) {
    const id = prof.samples[i];
    self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
  }
  const fns = new Map();
  const files = new Map();
  let total = 0;
  for (const [id, us] of self) {
    const n = byId.get(id);
    const cf = n.callFrame;
    const where = shortUrl(cf.url);
    const key = `${cf.functionName || '(anonymous)'}  ${where}${cf.url ? `:${cf.lineNumber + 1}` : ''}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
    const group = where.includes('node_modules/')
      ? where.replace(/.*node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/, (_, pkg, rest) => `${pkg}/${rest}`)
      : where;
    files.set(group, (files.get(group) ?? 0) + us);
    total += us;
  }
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { totalMs: total / 1000, functions: sorted(fns).map(([k, us]) => [k, us / 1000]), files: sorted(files).map(([k, us]) => [k, us / 1000]) };
}

/** The summary as text lines. */
export function formatSummary(s) {
  const pct = (ms) => `${((100 * ms) / s.totalMs).toFixed(1).padStart(5)}%`;
  const lines = [`sampled ${(s.totalMs / 1000).toFixed(2)} s`, 'self time by function:'];
  for (const [k, ms] of s.functions) lines.push(`  ${pct(ms)} ${ms.toFixed(0).padStart(7)} ms  ${k}`);
  lines.push('self time by file:');
  for (const [k, ms] of s.files) lines.push(`  ${pct(ms)} ${ms.toFixed(0).padStart(7)} ms  ${k}`);
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(formatSummary(summarise(process.argv[2], Number(process.argv[3] ?? 20))));
}
