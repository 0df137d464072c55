// A table cell's text as a reader of the page sees it: <br> and block elements (<p>, <div>, <li> …)
// break lines, other white space folds as a browser folds it (CSS Text 3: a line break between two East
// Asian wide characters is no space), scripts, styles and comments are never read.
import { trimLineBreaks } from '../../grid/tables.js';

/** Elements whose content a reader of the page never sees as text (a browser runs scripts and plays media,
 * so <noscript> and a <video>'s fallback are not shown; an <iframe>'s srcdoc is a page of its own). A
 * <textarea>, an <object>'s fallback, a <map>'s content and the text of SVG and MathML are shown and read;
 * a <select> shows its chosen option (page-tables.ts). */
export const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'iframe', 'embed', 'datalist', 'audio', 'video', 'canvas']);
/** Elements of SVG and MathML that are not shown: a tooltip title, descriptions, annotations. */
export const FOREIGN_SKIPPED = new Set(['title', 'desc', 'metadata', 'style', 'script', 'annotation', 'annotation-xml']);

/** Elements laid out as blocks: their content starts and ends a line. */
export const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'ul', 'caption', 'listing', 'plaintext', 'xmp',
]);

/** East Asian wide characters: a line break of the source between two of them is no space (CSS Text 3). */
const WIDE = /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;
const COLLAPSIBLE = /[ \t\n\r\f]+/g;

/** A cell's text as the page shows it: white space folded, lines from <br> and blocks. */
export class CellText {
  private lines: string[] = [];
  private line = '';
  /** Folded white space waiting for the next character: none, a space, or one with a line break in it. */
  private pending: 0 | 1 | 2 = 0;

  /** Text of a text node; `pre`: white space kept (inside <pre>). */
  add(text: string, pre: boolean): void {
    if (pre) {
      const parts = text.replace(/\r\n?/g, '\n').split('\n');
      parts.forEach((p, i) => {
        if (i > 0) this.hardBreak();
        this.put(p);
      });
      return;
    }
    let last = 0;
    COLLAPSIBLE.lastIndex = 0;
    for (let m = COLLAPSIBLE.exec(text); m; m = COLLAPSIBLE.exec(text)) {
      if (m.index > last) this.put(text.slice(last, m.index));
      const broken = /[\n\r]/.test(m[0]) ? 2 : 1;
      if (broken > this.pending) this.pending = broken;
      last = m.index + m[0].length;
    }
    if (last < text.length) this.put(text.slice(last));
  }

  private put(word: string): void {
    if (word === '') return;
    if (this.pending && this.line !== '') {
      const before = this.line[this.line.length - 1]!;
      const joined = this.pending === 2 && WIDE.test(before) && WIDE.test(word[0]!) && !/[\uD800-\uDBFF]/.test(before);
      if (!joined) this.line += ' ';
    }
    this.pending = 0;
    // A no-break space shows (and copies) as a space.
    this.line += word.replace(/\u00a0/g, ' ');
  }

  /** <br>: always a new line. */
  hardBreak(): void {
    this.lines.push(this.line);
    this.line = '';
    this.pending = 0;
  }

  /** A block's edge: a new line unless one has just begun. */
  softBreak(): void {
    if (this.line !== '') this.hardBreak();
    this.pending = 0;
  }

  /** The text so far, and start afresh (a nested table interrupts it). */
  take(): string {
    const lines = [...this.lines, this.line].map((l) => (/\S/u.test(l) ? l : ''));
    this.lines = [];
    this.line = '';
    this.pending = 0;
    return trimLineBreaks(lines.join('\n'));
  }
}
