// Catalog cells kept compactly (issue 19). A value read from a sheet, a table or a YAML line is a text and
// the place it came from; as plain objects that place is an object of its own with its own A1 string,
// about 90 bytes per value on top of the cell, a third of what a catalog holds. A packed cell keeps its
// place as the grid it came from (one object shared by all its cells) and two numbers, and builds the
// SourceRef when asked (`cell.at`), the same object the reader made, so no caller sees a difference.
// Readers pack an item once it is complete (packItem); cells made anywhere else stay plain objects, and
// both kinds mix freely. A packed cell is a class instance: copy it with copyCell, never by spreading it.
// A list field (依据, channels, a √ group) is packed the same way, an item's pairs array is copied to its
// length, and an item without extra columns shares one frozen empty record.
import { a1, columnNumber, type SourceRef } from '../findings/location.js';
import type { Cell, Item, ListField } from './types.js';
import { RECORD_PROTO, record } from './record.js';

const SHEET = 0;
const TABLE = 1;
const LINE = 2;
/** Columns a packed place holds, and rows (lines): row × COLS + column stays a small integer (V8 keeps it
 * in the field itself, no number object); a place beyond either stays a plain object. */
const COLS = 1024;
const ROWS = 2 ** 31 / COLS;

/** The grid (or file) cells come from, shared by all of them. */
interface Place {
  kind: typeof SHEET | typeof TABLE | typeof LINE;
  file: string;
  sheet: string;
  table: number;
}

/** The SourceRef of a packed place (a new plain object, the same keys in the same order as the reader's),
 * or the SourceRef kept when one was assigned. */
function refAt(place: Place, pos: number | SourceRef): SourceRef {
  if (typeof pos !== 'number') return pos;
  const row = Math.floor(pos / COLS);
  const col = pos - row * COLS;
  if (place.kind === SHEET) return { file: place.file, sheet: place.sheet, cell: a1(row, col), row };
  if (place.kind === TABLE) return { file: place.file, table: place.table, row, column: col };
  return { file: place.file, line: row, column: col };
}

/** A catalog value whose place is packed into numbers (see the top of this file). Its grid is not a field
 * of each cell but of its class: every place gets a subclass of its own (placeClass) that holds it on its
 * prototype, so a cell is its text and one number (40 bytes; with the place as a field, 48). */
class PackedCell implements Cell {
  text: string;
  declare carried?: boolean;
  declare mark?: string;
  /** The place of every cell of this class (on the prototype of the place's subclass). */
  declare readonly place: Place;
  /** Row (table row, YAML line) × COLS + column, a small integer; or the SourceRef itself once one is
   * assigned. */
  #where: number | SourceRef;

  constructor(text: string, row: number, col: number) {
    this.text = text;
    this.#where = row * COLS + col;
  }

  /** Where the value came from, built as the reader built it (same keys, same order). */
  get at(): SourceRef {
    return refAt(this.place, this.#where);
  }

  set at(at: SourceRef) {
    this.#where = at;
  }

  /** JSON as a plain cell (`{text, at, …}`), not the class's private fields. */
  toJSON(): Cell {
    return copyCell(this);
  }

  /** A packed copy with another text: the same place (shared, or its own copy once assigned) and flags. */
  withText(text: string): PackedCell {
    const out = new (this.constructor as CellClass)(text, 0, 0);
    const pos = this.#where;
    out.#where = typeof pos === 'number' ? pos : { ...pos };
    if (this.carried !== undefined) out.carried = this.carried;
    if (this.mark !== undefined) out.mark = this.mark;
    return out;
  }
}

/** A list field (依据, channels, a √ group) whose own place is packed as a cell's is: its values and one
 * number (40 bytes, where a plain list and its SourceRef with its A1 string take about 130). Its `at` is
 * built when read, as a packed cell's. */
class PackedList implements ListField {
  values: Cell[];
  declare readonly place: Place;
  #where: number | SourceRef;

  constructor(values: Cell[], row: number, col: number) {
    this.values = values;
    this.#where = row * COLS + col;
  }

  get at(): SourceRef {
    return refAt(this.place, this.#where);
  }

  set at(at: SourceRef) {
    this.#where = at;
  }

  /** JSON as a plain list (`{values, at}`). */
  toJSON(): ListField {
    return { values: this.values, at: this.at };
  }
}

type CellClass = new (text: string, row: number, col: number) => PackedCell;
type ListClass = new (values: Cell[], row: number, col: number) => PackedList;
let lastPlace: Place | undefined;
let lastClass: CellClass | undefined;
let lastListClass: ListClass | undefined;

/** The cell class of a grid or file (the last one is reused: cells come a grid at a time). */
function placeClass(kind: Place['kind'], file: string, sheet: string, table: number): CellClass {
  const p = lastPlace;
  if (p && lastClass && p.kind === kind && p.file === file && p.sheet === sheet && p.table === table) return lastClass;
  const place: Place = { kind, file, sheet, table };
  const cls = class extends PackedCell {};
  const list = class extends PackedList {};
  // Not enumerable: a cell's keys, spread and for…in stay text, at and its flags.
  Object.defineProperty(cls.prototype, 'place', { value: place });
  Object.defineProperty(list.prototype, 'place', { value: place });
  lastPlace = place;
  lastListClass = list;
  return (lastClass = cls);
}

/** The list class of a grid or file (made with its cell class). */
function listClass(kind: Place['kind'], file: string, sheet: string, table: number): ListClass {
  placeClass(kind, file, sheet, table);
  return lastListClass!;
}

/** Row and column of an A1 address, or undefined for anything but letters and digits. */
function splitA1(cell: string): [number, number] | undefined {
  let i = 0;
  while (i < cell.length && cell.charCodeAt(i) >= 65 && cell.charCodeAt(i) <= 90) i++;
  if (i === 0 || i === cell.length || i > 3) return undefined;
  const row = Number(cell.slice(i));
  return Number.isInteger(row) && row > 0 ? [row, columnNumber(cell.slice(0, i))] : undefined;
}

/** A place packed as [kind, file, sheet, table, row, col] when it is one sheet cell, table cell or YAML line
 * and column (what readers make); undefined for anything else (a range, a bare file). */
function packedPlace(at: SourceRef): [Place['kind'], string, number, number, number] | undefined {
  if (at.range !== undefined) return undefined;
  const row = at.line ?? at.row;
  const col = at.column ?? 0;
  if (row === undefined || !(row > 0 && row < ROWS && col >= 0 && col < COLS)) return undefined;
  if (at.sheet !== undefined && at.cell !== undefined && at.table === undefined && at.line === undefined && at.column === undefined) {
    const rc = splitA1(at.cell);
    return rc && rc[0] === at.row && rc[1] < COLS ? [SHEET, at.sheet, 0, rc[0], rc[1]] : undefined;
  }
  if (at.table !== undefined && at.row !== undefined && at.column !== undefined && at.sheet === undefined && at.cell === undefined && at.line === undefined) return [TABLE, '', at.table, at.row, at.column];
  if (at.line !== undefined && at.column !== undefined && at.sheet === undefined && at.cell === undefined && at.table === undefined && at.row === undefined) return [LINE, '', 0, at.line, at.column];
  return undefined;
}

/** A packed copy of a plain cell whose place packs (packedPlace); the cell itself otherwise. */
function pack(cell: Cell): Cell {
  if (cell instanceof PackedCell) return cell;
  const p = packedPlace(cell.at);
  if (!p) return cell;
  const out = new (placeClass(p[0], cell.at.file, p[1], p[2]))(cell.text, p[3], p[4]);
  if (cell.carried !== undefined) out.carried = cell.carried;
  if (cell.mark !== undefined) out.mark = cell.mark;
  return out;
}

/** A list with its values packed, itself packed when its place packs. */
function packList<L extends ListField | undefined>(list: L): L {
  if (!list) return list;
  const v = list.values;
  for (let i = 0; i < v.length; i++) v[i] = pack(v[i]!);
  if (list instanceof PackedList || Object.keys(list).length !== 2) return list;
  const p = packedPlace(list.at);
  return p ? (new (listClass(p[0], list.at.file, p[1], p[2]))(v, p[3], p[4]) as ListField as L) : list;
}

/** The one empty record of items without extra columns (frozen: a reader adds extra columns before the
 * item is packed, and nothing adds one to a packed item). */
const NO_EXTRA: Record<string, Cell> = Object.freeze(record<Cell>());

/** Pack every cell of a complete item in place (a reader calls it once the item has all its rows). */
export function packItem(item: Item): void {
  item.serial = pack(item.serial);
  item.category = pack(item.category);
  item.name = pack(item.name);
  item.basis = packList(item.basis);
  // An exact copy: the array grown row by row keeps room for 17 pairs.
  if (item.pairs.length) item.pairs = item.pairs.slice();
  for (const p of item.pairs) {
    p.content = pack(p.content);
    if (p.standard) p.standard = pack(p.standard);
  }
  item.subject = pack(item.subject);
  item.deadline = pack(item.deadline);
  item.remark = pack(item.remark);
  if (item.platform) item.platform = pack(item.platform);
  if (item.channels) item.channels = packList(item.channels);
  if (item.ticks) for (const g in item.ticks) item.ticks[g as keyof typeof item.ticks] = packList(item.ticks[g as keyof typeof item.ticks]);
  let extra = false;
  for (const k in item.extra) {
    item.extra[k] = pack(item.extra[k]!);
    extra = true;
  }
  if (!extra && Object.getPrototypeOf(item.extra) === RECORD_PROTO) item.extra = NO_EXTRA;
}

/** A copy of a cell with another text, packed when the cell is (merge renumbers 序号 so, 100 000 at a time). */
export function withText(cell: Cell, text: string): Cell {
  return cell instanceof PackedCell ? cell.withText(text) : copyCell(cell, text);
}

/** A plain copy of a cell, packed or not, with its own SourceRef (what `{...cell, at: {...cell.at}}` was). */
export function copyCell(cell: Cell, text = cell.text): Cell {
  const out: Cell = { text, at: { ...cell.at } };
  if (cell.carried !== undefined) out.carried = cell.carried;
  if (cell.mark !== undefined) out.mark = cell.mark;
  return out;
}

/** A deep copy of a catalog (or any plain data holding cells) with every packed cell as a plain one: what
 * structuredClone gave before cells were packed (structuredClone drops a class's private fields). */
export function clonePlain<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof PackedCell) return copyCell(value) as T;
  if (value instanceof PackedList) return { values: clonePlain(value.values), at: { ...value.at } } as T;
  if (Array.isArray(value)) return value.map((v) => clonePlain(v)) as T;
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== Object.prototype && proto !== null && proto !== RECORD_PROTO) return structuredClone(value);
  const out = Object.create(proto) as Record<string, unknown>;
  for (const k of Object.keys(value)) out[k] = clonePlain((value as Record<string, unknown>)[k]);
  return out as T;
}
