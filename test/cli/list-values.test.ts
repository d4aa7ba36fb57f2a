import { listValues } from '../../src/cli/list-values';

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
