// JSON Schema validation of the catalog document (schemas/*.schema.json, draft 2020-12), compiled by ajv
// at build time (src/build/assets.mjs) into standalone validators: no code is generated at run time.
// ajv's raw errors never leave this module: each is translated into a finding at the sheet cell or
// YAML line of the value it is about.
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { validate2017, validate2019 } from '../generated/schemas.js';
import { itemKeys, ITEM_EXTRA_KEY, ITEM_ORIGIN_KEY, OPTION_KEYS, TOP_KEYS, textCell, toDocument } from '../model/document.js';
import type { Catalog, Item } from '../model/types.js';
import type { SourceRef } from '../findings/location.js';
import type { Code } from '../findings/codes.js';
import { finding, type Finding } from '../findings/finding.js';
import { COLUMNS, type FieldKey, type Profile, type TickGroup } from '../settings/columns.js';

/** The codes schema findings are reported under. */
export const SCHEMA_CODES = ['cell-too-long', 'required-blank', 'unknown-key', 'invalid-value'] as const satisfies readonly Code[];

const VALIDATORS = { '2017': validate2017, '2019': validate2019 } as unknown as Record<Profile, ValidateFunction>;

/** The compiled validator of a layout. */
export function schemaValidator(profile: Profile): ValidateFunction {
  return VALIDATORS[profile];
}

interface Target {
  at: SourceRef;
  field: string;
  key?: FieldKey;
  item?: number;
  value?: unknown;
}

/** Where an instance path of the document points in the model. */
function locate(catalog: Catalog, segments: string[]): Target {
  const fileAt: SourceRef = { file: catalog.file };
  if (segments[0] !== '事项' || segments.length < 2) return { at: fileAt, field: segments[0] ?? '' };
  const index = Number(segments[1]);
  const item: Item | undefined = catalog.items[index];
  if (!item) return { at: fileAt, field: '事项' };
  const docKey = segments[2];
  const base = { item: index + 1 };
  if (docKey === undefined) return { ...base, at: item.at, field: '事项' };
  if (docKey === ITEM_EXTRA_KEY) {
    const cell = segments[3] !== undefined ? item.extra[segments[3]] : undefined;
    return { ...base, at: cell?.at ?? item.at, field: segments[3] ?? docKey, value: cell?.text };
  }
  const spec = itemKeys(catalog.profile).find((k) => k.docKey === docKey);
  if (!spec) return { ...base, at: item.at, field: docKey };
  const rest = segments.slice(3);
  const label = (k: FieldKey) => COLUMNS[catalog.profile].find((c) => c.key === k)?.label ?? k;
  switch (spec.shape) {
    case 'pairs': {
      const pair = item.pairs[Number(rest[0] ?? 0)];
      const isStandard = rest[1] === label('standard');
      const cell = isStandard ? pair?.standard : pair?.content;
      return { ...base, at: cell?.at ?? item.at, field: isStandard ? label('standard') : label('content'), key: isStandard ? 'standard' : 'content', value: cell?.text };
    }
    case 'contents': {
      const cell = item.pairs[Number(rest[0] ?? 0)]?.content;
      return { ...base, at: cell?.at ?? item.at, field: docKey, key: 'content', value: cell?.text };
    }
    case 'list': {
      const list =
        spec.key === 'basis' ? item.basis : spec.key === 'channels' ? item.channels : item.ticks?.[spec.key as TickGroup];
      const cell = rest[0] !== undefined ? list?.values[Number(rest[0])] : undefined;
      return { ...base, at: cell?.at ?? list?.at ?? item.at, field: docKey, key: spec.key, value: cell?.text };
    }
    default: {
      const cell = textCell(item, spec.key);
      return { ...base, at: cell?.at ?? item.at, field: docKey, key: spec.key, value: cell?.text };
    }
  }
}

function decodePointer(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The keys a layout allows at a place of the document (the root, an item, the 选项 map). */
function knownKeys(profile: Profile, segments: string[]): string[] {
  if (segments.length === 0) return Object.values(TOP_KEYS).filter((k) => profile === '2019' || k !== TOP_KEYS.options);
  if (segments[0] === TOP_KEYS.options) return Object.values(OPTION_KEYS);
  return [...itemKeys(profile).map((k) => k.docKey), ITEM_EXTRA_KEY, ITEM_ORIGIN_KEY];
}

const BLANK_KEYWORDS = new Set(['pattern', 'minLength', 'minItems', 'anyOf', 'required']);

/** Items checked against the schema at once. */
const ITEMS_PER_CHECK = 2000;
const ITEM_PATH = /^\/事项\/(\d+)/;

/**
 * The schema's errors for the catalog's document, made and checked a slice of items at a time: the whole
 * catalog as one plain document (a second object for every value) was the largest thing validate made while
 * the catalog is held (issue 19). The document's own keys are checked with the first slice; an item's errors
 * are given its place in the whole catalog.
 */
function schemaErrors(catalog: Catalog, validate: ValidateFunction): ErrorObject[] {
  const out: ErrorObject[] = [];
  const { items } = catalog;
  for (let at = 0; at === 0 || at < items.length; at += ITEMS_PER_CHECK) {
    const slice = at === 0 && items.length <= ITEMS_PER_CHECK ? catalog : { ...catalog, items: items.slice(at, at + ITEMS_PER_CHECK) };
    if (validate(toDocument(slice))) continue;
    for (const e of validate.errors ?? []) {
      const item = ITEM_PATH.exec(e.instancePath);
      if (at === 0) out.push(e);
      else if (item) out.push({ ...e, instancePath: `/事项/${Number(item[1]) + at}${e.instancePath.slice(item[0].length)}` });
    }
  }
  return out;
}

/** Validate the catalog's document against its layout's schema; findings point at cells/lines. */
export function schemaFindings(catalog: Catalog): Finding[] {
  const errors = schemaErrors(catalog, schemaValidator(catalog.profile));
  if (errors.length === 0) return [];
  // Group by instance path: anyOf and friends report several errors for one value; one finding each.
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const path = e.keyword === 'required' ? `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}` : e.instancePath;
    const list = byPath.get(path) ?? [];
    list.push(e);
    byPath.set(path, list);
  }
  // A child error (…/公开内容/0) makes the parent's anyOf error redundant. Every path's ancestors in a
  // set: one error per item of a large catalog would otherwise compare every path with every other.
  const paths = [...byPath.keys()];
  const ancestors = new Set<string>();
  for (const path of paths) {
    for (let i = path.lastIndexOf('/'); i >= 0; i = i === 0 ? -1 : path.lastIndexOf('/', i - 1)) ancestors.add(path.slice(0, i));
  }
  const out: Finding[] = [];
  for (const path of paths) {
    if (ancestors.has(path)) continue;
    const errors = byPath.get(path)!;
    const target = locate(catalog, decodePointer(path));
    const extra = { field: target.field, ...(target.item !== undefined ? { item: target.item } : {}) };
    const tooLong = errors.find((e) => e.keyword === 'maxLength');
    if (tooLong) {
      out.push(finding('cell-too-long', target.at, { field: target.field, length: String(target.value ?? '').length }, extra));
      continue;
    }
    if (errors.some((e) => BLANK_KEYWORDS.has(e.keyword)) && String(target.value ?? '').trim() === '') {
      const description = COLUMNS[catalog.profile].find((c) => c.label === target.field)?.description ?? target.field;
      out.push(finding('required-blank', target.at, { field: target.field, description }, extra));
      continue;
    }
    const e = errors[0]!;
    if (e.keyword === 'additionalProperties') {
      // A key the layout does not have: named, with the keys it does have.
      const key = String((e.params as { additionalProperty?: unknown }).additionalProperty ?? '');
      out.push(finding('unknown-key', target.at, { key, known: knownKeys(catalog.profile, decodePointer(path)).join('、') }, extra));
      continue;
    }
    const detail = e.keyword === 'const' || e.keyword === 'enum' ? `应为 ${JSON.stringify((e.params as { allowedValue?: unknown }).allowedValue ?? '')}` : `不符合格式要求（${e.keyword}）`;
    out.push(finding('invalid-value', target.at, { field: target.field, value: String(target.value ?? ''), detail }, extra));
  }
  return out;
}


