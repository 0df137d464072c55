// A streaming XML tokenizer for the parts of an Office zip (SpreadsheetML worksheets and shared strings,
// word/document.xml, and the small parts read whole), fed decoded text chunk by chunk. It keeps only an
// unconsumed tail between chunks (an unfinished tag, or text that may end in a split entity), so memory
// does not grow with the part, and it is linear: every character is looked at a bounded number of times.
// No DOM, no DTD: a part that declares a DOCTYPE or entities is refused, and only the five predefined
// and numeric entities are expanded.

/** A part's bytes as text chunks, decoded as a stream (a character split across chunks stays whole); UTF-8, or UTF-16 after its byte order mark. */
export async function* decodeChunks(stream: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  for await (const chunk of stream) {
    if (!decoder) {
      const utf16 = chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff));
      decoder = new TextDecoder(utf16 ? (chunk[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8');
    }
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder?.decode() ?? '';
  if (rest) yield rest;
}

/**
 * A problem with the content of a part; `detail` is Chinese text for the message. `damaged`: the part
 * is broken (cut off, inconsistent), as opposed to refused on purpose (a DTD).
 */
export class PartDataError extends Error {
  constructor(
    readonly detail: string,
    readonly damaged = true,
  ) {
    super(detail);
    this.name = 'PartDataError';
  }
}

const ENTITY_RE = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g;

function entity(whole: string, e: string): string {
  switch (e) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  const cp = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
  // Not a character (beyond Unicode or a lone surrogate): keep the reference as written.
  return cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? whole : String.fromCodePoint(cp);
}

/** Expand the predefined and numeric character references; anything else (&foo;) stays literal, never expanded. */
export function decodeEntities(s: string): string {
  return s.indexOf('&') < 0 ? s : s.replace(ENTITY_RE, entity);
}

/** Index of the '>' that ends the tag starting before `i`, skipping quoted attribute values; -1 if not yet there. */
export function tagEnd(s: string, i: number): number {
  const n = s.length;
  let quote = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 62) return i;
    else if (c === 34 || c === 39) quote = c;
  }
  return -1;
}

/** Whether a character code ends an XML tag name (space, >, /, tab, line break). */
export function isNameEnd(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

/** Longest tag whose text is kept across chunks (one whose attributes a scanner reads); real parts never come close. */
const MAX_TOKEN = 4 * 1024 * 1024;
/** A tag name longer than this is none a scanner looks for: its text is not kept. */
const MAX_NAME = 256;
/** Longest character reference (&#x10FFFF;): a text tail longer than this after its '&' is no split entity. */
const MAX_ENTITY = 10;

/** The local name of a tag name as written (namespace prefix dropped). */
function localName(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1);
}

/** A tag that did not end in the chunk it began in. */
interface PendingTag {
  kind: 'tag';
  closing: boolean;
  /** The tag's name as written, while it is still being read; then its local name. */
  name: string;
  named: boolean;
  /** Pieces of the tag's text, kept only while its name is unknown or when its attributes are wanted. */
  parts: string[] | undefined;
  length: number;
  /** The quote character of an attribute value open at the end of the last piece (0: none). */
  quote: number;
  /** The last character seen (a '/' before the '>' closes the element in the tag). */
  last: number;
}

/** A comment, processing instruction or CDATA section that did not end in its chunk. */
interface PendingMarkup {
  kind: 'markup';
  end: string;
  cdata: boolean;
  /** The last characters of the previous piece, which may begin the terminator. */
  carry: string;
}

/**
 * The tokenizer shared by the part scanners (worksheets and shared strings in formats/xlsx/, word/document.xml in formats/docx/): tags by local name (namespace prefix dropped), and the
 * text of the elements a subclass asks for (`capturing`), entity-decoded. Linear in the part's size
 * however it is cut into chunks: a token that spans chunks is continued where the last chunk ended,
 * never rescanned, and the text of a long tag is kept only when a subclass reads its attributes.
 */
export abstract class XmlScanner {
  /** A few characters held back between chunks: a '<' not yet followed by enough to classify, or a split entity. */
  private tail = '';
  private pending: PendingTag | PendingMarkup | undefined;
  /** Elements open (a part cut off before its root element closes is damaged). */
  private depth = 0;
  private rooted = false;
  /** Set by subclasses while text content should be collected. */
  protected capturing = false;

  constructor(protected readonly part: string) {}

  /** Local names of the tags whose attributes `open` reads (their text is kept even when long). */
  protected abstract readonly attributeTags: ReadonlySet<string>;
  protected abstract open(name: string, s: string, attrsFrom: number, attrsTo: number, selfClosing: boolean): void;
  protected abstract close(name: string): void;
  protected abstract text(t: string): void;

  /** Feed the next piece of the part's text. */
  push(chunk: string): void {
    let s = chunk;
    let pos = 0;
    if (this.pending) {
      pos = this.pending.kind === 'tag' ? this.resumeTag(this.pending, chunk, 0, 0) : this.resumeMarkup(this.pending, chunk);
      if (pos < 0) return;
    } else if (this.tail) {
      s = this.tail + chunk;
      this.tail = '';
    }
    this.consume(s, pos);
  }

  /** The part ended. */
  finish(): void {
    if (this.pending || this.tail.indexOf('<') >= 0) throw new PartDataError('在一个标记的中间就结束了，内容不完整');
    if (this.capturing && this.tail) this.text(decodeEntities(this.tail));
    this.tail = '';
    if (!this.rooted || this.depth > 0) throw new PartDataError('在中途就结束了，内容不完整');
  }

  /** Consume the tokens of `s` from `pos`; a token cut off at the end becomes pending (or a short tail). */
  private consume(s: string, pos: number): void {
    const n = s.length;
    for (;;) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        this.restText(s, pos);
        return;
      }
      if (lt > pos && this.capturing) this.text(decodeEntities(s.slice(pos, lt)));
      if (lt + 1 >= n) {
        this.tail = s.slice(lt);
        return;
      }
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 33 || c1 === 63) {
        // <!-- -->, <![CDATA[ ]]>, <? ?>; a DOCTYPE or anything else declares what we refuse to expand.
        let open = '<?';
        if (c1 === 33) {
          open = s.startsWith('<!--', lt) ? '<!--' : s.startsWith('<![CDATA[', lt) ? '<![CDATA[' : '';
          if (!open) {
            const head = s.slice(lt, lt + 9);
            if (n - lt < 9 && ('<!--'.startsWith(head) || '<![CDATA['.startsWith(head))) {
              this.tail = head;
              return;
            }
            throw new PartDataError('含有 DTD 或实体声明（<!DOCTYPE>/<!ENTITY>），出于安全考虑不予读取', false);
          }
        }
        const markup: PendingMarkup = { kind: 'markup', end: open === '<!--' ? '-->' : open === '<?' ? '?>' : ']]>', cdata: open === '<![CDATA[', carry: '' };
        this.pending = markup;
        const after = this.resumeMarkup(markup, s.slice(lt + open.length));
        if (after < 0) return;
        pos = lt + open.length + after;
        continue;
      }
      const gt = tagEnd(s, lt + 1);
      if (gt >= 0) {
        this.tag(s, lt, gt);
        pos = gt + 1;
        continue;
      }
      const closing = c1 === 47;
      const tag: PendingTag = { kind: 'tag', closing, name: '', named: false, parts: [], length: 0, quote: 0, last: 0 };
      this.pending = tag;
      const after = this.resumeTag(tag, s, lt, closing ? lt + 2 : lt + 1);
      if (after < 0) return;
      pos = after;
    }
  }

  /** Text after the last tag of a chunk: handed on when captured, except an entity that may be split. */
  private restText(s: string, pos: number): void {
    if (!this.capturing || pos >= s.length) return;
    const amp = s.lastIndexOf('&');
    const cut = amp >= pos && s.length - amp <= MAX_ENTITY && s.indexOf(';', amp) < 0 ? amp : s.length;
    if (cut > pos) this.text(decodeEntities(s.slice(pos, cut)));
    if (cut < s.length) this.tail = s.slice(cut);
  }

  /**
   * Continue a comment, processing instruction or CDATA section with `c`; returns the index in `c`
   * after its terminator, or -1 when `c` ended first. CDATA text is handed on as it comes.
   */
  private resumeMarkup(p: PendingMarkup, c: string): number {
    const t = p.carry ? p.carry + c : c;
    const e = t.indexOf(p.end);
    if (e < 0) {
      const hold = Math.min(t.length, p.end.length - 1);
      if (p.cdata && this.capturing && t.length > hold) this.text(t.slice(0, t.length - hold));
      p.carry = t.slice(t.length - hold);
      return -1;
    }
    if (p.cdata && this.capturing && e > 0) this.text(t.slice(0, e));
    this.pending = undefined;
    return e + p.end.length - p.carry.length;
  }

  /**
   * Continue a tag with `c` from `from` (its text in `c` starts at `start`); returns the index in `c`
   * after the tag's '>', or -1 when `c` ended first. Quotes are tracked across chunks, so a '>' inside
   * an attribute value never ends the tag.
   */
  private resumeTag(p: PendingTag, c: string, start: number, from: number): number {
    const n = c.length;
    let i = from;
    if (!p.named) {
      while (i < n && !isNameEnd(c.charCodeAt(i))) i++;
      if (p.name.length <= MAX_NAME) p.name += c.slice(from, Math.min(i, from + MAX_NAME + 1));
      if (i < n) {
        p.named = true;
        p.name = p.name.length > MAX_NAME ? '' : localName(p.name);
      }
      if (p.name.length > MAX_NAME || (p.named && !this.attributeTags.has(p.name))) p.parts = undefined;
    }
    let gt = -1;
    if (p.named) {
      let quote = p.quote;
      for (; i < n; i++) {
        const ch = c.charCodeAt(i);
        if (quote !== 0) {
          // Jump to the closing quote: long attribute values are passed over by indexOf.
          const q = c.indexOf(quote === 34 ? '"' : "'", i);
          if (q < 0) {
            i = n;
            break;
          }
          i = q;
          quote = 0;
        } else if (ch === 62) {
          gt = i;
          break;
        } else if (ch === 34 || ch === 39) quote = ch;
      }
      p.quote = quote;
    }
    if (gt < 0) {
      if (n > start) p.last = c.charCodeAt(n - 1);
      if (p.parts) {
        p.parts.push(start === 0 ? c : c.slice(start));
        p.length += n - start;
        if (p.length > MAX_TOKEN) throw new PartDataError(`有一个异常的超长标记（超过 ${MAX_TOKEN / 1024 / 1024} MB）`);
      }
      return -1;
    }
    this.pending = undefined;
    if (p.parts) {
      const text = p.parts.length ? p.parts.join('') + c.slice(start, gt + 1) : c;
      const lt = p.parts.length ? 0 : start;
      this.tag(text, lt, p.parts.length ? text.length - 1 : gt);
    } else {
      const self = !p.closing && (gt > start ? c.charCodeAt(gt - 1) : p.last) === 47;
      this.element(p.name, p.closing, self, '', 0, 0);
    }
    return gt + 1;
  }

  /** One whole tag, s[lt] = '<' to s[gt] = '>'. */
  private tag(s: string, lt: number, gt: number): void {
    const closing = s.charCodeAt(lt + 1) === 47;
    let i = closing ? lt + 2 : lt + 1;
    let start = i;
    while (i < gt && !isNameEnd(s.charCodeAt(i))) {
      if (s.charCodeAt(i) === 58) start = i + 1;
      i++;
    }
    const self = !closing && s.charCodeAt(gt - 1) === 47;
    this.element(s.slice(start, i), closing, self, s, i, self ? gt - 1 : gt);
  }

  private element(name: string, closing: boolean, self: boolean, s: string, from: number, to: number): void {
    if (closing) {
      this.depth--;
      this.close(name);
      return;
    }
    this.rooted = true;
    this.open(name, s, from, to, self);
    if (self) this.close(name);
    else this.depth++;
  }
}

/** Call `fn` with each attribute of a tag (name as written, value entity-decoded). */
export function eachAttr(s: string, i: number, end: number, fn: (name: string, value: string) => void): void {
  while (i < end) {
    let c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < end && (c = s.charCodeAt(i)) !== 61 && c !== 32 && c !== 9 && c !== 10 && c !== 13) i++;
    const name = s.slice(nameStart, i);
    while (i < end && s.charCodeAt(i) !== 61) i++;
    i++;
    while (i < end && ((c = s.charCodeAt(i)) === 32 || c === 9 || c === 10 || c === 13)) i++;
    if (i >= end) return;
    const q = s.charCodeAt(i);
    if (q !== 34 && q !== 39) return;
    const close = s.indexOf(q === 34 ? '"' : "'", i + 1);
    if (close < 0 || close > end) return;
    fn(name, decodeEntities(s.slice(i + 1, close)));
    i = close + 1;
  }
}
/** Attributes of one element by local name (prefix dropped), entity-decoded. */
export type Attributes = ReadonlyMap<string, string>;

/**
 * The elements of a small part that a reader wants (workbook.xml, its relationships, styles.xml), with
 * their attributes and which elements they are inside; the same linear tokenizer as the big parts, so a
 * hostile small part costs no more than its size.
 */
class ElementScanner extends XmlScanner {
  private readonly open_ = new Map<string, number>();

  constructor(
    part: string,
    protected readonly attributeTags: ReadonlySet<string>,
    private readonly fn: (name: string, attrs: Attributes, inside: (name: string) => boolean) => void,
  ) {
    super(part);
  }

  private readonly inside = (name: string): boolean => (this.open_.get(name) ?? 0) > 0;

  protected open(name: string, s: string, from: number, to: number, self: boolean): void {
    if (this.attributeTags.has(name)) {
      const attrs = new Map<string, string>();
      eachAttr(s, from, to, (n, v) => {
        const local = n.slice(n.indexOf(':') + 1);
        if (!attrs.has(local)) attrs.set(local, v);
      });
      this.fn(name, attrs, this.inside);
    }
    if (!self) this.open_.set(name, (this.open_.get(name) ?? 0) + 1);
  }

  protected close(name: string): void {
    const n = this.open_.get(name);
    if (n) this.open_.set(name, n - 1);
  }

  protected text(): void {}
}

/** Call `fn` for each element of `xml` whose local name is in `names` (see ElementScanner). */
export function eachElement(xml: string, part: string, names: readonly string[], fn: (name: string, attrs: Attributes, inside: (name: string) => boolean) => void): void {
  const scanner = new ElementScanner(part, new Set(names), fn);
  scanner.push(xml);
  scanner.finish();
}

