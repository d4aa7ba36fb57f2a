// Text from outside (task names, states, stream names, keys of the cache file, acknowledgement
// reasons, service messages) made safe for each place the CLI writes it: a terminal, a GitHub
// Actions workflow command, and GitHub-flavoured Markdown. XML has its own escape in report.ts.

/**
 * The characters that must never reach a terminal raw: the C0 controls (newline, carriage return,
 * tab and escape included), DEL, the C1 controls, the Unicode line and paragraph separators and
 * the bidirectional formatting characters that can reorder what a reader sees ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(c: string): string {
  return NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * `text` with every control character written out as an escape (`\n`, `\r`, `\t`, `\u001b`, …),
 * so that a value printed in a table or a sentence stays on its line and cannot move the cursor,
 * clear the screen, change colours or forge a line such as `Gate PASSED`. Error messages are
 * printed through it too: they may quote what a service, a file or the command line said.
 */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** A value quoted for a message: `'value'`, control characters escaped. */
export function quote(value: string): string {
  return `'${escapeControl(value)}'`;
}

/**
 * Like {@link escapeControl} but keeps newlines: for text whose line breaks are the CLI's own
 * (a multi-line message). Every other control character is escaped.
 */
export function escapeControlKeepingNewlines(text: string): string {
  return text.replace(UNSAFE, (c) => (c === '\n' ? c : escapeOne(c)));
}

/**
 * `value` as one word of a POSIX shell command line, for a command the CLI suggests: in single
 * quotes (so `*` and `$` stay literal), each `'` written `'\''`, control characters escaped.
 */
export function shellQuote(value: string): string {
  return `'${escapeControl(value).replace(/'/g, `'\\''`)}'`;
}

/**
 * A copy of `value` (JSON-like: objects, arrays, strings, numbers, booleans) with
 * {@link escapeControl} applied to every string at any depth, keys included. Used on a gate
 * report before it is formatted as text, so that every value in it stays on its own line.
 */
export function escapeControlDeep<T>(value: T): T {
  if (typeof value === 'string') {
    return escapeControl(value) as T;
  }
  if (Array.isArray(value)) {
    return value.map((v: unknown) => escapeControlDeep(v)) as T;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [escapeControl(k), escapeControlDeep(v as unknown)]),
    ) as T;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// GitHub Actions workflow commands

/**
 * The data (message) of a workflow command, escaped as the GitHub Actions runner reads it back:
 * `%` as `%25`, carriage return as `%0D`, newline as `%0A` (the encoding of `@actions/core`).
 * Other control characters are written out by {@link escapeControl} first, so that a value can
 * neither end the command nor start a new one.
 */
export function escapeWorkflowData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(UNSAFE, escapeOne);
}

/**
 * A property value of a workflow command (`title=…`, `file=…`): the data escapes plus `:` as
 * `%3A` and `,` as `%2C`, which would otherwise end the property or the property list.
 */
export function escapeWorkflowProperty(text: string): string {
  return escapeWorkflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// ---------------------------------------------------------------------------------------------
// Markdown

/**
 * Text for a cell of a GitHub-flavoured Markdown table, shown literally: control characters
 * written out (a newline would end the row), and every ASCII punctuation character
 * backslash-escaped (CommonMark allows it for all of them), so that a value can open no link,
 * image, HTML tag, emphasis, code span or table column, and mention nobody.
 */
export function escapeMarkdown(text: string): string {
  return escapeControl(text).replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}
