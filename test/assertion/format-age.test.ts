import { formatAge } from '../../src/assertion/format-age';

describe('formatAge', () => {
  test.each([
    [0, '0s'],
    [-5, '0s'],
    [59.9, '59s'],
    [60, '1m'],
    [725, '12m 5s'],
    [3600, '1h'],
    [11100, '3h 5m'],
    [86400, '1d'],
    [187200, '2d 4h'],
  ])('%d seconds → %s', (seconds, text) => {
    expect(formatAge(seconds)).toBe(text);
  });
});
