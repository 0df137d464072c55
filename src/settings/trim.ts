// Trimming a text's edges in time linear in its length. A regular expression such as /[\s、]+$/ tries
// every character of a long run inside the text against the end (quadratic: a cell of 32 000 spaces
// between two words took seconds per test); these walk in from each end once.

/** The text without the characters at either end that `edge` accepts (tested one UTF-16 unit at a time). */
export function trimWhere(text: string, edge: (unit: string) => boolean): string {
  let start = 0;
  let end = text.length;
  while (start < end && edge(text[start]!)) start++;
  while (end > start && edge(text[end - 1]!)) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** A test for trimWhere from a character class, e.g. /[\s\p{P}]/u (used on one unit at a time). */
export function unitIn(charClass: RegExp): (unit: string) => boolean {
  return (unit) => charClass.test(unit);
}
