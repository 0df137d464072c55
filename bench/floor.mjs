// The floor of reading a workbook (issue 19, item 4): in Node, inflate the sheet part and the shared
// strings, decode the UTF-8 and scan the tags once — no cells, no model. What `zwgk validate` costs
// beyond this is the reader's and the model's own work. Prints "<parts> <tags> <characters>".
// Usage: node bench/floor.mjs <file.xlsx>
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const bytes = readFileSync(process.argv[2]);
// The zip's central directory: every entry's name, method and where its data starts.
let eocd = bytes.length - 22;
while (eocd >= 0 && bytes.readUInt32LE(eocd) !== 0x06054b50) eocd--;
const count = bytes.readUInt16LE(eocd + 10);
let p = bytes.readUInt32LE(eocd + 16);
const parts = [];
for (let i = 0; i < count; i++) {
  const method = bytes.readUInt16LE(p + 10);
  const size = bytes.readUInt32LE(p + 20); // compressed
  const nameLength = bytes.readUInt16LE(p + 28);
  const extra = bytes.readUInt16LE(p + 30);
  const comment = bytes.readUInt16LE(p + 32);
  const local = bytes.readUInt32LE(p + 42);
  const name = bytes.toString('utf8', p + 46, p + 46 + nameLength);
  if (/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(name)) parts.push({ name, method, size, local });
  p += 46 + nameLength + extra + comment;
}
const decoder = new TextDecoder();
let tags = 0;
let chars = 0;
for (const part of parts) {
  const start = part.local + 30 + bytes.readUInt16LE(part.local + 26) + bytes.readUInt16LE(part.local + 28);
  const raw = bytes.subarray(start, start + part.size);
  const data = part.method === 8 ? inflateRawSync(raw) : raw;
  const text = decoder.decode(data);
  chars += text.length;
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) tags++;
}
process.stdout.write(`${parts.length} ${tags} ${chars}\n`);
