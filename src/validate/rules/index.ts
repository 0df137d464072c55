// Content rules: what the schema cannot see (文号 brackets, 公开时限 classes, ticks, 序号 order …).
import type { Catalog } from '../../model/types.js';
import type { Finding } from '../../report/finding.js';

/** A rule looks at the whole catalog and returns its findings (located at exact cells). */
export type Rule = (catalog: Catalog) => Finding[];

/** Every content rule, run in this order after the schema. */
export const RULES: readonly Rule[] = [];
