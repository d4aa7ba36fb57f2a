import { Duration, humanDuration } from '../../src/lookup/duration';

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

  test('says its length in words', () => {
    expect(Duration.hours(24).toHumanString()).toBe('1 day');
    expect(Duration.minutes(90).toHumanString()).toBe('1 hour 30 minutes');
    expect(Duration.seconds(0).toHumanString()).toBe('0 seconds');
  });

  test('recognizes a Duration, and nothing else', () => {
    expect(Duration.isDuration(Duration.days(1))).toBe(true);
    for (const x of [86400, '1d', null, undefined, {}, { toSeconds: () => 'x' }]) {
      expect(Duration.isDuration(x)).toBe(false);
    }
  });
});

describe('humanDuration', () => {
  test.each([
    [0, '0 seconds'],
    [0.9, '0 seconds'],
    [1, '1 second'],
    [125, '2 minutes 5 seconds'],
    [3600, '1 hour'],
    [3 * 86400 + 4 * 3600 + 59, '3 days 4 hours'],
    [86400 + 300, '1 day'],
    [-5, '0 seconds'],
    [Number.NaN, '0 seconds'],
  ])('%p seconds is "%s"', (seconds, words) => {
    expect(humanDuration(seconds)).toBe(words);
  });
});
