import type { TransferTask } from '../client/model';
import { projectStreamsContextKey, transferTasksContextKey } from './context-key';
import { parseContextValue, type ProjectStreamsContextValue } from './context-value';

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
    const key = transferTasksContextKey(props.region, props.projectId, props.streamName);
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
    const value: ProjectStreamsContextValue = { fetchedAt, streams: [...streamNames].sort() };
    return { key: projectStreamsContextKey(region, projectId), value };
  }

  /** Entries as one context object, for `new App({ context })` or `Testing.app({ context })`. */
  public static toContext(...entries: TransferTasksContextEntry[]): Record<string, unknown> {
    return Object.fromEntries(entries.map((e) => [e.key, e.value]));
  }

  private constructor() {}
}
