// What a content rule is: a check of the whole catalog, and what it declares about itself — the codes it may
// report, whether its findings carry fixes, and the layouts it applies to. The declarations are what the
// code table is held against (test/rules/meta.test.ts): a code no rule or reader claims, a code a rule
// emits without declaring it, or a fix from a rule that is not fixable fails that test (as eslint refuses a
// fix from a rule without meta.fixable).
import type { Catalog } from '../model/types.js';
import type { Code } from '../findings/codes.js';
import type { Finding } from '../findings/finding.js';
import type { Profile } from '../settings/columns.js';

export interface Rule {
  /** Short name, as the rule's file is named: wenhao, whitespace, header-spelling … */
  id: string;
  /** Every code the rule may emit. */
  codes: readonly Code[];
  /** Its findings may carry a fix (zwgk fix applies them). */
  fixable?: boolean;
  /** The layouts it applies to; both when absent. */
  profiles?: readonly Profile[];
  /** The findings for one catalog, located at exact cells. */
  check(catalog: Catalog): Finding[];
}

/** Declare a rule (a typed identity, so that a rule file reads as its declaration). */
export function defineRule<const R extends Rule>(rule: R): R {
  return rule;
}

/** Whether a rule applies to a catalog's layout. */
export function appliesTo(rule: Rule, catalog: Catalog): boolean {
  return rule.profiles === undefined || rule.profiles.includes(catalog.profile);
}
