// The core runs in Node and in the browser app alike: nothing outside the shells (src/cli, src/node, src/app,
// src/build) may reach for the file system, processes, the terminal or Node's Buffer. The app's bundle
// proves the same at build time; this names the offending line.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const SHELLS = new Set(['cli', 'node', 'app', 'build', 'generated']);
const FORBIDDEN: [RegExp, string][] = [
  [/from ['"]node:|import\(['"]node:|require\(/, 'Node module'],
  [/\bprocess\.(?!browser)/, 'process'],
  [/\bBuffer\b/, 'Buffer'],
  [/\bDate\.now\(|new Date\(\)/, 'clock'],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

it('core modules use no Node-only API', () => {
  const found: string[] = [];
  for (const file of files('src')) {
    if (SHELLS.has(file.split(path.sep)[1]!)) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/^\s*(\/\/|\*)/.test(line)) return;
        for (const [re, what] of FORBIDDEN) if (re.test(line)) found.push(`${file}:${i + 1} ${what}: ${line.trim()}`);
      });
  }
  expect(found).toEqual([]);
});
