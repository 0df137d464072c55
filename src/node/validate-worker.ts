// A worker thread of zwgk validate: it is sent one file path at a time and answers with that file's outcome
// (validate-files.ts), reading the unit's layouts of each folder once, as the main thread would.
import { parentPort, workerData } from 'node:worker_threads';
import { loadLayouts } from './layouts.js';
import { validateFileOutcome, type ValidateFileOptions } from './validate-files.js';

const port = parentPort;
if (port) {
  const { opts } = workerData as { opts: ValidateFileOptions };
  const layouts = new Map<string, ReturnType<typeof loadLayouts>>();
  const layoutsOf = (dir: string) => {
    let got = layouts.get(dir);
    if (!got) layouts.set(dir, (got = loadLayouts(opts.layout, process.cwd(), dir)));
    return got;
  };
  port.on('message', ({ file }: { i: number; file: string }) => {
    void validateFileOutcome(file, opts, layoutsOf).then((outcome) => port.postMessage(outcome));
  });
}
