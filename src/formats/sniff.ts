// What a file's first bytes say it is, whatever its name: the registry (formats/index.ts) reads a "Word"
// file that is really a web page as the page, and a reader refusing a file that is not its format says
// what it seems to be instead (a PDF, a web page, plain text). Nothing here reads more than the first
// 64 KB.

const TABLE_TAG = [...'<table'].map((c) => c.charCodeAt(0));
const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/** Whether bytes are a web page: Word's “save as web page”, or a system that exports “Word” (.doc) as HTML. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return true;
  if (!head.startsWith('<') || head.startsWith('<?xml')) return false;
  const start = bytes.subarray(0, 65536);
  for (let i = start.indexOf(60); i >= 0; i = start.indexOf(60, i + 1)) {
    let k = 1;
    while (k < TABLE_TAG.length && (start[i + k]! | 0x20) === TABLE_TAG[k]) k++;
    if (k === TABLE_TAG.length) return true;
  }
  return false;
}

/**
 * What a file that is not a zip seems to hold, from its first 4 KB: nothing, a PDF, an XML document (an
 * XML declaration), other markup (a web page), text (UTF-8, or GBK: not UTF-8 but free of control
 * bytes), or other binary data.
 */
export type ContentGuess = 'empty' | 'pdf' | 'xml' | 'markup' | 'text' | 'gbk-text' | 'binary';

/** Guess what a file that is not a zip holds (see ContentGuess). */
export function guessContent(bytes: Uint8Array): ContentGuess {
  const head = bytes.subarray(0, 4096);
  if (head.length === 0) return 'empty';
  const text = utf8.decode(head).replace(/^\uFEFF/, '');
  if (latin1.decode(head.subarray(0, 8)).startsWith('%PDF') || text.startsWith('%PDF')) return 'pdf';
  if (/^\s*<\?xml/.test(text)) return 'xml';
  if (/^\s*</.test(text)) return 'markup';
  if (!text.includes('\uFFFD') && !/[\x00-\x08\x0E-\x1F]/.test(text)) return 'text';
  // GBK text is not valid UTF-8 but has no control bytes either.
  if (!/[\x00-\x08\x0E-\x1F]/.test(latin1.decode(head))) return 'gbk-text';
  return 'binary';
}
