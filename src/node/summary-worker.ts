// A worker thread of zwgk summary: it is sent file paths in batches and answers each batch with their roll-up
// rows, read one after another (reading and inflating happen on this thread, so nothing is gained by overlap).
import { parentPort, workerData } from 'node:worker_threads';
import { layoutsByFolder } from './layouts.js';
import { summarizeFile } from './summary-files.js';
import type { SummaryRow } from '../core/index.js';
import { manageHeap } from './heap.js';

const port = parentPort;
if (port) {
  const { profile, layout, heap } = workerData as { profile: 'auto' | '2017' | '2019'; layout?: string; heap: boolean };
  if (heap) manageHeap();
  const layoutsOf = layoutsByFolder(layout);
  let queue = Promise.resolve();
  port.on('message', (batch: { i: number; file: string }[]) => {
    queue = queue.then(async () => {
      const rows: { i: number; row: SummaryRow }[] = [];
      for (const { i, file } of batch) rows.push({ i, row: await summarizeFile(file, profile, layoutsOf) });
      port.postMessage(rows);
    });
  });
}
