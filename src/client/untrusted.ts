// Text from outside (a service's error message, code or request id, a value that broke a rule)
// shown in an error message: control and invisible formatting characters are escaped, so that
// nothing a server sends can move the cursor, recolour a terminal, reverse the text's direction or
// forge a line; and the text is clipped, so a hostile body cannot make a message megabytes long.

/**
 * C0 and C1 controls, DEL, and the invisible or direction-changing format characters (zero-width
 * spaces and joiners, bidirectional embeddings, overrides and isolates, word joiner, BOM, line and
 * paragraph separators).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** The longest outside text a message quotes, in characters. */
export const MAX_QUOTED_LENGTH = 200;

/**
 * `text` safe to show: each unprintable character as `\uXXXX` (`\n`, `\r`, `\t` as themselves
 * escaped), clipped to `max` characters with `…`. A lone surrogate is escaped as well.
 */
export function printable(text: string, max: number = MAX_QUOTED_LENGTH): string {
  const clipped = text.length > max ? `${text.slice(0, max)}…` : text;
  return clipped
    .replace(UNPRINTABLE, (c) => {
      if (c === '\n') return '\\n';
      if (c === '\r') return '\\r';
      if (c === '\t') return '\\t';
      return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    })
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => {
      return `\\u${c.charCodeAt(0).toString(16)}`;
    });
}

/** `value` quoted for a message: a string as `'…'` through {@link printable}, anything else by its type. */
export function quoted(value: unknown, max: number = MAX_QUOTED_LENGTH): string {
  if (typeof value === 'string') return `'${printable(value, max)}'`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return printable(String(value), max);
}
