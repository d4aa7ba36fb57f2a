import { mapWithConcurrency } from '../../src/lookup/map-with-concurrency';

describe('mapWithConcurrency', () => {
  test('never has more than the limit in flight, and keeps the order of the input', async () => {
    let inFlight = 0;
    let most = 0;
    const result = await mapWithConcurrency([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setImmediate(r));
      for (let i = 0; i < n; i++) await Promise.resolve();
      inFlight--;
      return n * 10;
    });
    expect(result).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(3);
  });

  test('handles an empty list and a limit above the number of items', async () => {
    expect(await mapWithConcurrency([], 8, async (n: number) => n)).toEqual([]);
    expect(await mapWithConcurrency([1, 2], 8, async (n) => n + 1)).toEqual([2, 3]);
  });

  test('rejects with the first failure', async () => {
    await expect(
      mapWithConcurrency([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('stream 2 failed');
        return n;
      }),
    ).rejects.toThrow('stream 2 failed');
  });

  test('starts nothing new after a failure, and settles the calls already started', async () => {
    const started: number[] = [];
    let settled = 0;
    const run = mapWithConcurrency([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      await new Promise((r) => setImmediate(r));
      settled++;
      if (n === 2) throw new Error('two failed');
      return n;
    });
    await expect(run).rejects.toThrow('two failed');
    // 1 and 2 run together; 2 fails while 3 (started when 1 finished) is in flight.
    expect(started).toEqual([1, 2, 3]);
    expect(settled).toBe(started.length);
  });
});
