// The review's cell comments (批注) of one sheet, as SpreadsheetML writes them: the comments part (the
// text, per cell) and its legacy VML drawing (the note boxes Excel, WPS and LibreOffice show on hover and
// print). A sheet that already has comments keeps them: ours are added to its own parts, and a cell that
// already has a comment gets ours after its text.
import { a1 } from '../findings/location.js';
import { parseRef } from '../fix/xlsx-cells.js';
import { xlsxText } from '../render/xlsx/text.js';

/** The author shown on every comment. */
export const COMMENT_AUTHOR = 'zwgk 审核';

/** One cell's comment: the canonical A1 ref and its lines of text. */
export interface CellComment {
  ref: string;
  lines: string[];
}

function escapeXml(s: string): string {
  return xlsxText(s).replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** A comment's rich text: the author in bold, then the lines (宋体 9 pt, as Excel's own notes). */
function commentText(p: string, lines: readonly string[]): string {
  const font = (bold: boolean) => `<${p}rPr>${bold ? `<${p}b/>` : ''}<${p}sz val="9"/><${p}rFont val="宋体"/><${p}family val="3"/><${p}charset val="134"/></${p}rPr>`;
  return `<${p}r>${font(true)}<${p}t>${escapeXml(COMMENT_AUTHOR)}：</${p}t></${p}r><${p}r>${font(false)}<${p}t xml:space="preserve">${escapeXml('\n' + lines.join('\n'))}</${p}t></${p}r>`;
}

/** A new comments part for a sheet that has none. */
export function newCommentsPart(comments: readonly CellComment[]): string {
  const list = comments.map((c) => `<comment ref="${c.ref}" authorId="0"><text>${commentText('', c.lines)}</text></comment>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>${escapeXml(COMMENT_AUTHOR)}</author></authors><commentList>${list}</commentList></comments>`;
}

/** A sheet's own comments part with ours added: a new author, our text after theirs at a cell both comment on. */
export function addToCommentsPart(xml: string, comments: readonly CellComment[]): { xml: string; added: CellComment[] } {
  const p = /<(?:([\w.-]+):)?comments[\s>]/.exec(xml)?.[1] ? `${/<([\w.-]+):comments[\s>]/.exec(xml)![1]}:` : '';
  const names = [...xml.matchAll(new RegExp(`<${p}author(?:\\s[^>]*)?>([\\s\\S]*?)</${p}author>`, 'g'))].map((m) => m[1]);
  let authors = names.indexOf(escapeXml(COMMENT_AUTHOR));
  let out = xml;
  if (authors < 0) {
    authors = names.length;
    out = out.replace(new RegExp(`</${p}authors>`), `<${p}author>${escapeXml(COMMENT_AUTHOR)}</${p}author></${p}authors>`);
    if (!new RegExp(`<${p}authors[\\s>]`).test(out)) out = out.replace(new RegExp(`(<${p}comments[^>]*>)`), `$1<${p}authors><${p}author>${escapeXml(COMMENT_AUTHOR)}</${p}author></${p}authors>`);
  }
  const added: CellComment[] = [];
  let fresh = '';
  for (const c of comments) {
    const existing = new RegExp(`<${p}comment\\s[^>]*ref\\s*=\\s*["']\\$?${c.ref.replace(/(\d)/, '\\$?$1')}["'][^>]*>[\\s\\S]*?</${p}text>`).exec(out);
    if (existing) {
      const at = existing.index + existing[0].length - `</${p}text>`.length;
      out = out.slice(0, at) + commentText(p, ['', ...c.lines]) + out.slice(at);
    } else {
      fresh += `<${p}comment ref="${c.ref}" authorId="${authors}"><${p}text>${commentText(p, c.lines)}</${p}text></${p}comment>`;
      added.push(c);
    }
  }
  const listEnd = out.lastIndexOf(`</${p}commentList>`);
  out = listEnd >= 0 ? out.slice(0, listEnd) + fresh + out.slice(listEnd) : out.replace(new RegExp(`</${p}comments>`), `<${p}commentList>${fresh}</${p}commentList></${p}comments>`);
  return { xml: out, added };
}

/** The VML shape of one note box, hidden until hovered, to the right of its cell. */
function noteShape(c: CellComment, id: number): string {
  const at = parseRef(c.ref)!;
  const row = at.row - 1;
  const col = at.col - 1;
  const tall = Math.min(12, 3 + c.lines.reduce((n, l) => n + Math.ceil(l.length / 24), 0));
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:220pt;height:${tall * 12}pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 4}, 15, ${row + tall}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** A new VML drawing for a sheet's notes; `block` numbers its shapes apart from other sheets' (1024 ids a block). */
export function newVmlDrawing(comments: readonly CellComment[], block: number): string {
  const shapes = comments.map((c, i) => noteShape(c, block * 1024 + i + 1)).join('');
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPE_TYPE}${shapes}</xml>`
  );
}

/** A comments part without what an earlier review wrote: its comments removed, its text after a 科室's own cut off. */
export function withoutOwnComments(xml: string): string {
  const p = /<([\w.-]+:)?comments[\s>]/.exec(xml)?.[1] ?? '';
  const authors = [...xml.matchAll(new RegExp(`<${p}author(?:\\s[^>]*)?>([\\s\\S]*?)</${p}author>`, 'g'))].map((m) => m[1]);
  const own = authors.indexOf(escapeXml(COMMENT_AUTHOR));
  if (own < 0) return xml;
  return xml.replace(new RegExp(`<${p}comment\\s[^>]*>[\\s\\S]*?</${p}comment>`, 'g'), (c) => {
    if (new RegExp(`\\sauthorId\\s*=\\s*["']${own}["']`).test(c.slice(0, c.indexOf('>')))) return '';
    const mark = c.indexOf(`${escapeXml(COMMENT_AUTHOR)}：`);
    if (mark < 0) return c;
    const run = c.lastIndexOf(`<${p}r>`, mark);
    const end = c.lastIndexOf(`</${p}text>`);
    return run >= 0 && end > run ? c.slice(0, run) + c.slice(end) : c;
  });
}

/** The cells a comments part comments on (canonical refs). */
export function commentRefs(xml: string): string[] {
  return [...xml.matchAll(/<(?:[\w.-]+:)?comment\s[^>]*?ref\s*=\s*["']([^"']+)["']/g)].map((m) => parseRef(m[1]!)?.ref ?? m[1]!);
}

/** A sheet's own VML drawing with exactly one note box per commented cell: boxes of comments no longer there
 * removed, boxes added for cells that have none (shape ids after the highest it uses). */
export function syncVmlDrawing(xml: string, refs: readonly string[], comments: readonly CellComment[]): string {
  const wanted = new Set(refs);
  const boxed = new Set<string>();
  let out = xml.replace(/<v:shape\s[^>]*>[\s\S]*?<\/v:shape>/g, (shape) => {
    if (!/ObjectType\s*=\s*["']Note["']/.test(shape)) return shape;
    const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape)?.[1];
    const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape)?.[1];
    if (row === undefined || col === undefined) return shape;
    const ref = a1(Number(row) + 1, Number(col) + 1);
    if (!wanted.has(ref) || boxed.has(ref)) return '';
    boxed.add(ref);
    return shape;
  });
  const ids = [...out.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
  const first = Math.max(0, ...ids) + 1;
  const lines = new Map(comments.map((c) => [c.ref, c.lines]));
  const missing = refs.filter((r) => !boxed.has(r)).map((ref) => ({ ref, lines: lines.get(ref) ?? [''] }));
  const type = out.includes('_x0000_t202') ? '' : SHAPE_TYPE;
  const shapes = type + missing.map((c, i) => noteShape(c, first + i)).join('');
  const end = out.lastIndexOf('</xml>');
  out = end >= 0 ? out.slice(0, end) + shapes + out.slice(end) : out + shapes;
  return out;
}
