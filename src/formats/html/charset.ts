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
}

/**
 * A page's text: the byte order mark decides; then the declared charset — unless the bytes are valid
 * UTF-8 beyond ASCII while the declaration names a legacy charset (a page re-saved as UTF-8 that kept its
 * old <meta>), or the declared charset fails where another decodes cleanly; without a declaration,
 * UTF-8 if the bytes are valid UTF-8, else GB18030 (which reads GB2312 and GBK).
 */
export function decodePage(bytes: Uint8Array): DecodedPage {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return lenient(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return lenient(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return lenient(bytes.subarray(2), 'utf-16be');
  const declared = declaredCharset(bytes);
  const candidates = declared === undefined || declared === 'utf-8' ? ['utf-8', 'gb18030'] : hasNonAscii(bytes) ? ['utf-8', declared, 'gb18030'] : [declared];
  for (const encoding of candidates) {
    const text = decodes(bytes, encoding);
    if (text !== undefined) return { text, encoding, errors: 0 };
  }
  return lenient(bytes, declared ?? 'gb18030');
}

function lenient(bytes: Uint8Array, encoding: string): DecodedPage {
  const text = new TextDecoder(encoding).decode(bytes);
  const strict = decodes(bytes, encoding);
  let errors = 0;
  if (strict === undefined) for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) errors++;
  return { text, encoding, errors };
}

/** The encodings' names as a message gives them. */
export const ENCODING_NAME: Record<string, string> = { 'utf-8': 'UTF-8', gb18030: 'GB18030（GBK/GB2312）', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' };
