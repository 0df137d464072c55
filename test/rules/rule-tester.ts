// eslint's RuleTester for zwgk's rules: valid catalogs give no finding; each invalid one gives exactly the
// listed [code, place] pairs and, once its fixes are applied (by fix's own applier, on a copy of the
// catalog), exactly the listed place texts. Places are A1 cells for the factory's catalogs, `line:column`
// for YAML, `#table row:column` for tables.
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/model/types.js';
import type { Code } from '../../src/findings/codes.js';
import type { Finding } from '../../src/findings/finding.js';
import { locationKey, type SourceRef } from '../../src/findings/location.js';
import { applyToTarget } from '../../src/fix/apply.js';
import { catalogTarget } from '../../src/fix/catalog-target.js';
import type { Rule } from '../../src/validate/rule.js';
import { ruleFindings } from '../../src/validate/index.js';

/** One rule's findings on a catalog, as validate runs it (only on the layouts it declares). */
export function check(rule: Rule, catalog: Catalog): Finding[] {
  return ruleFindings(catalog, [rule]);
}

/** A place in a few characters: E4, 12:5 (a YAML line and column), #2 7:9 (a table's row and column). */
export function placeOf(at: SourceRef): string {
  if (at.cell !== undefined) return at.cell;
  if (at.table !== undefined) return `#${at.table} ${at.row}:${at.column}`;
  return `${at.line}:${at.column}`;
}

/** Every place of a catalog that holds text (item values and the texts around the table). */
function places(catalog: Catalog): SourceRef[] {
  const all = new Map<string, SourceRef>();
  const add = (at: SourceRef) => all.set(locationKey(at), at);
  for (const item of catalog.items) {
    for (const c of [item.serial, item.category, item.name, item.subject, item.deadline, item.remark, ...item.basis.values]) add(c.at);
    if (item.platform) add(item.platform.at);
    for (const p of item.pairs) {
      add(p.content.at);
      if (p.standard) add(p.standard.at);
    }
    for (const c of Object.values(item.extra)) add(c.at);
  }
  for (const s of catalog.sources ?? []) add(s.at);
  return [...all.values()];
}

/** The texts of every place whose text the findings' fixes change, after fixing (as fix applies them). */
export async function fixedPlaces(catalog: Catalog, findings: readonly Finding[]): Promise<Record<string, string>> {
  let copy: Catalog | undefined;
  const result = await applyToTarget(
    catalogTarget(catalog, async (c) => ((copy = c), '')),
    findings,
  );
  expect(result.skipped.map((s) => s.reason)).toEqual([]);
  const at = places(catalog);
  const before = await catalogTarget(catalog, async () => '').read(at);
  const after = await catalogTarget(copy!, async () => '').read(at);
  const out: Record<string, string> = {};
  at.forEach((place, i) => {
    const [a, b] = [before[i]!, after[i]!];
    if ('text' in a && 'text' in b && a.text !== b.text) out[placeOf(place)] = b.text;
  });
  return out;
}

export interface ValidCase {
  name: string;
  catalog: Catalog;
}

export interface InvalidCase extends ValidCase {
  /** Every finding, in order: its code and place. */
  errors: [Code, string][];
  /** For a fixable rule: every place whose text the fixes change, with its text after fixing. */
  output?: Record<string, string>;
}

/** Run a rule's valid and invalid cases as tests. */
export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${rule.id}`, () => {
    it.each(cases.valid)('valid: $name', ({ catalog }) => {
      expect(check(rule, catalog)).toEqual([]);
    });
    it.each(cases.invalid)('invalid: $name', async ({ catalog, errors, output }) => {
      const found = check(rule, catalog);
      expect(found.map((f) => [f.code, placeOf(f.location)])).toEqual(errors);
      for (const f of found) expect(rule.codes).toContain(f.code);
      if (!rule.fixable) expect(found.filter((f) => f.fix)).toEqual([]);
      else expect(await fixedPlaces(catalog, found)).toEqual(output ?? {});
    });
  });
}
