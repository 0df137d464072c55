// A YAML file's bytes as text: UTF-8 (a byte order mark dropped); UTF-16, GBK and binary data refused
// with a message that says what to do.
import { ZwgkError } from '../../findings/finding.js';

/** Bytes → text, refusing binary data and encodings other than UTF-8 with a message that says what to do. */
export function decodeText(bytes: Uint8Array, file: string): string {
  checkText(bytes, file);
  return decodePiece(bytes, file, true);
}

/** Refuse bytes that are UTF-16 or binary data, by their first 64 KB (what decodeText checks before decoding). */
export function checkText(bytes: Uint8Array, file: string): void {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new ZwgkError('yaml-encoding', { file }, { file, encoding: 'UTF-16' });
  }
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  let evenZeros = 0;
  let oddZeros = 0;
  // A plain loop: forEach's call per byte was a third of reading a roll-up of 2 600 small catalogs.
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    } else if (b < 9 || (b > 13 && b < 32)) control++;
  }
  // UTF-16 text without a BOM: every other byte is zero for ASCII and punctuation.
  const zeros = evenZeros + oddZeros;
  if (zeros > 0 && zeros > sample.length / 8 && Math.min(evenZeros, oddZeros) < zeros / 10) {
    throw new ZwgkError('yaml-encoding', { file }, { file, encoding: 'UTF-16' });
  }
  if (zeros > 0) throw new ZwgkError('yaml-binary', { file }, { file });
  if (control > sample.length / 100 + 2) throw new ZwgkError('yaml-binary', { file }, { file });
}

/** UTF-8 bytes (the whole file, or a piece of it cut after a line feed) → text; `first`: the file's start,
 * whose byte order mark is dropped. Bytes that are not UTF-8 are refused as GBK/GB18030. */
export function decodePiece(bytes: Uint8Array, file: string, first: boolean): string {
  try {
    // A later piece may start with U+FEFF as text: only the file's own byte order mark is dropped.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: !first }).decode(bytes);
    return first && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (cause) {
    throw new ZwgkError('yaml-encoding', { file }, { file, encoding: 'GBK/GB18030' }, { cause });
  }
}
