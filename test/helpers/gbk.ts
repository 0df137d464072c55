// GBK bytes of a string for tests (Node has no GBK encoder): map each character through a table built
// by decoding every two-byte GBK sequence; a character GBK lacks is a test error, not a silent '?'.
let table: Map<string, number[]> | undefined;

function gbkTable(): Map<string, number[]> {
  if (!table) {
    table = new Map();
    const dec = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = dec.decode(Uint8Array.from([hi, lo]));
        if (!table.has(ch)) table.set(ch, [hi, lo]);
      }
    }
  }
  return table;
}

/** Whether GBK has a character (a GBK page writes any other as a numeric reference, &#10003;). */
export function inGbk(ch: string): boolean {
  return ch.charCodeAt(0) < 0x80 || gbkTable().has(ch);
}

/** Encode text as GBK (what a GB2312/GBK page or .csv on a Chinese Windows PC holds). */
export function gbk(text: string): Buffer {
  const table = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`GBK has no “${ch}”`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}
