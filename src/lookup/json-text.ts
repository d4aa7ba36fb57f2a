// The text of the committed context cache: its stable format (sorted keys, two-space indentation,
// a trailing newline) and, when it is not JSON, where and why, without quoting the file.
import { printable } from '../client/untrusted';

/**
 * JSON with object keys sorted at every level, two-space indentation and a trailing newline:
 * the format of the committed context cache, chosen so that diffs stay small. Array order is kept.
 */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), undefined, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortKeys(v);
  }
  return out;
}

/** Where and why a text is not JSON. */
export interface JsonSyntaxError {
  /** 0-based character offset. */
  readonly position: number;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** What was wrong, without quoting the surrounding text. */
  readonly problem: string;
}

/**
 * Finds the first syntax error of `text` as JSON, or `undefined` when it parses. Written out because
 * V8's `JSON.parse` messages quote the input instead of giving a position (Node 20): a message must
 * name the place, not repeat the file.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (problem: string): never => {
    throw new Located(i, problem);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const describe = () =>
    i >= text.length ? 'unexpected end of file' : `unexpected character ${quoteCharacter(text[i])}`;
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(describe());
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        i++;
        if (i < text.length && text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('invalid \\u escape');
          i += 4;
        } else if (i >= text.length || !'"\\/bfnrt'.includes(text[i])) fail('invalid escape');
      } else if (text.charCodeAt(i) < 0x20) fail('control character in string');
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail(describe());
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`${describe()} (expected a property name in double quotes)`);
        string();
        ws();
        if (text[i] !== ':') fail(`${describe()} (expected ':')`);
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail(`${describe()} (expected ',' or '}')`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail(`${describe()} (expected ',' or ']')`);
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    fail(describe());
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`${describe()} after the end of the JSON value`);
    return undefined;
  } catch (e) {
    if (!(e instanceof Located)) throw e;
    const before = text.slice(0, e.position);
    const line = before.split('\n').length;
    const column = e.position - before.lastIndexOf('\n');
    return { position: e.position, line, column, problem: e.problem };
  }
}

/** One character of a file as a message shows it: quoted, escaped when unprintable (`"\\u202e"`). */
function quoteCharacter(c: string): string {
  return printable(JSON.stringify(c));
}

class Located {
  public constructor(
    public readonly position: number,
    public readonly problem: string,
  ) {}
}
