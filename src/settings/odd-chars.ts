// Characters no catalog text means (validate/rules/odd-chars.ts): Braille dots, what a PDF's middle dot or
// bullet becomes when copied, and U+FFFD, a character a conversion could not decode. Here, below the
// readers, because the channel reader drops a ⠂ used as a bullet and must say so.

const ODD = /[\u2800-\u28ff\ufffd]/gu;

const ODD_ONE = /[\u2800-\u28ff\ufffd]/u;

/** True when a text holds an odd character (a test, no array: most texts hold none). */
export function hasOddChar(text: string): boolean {
  return ODD_ONE.test(text);
}

/** The odd characters of a text, each once, in the order met; empty for none. */
export function oddChars(text: string): string[] {
  return [...new Set(text.match(ODD) ?? [])];
}

/** What each odd character is, in a clerk's words. */
export function oddCharWords(chars: readonly string[]): string {
  return chars.map((c) => (c === '\ufffd' ? '“\ufffd”（转换时无法识别的字）' : `“${c}”（盲文点，多为从 PDF 复制时带入的间隔号或项目符号）`)).join('、');
}

