// The shared string table (xl/sharedStrings.xml), streamed: one plain string per <si>, phonetic guides
// left out, each counted against the read budget and kept within Excel's cell limit.
import { ReadBudget } from '../../grid/limits.js';
import { XmlScanner } from '../ooxml/xml-scanner.js';
import { RunText, stringText, withinCellLimit } from './cell-text.js';
import { ownText } from '../../model/strings.js';

/** The shared string table, streamed: one plain string per <si>, phonetic guides left out. */
export class SharedStringsScanner extends XmlScanner {
  readonly strings: string[] = [];
  /** Items longer than Excel's cell limit, kept cut: index → length as written. */
  readonly long = new Map<number, number>();
  protected readonly attributeTags: ReadonlySet<string> = new Set<string>();
  private inSi = false;
  private readonly run = new RunText();

  constructor(
    part: string,
    private readonly budget: ReadBudget = new ReadBudget(),
  ) {
    super(part);
  }

  protected open(name: string, _s: string, _from: number, _to: number): void {
    if (name === 'si') {
      this.inSi = true;
      this.run.reset();
    } else if (this.inSi) this.capturing = this.run.open(name, false);
  }

  protected close(name: string): void {
    if (name === 'si') {
      if (this.inSi) {
        const { text, length } = withinCellLimit(this.run, stringText(this.run.text));
        const index = this.strings.length;
        this.budget.take(text.length, () => `第 ${index + 1} 项`);
        if (length !== undefined) this.long.set(index, length);
        this.strings.push(ownText(text));
      }
      this.inSi = false;
      this.capturing = false;
    } else if (this.inSi) this.capturing = this.run.close(name);
  }

  protected text(t: string): void {
    this.run.add(t);
  }
}
