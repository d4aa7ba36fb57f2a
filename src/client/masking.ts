// Masking secrets: the one place that decides what a secret looks like in text and how every
// string of an error or a value is masked. The client's guard, the lookup (warnings, recorded
// values, the errors it wraps) and the CLI all use it, through ./errors.

/** What replaces a secret. */
export const SECRET_MASK = '***';

/**
 * Values shorter than this are not searched for: replacing them would garble ordinary text (and
 * IAM passwords, keys and tokens are all longer).
 */
export const MIN_SECRET_LENGTH = 6;

/**
 * Environment variables whose values are secrets (or, for access key ids, identify one): those the
 * client reads (credentials.ts) and their counterparts in the huaweicloud provider and the official
 * SDKs (research/dis-api.md §5). Their values are masked wherever this package writes text.
 */
export const SECRET_VARIABLES: readonly string[] = [
  'HW_ACCESS_KEY',
  'HW_SECRET_KEY',
  'HW_SECURITY_TOKEN',
  'HW_AUTH_TOKEN',
  'HW_PASSWORD',
  'HW_USER_PASSWORD',
  'HUAWEICLOUD_SDK_AK',
  'HUAWEICLOUD_SDK_SK',
  'HUAWEICLOUD_SDK_SECURITY_TOKEN',
  'HUAWEICLOUD_SDK_AUTH_TOKEN',
  'HUAWEICLOUD_SDK_PASSWORD',
  'OS_ACCESS_KEY',
  'OS_SECRET_KEY',
  'OS_AUTH_TOKEN',
  'OS_PASSWORD',
];

/** The values of {@link SECRET_VARIABLES} set in `env` (trimmed, long enough to mask). */
export function secretsFromEnv(env: Readonly<Record<string, string | undefined>>): string[] {
  const values = SECRET_VARIABLES.flatMap((name) => {
    const value = env[name];
    return value === undefined ? [] : [value, value.trim()];
  });
  return [...new Set(values)].filter((v) => v.length >= MIN_SECRET_LENGTH);
}

/**
 * A signature in an `Authorization` header, echoed as is or percent-encoded, together with any
 * mask a secret right after it already became (so the result reads `Signature=***`).
 */
const SIGNATURE = /(Signature(?:=|%3D))(?:[0-9a-fA-F]|\*\*\*)+/gi;

/**
 * The spellings of each secret to look for: as is, JSON-escaped and percent-encoded (a service
 * may echo a header inside a JSON string or a URL).
 */
function spellings(secrets: readonly string[]): string[] {
  const out = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
    out.add(secret);
    out.add(JSON.stringify(secret).slice(1, -1));
    try {
      out.add(encodeURIComponent(secret));
    } catch {
      // a lone surrogate cannot be percent-encoded; the other spellings still apply
    }
  }
  return [...out];
}

/**
 * Replaces every occurrence of each secret in `text` (as is, JSON-escaped or percent-encoded,
 * overlapping occurrences as one run) with `***`, then any `Signature=<hex>`. The secrets go first: a signature
 * directly followed by a secret that starts with hex digits would otherwise swallow the start of
 * the secret and leave the rest of it in clear.
 */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  return maskText(text, spellings(secrets));
}

/**
 * Masks every string of a value with {@link maskSecrets}: strings, arrays and plain objects at
 * any depth, and errors (with {@link maskError}). Anything else is returned as is. A value with
 * nothing to mask is returned itself, not a copy.
 */
export function maskValue<T>(value: T, secrets: readonly string[]): T {
  return mask(value, spellings(secrets), new Map()) as T;
}

/**
 * Masks every string of an error: its message, its stack, every string in `details` (and in any
 * other property) at any depth, and its `cause` chain. Returns a copy of the same class (so
 * `code`, the typed getters, `isDisError` and `instanceof` still work), or the error itself when
 * nothing needed masking. Any thrown value is accepted; a non-error is masked like a value.
 */
export function maskError<T>(error: T, secrets: readonly string[]): T {
  return maskValue(error, secrets);
}

/**
 * Masks every occurrence of every spelling, overlapping ones included: the covered ranges are
 * merged first, so two secrets that overlap in the text are masked as one run and neither leaves
 * a tail in clear.
 */
function maskText(text: string, spellings: readonly string[]): string {
  const ranges: [number, number][] = [];
  for (const spelling of spellings) {
    for (let at = text.indexOf(spelling); at !== -1; at = text.indexOf(spelling, at + 1)) {
      ranges.push([at, at + spelling.length]);
    }
  }
  let out = text;
  if (ranges.length > 0) {
    ranges.sort((a, b) => a[0] - b[0]);
    out = '';
    let cursor = 0;
    let runEnd = -1;
    for (const [start, end] of ranges) {
      if (start > runEnd) {
        out += text.slice(cursor, start) + SECRET_MASK;
        runEnd = end;
      } else {
        runEnd = Math.max(runEnd, end);
      }
      cursor = runEnd;
    }
    out += text.slice(cursor);
  }
  return out.replace(SIGNATURE, `$1${SECRET_MASK}`);
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Masks `value`; `seen` maps each object already visited to its masked form (cycles, sharing). */
function mask(value: unknown, spellings: readonly string[], seen: Map<object, unknown>): unknown {
  if (typeof value === 'string') return maskText(value, spellings);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    let changed = false;
    for (const item of value) {
      const masked = mask(item, spellings, seen);
      changed ||= masked !== item;
      copy.push(masked);
    }
    if (changed) return copy;
    seen.set(value, value);
    return value;
  }
  if (value instanceof Error) return maskErrorObject(value, spellings, seen);
  if (!isPlain(value)) return value;
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  let changed = false;
  for (const [key, item] of Object.entries(value)) {
    const masked = mask(item, spellings, seen);
    changed ||= masked !== item;
    copy[key] = masked;
  }
  if (changed) return copy;
  seen.set(value, value);
  return value;
}

/**
 * A masked copy of an error: a real `Error` (so `util.inspect` prints it as one) with the
 * original's prototype and every own property (message, stack, cause, code, details, brand, …)
 * masked. Getters of the original are read once; the copy holds plain values.
 */
function maskErrorObject(error: Error, spellings: readonly string[], seen: Map<object, unknown>): Error {
  const copy = new Error();
  Object.setPrototypeOf(copy, Object.getPrototypeOf(error));
  seen.set(error, copy);
  let changed = false;
  for (const key of Reflect.ownKeys(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key)!;
    const original = (error as unknown as Record<PropertyKey, unknown>)[key];
    const masked = mask(original, spellings, seen);
    changed ||= masked !== original;
    Object.defineProperty(copy, key, {
      value: masked,
      enumerable: descriptor.enumerable,
      writable: true,
      configurable: true,
    });
  }
  if (changed) return copy;
  seen.set(error, error);
  return error;
}
