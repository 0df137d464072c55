// Worker threads that work through a list of jobs (zwgk summary's batches of files, validate's files): each
// thread is sent jobs as it answers, a few in flight so that it never waits for the main thread, and answers
// them in the order sent. A thread that dies (out of memory on a hostile file) costs only the jobs it held:
// each is reported as died, and a new thread goes on with the rest.
import { Worker } from 'node:worker_threads';

/** Where the jobs come from and where their answers go. */
export interface Jobs<J, A> {
  /** The next job, or undefined when there are none left. */
  take(): J | undefined;
  /** A job's answer, from the thread that did it. */
  answered(job: J, answer: A): void;
  /** The thread holding this job died before it answered. */
  died(job: J, err: Error): void;
}

/** Work through `jobs` in `threads` threads of `script` (each given `workerData`), `inFlight` jobs sent to a thread at once. */
export function runLanes<J, A>(script: string, workerData: unknown, threads: number, inFlight: number, jobs: Jobs<J, A>): Promise<void> {
  const lane = () =>
    new Promise<void>((resolve) => {
      const start = () => {
        const worker = new Worker(script, { workerData });
        // Jobs sent and not yet answered, in the order sent (a thread answers in that order).
        const pending: J[] = [];
        const feed = () => {
          while (pending.length < inFlight) {
            const job = jobs.take();
            if (job === undefined) break;
            pending.push(job);
            worker.postMessage(job);
          }
          if (pending.length === 0) void worker.terminate().then(() => resolve());
        };
        // Once its error is heard the thread is done with: its jobs were reported died, and an answer it sent
        // before dying that comes after the error (a thread's messages and its error come by different
        // channels) is dropped — it would have been taken as the answer of a job no longer pending: each job
        // is reported once.
        let dead = false;
        worker.on('message', (answer: A) => {
          if (dead) return;
          jobs.answered(pending.shift()!, answer);
          feed();
        });
        worker.on('error', (err) => {
          dead = true;
          for (const job of pending.splice(0)) jobs.died(job, err);
          void worker.terminate();
          start();
        });
        feed();
      };
      start();
    });
  return Promise.all(Array.from({ length: threads }, lane)).then(() => undefined);
}
