// An item from its first row, and each further row of it. The fields both layouts share are read here;
// each layout's own fields (pairs, 公开方式 / channels and ticks) by its table in fields-2017/2019.ts.
import { fieldLabel, type FieldKey, type Profile } from '../../settings/columns.js';
import type { Cell, Item, ListField } from '../../model/types.js';
import { packItem } from '../../model/packed.js';
import { record } from '../../model/record.js';
import type { SourceRef } from '../../findings/location.js';
import { finding } from '../../findings/finding.js';
import { fieldCell, resolveField, shortText, type Cells, type LayoutFields, type ReadContext } from './context.js';
import { FIELDS_2017 } from './fields-2017.js';
import { FIELDS_2019, moreChannels, moreTicks } from './fields-2019.js';

const FIELDS: Record<Profile, LayoutFields> = { '2017': FIELDS_2017, '2019': FIELDS_2019 };

/**
 * A new item from its first row, appended to the result. `heading` is the section heading that stands
 * for its category (the table has no category column); `belowNote`: the row lies below a 注 row.
 */
export function newItem(ctx: ReadContext, row: number, cells: Cells, heading: Cell | undefined, belowNote: boolean): Item {
  const header = ctx.header;
  const items = ctx.result.items;
  const itemAt = ctx.at(row, header.firstCol);
  const fields = FIELDS[header.profile];
  const itemNo = items.length + 1;
  const base = (key: FieldKey): Cell => fieldCell(ctx, key, row, cells, itemAt);
  // The item above has all its rows now: kept packed from here on (model/packed.ts).
  if (itemNo > 1) packItem(items[itemNo - 2]!);
  // Findings raised while building refer to the item being built.
  items.push(undefined as unknown as Item);
  const item: Item = {
    serial: base('serial'),
    category: heading ? { ...heading, at: { ...heading.at } } : base('category'),
    name: base('name'),
    basis: basis(ctx, row, cells, itemAt),
    pairs: [],
    subject: base('subject'),
    deadline: base('deadline'),
    remark: base('remark'),
    // No prototype: a column headed __proto__ is a column like any other.
    extra: record<Cell>(),
    at: itemAt,
  };
  const pair = fields.pair(ctx, row, cells, itemAt, false);
  if (pair) item.pairs.push(pair);
  fields.start(ctx, item, row, cells, itemAt);
  for (const c of header.columns) {
    if (c.kind !== 'extra') continue;
    const v = ctx.resolve(row, c.col, cells);
    if (v.text !== '') item.extra[c.label] = { text: v.text, at: v.at };
  }
  items[itemNo - 1] = item;
  if (belowNote) ctx.result.findings.push(finding('item-below-note', itemAt, { row }, { item: itemNo }));
  return item;
}

/**
 * A further row of `item`: another pair, and whatever item-level cells it holds itself. `mergedDown`:
 * its 序号 or 名称 is merged down from the item's first row; when not, the row is said to continue the item.
 */
export function continueItem(ctx: ReadContext, item: Item, row: number, cells: Cells, mergedDown: boolean): void {
  const header = ctx.header;
  const findings = ctx.result.findings;
  if (!mergedDown) {
    const at = ctx.at(row, ctx.roles.get('name')?.col ?? ctx.roles.get('serial')?.col ?? header.firstCol);
    findings.push(finding('continuation-row', at, { row }, { item: ctx.result.items.length }));
  }
  const pair = FIELDS[header.profile].pair(ctx, row, cells, item.at, true);
  if (pair) item.pairs.push(pair);
  let tickCells = false;
  for (const [col, text] of cells) {
    const c = ctx.byCol[col];
    if (!c || text.trim() === '') continue;
    const m = ctx.cover(col);
    if (m && (m.top !== row || m.left !== col)) continue;
    if (c.kind === 'tick' || c.kind === 'tickText') {
      tickCells = true;
      continue;
    }
    const at = ctx.at(row, col);
    if (c.kind === 'extra' || (c.key !== 'serial' && c.key !== 'name' && c.key !== 'content' && c.key !== 'standard')) ctx.use(col);
    // A second value in an unmerged item-level cell is kept (joined by a line break) and said so:
    // it may be a forgotten merge, or a new item whose 序号 and 名称 were left blank.
    const joined = (field: string, existing: Cell | undefined): Cell => {
      if (existing && existing.text.trim() !== '') {
        const itemNo = ctx.result.items.length;
        const make = (name: string) => finding('row-value-joined', at, { row, field: name, value: shortText(text) }, { field: name, item: itemNo });
        // A column without a header label is named only when the grid has ended.
        if (c.kind === 'extra' && ctx.blank.has(col)) ctx.blank.defer(col, make);
        else findings.push(make(field));
      }
      return appendCell(existing, text, at);
    };
    if (c.kind === 'extra') {
      item.extra[c.label] = joined(c.label, item.extra[c.label]);
      continue;
    }
    switch (c.key) {
      case 'basis':
        item.basis.values.push(...splitLines(text).map((line) => ({ text: line, at })));
        break;
      case 'channels':
        moreChannels(ctx, item, row, cells);
        break;
      case 'category':
      case 'subject':
      case 'deadline':
      case 'remark':
      case 'platform': {
        const key = c.key;
        item[key] = joined(fieldLabel(header.profile, key), item[key]);
        break;
      }
      default:
        // serial and name start items; content and standard make the pair above.
        break;
    }
  }
  if (item.ticks && tickCells) moreTicks(ctx, item, row, cells);
}

/** One citation per line; blank lines dropped, the lines themselves verbatim. */
export function splitLines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

/** The row's 依据: one citation per line of its cell. */
function basis(ctx: ReadContext, row: number, cells: Cells, itemAt: SourceRef): ListField {
  const v = resolveField(ctx, 'basis', row, cells);
  if (!v) return { values: [], at: itemAt };
  return { values: splitLines(v.text).map((text) => ({ text, at: v.at })), at: v.at };
}

/** Fill an empty cell, or add a further line to a filled one (nothing is dropped). */
function appendCell(cell: Cell | undefined, text: string, at: SourceRef): Cell {
  if (!cell || cell.text.trim() === '') return { text, at };
  return { ...cell, text: `${cell.text}\n${text}` };
}
