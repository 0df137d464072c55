// The command's heap grows as V8 lets it while small and by half its live size once large
// (src/node/heap.ts); a library that never called manageHeap changes nothing in its host process.
import v8 from 'node:v8';
import { describe, expect, it, vi } from 'vitest';

const fresh = async () => {
  vi.resetModules();
  return import('../../src/node/heap.js');
};

describe('the heap policy', () => {
  it('does nothing in a library: no input size or heap makes it change a flag', async () => {
    const heap = await fresh();
    const flags = vi.spyOn(v8, 'setFlagsFromString');
    heap.noteInput(1 << 30);
    heap.watchHeap();
    expect(heap.heapState()).toBe('off');
    expect(heap.heapManaged()).toBe(false);
    expect(flags).not.toHaveBeenCalled();
    flags.mockRestore();
  });

  it('holds the heap to 1.5 × from before a large input is read, not for a small one, and once only', async () => {
    const heap = await fresh();
    const flags = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => undefined);
    const stats = vi.spyOn(v8, 'getHeapStatistics').mockReturnValue({ used_heap_size: 20 * 1024 * 1024 } as ReturnType<typeof v8.getHeapStatistics>);
    heap.manageHeap();
    expect(heap.heapState()).toBe('watching');
    heap.noteInput(8 * 1024 * 1024 - 1);
    heap.watchHeap();
    expect(flags).not.toHaveBeenCalled();
    heap.noteInput(8 * 1024 * 1024);
    expect(heap.heapState()).toBe('held');
    heap.noteInput(1 << 30);
    expect(flags.mock.calls).toEqual([['--heap-growing-percent=50']]);
    flags.mockRestore();
    stats.mockRestore();
  });

  it('holds it once the heap in use is large, as items are read or between files', async () => {
    const heap = await fresh();
    const flags = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => undefined);
    let used = 95 * 1024 * 1024;
    const stats = vi.spyOn(v8, 'getHeapStatistics').mockImplementation(() => ({ used_heap_size: used }) as ReturnType<typeof v8.getHeapStatistics>);
    heap.manageHeap();
    const progress: number[] = [];
    const onProgress = heap.watchingProgress((items: number) => progress.push(items));
    onProgress(500);
    expect(heap.heapState()).toBe('watching');
    used = 96 * 1024 * 1024;
    onProgress(1000);
    expect(heap.heapState()).toBe('held');
    // The progress shown is still shown.
    expect(progress).toEqual([500, 1000]);
    expect(flags.mock.calls).toEqual([['--heap-growing-percent=50']]);
    flags.mockRestore();
    stats.mockRestore();
  });

  it('leaves a --heap-growing-percent given by hand as it is', async () => {
    const heap = await fresh();
    const flags = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => undefined);
    const argv = vi.spyOn(process, 'execArgv', 'get').mockReturnValue(['--heap-growing-percent=30']);
    heap.manageHeap();
    heap.noteInput(1 << 30);
    expect(heap.heapState()).toBe('held');
    expect(flags).not.toHaveBeenCalled();
    flags.mockRestore();
    argv.mockRestore();
  });
});
