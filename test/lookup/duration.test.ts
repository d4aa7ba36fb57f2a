import { Duration } from '../../src/assertion/duration';

describe('Duration', () => {
  test.each([
    [Duration.seconds(90), 90],
    [Duration.minutes(15), 900],
    [Duration.hours(2), 7200],
    [Duration.days(1.5), 129600],
  ])('%# converts to seconds', (d, seconds) => {
    expect(d.toSeconds()).toBe(seconds);
  });

  test('refuses negative and non-finite amounts with a fix', () => {
    expect(() => Duration.minutes(-1)).toThrow(
      'Duration.minutes(-1) is not a length of time; pass a finite number of 0 or more.',
    );
    expect(() => Duration.hours(Infinity)).toThrow(
      'Duration.hours(Infinity) is not a length of time; pass a finite number of 0 or more.',
    );
  });
});
