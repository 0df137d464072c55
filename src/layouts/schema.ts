// The JSON Schema (draft 2020-12) of a list layout's YAML/JSON form (src/model/list-document.ts), made from
// its definition: what another system validates a list's data with before it reaches zwgk. Shipped for the
// built-in lists in schemas/lists/ (test/layouts/schemas.test.ts keeps them in step with the definitions).
import { ITEM_EXTRA_KEY, ITEM_ORIGIN_KEY, TOP_KEYS } from '../model/document.js';
import type { Layout, LayoutColumn } from './types.js';

const TEXT = { type: 'string' } as const;

function columnSchema(c: LayoutColumn): Record<string, unknown> {
  const base: Record<string, unknown> = { description: c.description || c.label };
  if (c.kind === 'ticks') return { ...base, type: 'array', items: { type: 'string', minLength: 1 }, ...(c.required ? { minItems: 1 } : {}) };
  const scalar: Record<string, unknown> = { type: 'string', maxLength: 32767 };
  if (c.required) scalar.pattern = '\\S';
  if (c.kind === 'yesno') Object.assign(scalar, c.required ? { enum: c.options } : { enum: [...c.options, ''] });
  else if (c.kind === 'serial') scalar.pattern = c.required ? '^[0-9]+$' : '^([0-9]+)?$';
  else if (c.closed && c.options.length && c.kind !== 'list') scalar.enum = c.options;
  if (c.per === 'row') return { ...base, oneOf: [scalar, { type: 'array', items: scalar, minItems: 1 }] };
  return { ...base, ...scalar };
}

/** The JSON Schema of a layout's YAML form. */
export function schemaOf(layout: Layout): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const c of layout.columns) properties[c.label] = columnSchema(c);
  properties[ITEM_EXTRA_KEY] = { type: 'object', additionalProperties: TEXT, description: '版式以外的列，按列名原样保留' };
  properties[ITEM_ORIGIN_KEY] = { ...TEXT, description: '合并时记下的来源（文件 工作表 单元格）' };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:zwgk:schema:list-${layout.id}`,
    title: layout.name,
    description: layout.description || layout.name,
    type: 'object',
    required: [TOP_KEYS.profile, TOP_KEYS.items],
    additionalProperties: false,
    properties: {
      [TOP_KEYS.profile]: { const: layout.name, description: '版式：清单的名称' },
      [TOP_KEYS.title]: TEXT,
      [TOP_KEYS.unit]: TEXT,
      [TOP_KEYS.date]: TEXT,
      [TOP_KEYS.preface]: TEXT,
      [TOP_KEYS.note]: TEXT,
      [TOP_KEYS.extraColumns]: { type: 'array', items: TEXT },
      [TOP_KEYS.options]: { type: 'object', additionalProperties: { type: 'array', items: TEXT } },
      [TOP_KEYS.items]: {
        type: 'array',
        items: { type: 'object', required: layout.columns.filter((c) => c.required).map((c) => c.label), additionalProperties: false, properties },
      },
    },
  };
}
