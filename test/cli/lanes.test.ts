// Worker lanes (src/node/lanes.ts): every job is answered or reported died, once; a thread that dies costs
// only the jobs it held, and a new thread goes on with the rest.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runLanes } from '../../src/node/lanes.js';

it('answers every job once, in threads, and a job that kills its thread is reported died', async () => {
  const script = path.join(mkdtempSync(path.join(tmpdir(), 'zwgk-lanes-')), 'worker.mjs');
  // Job 7 throws out of the thread's message handler: the thread dies, as it would out of memory.
  writeFileSync(script, `import { parentPort } from 'node:worker_threads';\nparentPort.on('message', (n) => { if (n === 7) throw new Error('boom'); parentPort.postMessage(n * 2); });\n`);
  const answered = new Map<number, number>();
  const died: number[] = [];
  let next = 1;
  await runLanes<number, number>(script, null, 2, 2, {
    take: () => (next <= 20 ? next++ : undefined),
    answered: (job, answer) => {
      expect(answered.has(job)).toBe(false);
      answered.set(job, answer);
    },
    died: (job, err) => {
      expect(err.message).toContain('boom');
      died.push(job);
    },
  });
  expect(died).toContain(7);
  // Besides 7, at most the one other job sent to that thread with it is lost; every job is accounted for once.
  expect(died.length).toBeLessThanOrEqual(2);
  expect([...answered.keys(), ...died].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  for (const [job, answer] of answered) expect(answer).toBe(job * 2);
});
