// What reading one catalog may hold in memory, whatever its format: values and characters are counted
// as they are read and reading stops at READ_LIMITS (settings/limits.ts) with a message naming the place, before
// the memory is spent. One budget covers all the parts of one file.
import type { SourceRef } from '../findings/location.js';
import { ZwgkError } from '../findings/finding.js';
import { READ_LIMITS } from '../settings/limits.js';

/** What reading one file may hold in memory, counted over all its parts (READ_LIMITS). */
export class ReadBudget {
  cells = 0;
  chars = 0;
  merges = 0;
  constructor(
    readonly limits: { maxCells: number; maxChars: number; maxMerges: number } = READ_LIMITS,
    /** What a value is called in messages. */
    private readonly noun = '有内容的单元格',
    /** What to do when a limit is reached. */
    private readonly advice = '请把目录按科室或类别拆成几个文件，分别校验和生成',
  ) {}

  /** The counts so far, to go back to when a read is started over (a YAML file parsed whole after all). */
  mark(): { cells: number; chars: number; merges: number } {
    return { cells: this.cells, chars: this.chars, merges: this.merges };
  }

  /** Go back to a mark. */
  reset(mark: { cells: number; chars: number; merges: number }): void {
    this.cells = mark.cells;
    this.chars = mark.chars;
    this.merges = mark.merges;
  }

  /** Count one merged range (it is kept until its sheet is read); throws ReadLimitError past the limit. */
  merge(where: () => string): void {
    if (++this.merges > this.limits.maxMerges) throw new ReadLimitError(where(), `合并区域超过 ${this.limits.maxMerges} 个`, this.advice);
  }

  /** Count one kept value; throws ReadLimitError when a limit is passed. */
  take(chars: number, where: () => string): void {
    this.cells++;
    if (this.cells > this.limits.maxCells) throw new ReadLimitError(where(), `${this.noun}超过 ${this.limits.maxCells} 个`, this.advice);
    this.more(chars, where);
  }

  /** Count more characters of a value already taken (one read in pieces); throws ReadLimitError past the limit. */
  more(chars: number, where: () => string): void {
    this.chars += chars;
    if (this.chars > this.limits.maxChars) throw new ReadLimitError(where(), `文字总量超过 ${this.limits.maxChars} 个字符`, this.advice);
  }
}

/** Reading stopped at a limit of READ_LIMITS; `place` (within the part: a cell, an item) and `detail` are Chinese text for the message. */
export class ReadLimitError extends Error {
  constructor(
    readonly place: string,
    readonly detail: string,
    /** What to do, in Chinese. */
    readonly advice = '请把目录按科室或类别拆成几个文件，分别校验和生成',
  ) {
    super(detail);
    this.name = 'ReadLimitError';
  }
}


/**
 * The finding a reached limit stops the run with (catalog-too-large): `at` where (the file, a sheet's
 * cell, a table's cell), `within` the part of the file the place is in (工作表“目录”（…）), if any.
 */
export function tooLarge(file: string, err: ReadLimitError, at: SourceRef = { file }, within?: string): ZwgkError {
  const place = within === undefined ? err.place : `${within}的 ${err.place}`;
  return new ZwgkError('catalog-too-large', at, { file, place, detail: err.detail, advice: err.advice }, { cause: err });
}
