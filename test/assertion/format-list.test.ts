import { formatList } from '../../src/assertion/format-list';

describe('formatList', () => {
  test('joins short lists in full', () => {
    expect(formatList([])).toBe('');
    expect(formatList(['a', 'b'])).toBe('a, b');
  });

  test('shows the first items of a long list and counts the rest', () => {
    expect(formatList(['a', 'b', 'c', 'd'], 2)).toBe('a, b, … (2 more)');
    expect(formatList(Array.from({ length: 12 }, (_, i) => `t${i}`))).toBe(
      't0, t1, t2, t3, t4, t5, t6, t7, t8, t9, … (2 more)',
    );
  });
});
