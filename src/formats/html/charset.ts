// A page's bytes as text, the way a browser decides: the byte order mark, then the charset a <meta>
// declares (read with the HTML parser, not patterns), then a UTF-8/GB18030 sniff; GB2312 and GBK are
// read as GB18030, their superset.
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

/** The decoder name for a charset label, or undefined when the platform does not know it. */
function encodingFor(label: string): string | undefined {
  const l = label.trim().toLowerCase();
  if (l === '') return undefined;
  // A page cannot really be UTF-16 if its declaration was readable as ASCII (HTML's own rule).
  if (l.startsWith('utf-16') || l === 'unicode') return 'utf-8';
  // GB2312 and GBK pages routinely hold characters beyond their tables; GB18030 is their superset.
  if (['gb2312', 'gbk', 'x-gbk', 'gb_2312-80', 'gb_2312', 'chinese', 'csgb2312', 'csiso58gb231280', 'iso-ir-58', 'cp936', 'ms936', 'windows-936', 'gb18030', 'euc-cn'].includes(l)) return 'gb18030';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return undefined;
  }
}

/** The charset named in a Content-Type value (text/html; charset=gb2312), as HTML extracts it. */
export function charsetOfContentType(content: string): string | undefined {
  const lower = content.toLowerCase();
  let i = 0;
  for (;;) {
    i = lower.indexOf('charset', i);
    if (i < 0) return undefined;
    let j = i + 7;
    while (j < lower.length && /\s/.test(lower[j]!)) j++;
    if (lower[j] !== '=') {
      i = j;
      continue;
    }
    j++;
    while (j < lower.length && /\s/.test(lower[j]!)) j++;
    const q = lower[j];
    if (q === '"' || q === "'") {
      const end = lower.indexOf(q, j + 1);
      return end < 0 ? undefined : content.slice(j + 1, end);
    }
    let end = j;
    while (end < lower.length && !/[\s;]/.test(lower[end]!)) end++;
    return end > j ? content.slice(j, end) : undefined;
  }
}

/** The charset a page declares in a <meta> near its start (read with the HTML parser, not patterns). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  // The declaration must sit in the first kilobytes; ASCII-compatible encodings read it as Latin-1.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const stack: Node[] = [parse(head)];
  while (stack.length) {
    const node = stack.pop()!;
    if ('tagName' in node && node.tagName === 'meta') {
      const attr = (name: string) => node.attrs.find((a) => a.name === name)?.value;
      const label = attr('charset') ?? (attr('http-equiv')?.toLowerCase() === 'content-type' ? charsetOfContentType(attr('content') ?? '') : undefined);
      const enc = label === undefined ? undefined : encodingFor(label);
      if (enc) return enc;
    }
    if ('childNodes' in node) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return undefined;
}

function decodes(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Whether the bytes hold anything beyond ASCII. */
function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

export interface DecodedPage {
  text: string;
  encoding: string;
  /** Characters that could not be decoded (shown as U+FFFD). */
  errors: number;
  /** Where the first of them is: its line and the byte's place in the file (from 1), when there are any. */
  first?: { line: number; byte: number };
}

/** UTF-8 in a page: how many multi-byte characters are well formed, how many bytes are not, and where the first such byte is. */
function utf8Shape(bytes: Uint8Array): { good: number; bad: number; firstBad: number } {
  let good = 0;
  let bad = 0;
  let firstBad = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = n > 0 && i + n < bytes.length + 0;
    for (let k = 1; ok && k <= n; k++) ok = i + k < bytes.length && (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      good++;
      i += n + 1;
    } else {
      if (firstBad < 0) firstBad = i;
      bad++;
      i++;
    }
  }
  return { good, bad, firstBad };
}

/** The line a byte is on (from 1). */
function lineOf(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 10) line++;
  return line;
}

/** UTF-8 with a few stray bytes: well formed for all but one in twenty of its characters beyond ASCII
 * (GBK text read as UTF-8 is malformed at most of them). */
const STRAY_SHARE = 20;

/**
 * A page's text: the byte order mark decides; then the declared charset — unless the bytes are valid
 * UTF-8 beyond ASCII while the declaration names a legacy charset (a page re-saved as UTF-8 that kept its
 * old <meta>), or the declared charset fails where another decodes cleanly; without a declaration,
 * UTF-8 if the bytes are valid UTF-8, else GB18030 (which reads GB2312 and GBK).
 */
export function decodePage(bytes: Uint8Array): DecodedPage {
  const { pieces, ...rest } = pagePieces(bytes);
  return { text: typeof pieces === 'string' ? pieces : [...pieces].join(''), ...rest };
}

/** Bytes decoded at a time when a page is handed out in pieces. */
const PIECE_BYTES = 1 << 20;

/** A page decoded as decodePage does, its text handed out in pieces when it decodes cleanly (a page of
 * 50 MB is never held as one string beside its tree; issue 19), else whole. */
export function pagePieces(bytes: Uint8Array): Omit<DecodedPage, 'text'> & { pieces: string | Iterable<string> } {
  const whole = (page: DecodedPage) => {
    const { text, ...rest } = page;
    return { pieces: text, ...rest };
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return whole(lenient(bytes.subarray(3), 'utf-8'));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return whole(lenient(bytes.subarray(2), 'utf-16le'));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return whole(lenient(bytes.subarray(2), 'utf-16be'));
  const declared = declaredCharset(bytes);
  if (hasNonAscii(bytes)) {
    // UTF-8 with a stray byte or two (whatever the page declares) is UTF-8: read as such, the bytes
    // named; read as GBK, the whole page would be garbled and refused as having no catalog table.
    const shape = utf8Shape(bytes);
    if (shape.bad > 0 && shape.good >= shape.bad * STRAY_SHARE) return whole(lenient(bytes, 'utf-8'));
  }
  const candidates = declared === undefined || declared === 'utf-8' ? ['utf-8', 'gb18030'] : hasNonAscii(bytes) ? ['utf-8', declared, 'gb18030'] : [declared];
  for (const encoding of candidates) {
    if (decodesCleanly(bytes, encoding)) return { pieces: piecesOf(bytes, encoding), encoding, errors: 0 };
  }
  // Neither decodes cleanly: the one that leaves fewer bytes unread (a GBK page declared UTF-8 with a
  // stray byte is still GBK), the declared one when they tie.
  const options = [...new Set([declared ?? 'gb18030', 'utf-8', 'gb18030'])].map((e) => lenient(bytes, e));
  return whole(options.reduce((best, o) => (o.errors < best.errors ? o : best)));
}

/** Whether the bytes decode in an encoding without a byte it cannot read (decoded a piece at a time, the text let go). */
function decodesCleanly(bytes: Uint8Array, encoding: string): boolean {
  const decoder = new TextDecoder(encoding, { fatal: true });
  try {
    for (let at = 0; at < bytes.length; at += PIECE_BYTES) decoder.decode(bytes.subarray(at, at + PIECE_BYTES), { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * The text of bytes that decode cleanly, a piece at a time, from copies of the bytes made at once: when
 * the caller lets go of the bytes (html/read.ts does), each copy goes as its text is handed out, so a
 * 196 MB page is not held as bytes to the end of its parse, beside its tree (issue 19).
 */
function piecesOf(bytes: Uint8Array, encoding: string): Iterable<string> {
  const slabs: Uint8Array[] = [];
  // new Uint8Array(view) copies; a Node Buffer's slice() would be a view of the whole file.
  for (let at = 0; at < bytes.length; at += SLAB_BYTES) slabs.push(new Uint8Array(bytes.subarray(at, at + SLAB_BYTES)));
  return decodeSlabs(slabs, encoding);
}

/**
 * Bytes a copy holds: larger than any block the C allocator keeps for reuse (glibc serves blocks up to
 * 32 MB from its heap once one that large was freed, and a heap of 1 MB copies freed in order stayed
 * in the process's memory: 95 MB of a 196 MB page at its peak), so each copy is mapped and unmapped on
 * its own. Decoded a piece (PIECE_BYTES) at a time.
 */
const SLAB_BYTES = 33 * PIECE_BYTES;

const NO_BYTES = new Uint8Array(0);

/** The slabs' text in order, each slab let go as its text is handed out. */
function* decodeSlabs(slabs: Uint8Array[], encoding: string): Generator<string> {
  const decoder = new TextDecoder(encoding);
  for (let k = 0; k < slabs.length; k++) {
    const slab = slabs[k]!;
    slabs[k] = NO_BYTES;
    for (let at = 0; at < slab.length; at += PIECE_BYTES) yield decoder.decode(slab.subarray(at, at + PIECE_BYTES), { stream: true });
  }
  yield decoder.decode();
}

function lenient(bytes: Uint8Array, encoding: string): DecodedPage {
  const text = new TextDecoder(encoding).decode(bytes);
  const strict = decodes(bytes, encoding);
  let errors = 0;
  if (strict === undefined) for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) errors++;
  const first = errors === 0 ? undefined : firstUndecodable(bytes, encoding);
  return first ? { text, encoding, errors, first } : { text, encoding, errors };
}

/** Where the first byte an encoding cannot read is (its line, and its place in the file from 1). */
function firstUndecodable(bytes: Uint8Array, encoding: string): { line: number; byte: number } | undefined {
  if (encoding === 'utf-8') {
    const at = utf8Shape(bytes).firstBad;
    return at < 0 ? undefined : { line: lineOf(bytes, at), byte: at + 1 };
  }
  // The piece whose text first shows a U+FFFD holds it; then, from the same state, that piece a byte at a time.
  const CHUNK = 1 << 16;
  const find = new TextDecoder(encoding);
  let start = 0;
  for (; start < bytes.length; start += CHUNK) if (find.decode(bytes.subarray(start, start + CHUNK), { stream: true }).includes('\uFFFD')) break;
  if (start >= bytes.length) return undefined;
  const again = new TextDecoder(encoding);
  for (let at = 0; at < start; at += CHUNK) again.decode(bytes.subarray(at, Math.min(at + CHUNK, start)), { stream: true });
  for (let i = start; i < Math.min(start + CHUNK, bytes.length); i++) {
    if (again.decode(bytes.subarray(i, i + 1), { stream: true }).includes('\uFFFD')) return { line: lineOf(bytes, i), byte: i + 1 };
  }
  return undefined;
}

/** The encodings' names as a message gives them. */
export const ENCODING_NAME: Record<string, string> = { 'utf-8': 'UTF-8', gb18030: 'GB18030（GBK/GB2312）', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' };
