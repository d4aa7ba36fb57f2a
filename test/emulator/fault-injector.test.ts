import { FaultInjector } from '../../src/emulator/faults';

describe('FaultInjector', () => {
  it('fires nothing when empty', () => {
    expect(new FaultInjector().next('ListTransferTasks')).toBeUndefined();
  });

  it('lets the first firing fault win while still counting requests for the others', () => {
    const f = new FaultInjector();
    f.inject({ kind: 'disThrottle', onRequests: [1] });
    f.inject({ kind: 'throttle', onRequests: [1, 2] });
    expect(f.next('ListStreams')?.kind).toBe('disThrottle');
    expect(f.next('ListStreams')?.kind).toBe('throttle');
    expect(f.next('ListStreams')).toBeUndefined();
  });

  it('matches a fault to its route only', () => {
    const f = new FaultInjector();
    f.inject({ kind: 'hang', route: 'ShowTransferTask' });
    expect(f.next('ListTransferTasks')).toBeUndefined();
    expect(f.next('ShowTransferTask')?.kind).toBe('hang');
  });

  it('draws probabilities from its seed, so two injectors agree', () => {
    const draws = (seed: number) => {
      const f = new FaultInjector();
      f.inject({ kind: 'serverError', probability: 0.3, seed });
      return Array.from({ length: 50 }, () => f.next('ListStreams') !== undefined);
    };
    expect(draws(7)).toEqual(draws(7));
    expect(draws(7)).not.toEqual(draws(8));
    const hits = draws(7).filter(Boolean).length;
    expect(hits).toBeGreaterThan(5);
    expect(hits).toBeLessThan(30);
  });
});
