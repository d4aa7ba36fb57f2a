import { listValues, parseDuration } from '../../src/cli/command';

describe('listValues', () => {
  test('splits on commas, trims, drops empties and duplicates, keeps order', () => {
    expect(listValues(['RUNNING, STARTING', 'RUNNING', ',PAUSED,'])).toEqual([
      'RUNNING',
      'STARTING',
      'PAUSED',
    ]);
  });

  test('an option not given stays undefined, so the gate default applies', () => {
    expect(listValues(undefined)).toBeUndefined();
  });
});

describe('parseDuration', () => {
  test.each([
    ['900', 900],
    ['90s', 90],
    ['15m', 900],
    ['1.5h', 5400],
    ['1d', 86400],
  ])('reads %s as %d seconds', (text, seconds) => {
    expect(parseDuration(text, '--max-lag')).toBe(seconds);
  });

  test.each(['', '15 minutes', '-5m', '1w', 'm'])('refuses %p with the forms it accepts', (text) => {
    expect(() => parseDuration(text, '--max-lag')).toThrow(
      /--max-lag '.*' is not a duration; write seconds \(900\)/,
    );
  });
});
