// Content rules: what the schema cannot see (文号 brackets, 公开时限 classes, ticks, 序号 order …).
import type { Catalog } from '../../model/types.js';
import type { Finding } from '../../findings/finding.js';
import { categoriesRule } from './categories.js';
import { citationsRule } from './citations.js';
import { deadlineRule } from './deadline.js';
import { duplicatesRule } from './duplicates.js';
import { pairsRule } from './pairs.js';
import { placeholdersRule } from './placeholders.js';
import { serialRule } from './serial.js';
import { ticksRule } from './ticks.js';
import { wenhaoRule } from './wenhao.js';
import { whitespaceRule } from './whitespace.js';
import { xmlCharsRule } from './xml-chars.js';

/** A rule looks at the whole catalog and returns its findings (located at exact cells). */
export type Rule = (catalog: Catalog) => Finding[];

/** Every content rule, run in this order after the schema. */
export const RULES: readonly Rule[] = [
  serialRule,
  duplicatesRule,
  categoriesRule,
  pairsRule,
  ticksRule,
  citationsRule,
  wenhaoRule,
  deadlineRule,
  whitespaceRule,
  placeholdersRule,
  xmlCharsRule,
];

/** Run every content rule on a catalog. */
export function runRules(catalog: Catalog): Finding[] {
  return RULES.flatMap((rule) => rule(catalog));
}

export { classifyDeadline, type DeadlineClass, type DeadlineKind } from './deadline.js';
export { findWenhao, hasWenhao, type WenhaoHit } from './wenhao.js';
