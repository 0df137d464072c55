// Validation: what the reader noticed, then the JSON Schema, then the content rules.
import type { Catalog } from '../model/types.js';
import type { Code } from '../findings/codes.js';
import { finding, sortFindings, type Finding } from '../findings/finding.js';
import { fieldLabel, type FieldKey } from '../settings/columns.js';
import { appliesTo, type Rule } from './rule.js';
import { RULES } from './rules/index.js';
import { schemaFindings } from './schema.js';
import { isList, type Doc } from '../model/list.js';
import { validateList } from './list/index.js';

/** The codes validate itself reports besides the schema's and the rules' (an empty catalog). */
export const VALIDATE_CODES = ['catalog-empty'] as const satisfies readonly Code[];

function placeKey(f: Finding): string {
  const l = f.location;
  return `${l.file}|${l.sheet ?? ''}|${l.table ?? ''}|${l.cell ?? ''}|${l.table !== undefined ? (l.row ?? '') : ''}|${l.line ?? ''}|${l.column ?? ''}|${f.field ?? ''}`;
}

/** The content rules' findings for one catalog, each rule only on the layouts it declares (unsorted). */
export function ruleFindings(catalog: Catalog, rules: readonly Rule[] = RULES): Finding[] {
  return rules.flatMap((rule) => (appliesTo(rule, catalog) ? rule.check(catalog) : []));
}

/** All findings for one catalog, sorted deterministically. */
export function validateCatalog(catalog: Catalog): Finding[] {
  const missing = new Set(catalog.missingColumns.map((k) => fieldLabel(catalog.profile, k as FieldKey)));
  // A missing column is reported once by the reader, not once per item.
  const schema = schemaFindings(catalog).filter((f) => !(f.code === 'required-blank' && f.field && missing.has(f.field)));
  const rules = ruleFindings(catalog);
  // A rule that explains a blank cell better (公开标准 missing for its 公开内容) replaces the generic one.
  const ruleErrors = new Set(rules.filter((f) => f.severity === 'error').map(placeKey));
  const generic = schema.filter((f) => !(f.code === 'required-blank' && ruleErrors.has(placeKey(f))));
  // An empty catalog is valid in form but never what a unit means to submit.
  const empty = catalog.items.length === 0 ? [finding('catalog-empty', { file: catalog.file })] : [];
  return sortFindings([...catalog.findings, ...empty, ...generic, ...rules]);
}

/** All findings for a catalog or a list of another layout, sorted deterministically. */
export function validateDoc(doc: Doc): Finding[] {
  return isList(doc) ? validateList(doc) : validateCatalog(doc);
}
