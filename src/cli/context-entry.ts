import { ALL_STREAMS, parseContextKey } from '../lookup/context-entry';

/** One lookup recorded in the context cache file, as the `context` commands show it. */
export interface ContextEntry {
  /** The full context key, `dis-transfer-tasks:{region}:{projectId}:{streamName}`. */
  readonly key: string;
  /** The region part of the key. */
  readonly region: string;
  /** The project id part of the key. */
  readonly projectId: string;
  /** The stream name part of the key; `*` for a project's stream list. */
  readonly streamName: string;
  /** `tasks` for a stream's transfer tasks, `streams` for a project's stream list. */
  readonly kind: 'tasks' | 'streams';
  /** When the value was fetched (epoch ms). @default undefined when the value does not record it */
  readonly fetchedAt?: number;
  /** How many tasks (or streams) the value holds. @default undefined when the value is malformed */
  readonly count?: number;
}

function fetchedAtOf(value: unknown): number | undefined {
  const raw = (value as { fetchedAt?: unknown } | null)?.fetchedAt;
  const ms = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

function countOf(value: unknown, field: 'tasks' | 'streams'): number | undefined {
  const list = (value as Record<string, unknown> | null)?.[field];
  return Array.isArray(list) ? list.length : undefined;
}

/**
 * The lookup entries of a context cache file's contents, sorted by key. Keys this package did not
 * write (other libraries' context, `dis-transfer-tasks:mode`) are left out; values are read
 * leniently, so that a damaged entry is still listed (and can be refreshed or reset).
 */
export function contextEntries(contents: Readonly<Record<string, unknown>>): ContextEntry[] {
  const entries: ContextEntry[] = [];
  for (const [key, value] of Object.entries(contents)) {
    const parts = parseContextKey(key);
    if (!parts) {
      continue;
    }
    const kind = parts.streamName === ALL_STREAMS ? 'streams' : 'tasks';
    entries.push({ key, ...parts, kind, fetchedAt: fetchedAtOf(value), count: countOf(value, kind) });
  }
  return entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
