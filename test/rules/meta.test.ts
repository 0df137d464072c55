// The code table held against what declares it, over a corpus (markdownlint's scenario test, frictionless's
// per-check Errors lists, eslint's refusal of a fix from a rule without meta.fixable): every rule runs on
// every catalog of examples/ and test/fixtures/ that reads, on pages and Word files made from them, and on
// every rule case (cases.ts). A rule may emit only the codes it declares and only fixable rules may fix;
// every fixable rule fixes somewhere and every code a rule declares is emitted somewhere; every code a
// reader reports is declared by its format; and every non-fatal code of the table is claimed by a rule, a
// reader, validate itself, merge or coverage — a code nobody claims (as header-spelling was, before it had
// its rule) fails.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/model/types.js';
import { CODES, type Code } from '../../src/findings/codes.js';
import { ZwgkError, type Finding } from '../../src/findings/finding.js';
import { applyEdits } from '../../src/findings/fix.js';
import { detectFormat, FORMATS, readCatalogBytes } from '../../src/formats/index.js';
import type { FormatSpec } from '../../src/formats/types.js';
import { GRID_CODES } from '../../src/grid/codes.js';
import { MERGE_CODES } from '../../src/draft/merge.js';
import { COVERAGE_CODES } from '../../src/reports/coverage.js';
import { ruleFindings, VALIDATE_CODES } from '../../src/validate/index.js';
import { RULES } from '../../src/validate/rules/index.js';
import { SCHEMA_CODES } from '../../src/validate/schema.js';
import { LIST_CODES } from '../../src/validate/list/index.js';
import { isList } from '../../src/model/list.js';
import { makeTableFixtures } from '../helpers/table-fixtures.js';
import { RULE_CASES } from './cases.js';


function codesOf(format: FormatSpec): readonly Code[] {
  return format.codes ?? [];
}

function filesUnder(dir: string, exts: readonly string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return filesUnder(p, exts);
    return exts.includes(path.extname(name).toLowerCase()) ? [p] : [];
  });
}

interface Read {
  file: string;
  format: FormatSpec;
  catalog: Catalog;
}

const READABLE = FORMATS.filter((f) => f.read).flatMap((f) => f.extensions);
const read: Read[] = [];
const lists: { file: string; format: FormatSpec; catalog: import('../../src/model/list.js').ListDoc }[] = [];
let cases: Catalog[] = [];
/** Each rule's findings on each catalog of the corpus. */
const emitted = new Map<string, Finding[]>();

beforeAll(async () => {
  const tables = await makeTableFixtures(mkdtempSync(path.join(tmpdir(), 'zwgk-meta-')));
  const files = [...filesUnder('examples', READABLE), ...filesUnder('test/fixtures', READABLE), ...tables.pages.map((d) => d.file), ...tables.word.map((d) => d.file)];
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    try {
      const doc = await readCatalogBytes(bytes, file);
      // Lists of other layouts are checked by their declaration (validate/list), not by the catalog's rules.
      if (isList(doc)) lists.push({ file, format: detectFormat(bytes, file)!, catalog: doc });
      else read.push({ file, format: detectFormat(bytes, file)!, catalog: doc });
    } catch (e) {
      // The files that cannot be read are the corpus of the fatal codes (test/robust, test/readers).
      if (!(e instanceof ZwgkError)) throw e;
    }
  }
  cases = RULE_CASES.flatMap(([, c]) => [...c.valid, ...c.invalid].map((x) => x.catalog));
  for (const rule of RULES) emitted.set(rule.id, [...read.map((r) => r.catalog), ...cases].flatMap((c) => ruleFindings(c, [rule])));
}, 120_000);

describe('rules against their declarations', () => {
  it('reads a corpus of every readable format', () => {
    expect(read.length).toBeGreaterThan(20);
    expect(new Set(read.map((r) => r.format.id))).toEqual(new Set(['yaml', 'xlsx', 'html', 'docx']));
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s emits only the codes it declares, and fixes only if fixable', (_id, rule) => {
    const found = emitted.get(rule.id)!;
    expect([...new Set(found.map((f) => f.code))].filter((c) => !rule.codes.includes(c))).toEqual([]);
    if (!rule.fixable) expect(found.filter((f) => f.fix).map((f) => f.code)).toEqual([]);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s emits every code it declares somewhere in the corpus', (_id, rule) => {
    const seen = new Set(emitted.get(rule.id)!.map((f) => f.code));
    expect(rule.codes.filter((c) => !seen.has(c))).toEqual([]);
  });

  it.each(RULES.filter((r) => r.fixable).map((r) => [r.id, r] as const))('fixable %s fixes somewhere, and every fix applies to the text it expects', (_id, rule) => {
    const fixed = emitted.get(rule.id)!.filter((f) => f.fix);
    expect(fixed.length).toBeGreaterThan(0);
    for (const f of fixed) {
      const r = applyEdits(f.fix!.expected, f.fix!.edits);
      expect(r.skipped, `${f.code} ${f.message}`).toEqual([]);
      expect(r.text, `${f.code} ${f.message}`).not.toBe(f.fix!.expected);
    }
  });
});

describe('readers against their declarations', () => {
  it('every code a reader reports is one its format declares', () => {
    const undeclared = [...read, ...lists].flatMap((r) => r.catalog.findings.filter((f) => !codesOf(r.format).includes(f.code)).map((f) => `${r.file}: ${f.code}`));
    expect(undeclared).toEqual([]);
  });

  it('declares only non-fatal codes of the table (fatal ones are thrown, not reported)', () => {
    const declared = [...FORMATS.flatMap(codesOf), ...RULES.flatMap((r) => r.codes)];
    expect(declared.filter((c) => !(c in CODES) || ('fatal' in CODES[c] && CODES[c].fatal))).toEqual([]);
  });

});

describe('the code table', () => {
  it('every non-fatal code is claimed by a rule, a reader, validate, merge or coverage', () => {
    const claimed = new Set<Code>([
      ...RULES.flatMap((r) => r.codes),
      ...FORMATS.flatMap(codesOf),
      ...GRID_CODES,
      ...SCHEMA_CODES,
      ...VALIDATE_CODES,
      ...MERGE_CODES,
      ...COVERAGE_CODES,
      ...LIST_CODES,
    ]);
    const nonFatal = (Object.keys(CODES) as Code[]).filter((c) => !('fatal' in CODES[c] && CODES[c].fatal));
    expect(nonFatal.filter((c) => !claimed.has(c))).toEqual([]);
  });
});
