// A part's XML handed to exceljs's stream as UTF-8 bytes gathered a row or a string at a time. Given
// strings (the XML of 2 000 rows joined), exceljs's stream turns each into a buffer of its own
// (Buffer.from, after flattening the joined string) and then copies it into its own buffers; bytes it
// takes as a view and copies once. Render → .xlsx of 25 000 items: about 0.3 s less CPU and 15 MB less
// peak memory (four interleaved runs each).

/** Bytes gathered before they are handed on (exceljs's stream copies them into its 64 KB buffers). */
const SINK_BYTES = 1 << 20;

const encoder = new TextEncoder();

/** What of exceljs's StreamBuf a sink writes into: an ArrayBuffer is taken as its bytes. */
export interface PartStream {
  write(chunk: string | ArrayBuffer): void;
}

/** UTF-8 bytes of XML gathered for one part, handed to its stream a megabyte at a time. */
export class ByteSink {
  private readonly bytes = new Uint8Array(SINK_BYTES);
  private at = 0;

  constructor(private readonly out: PartStream) {}

  /** Add XML text (any length: a text longer than the sink goes on as it is, after what was gathered). */
  add(text: string): void {
    // A UTF-16 unit takes at most 3 bytes of UTF-8 (a surrogate pair, two units, takes 4).
    if (this.at + 3 * text.length > SINK_BYTES) {
      this.flush();
      if (3 * text.length > SINK_BYTES) {
        this.out.write(text);
        return;
      }
    }
    this.at += encoder.encodeInto(text, this.bytes.subarray(this.at)).written;
  }

  /** Hand on what was gathered (a copy of its length: the sink's bytes are written over next). */
  flush(): void {
    if (this.at === 0) return;
    this.out.write(this.bytes.buffer.slice(0, this.at));
    this.at = 0;
  }
}
