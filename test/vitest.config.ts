// Vitest settings for `npm test` (kept under test/ so the project root stays as the brief lays it out).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    // Every .xlsx written during a test is checked as well-formed XML 1.0 (test/setup/xml-check.ts).
    setupFiles: ['test/setup/xml-check.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Browser and LibreOffice tests start heavy processes: two workers fit this 2-core machine.
    maxWorkers: 2,
  },
});
