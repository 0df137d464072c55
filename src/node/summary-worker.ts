// A worker thread of zwgk summary: it is sent file paths one at a time and answers each with its roll-up row.
import { parentPort, workerData } from 'node:worker_threads';
import { summarizeFile } from './summary-files.js';

const port = parentPort;
if (port) {
  const { profile } = workerData as { profile: 'auto' | '2017' | '2019' };
  port.on('message', ({ i, file }: { i: number; file: string }) => {
    void summarizeFile(file, profile).then((row) => port.postMessage({ i, row }));
  });
}
