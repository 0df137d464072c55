// Memory by stage of validate .xlsx (temporary).
import { readFileSync } from 'node:fs';
import { openWorkbook } from '../dist/formats/xlsx/workbook.js';
import { readCatalog } from '../dist/node/read-file.js';
import { validateCatalog } from '../dist/validate/index.js';
const file = process.argv[2];
const mb = (n) => (n / 1048576).toFixed(0);
import v8 from 'node:v8';
const show = (what) => { global.gc(); const m = process.memoryUsage(); console.log(v8.getHeapSpaceStatistics().map(s=>s.space_name.replace('_space','')+':'+mb(s.space_size)+'/'+mb(s.space_used_size)).join(' ')); console.log(what.padEnd(22), 'rss', mb(m.rss), 'heapTotal', mb(m.heapTotal), 'heap', mb(m.heapUsed), 'ext', mb(m.external), 'ab', mb(m.arrayBuffers)); };
show('start');
if (process.argv[3] === 'scan') {
  const bytes = readFileSync(file);
  show('bytes');
  const wb = await openWorkbook(bytes, file);
  show('shared strings');
  const scan = await wb.scanSheet(wb.sheets[0]);
  show('scanned');
  wb.release();
  show('released strings');
  globalThis.keep = scan;
} else {
  const c = await readCatalog(file);
  show('catalog');
  const f = validateCatalog(c);
  show('validated');
  globalThis.keep = [c, f];
}
