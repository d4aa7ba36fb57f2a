// Checking a value read from outside (a gate file, an acknowledgements file, props from
// JavaScript) field by field: every problem is collected as `path: expected …, found …`, and a
// string that was found is never quoted, since a hand-edited file can hold anything.

/** A field path: `['rules', 'acknowledgements', 0, 'reason']`. */
export type FieldPath = readonly (string | number)[];

/**
 * Checks a value read from outside field by field, collecting every problem as `path: expected …,
 * found …`, and builds a copy with the fields in their documented order. Never quotes a string it
 * found: a hand-edited file can hold anything. Shared by the gate rules and the gate file.
 */
export class FieldChecker {
  /** Every problem found so far. */
  public readonly problems: string[] = [];

  /** Records a problem at `path`; returns undefined for the caller to return. */
  public fail(path: FieldPath, expected: string, value: unknown): undefined {
    this.problems.push(`${at(path)}: expected ${expected}, ${found(value)}`);
    return undefined;
  }

  /** Records a problem at `path` in words of its own (`expected …, found …`, never quoting a value). */
  public problem(path: FieldPath, text: string): void {
    this.problems.push(`${at(path)}: ${text}`);
  }

  /**
   * A plain object; a field outside `fields` is a problem (`hint` says what to use instead), and
   * the other fields are still returned to be checked, so that every problem is listed.
   */
  public object(
    value: unknown,
    path: FieldPath,
    fields: readonly string[],
    hint = `use ${fields.join(', ')}`,
  ): Record<string, unknown> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return this.fail(path, 'an object', value);
    }
    for (const key of Object.keys(value).filter((k) => !fields.includes(k))) {
      this.problems.push(`${at(path)}: unknown field "${key}" (${hint})`);
    }
    return value as Record<string, unknown>;
  }

  /** A string; with `nonEmpty`, one of at least one character. */
  public string(value: unknown, path: FieldPath, nonEmpty = false): string | undefined {
    if (typeof value === 'string' && (!nonEmpty || value !== '')) return value;
    return this.fail(path, nonEmpty ? 'a non-empty string' : 'a string', value);
  }

  /**
   * A list of non-empty strings; with `nonEmpty`, a list of at least one. `entry`, when given,
   * checks each string and returns what is wrong with it (`expected …, found …`, never quoting it).
   */
  public names(
    value: unknown,
    path: FieldPath,
    nonEmpty = false,
    entry?: (name: string) => string | undefined,
  ): string[] | undefined {
    const what = `a ${nonEmpty ? 'non-empty ' : ''}list of non-empty strings`;
    if (!Array.isArray(value) || (nonEmpty && value.length === 0)) return this.fail(path, what, value);
    const before = this.problems.length;
    value.forEach((v, i) => {
      // A path is built only for a bad entry: lists of task names can be long.
      if (typeof v !== 'string' || v === '') this.fail([...path, i], 'a non-empty string', v);
      else {
        const problem = entry?.(v);
        if (problem !== undefined) this.problem([...path, i], problem);
      }
    });
    return this.problems.length === before ? [...(value as string[])] : undefined;
  }

  /** True for `true` and `false`; anything else is a problem. */
  public boolean(value: unknown, path: FieldPath): boolean | undefined {
    if (typeof value === 'boolean') return value;
    return this.fail(path, 'true or false', value);
  }

  /** A finite number of 0 or more; with `whole`, a whole number. */
  public count(value: unknown, path: FieldPath, whole: boolean): number | undefined {
    const ok = typeof value === 'number' && Number.isFinite(value) && value >= 0;
    if (ok && (!whole || Number.isInteger(value))) return value;
    return this.fail(path, `a ${whole ? 'whole ' : ''}number of 0 or more`, value);
  }

  /** One of `values`. */
  public oneOf<T>(value: unknown, path: FieldPath, values: readonly T[]): T | undefined {
    if (values.includes(value as T)) return value as T;
    return this.fail(path, values.map((v) => JSON.stringify(v)).join(' or '), value);
  }

  /**
   * `check(value)` unless the value is absent; the copy of an object then leaves the field out.
   * Returns `{}` or `{ [key]: checked }`, to spread into the copy.
   */
  public optional<T>(
    source: Record<string, unknown>,
    key: string,
    check: (value: unknown) => T | undefined,
  ): Record<string, T> {
    const value = source[key];
    if (value === undefined) return {};
    const checked = check(value);
    return checked === undefined ? {} : { [key]: checked };
  }
}

/** How a path reads in a problem: `rules.acknowledgements.0.reason`, `(top level)`. */
function at(path: FieldPath): string {
  return path.length > 0 ? path.join('.') : '(top level)';
}

/** What was found instead of what was expected. */
function found(value: unknown): string {
  if (value === undefined) return 'found nothing';
  if (typeof value === 'string') return value === '' ? 'found an empty string' : 'found another string';
  if (Array.isArray(value)) return value.length === 0 ? 'found an empty list' : 'found a list';
  if (typeof value === 'object' && value !== null) return 'found an object';
  return `found ${String(value)}`;
}
