import { Duration, formatAge } from '../../src/lookup/duration';

describe('Duration', () => {
  test.each([
    [Duration.seconds(90), 90],
    [Duration.minutes(15), 900],
    [Duration.hours(2), 7200],
    [Duration.days(1.5), 129600],
  ])('%# converts to seconds and milliseconds', (d, seconds) => {
    expect(d.toSeconds()).toBe(seconds);
    expect(d.toMilliseconds()).toBe(seconds * 1000);
  });

  test('refuses negative and non-finite amounts with a fix, as a configuration error', () => {
    expect(() => Duration.minutes(-1)).toThrow(
      'Duration.minutes(-1) is not a length of time; pass a finite number of 0 or more.',
    );
    expect(() => Duration.hours(Infinity)).toThrow(
      expect.objectContaining({
        code: 'DIS_CONFIG_ERROR',
        field: 'Duration.hours',
        message:
          'DIS_CONFIG_ERROR: Duration.hours(Infinity) is not a length of time; pass a finite number of 0 or more.',
      }),
    );
  });

  test('says its length as an age is written', () => {
    expect(Duration.hours(24).toHumanString()).toBe('1d');
    expect(Duration.minutes(90).toHumanString()).toBe('1h 30m');
    expect(Duration.seconds(0).toHumanString()).toBe('0s');
  });

  test('recognizes a Duration, and nothing else', () => {
    expect(Duration.isDuration(Duration.days(1))).toBe(true);
    for (const x of [86400, '1d', null, undefined, {}, { toSeconds: () => 'x' }]) {
      expect(Duration.isDuration(x)).toBe(false);
    }
  });
});

describe('formatAge', () => {
  test.each([
    [0.9, '0s'],
    [125, '2m 5s'],
    [3 * 86400 + 4 * 3600 + 59, '3d 4h'],
    [86400 + 300, '1d'],
    [-5, '0s'],
    [Number.NaN, '0s'],
  ])('%p seconds is "%s"', (seconds, text) => {
    expect(formatAge(seconds)).toBe(text);
  });
});
