// The entries lookups record in the context cache and read from cdktf context: the key format
// (part of the public contract: committed cache files depend on it), the recorded value and its
// check, and the helper that builds entries for unit tests.
import {
  checkProjectId,
  checkRegion,
  checkServiceValue,
  checkStreamName,
  checkTaskName,
} from '../client/config';
import { DisError } from '../client/errors';
import type { ListTransferTasksResult, TransferTask } from '../client/model';
import { DisContextValueError, quoteUntrusted } from './errors';

/** The prefix of every context key this package reads or writes. */
export const CONTEXT_KEY_PREFIX = 'dis-transfer-tasks';

/** The cdktf context key that selects the lookup mode for a whole app (see `LookupMode`). */
export const MODE_CONTEXT_KEY = `${CONTEXT_KEY_PREFIX}:mode`;

/**
 * The cdktf context key that sets the region of every lookup of an app that does not set it as a
 * prop (`"context": { "dis-transfer-tasks:region": "cn-north-4" }` in cdktf.json).
 */
export const REGION_CONTEXT_KEY = `${CONTEXT_KEY_PREFIX}:region`;

/** The cdktf context key that sets the project id of every lookup of an app that does not set it as a prop. */
export const PROJECT_ID_CONTEXT_KEY = `${CONTEXT_KEY_PREFIX}:projectId`;

/** The parts a stream's context key is built from. */
export interface ContextKeyParts {
  /** The region, for example `cn-north-4`. */
  readonly region: string;
  /** The project id. */
  readonly projectId: string;
  /** The stream name; `*` stands for "the list of every stream of the project". */
  readonly streamName: string;
}

/** The stream-name segment of the key that records the stream list of a project-wide lookup. */
export const ALL_STREAMS = '*';

/**
 * The context key of one stream's transfer tasks: `dis-transfer-tasks:{region}:{projectId}:{streamName}`.
 * The format is part of the public contract (committed cache files depend on it).
 */
export function transferTasksContextKey(region: string, projectId: string, streamName: string): string {
  return `${CONTEXT_KEY_PREFIX}:${region}:${projectId}:${streamName}`;
}

/**
 * The context key that records the stream list of a project-wide lookup:
 * `dis-transfer-tasks:{region}:{projectId}:*` (`*` is not a valid DIS stream name, so it cannot collide).
 */
export function projectStreamsContextKey(region: string, projectId: string): string {
  return transferTasksContextKey(region, projectId, ALL_STREAMS);
}

/** The parts of a key built by {@link transferTasksContextKey}, or `undefined` for any other key. */
export function parseContextKey(key: string): ContextKeyParts | undefined {
  const parts = key.split(':');
  if (parts.length !== 4 || parts[0] !== CONTEXT_KEY_PREFIX || parts.some((p) => p === '')) {
    return undefined;
  }
  return { region: parts[1], projectId: parts[2], streamName: parts[3] };
}

/**
 * What a successful lookup records under its context key: the normalized response (tasks ordered by
 * name, no request id) and when it was fetched. Never a credential, never a failure.
 */
export interface TransferTasksContextValue {
  /** When the data was fetched, ISO-8601 (UTC). */
  readonly fetchedAt: string;
  /** `total_number` as the service reported it. */
  readonly totalNumber: number;
  /** The remaining task quota, when reported. */
  readonly quota?: number;
  /** The tasks, ordered by `taskName`. */
  readonly tasks: TransferTask[];
  /** The client's warnings about the response. */
  readonly warnings: string[];
}

/** What a project-wide lookup records under `dis-transfer-tasks:{region}:{projectId}:*`. */
export interface ProjectStreamsContextValue {
  /** When the stream list was fetched, ISO-8601 (UTC). */
  readonly fetchedAt: string;
  /** Every stream of the project, sorted. */
  readonly streams: string[];
}

/**
 * The value to record for a successful `listTransferTasks` call, checked by the rules a recorded
 * value is read back with (the client checks the answer too: this is the last line before the
 * file). `key` names it in the error.
 */
export function toContextValue(
  result: ListTransferTasksResult,
  fetchedAt: Date,
  key = '(a new entry)',
): TransferTasksContextValue {
  const value = {
    fetchedAt: fetchedAt.toISOString(),
    totalNumber: result.totalNumber,
    ...(result.quota !== undefined ? { quota: result.quota } : {}),
    tasks: result.tasks,
    warnings: [...result.warnings],
  };
  return checkValue(new ValueChecker(key, 'the answer of DIS', 'fetched'), value);
}

/** The value to record for a project's stream list (any order; recorded sorted). */
export function toProjectStreamsValue(
  streamNames: readonly string[],
  fetchedAt: string,
): ProjectStreamsContextValue {
  return { fetchedAt, streams: [...streamNames].sort() };
}

/**
 * Checks a value read from the cache or from cdktf context; `where` names its origin for the error.
 * Hand-written rather than zod: this runs on every cached lookup, and synth from the cache should
 * not load a validation library (see docs/decisions/0003). Unknown fields are dropped.
 */
export function parseContextValue(raw: unknown, key: string, where: string): TransferTasksContextValue {
  return checkValue(new ValueChecker(key, where), raw);
}

function checkValue(v: ValueChecker, raw: unknown): TransferTasksContextValue {
  const value = v.object(raw, []);
  const fetchedAt = v.dateTime(value.fetchedAt, ['fetchedAt']);
  const totalNumber = v.integer(value.totalNumber, ['totalNumber'], 0);
  const quota = value.quota === undefined ? undefined : v.integer(value.quota, ['quota']);
  const tasks = v.array(value.tasks, ['tasks']).map((t, i) => v.task(t, ['tasks', i]));
  const warnings =
    value.warnings === undefined
      ? []
      : v.array(value.warnings, ['warnings']).map((w, i) => v.string(w, ['warnings', i]));
  return {
    fetchedAt,
    totalNumber,
    ...(quota !== undefined ? { quota } : {}),
    tasks: sortTasks(tasks),
    warnings,
  };
}

/** Checks a project stream list read from the cache or from cdktf context. */
export function parseProjectStreamsValue(
  raw: unknown,
  key: string,
  where: string,
): ProjectStreamsContextValue {
  const v = new ValueChecker(key, where);
  const value = v.object(raw, []);
  const fetchedAt = v.dateTime(value.fetchedAt, ['fetchedAt']);
  const streams = v
    .array(value.streams, ['streams'])
    .map((s, i) => v.rule(s, ['streams', i], checkStreamName));
  return { fetchedAt, streams: [...streams].sort() };
}

type Path = readonly (string | number)[];

/**
 * ISO-8601 date and time with seconds (fractions allowed) and a `Z` or `±hh:mm` offset, as
 * `Date.prototype.toISOString` writes it; the calendar fields are range-checked below.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/;

function isValidDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  const offsetOk = m[7] === undefined || (Number(m[7]) <= 23 && Number(m[8]) <= 59);
  return (
    days !== undefined && day >= 1 && day <= days && hour <= 23 && minute <= 59 && second <= 59 && offsetOk
  );
}

/** What was found instead, for the error: `received null`, `received an array`, `received 1.5`, … */
function received(value: unknown): string {
  if (value === undefined) return 'but it is missing';
  if (value === null) return 'received null';
  if (Array.isArray(value)) return 'received an array';
  if (typeof value === 'number') return `received ${value}`;
  if (typeof value === 'string') return value === '' ? 'received ""' : 'received a string';
  return `received ${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;
}

/**
 * Checks one value field by field and throws {@link DisContextValueError} at the first problem,
 * naming the key, the origin, the field path (`tasks.0.taskName`, `(top level)`) and what was
 * expected. Never echoes a received string: a hand-edited file could hold anything.
 */
class ValueChecker {
  public constructor(
    private readonly key: string,
    private readonly where: string,
    private readonly origin: 'recorded' | 'fetched' = 'recorded',
  ) {}

  /**
   * A string that must follow one of the client's rules (a task name, a state): the same rule the
   * client applies to the service's answers (DESIGN decision 13). The error shows the value, escaped.
   */
  public rule(value: unknown, path: Path, check: (value: unknown, field: string) => string): string {
    const text = this.string(value, path);
    try {
      return check(text, path.join('.'));
    } catch (e) {
      if (!DisError.isDisError(e)) throw e;
      return this.fail(path, String(e.details.rule), text, `received ${quoteUntrusted(text)}`);
    }
  }

  public object(value: unknown, path: Path): Record<string, unknown> {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
    return this.fail(path, 'an object', value);
  }

  public array(value: unknown, path: Path): unknown[] {
    if (Array.isArray(value)) return value;
    return this.fail(path, 'an array', value);
  }

  public string(value: unknown, path: Path, minLength = 0): string {
    if (typeof value === 'string' && value.length >= minLength) return value;
    return this.fail(path, minLength > 0 ? 'a non-empty string' : 'a string', value);
  }

  public number(value: unknown, path: Path): number {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    return this.fail(path, 'a finite number', value);
  }

  public integer(value: unknown, path: Path, min?: number): number {
    const n = this.number(value, path);
    if (Number.isInteger(n) && (min === undefined || n >= min)) return n;
    return this.fail(path, min === undefined ? 'a whole number' : `a whole number >= ${min}`, n);
  }

  public dateTime(value: unknown, path: Path): string {
    const text = this.string(value, path);
    if (isValidDateTime(text)) return text;
    return this.fail(
      path,
      'an ISO-8601 date-time with seconds and a Z or +hh:mm offset, such as 2026-11-28T10:00:00.000Z',
      text,
      'received a string in another format',
    );
  }

  public task(value: unknown, path: Path): TransferTask {
    const t = this.object(value, path);
    const at = (field: string): Path => [...path, field];
    const taskName = this.rule(t.taskName, at('taskName'), checkTaskName);
    const taskId = t.taskId === undefined ? undefined : this.string(t.taskId, at('taskId'));
    const state = this.rule(t.state, at('state'), checkServiceValue);
    const destinationType = this.rule(t.destinationType, at('destinationType'), checkServiceValue);
    const createTime = this.number(t.createTime, at('createTime'));
    const lastTransferTimestamp =
      t.lastTransferTimestamp === undefined
        ? undefined
        : this.number(t.lastTransferTimestamp, at('lastTransferTimestamp'));
    return {
      taskName,
      ...(taskId !== undefined ? { taskId } : {}),
      state,
      destinationType,
      createTime,
      ...(lastTransferTimestamp !== undefined ? { lastTransferTimestamp } : {}),
    };
  }

  private fail(path: Path, expected: string, value: unknown, found = received(value)): never {
    const field = path.length > 0 ? path.join('.') : '(top level)';
    throw new DisContextValueError(
      this.key,
      this.where,
      `${field}: expected ${expected}, ${found}`,
      this.origin,
    );
  }
}

/**
 * The tasks in the one order this package shows and records them, by `taskName` (code-unit
 * order), each a fresh object with its fields in a fixed order: the lookup's order, which the
 * CLI's `list` uses too.
 */
export function sortTasks(tasks: readonly TransferTask[]): TransferTask[] {
  return tasks
    .map((t) => ({
      taskName: t.taskName,
      ...(t.taskId !== undefined ? { taskId: t.taskId } : {}),
      state: t.state,
      destinationType: t.destinationType,
      createTime: t.createTime,
      ...(t.lastTransferTimestamp !== undefined ? { lastTransferTimestamp: t.lastTransferTimestamp } : {}),
    }))
    .sort((a, b) => (a.taskName < b.taskName ? -1 : a.taskName > b.taskName ? 1 : 0));
}

/** The data of one stream's lookup, given as context in tests. */
export interface TransferTasksContextEntryProps {
  /** The stream. */
  readonly streamName: string;
  /** The region the lookup will run against. */
  readonly region: string;
  /** The project id the lookup will run against. */
  readonly projectId: string;
  /** The tasks (any order; lookups order them by name). */
  readonly tasks: TransferTask[];
  /**
   * `total_number`.
   * @default - the number of tasks
   */
  readonly totalNumber?: number;
  /**
   * The remaining task quota.
   * @default - not reported
   */
  readonly quota?: number;
  /**
   * When the data was "fetched", ISO-8601.
   * @default '1970-01-01T00:00:00.000Z'
   */
  readonly fetchedAt?: string;
  /**
   * Client warnings.
   * @default []
   */
  readonly warnings?: string[];
}

/** A context key and its value. */
export interface TransferTasksContextEntry {
  /** The context key, `dis-transfer-tasks:{region}:{projectId}:{streamName}`. */
  readonly key: string;
  /** The value, in the shape a lookup records. */
  readonly value: unknown;
}

/**
 * Builds cdktf context for lookups, so unit tests need neither network nor credentials:
 *
 * ```ts
 * const app = Testing.app({ context: TransferTasksContext.toContext(
 *   TransferTasksContext.entry({ region: 'cn-north-4', projectId: 'p', streamName: 'orders', tasks: [...] }),
 * ) });
 * ```
 * Values given as context win over the cache in every mode.
 */
export class TransferTasksContext {
  /** The key and value of one stream's lookup. Throws when the data would not pass a lookup's check. */
  public static entry(props: TransferTasksContextEntryProps): TransferTasksContextEntry {
    const key = transferTasksContextKey(
      checkRegion(props.region),
      checkProjectId(props.projectId),
      checkStreamName(props.streamName),
    );
    const value = parseContextValue(
      {
        fetchedAt: props.fetchedAt ?? '1970-01-01T00:00:00.000Z',
        totalNumber: props.totalNumber ?? props.tasks.length,
        ...(props.quota !== undefined ? { quota: props.quota } : {}),
        tasks: props.tasks,
        warnings: props.warnings ?? [],
      },
      key,
      'TransferTasksContext.entry()',
    );
    return { key, value };
  }

  /**
   * The key and value of a project's stream list, for `DisProjectTransferTasks` (each stream also
   * needs its own {@link entry}).
   */
  public static projectEntry(
    region: string,
    projectId: string,
    streamNames: string[],
    fetchedAt = '1970-01-01T00:00:00.000Z',
  ): TransferTasksContextEntry {
    return {
      key: projectStreamsContextKey(region, projectId),
      value: toProjectStreamsValue(streamNames, fetchedAt),
    };
  }

  /** Entries as one context object, for `new App({ context })` or `Testing.app({ context })`. */
  public static toContext(...entries: TransferTasksContextEntry[]): Record<string, unknown> {
    return Object.fromEntries(entries.map((e) => [e.key, e.value]));
  }

  private constructor() {}
}
