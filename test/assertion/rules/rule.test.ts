import { matchesTaskRef, TaskRefSet } from '../../../src/assertion/rules/rule';

describe('task references', () => {
  test('a bare name matches in any stream, stream/name only in its stream', () => {
    expect(matchesTaskRef('to-obs', 'orders', 'to-obs')).toBe(true);
    expect(matchesTaskRef('orders/to-obs', 'orders', 'to-obs')).toBe(true);
    expect(matchesTaskRef('clicks/to-obs', 'orders', 'to-obs')).toBe(false);
    expect(matchesTaskRef('to-ob', 'orders', 'to-obs')).toBe(false);
  });

  test('* matches only where a wildcard is allowed', () => {
    expect(matchesTaskRef('*', 'orders', 'to-obs')).toBe(false);
    expect(matchesTaskRef('*', 'orders', 'to-obs', true)).toBe(true);
  });

  test('TaskRefSet agrees with matchesTaskRef', () => {
    const set = new TaskRefSet(['to-obs', 'clicks/to-dli']);
    expect(set.has('orders', 'to-obs')).toBe(true);
    expect(set.has('clicks', 'to-dli')).toBe(true);
    expect(set.has('orders', 'to-dli')).toBe(false);
    expect(new TaskRefSet([]).has('orders', 'to-obs')).toBe(false);
  });
});
