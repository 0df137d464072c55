// A worker thread of zwgk validate: it is sent one file path at a time and answers with that file's outcome
// (validate-files.ts), reading the unit's layouts of each folder once, as the main thread would.
import { parentPort, workerData } from 'node:worker_threads';
import { layoutsByFolder } from './layouts.js';
import { validateFileOutcome, type ValidateFileOptions } from './validate-files.js';
import { manageHeap } from './heap.js';

const port = parentPort;
if (port) {
  const { opts, heap } = workerData as { opts: ValidateFileOptions; heap: boolean };
  if (heap) manageHeap();
  const layoutsOf = layoutsByFolder(opts.layout);
  port.on('message', ({ file }: { i: number; file: string }) => {
    void validateFileOutcome(file, opts, layoutsOf).then((outcome) => port.postMessage(outcome));
  });
}
