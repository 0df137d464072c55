// README's code table is generated from src/findings/codes.ts; run with UPDATE_DOCS=1 to refresh it.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { codesMarkdownTable } from '../src/findings/codes-doc.js';
import { CODES } from '../src/findings/codes.js';

const START = '<!-- codes:start -->';
const END = '<!-- codes:end -->';

it('README lists every finding code exactly as declared', () => {
  const readme = readFileSync('README.md', 'utf8');
  const before = readme.slice(0, readme.indexOf(START) + START.length);
  const after = readme.slice(readme.indexOf(END));
  const expected = `${before}\n${codesMarkdownTable()}\n${after}`;
  if (process.env.UPDATE_DOCS) writeFileSync('README.md', expected);
  expect(readme).toBe(expected);
});

it('codes are stable kebab-case', () => {
  for (const code of Object.keys(CODES)) expect(code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
});
