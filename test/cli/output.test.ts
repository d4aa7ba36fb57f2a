import {
  colourGateReport,
  createStyle,
  redactingOutput,
  renderTable,
  secretValues,
  visibleWidth,
} from '../../src/cli/output';

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

describe('secretValues', () => {
  test('collects the values of secret variables (the access key id included) and ignores other variables', () => {
    // GIVEN
    const env = {
      HW_SECRET_KEY: 'sk-123456',
      HW_AUTH_TOKEN: 'token-1234567890',
      HW_ACCESS_KEY: 'AKAKAKAKAK',
      HW_REGION_NAME: 'cn-north-4',
    };
    // THEN
    expect(secretValues(env).sort()).toEqual(['AKAKAKAKAK', 'sk-123456', 'token-1234567890']);
  });

  test('ignores values too short to search for safely', () => {
    expect(secretValues({ HW_PASSWORD: 'abc' })).toEqual([]);
  });
});

describe('redactingOutput', () => {
  test('replaces every occurrence of every secret', () => {
    // GIVEN
    const written: string[] = [];
    const out = redactingOutput({ write: (t: string) => written.push(t), isTTY: true }, [
      'secret-one',
      'secret-two',
    ]);
    // WHEN
    out.write('a secret-one b secret-two c secret-one\n');
    // THEN
    expect(written).toEqual(['a *** b *** c ***\n']);
    expect(out.isTTY).toBe(true);
  });
});

const TEXT = [
  'DIS transfer task gate failed for orders: 1 error, 1 warning, 1 acknowledged.',
  '  ERROR DIS-TASK-STATE: task orders/a is PAUSED.',
  '  WARN  DIS-TRANSFER-LAG: task orders/b is late.',
  '  ACK   DIS-TASK-STATE: task orders/c is PAUSED.',
].join('\n');

describe('colourGateReport', () => {
  test('colours the level words and bolds the headline on a terminal', () => {
    const lines = colourGateReport(TEXT, createStyle({ write: () => true, isTTY: true }, {})).split('\n');
    expect(lines[0]).toBe(`\u001b[1m${TEXT.split('\n')[0]}\u001b[22m`);
    expect(lines[1]).toBe('  \u001b[31mERROR\u001b[39m DIS-TASK-STATE: task orders/a is PAUSED.');
    expect(lines[2]).toBe('  \u001b[33mWARN\u001b[39m  DIS-TRANSFER-LAG: task orders/b is late.');
    expect(lines[3]).toBe('  \u001b[2mACK\u001b[22m   DIS-TASK-STATE: task orders/c is PAUSED.');
  });

  test('leaves the text alone when colour is off', () => {
    expect(colourGateReport(TEXT, createStyle({ write: () => true }, {}))).toBe(TEXT);
  });
});
