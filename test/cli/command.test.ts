import fc from 'fast-check';
import { listValues, parseDuration, suggestOption } from '../../src/cli/command';

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

describe('parseDuration, property', () => {
  test('any text gives a finite number of seconds of 0 or more, or a usage error naming the option', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\d{1,400}(\.\d{1,5})?[smhd]?$/)), (text) => {
        try {
          const seconds = parseDuration(text, '--max-lag');
          expect(seconds).toBeGreaterThanOrEqual(0);
        } catch (e) {
          expect(e).toMatchObject({ code: 'DIS_CLI_USAGE', message: expect.stringContaining('--max-lag') });
        }
      }),
    );
  });
});

describe('suggestOption', () => {
  const known = ['output', 'stream', 'all-streams', 'max-lag', 'timeout'];

  test.each([
    ['--report', 'output'],
    ['--format', 'output'],
    ['--ouptut', 'output'],
    ['--strem', 'stream'],
    ['--max', 'max-lag'],
    ['--timout=5s', 'timeout'],
  ])('%s suggests --%s', (given, expected) => {
    expect(suggestOption(given, known)).toBe(expected);
  });

  test('nothing close suggests nothing', () => {
    expect(suggestOption('--zzzzzz', known)).toBeUndefined();
    expect(suggestOption('-x', known)).toBeUndefined();
  });
});
