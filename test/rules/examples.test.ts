// False alarms on real files: the examples are clean catalogs written the way counties write them, so
// the content rules must stay quiet on them except where a problem was put in on purpose.
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../src/node/read-file.js';
import { ruleFindings as runRules } from '../../src/validate/index.js';

describe('content rules on examples/', () => {
  it.each([
    ['examples/county-catalog.yaml', []],
    ['examples/reference-anquan.yaml', []],
    // The sample table's own 文号 carry a PDF-copy space before 号 (see wenhao.ts): spacing warnings only.
    ['examples/sample-table.yaml', [['wenhao-spacing', 11], ['wenhao-spacing', 12], ['wenhao-spacing', 13]]],
    // The demo unit catalog has one 文号 written with [] on purpose.
    ['examples/unit-anquan.yaml', [['category-spelling', 79], ['wenhao-brackets', 56]]],
  ])('%s', async (file, expected) => {
    const catalog = await readCatalog(file);
    expect(runRules(catalog).map((f) => [f.code, f.location.line])).toEqual(expected);
  });
});
