// Content rules: what the schema cannot see (文号 brackets, 公开时限 classes, ticks, 序号 order …). Each is
// declared with the codes it reports (validate/rule.ts); this is the list validate runs, in this order.
import type { Rule } from '../rule.js';
import { categoriesRule } from './categories.js';
import { citationsRule } from './citations.js';
import { deadlineRule } from './deadline.js';
import { duplicatesRule } from './duplicates.js';
import { headerSpellingRule } from './headers.js';
import { pairsRule } from './pairs.js';
import { placeholdersRule } from './placeholders.js';
import { serialRule } from './serial.js';
import { ticksRule } from './ticks.js';
import { wenhaoRule } from './wenhao.js';
import { whitespaceRule } from './whitespace.js';
import { wordBreaksRule } from './word-breaks.js';
import { xmlCharsRule } from './xml-chars.js';
import { oddCharsRule } from './odd-chars.js';
import { numberedRule } from './numbered.js';

/** Every content rule, run in this order after the schema. */
export const RULES: readonly Rule[] = [
  serialRule,
  duplicatesRule,
  categoriesRule,
  pairsRule,
  numberedRule,
  ticksRule,
  citationsRule,
  wenhaoRule,
  deadlineRule,
  whitespaceRule,
  wordBreaksRule,
  placeholdersRule,
  xmlCharsRule,
  oddCharsRule,
  headerSpellingRule,
];

export { classifyDeadline, type DeadlineClass, type DeadlineKind } from './deadline.js';
export { findWenhao, hasWenhao, type WenhaoHit } from './wenhao.js';
