// The review's styles, added to the workbook's own styles.xml without touching any style it has: three
// solid fills (one per severity) and, for each cell style a marked cell uses, a copy of its <xf> with
// the fill swapped — so a marked cell keeps its font, border, alignment and number format and only its
// background changes. The list sheet's few looks (header, body, link) are appended the same way.
// Existing indices never move: every new font, fill, border and xf goes at the end of its list.
import type { Severity } from '../findings/severity.js';
import { rootPrefix } from '../fix/xlsx-cells.js';

/** Background of a marked cell, by severity: Excel's own light red, yellow and blue. */
export const SEVERITY_FILL: Readonly<Record<Severity, string>> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };

/** The looks the list sheet uses. */
export type ListLook = 'title' | 'header' | 'body' | 'link' | 'legend-error' | 'legend-warning' | 'legend-info';

/** A minimal stylesheet, for the rare workbook written without one (Excel's defaults). */
const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** One list of styles.xml (<fonts>, <fills>, <cellXfs> …): where its children are, and what to append. */
interface List {
  name: string;
  /** Offset of the list's open tag and of its close tag ('' self-closed lists get one). */
  open: number;
  openEnd: number;
  close: number;
  items: string[];
  added: string[];
}

/** The children of a list element, as raw XML strings (an <xf> may hold <alignment/> and <protection/>). */
function children(xml: string, p: string, child: string, from: number, to: number): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${p}${child}(?=[\\s/>])`, 'g');
  re.lastIndex = from;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    const gt = xml.indexOf('>', m.index);
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push(xml.slice(m.index, gt + 1));
      re.lastIndex = gt + 1;
      continue;
    }
    const close = `</${p}${child}>`;
    const end = xml.indexOf(close, gt) + close.length;
    out.push(xml.slice(m.index, end));
    re.lastIndex = end;
  }
  return out;
}

/** styles.xml being patched: lists located, new entries appended, indices handed out. */
export class StylePatch {
  private readonly xml: string;
  private readonly p: string;
  private readonly lists = new Map<string, List>();
  private readonly fills = new Map<Severity, number>();
  private readonly marked = new Map<string, number>();
  private readonly looks = new Map<ListLook, number>();
  private border: number | undefined;

  constructor(xml: string | undefined) {
    this.xml = xml && /<(?:\w+:)?styleSheet[\s>]/.test(xml) ? xml : EMPTY_STYLES;
    this.p = rootPrefix(this.xml, 'styleSheet');
  }

  /** Whether the workbook had no stylesheet (the caller adds the part and its relationship). */
  get created(): boolean {
    return this.xml === EMPTY_STYLES;
  }

  private list(name: string, child: string): List {
    let l = this.lists.get(name);
    if (l) return l;
    const p = this.p;
    const m = new RegExp(`<${p}${name}(?=[\\s/>])[^>]*>`).exec(this.xml);
    if (!m) {
      // A list the stylesheet lacks goes where the schema wants it: before the next list it does have.
      const order = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs'];
      const later = order.slice(order.indexOf(name) + 1).map((n) => new RegExp(`<${p}${n}[\\s/>]`).exec(this.xml)?.index).find((i) => i !== undefined);
      const at = later ?? this.xml.indexOf(`</${p}styleSheet>`);
      l = { name, open: at, openEnd: at, close: at, items: [], added: [] };
    } else if (m[0].endsWith('/>')) {
      l = { name, open: m.index, openEnd: m.index + m[0].length, close: m.index + m[0].length, items: [], added: [] };
    } else {
      const close = this.xml.indexOf(`</${p}${name}>`, m.index);
      l = { name, open: m.index, openEnd: m.index + m[0].length, close, items: children(this.xml, p, child, m.index + m[0].length, close), added: [] };
    }
    this.lists.set(name, l);
    return l;
  }

  private add(name: string, child: string, xml: string): number {
    const l = this.list(name, child);
    // The same entry an earlier review added is used again: the stylesheet does not grow with each round.
    const known = l.items.indexOf(xml);
    if (known >= 0) return known;
    const again = l.added.indexOf(xml);
    if (again >= 0) return l.items.length + again;
    l.added.push(xml);
    return l.items.length + l.added.length - 1;
  }

  private fill(rgb: string): number {
    const p = this.p;
    return this.add('fills', 'fill', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
  }

  /** The cell style (xf index) of a cell of style `s` marked at `severity`: its own xf with the severity's fill. */
  markedStyle(s: number, severity: Severity): number {
    const key = `${s}\u0000${severity}`;
    const known = this.marked.get(key);
    if (known !== undefined) return known;
    let fillId = this.fills.get(severity);
    if (fillId === undefined) this.fills.set(severity, (fillId = this.fill(SEVERITY_FILL[severity])));
    const xfs = this.list('cellXfs', 'xf');
    const base = xfs.items[s] ?? xfs.items[0] ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const open = /^<[^>]*?(\/?)>/.exec(base)!;
    let tag = open[0].replace(/\s(?:fillId|applyFill)\s*=\s*("[^"]*"|'[^']*')/g, '');
    tag = tag.replace(/\s*(\/?)>$/, ` fillId="${fillId}" applyFill="1"$1>`);
    const index = this.add('cellXfs', 'xf', tag + base.slice(open[0].length));
    this.marked.set(key, index);
    return index;
  }

  /**
   * The cell styles an earlier review added (their fill one of SEVERITY_FILL, applied), each with the style it
   * was copied from: the first other style the same but for its fill. Asked only of a workbook zwgk reviewed
   * before (it has zwgk's list sheet), since a 科室 may use the same colours (Excel's “差” style is that red).
   */
  earlierMarks(): Map<number, number> {
    const fills = this.list('fills', 'fill').items;
    const xfs = this.list('cellXfs', 'xf').items;
    const ours = new Set<number>();
    fills.forEach((f, i) => {
      if (/patternType\s*=\s*["']solid["']/.test(f) && Object.values(SEVERITY_FILL).some((rgb) => new RegExp(`fgColor\\s+rgb\\s*=\\s*["']${rgb}["']`).test(f))) ours.add(i);
    });
    const strip = (xf: string) => xf.replace(/\s(?:fillId|applyFill)\s*=\s*("[^"]*"|'[^']*')/g, '');
    const fillOf = (xf: string) => Number(/\sfillId\s*=\s*["'](\d+)["']/.exec(xf)?.[1] ?? 0);
    const out = new Map<number, number>();
    xfs.forEach((xf, i) => {
      if (!ours.has(fillOf(xf)) || !/\sapplyFill\s*=\s*["'](?:1|true)["']/.test(xf)) return;
      const base = xfs.findIndex((other, j) => j !== i && !ours.has(fillOf(other)) && strip(other) === strip(xf));
      out.set(i, base >= 0 ? base : 0);
    });
    return out;
  }

  /** The cell style of one of the list sheet's looks (宋体 11 pt, thin borders, wrapped, links blue). */
  look(look: ListLook): number {
    const known = this.looks.get(look);
    if (known !== undefined) return known;
    const p = this.p;
    const font = (extra: string) => this.add('fonts', 'font', `<${p}font>${extra}<${p}sz val="${look === 'title' ? 14 : 11}"/><${p}name val="宋体"/><${p}family val="3"/><${p}charset val="134"/></${p}font>`);
    const fontId = look === 'title' || look === 'header' ? font(`<${p}b/>`) : look === 'link' ? font(`<${p}u/><${p}color rgb="FF0563C1"/>`) : font('');
    const fillId = look === 'header' ? this.fill('FFD9E2F3') : look.startsWith('legend-') ? this.fill(SEVERITY_FILL[look.slice(7) as Severity]) : 0;
    const thin = `<${p}left style="thin"><${p}color rgb="FF000000"/></${p}left><${p}right style="thin"><${p}color rgb="FF000000"/></${p}right><${p}top style="thin"><${p}color rgb="FF000000"/></${p}top><${p}bottom style="thin"><${p}color rgb="FF000000"/></${p}bottom><${p}diagonal/>`;
    const borderId = look === 'title' ? 0 : (this.border ??= this.add('borders', 'border', `<${p}border>${thin}</${p}border>`));
    const horizontal = look === 'header' ? 'center' : 'left';
    const xf = `<${p}xf numFmtId="0" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><${p}alignment horizontal="${horizontal}" vertical="${look === 'title' ? 'center' : 'top'}" wrapText="1"/></${p}xf>`;
    const index = this.add('cellXfs', 'xf', xf);
    this.looks.set(look, index);
    return index;
  }

  /** The patched styles.xml: each list with its new children and count, every other byte as it was. */
  toString(): string {
    const p = this.p;
    const edits = [...this.lists.values()].filter((l) => l.added.length).sort((a, b) => a.open - b.open);
    let out = '';
    let last = 0;
    for (const l of edits) {
      const count = l.items.length + l.added.length;
      if (l.open === l.close && l.openEnd === l.open) {
        out += this.xml.slice(last, l.open) + `<${p}${l.name} count="${count}">${l.added.join('')}</${p}${l.name}>`;
        last = l.open;
        continue;
      }
      let openTag = this.xml.slice(l.open, l.openEnd);
      const selfClosed = openTag.endsWith('/>');
      if (selfClosed) openTag = openTag.slice(0, -2).trimEnd() + '>';
      openTag = /\scount\s*=/.test(openTag) ? openTag.replace(/(\scount\s*=\s*)("[^"]*"|'[^']*')/, `$1"${count}"`) : openTag.replace(/>$/, ` count="${count}">`);
      out += this.xml.slice(last, l.open) + openTag;
      if (selfClosed) {
        out += l.added.join('') + `</${p}${l.name}>`;
        last = l.openEnd;
      } else {
        out += this.xml.slice(l.openEnd, l.close) + l.added.join('');
        last = l.close;
      }
    }
    return out + this.xml.slice(last);
  }
}
