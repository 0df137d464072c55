// Escaping for the outputs that end up on a public page. Every user text passes through here:
// nothing from a sheet may become markup, script, a link to anything but http(s), or table syntax.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};

/** Text as HTML text or attribute value: the same characters and entities as Handlebars' {{ }},
 * so a page escapes alike whichever path a text took. */
export function escapeHtml(text: string): string {
  // Most cells need no escaping; testing first avoids a new string per cell on large catalogs.
  return HTML_SPECIAL.test(text) ? text.replace(HTML_SPECIAL_G, (ch) => HTML_ESCAPES[ch]!) : text;
}
const HTML_SPECIAL = /[&<>"'`=]/;
const HTML_SPECIAL_G = /[&<>"'`=]/g;

/** http(s) URLs in running text. Stops at white space, quotes, angle brackets and CJK punctuation,
 * so a URL never swallows the sentence around it or breaks out of an attribute. */
const URL_RE = /https?:\/\/[^\s<>"'`，。；、！？（）【】《》「」“”‘’]+/gu;
/** Sentence punctuation that ends a URL rather than belonging to it. */
const URL_TRAILER = /[.,;:!?)\]}]+$/u;

/** Split text into plain runs and http(s) URLs, in order. */
export function splitUrls(text: string): { text: string; url: boolean }[] {
  if (!text.includes('http')) return [{ text, url: false }];
  const out: { text: string; url: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    let url = m[0];
    const trailer = URL_TRAILER.exec(url);
    if (trailer) url = url.slice(0, url.length - trailer[0].length);
    if (url.length <= 'https://'.length) continue;
    const start = m.index!;
    if (start > last) out.push({ text: text.slice(last, start), url: false });
    out.push({ text: url, url: true });
    last = start + url.length;
  }
  if (last < text.length) out.push({ text: text.slice(last), url: false });
  return out;
}

/** Text as HTML: escaped, line breaks as <br>, http(s) URLs as links (the only links ever made). */
export function textToHtml(text: string): string {
  if (!text.includes('http')) return text.includes('\n') || text.includes('\r') ? escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>') : escapeHtml(text);
  return splitUrls(text)
    .map((part) => {
      const safe = escapeHtml(part.text);
      return part.url ? `<a href="${safe}" rel="noopener noreferrer">${safe}</a>` : safe;
    })
    .join('')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** Any character escapeMarkdownCell would change. */
const MD_SPECIAL = /[&<>|\\`*_[\]~\r\n]/;
/**
 * Characters with inline meaning in CommonMark and GFM: escapes, code spans, emphasis, links and images
 * (an image needs its [), strike-through and table cells. Escaped everywhere, URLs included: a URL runs
 * to the next space, and "https://x/![i](https://tracker/p.png)" must not hide an image in it.
 */
const MD_INLINE = /[\\`*_[\]~|]/g;

/**
 * Text as one GFM table cell (or inline text): no raw HTML, autolink or entity (&, <, > as entities),
 * every inline marker escaped, line breaks as <br> (the only markup it ever holds). Parsed by any
 * CommonMark parser, it is text, reading exactly as the cell does.
 */
export function escapeMarkdownCell(text: string): string {
  // Most cells hold plain Chinese text: nothing to escape, no new string.
  if (!MD_SPECIAL.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MD_INLINE, (ch) => '\\' + ch)
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** A line's opening that CommonMark reads as a block: heading, list item, ordered item, setext underline or rule. */
const BLOCK_START = /^([#+=-]|\d+[.)])/u;

/**
 * Text as the content of a heading or one line of a paragraph: the cell escaping, every # escaped (a
 * heading's closing sequence), leading white space dropped (four spaces would open a code block) and
 * a leading heading, list, setext or rule marker made literal.
 */
export function escapeMarkdownLine(text: string): string {
  return escapeMarkdownCell(text.replace(/^[ \t]+/u, ''))
    .replace(/#/g, '\\#')
    .replace(BLOCK_START, (m) => (/^\d/.test(m) ? `${m.slice(0, -1)}\\${m.slice(-1)}` : `\\${m}`));
}

/**
 * Text of several lines as a paragraph (a 注): each line escaped as a line, kept apart by hard line
 * breaks, so that no line of it can become a heading, list, quote, rule or code block.
 */
export function escapeMarkdownParagraph(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(escapeMarkdownLine)
    .join('  \n');
}
