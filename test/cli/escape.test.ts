import fc from 'fast-check';
import {
  escapeControl,
  escapeControlDeep,
  escapeMarkdown,
  escapeWorkflowData,
  escapeWorkflowProperty,
  quote,
  shellQuote,
} from '../../src/cli/escape';
import { controlSafeOutput, createStyle } from '../../src/cli/output';

/** Every character a terminal acts on, or that reorders text. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('escapeControl', () => {
  test('writes newlines, returns, tabs and escape codes out, and leaves other text alone', () => {
    expect(escapeControl('a\nb\rc\td\u001b[31me\u0000')).toBe('a\\nb\\rc\\td\\u001b[31me\\u0000');
    expect(escapeControl('orders-to-obs ünïcode 数据')).toBe('orders-to-obs ünïcode 数据');
  });

  test('escapes DEL, C1 controls, line separators and bidirectional overrides', () => {
    expect(escapeControl('\u007f\u009b\u2028\u202e\u2066')).toBe('\\u007f\\u009b\\u2028\\u202e\\u2066');
  });

  test('property: the result holds no unsafe character, and safe text is unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(escapeControl(text)).not.toMatch(UNSAFE);
        if (!UNSAFE.test(text)) expect(escapeControl(text)).toBe(text);
      }),
    );
  });
});

describe('escapeControlDeep', () => {
  test('escapes every string of a report, keys and nested arrays included, and keeps other values', () => {
    expect(
      escapeControlDeep({ a: 'x\ny', n: 1, ok: true, list: [{ 'k\u001b': ['\r'] }], nothing: null }),
    ).toEqual({ a: 'x\\ny', n: 1, ok: true, list: [{ 'k\\u001b': ['\\r'] }], nothing: null });
  });
});

describe('quote and shellQuote', () => {
  test('quote wraps a value in single quotes with its control characters escaped', () => {
    expect(quote('a\nb')).toBe("'a\\nb'");
  });

  test("shellQuote makes one POSIX shell word: * and $ stay literal, ' is closed and reopened", () => {
    expect(shellQuote('dis-transfer-tasks:r:p:*')).toBe("'dis-transfer-tasks:r:p:*'");
    expect(shellQuote("a'; rm -rf ~; '$HOME")).toBe("'a'\\''; rm -rf ~; '\\''$HOME'");
  });
});

describe('GitHub workflow command escaping', () => {
  test('data escapes %, CR and LF as the runner reads them back', () => {
    expect(escapeWorkflowData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
  });

  test('a property also escapes : and ,', () => {
    expect(escapeWorkflowProperty('DIS-TASK-STATE: a, b\n%')).toBe('DIS-TASK-STATE%3A a%2C b%0A%25');
  });

  test('other control characters are written out: nothing reaches the log raw', () => {
    expect(escapeWorkflowData('a\u001b[2Jb')).toBe('a\\u001b[2Jb');
  });

  test('property: escaped data never holds a line break, and %-decoding gives the control-escaped text back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const data = escapeWorkflowData(text);
        expect(data).not.toMatch(/[\r\n]/);
        const decoded = data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
        expect(decoded.replace(/\r/g, '\\r').replace(/\n/g, '\\n')).toBe(escapeControl(text));
        expect(escapeWorkflowProperty(text)).not.toMatch(/[:,\r\n]/);
      }),
    );
  });
});

describe('escapeMarkdown', () => {
  test('a value can open no link, tag, emphasis or table column, and stays on its row', () => {
    expect(escapeMarkdown('[x](http://e.vil) <img> *b* |c| @team\nrow')).toBe(
      '\\[x\\]\\(http\\:\\/\\/e\\.vil\\) \\<img\\> \\*b\\* \\|c\\| \\@team\\\\nrow',
    );
  });

  test('property: no unescaped pipe, no line break, no raw angle bracket', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const md = escapeMarkdown(text);
        expect(md).not.toMatch(/[\r\n]/);
        expect(md).not.toMatch(/(^|[^\\])(\\\\)*[|<]/);
      }),
    );
  });
});

describe('controlSafeOutput', () => {
  function capture(colour: boolean) {
    const written: string[] = [];
    return {
      out: controlSafeOutput({ write: (t: string) => written.push(t), isTTY: true }, colour),
      written,
    };
  }

  test('keeps newlines, escapes every other control character', () => {
    const { out, written } = capture(false);
    out.write('line one\nline\u001b[2J two\r\n');
    expect(written).toEqual(['line one\nline\\u001b[2J two\\r\n']);
  });

  test('with colour on, keeps exactly the colour codes createStyle writes and no others', () => {
    // GIVEN
    const style = createStyle({ write: () => true, isTTY: true }, {});
    const { out, written } = capture(true);
    // WHEN
    out.write(`${style.red('ERROR')} ${style.bold('x')} \u001b[8mhidden\u001b[0m`);
    // THEN
    expect(written[0]).toBe('\u001b[31mERROR\u001b[39m \u001b[1mx\u001b[22m \\u001b[8mhidden\\u001b[0m');
  });

  test('with colour off, even those codes are escaped', () => {
    const { out, written } = capture(false);
    out.write('\u001b[31mred\u001b[39m');
    expect(written[0]).toBe('\\u001b[31mred\\u001b[39m');
  });

  test('JSON stays valid and means the same', () => {
    const value = { name: 'a\u0085b\u2028c\u007f' };
    const { out, written } = capture(false);
    out.write(JSON.stringify(value));
    expect(written[0]).not.toMatch(UNSAFE);
    expect(JSON.parse(written[0])).toEqual(value);
  });
});
