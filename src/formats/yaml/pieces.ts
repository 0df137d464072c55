// A large YAML file's text decoded in pieces of about 4 MB, each cut after a line feed (which in UTF-8 is
// never part of another character), checked as prepareYaml checks the whole text and searched for its
// items as splitItems searches it. The whole text of a 100 000-item file is 160 MB beside its 203 MB of
// bytes; as pieces it need never be one string, and the pieces can be let go as the items pass them
// (issue 19). What cannot be read this way (a run prepareYaml would take out, items that cannot be cut)
// is said by undefined, and the file is read whole as before.
import { checkText, decodePiece } from './decode.js';
import { linePass } from './lines.js';
import { ItemFinder, type FoundItems } from './split.js';

/** About this many bytes a piece, cut after the next line feed. */
export const PIECE_BYTES = 4 * 1024 * 1024;

export interface TextPieces {
  /** The text in order (the byte order mark dropped): joined, it is what decodeText gives. */
  pieces: string[];
  found: FoundItems;
  /** Characters in all pieces. */
  chars: number;
}

/**
 * Decode a large file's bytes in pieces and find its items. Throws what decodeText throws (yaml-encoding,
 * yaml-binary) and YamlTooDeep; undefined when the file is to be read whole.
 */
export function readPieces(bytes: Uint8Array, file: string, pieceBytes = PIECE_BYTES): TextPieces | undefined {
  checkText(bytes, file);
  const pass = linePass(false);
  const finder = new ItemFinder();
  const pieces: string[] = [];
  let chars = 0;
  for (let start = 0; start < bytes.length; ) {
    const lf = bytes.indexOf(10, Math.min(bytes.length, start + pieceBytes));
    const end = lf < 0 ? bytes.length : lf + 1;
    const piece = decodePiece(bytes.subarray(start, end), file, start === 0);
    pass.feed(piece);
    if (pass.cut) return undefined;
    finder.feed(piece, end === bytes.length);
    // Read whole anyway: the rest need not be decoded here.
    if (finder.cannotCut) return undefined;
    pieces.push(piece);
    chars += piece.length;
    start = end;
  }
  pass.finish();
  if (pass.cut) return undefined;
  const found = finder.finish();
  return found ? { pieces, found, chars } : undefined;
}
