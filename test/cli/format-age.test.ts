import { formatAge } from '../../src/cli/format-age';

describe('formatAge', () => {
  test.each([
    [0, '0s'],
    [999, '0s'],
    [45_000, '45s'],
    [12 * 60_000 + 5_000, '12m 5s'],
    [3 * 3_600_000 + 5 * 60_000 + 59_000, '3h 5m'],
    [3 * 3_600_000 + 20_000, '3h'],
    [2 * 86_400_000 + 4 * 3_600_000 + 1_000, '2d 4h'],
  ])('formats %d ms as %s', (ms, expected) => {
    expect(formatAge(ms)).toBe(expected);
  });

  test('a negative age (a clock ahead of ours) reads "in the future"', () => {
    expect(formatAge(-5_000)).toBe('in the future');
  });

  test('a non-finite age reads "-"', () => {
    expect(formatAge(Number.NaN)).toBe('-');
  });
});
