import { createStyle, visibleWidth } from '../../src/cli/style';

const tty = { write: () => true, isTTY: true };
const pipe = { write: () => true, isTTY: false };

describe('createStyle', () => {
  test('colours a terminal when NO_COLOR is unset', () => {
    const style = createStyle(tty, {});
    expect(style.enabled).toBe(true);
    expect(style.red('x')).toBe('\u001b[31mx\u001b[39m');
  });

  test('never colours a pipe', () => {
    const style = createStyle(pipe, {});
    expect(style.enabled).toBe(false);
    expect(style.red('x')).toBe('x');
  });

  test('NO_COLOR turns colour off even on a terminal and even when FORCE_COLOR is set', () => {
    expect(createStyle(tty, { NO_COLOR: '1' }).enabled).toBe(false);
    expect(createStyle(pipe, { NO_COLOR: '1', FORCE_COLOR: '1' }).enabled).toBe(false);
  });

  test('an empty NO_COLOR does not count as set (no-color.org)', () => {
    expect(createStyle(tty, { NO_COLOR: '' }).enabled).toBe(true);
  });

  test('FORCE_COLOR colours a pipe, except FORCE_COLOR=0', () => {
    expect(createStyle(pipe, { FORCE_COLOR: '1' }).enabled).toBe(true);
    expect(createStyle(pipe, { FORCE_COLOR: '0' }).enabled).toBe(false);
  });
});

describe('visibleWidth', () => {
  test('does not count colour codes', () => {
    expect(visibleWidth('\u001b[1mabc\u001b[22m')).toBe(3);
  });
});
