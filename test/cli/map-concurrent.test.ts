import { mapConcurrent } from '../../src/cli/map-concurrent';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('mapConcurrent', () => {
  test('keeps input order and never runs more than `limit` calls at once', async () => {
    // GIVEN
    let inFlight = 0;
    let most = 0;
    const gates = [deferred(), deferred(), deferred(), deferred(), deferred()];
    // WHEN
    const run = mapConcurrent([0, 1, 2, 3, 4], 2, async (i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await gates[i].promise;
      inFlight--;
      return i * 10;
    });
    for (const g of [...gates].reverse()) g.resolve();
    // THEN
    await expect(run).resolves.toEqual([0, 10, 20, 30, 40]);
    expect(most).toBe(2);
  });

  test('rejects with the first error and starts nothing new after it', async () => {
    const started: number[] = [];
    const run = mapConcurrent([1, 2, 3, 4], 1, async (i) => {
      started.push(i);
      if (i === 2) throw new Error('two failed');
      return i;
    });
    await expect(run).rejects.toThrow('two failed');
    expect(started).toEqual([1, 2]);
  });

  test('an empty list resolves to an empty list', async () => {
    await expect(mapConcurrent([], 4, async () => 1)).resolves.toEqual([]);
  });
});
