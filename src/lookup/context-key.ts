/** The prefix of every context key this package reads or writes. */
export const CONTEXT_KEY_PREFIX = 'dis-transfer-tasks';

/** The cdktf context key that selects the lookup mode for a whole app (see `LookupMode`). */
export const MODE_CONTEXT_KEY = `${CONTEXT_KEY_PREFIX}:mode`;

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
