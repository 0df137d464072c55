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
/** Characters with inline meaning in GFM outside URLs: emphasis, code, links, strike-through. */
const MD_INLINE = /[\\`*_[\]~]/g;

/** Text as one GFM table cell: no raw HTML (&, <, > as entities), | escaped, markdown syntax
 * escaped outside URLs (so "*强调*" stays literal), line breaks as <br>. */
export function escapeMarkdownCell(text: string): string {
  // Most cells hold plain Chinese text: nothing to escape, no new string.
  if (!MD_SPECIAL.test(text) && !text.includes('http')) return text;
  return splitUrls(text)
    .map((part) => {
      let s = part.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      if (!part.url) s = s.replace(MD_INLINE, (ch) => '\\' + ch);
      return s.replace(/\|/g, '\\|');
    })
    .join('')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** Text as a markdown heading or paragraph line: the cell escaping, plus a leading # or list marker
 * made literal. */
export function escapeMarkdownLine(text: string): string {
  return escapeMarkdownCell(text)
    .replace(/^(\s*)([#>+-])/u, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/u, '$1\\$2');
}
