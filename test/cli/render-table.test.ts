import { renderTable } from '../../src/cli/render-table';

describe('renderTable', () => {
  test('aligns columns on the widest cell and leaves no trailing spaces', () => {
    // WHEN
    const text = renderTable(
      ['A', 'LONG HEADER', 'C'],
      [
        ['wide cell', 'x', ''],
        ['y', 'z', 'last'],
      ],
    );
    // THEN
    expect(text).toBe(
      ['A          LONG HEADER  C', 'wide cell  x', 'y          z            last', ''].join('\n'),
    );
  });

  test('ignores ANSI colour codes when measuring widths', () => {
    const text = renderTable(['S', 'N'], [['\u001b[32mRUNNING\u001b[39m', 'a']]);
    expect(text.split('\n')[1]).toBe('\u001b[32mRUNNING\u001b[39m  a');
    expect(text.split('\n')[0]).toBe('S        N');
  });
});
