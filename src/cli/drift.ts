// Drift between what the context cache recorded and what the service says now: tasks added,
// removed or changed, streams added to a project or gone. A pure comparison; `context diff` fetches
// and prints.

import type { TransferTask } from '../client/model';

/** A field of a task whose change is drift. */
export type DriftField = 'state' | 'destinationType' | 'createTime' | 'lastTransferTimestamp';

/** One difference between a recorded lookup and the service. */
export interface Drift {
  /** What changed: a task or stream that appeared, one that is gone, or a field of a task. */
  readonly change: 'added' | 'removed' | 'changed';
  /** What the change is about. */
  readonly subject: 'task' | 'stream';
  /** The task's or the stream's name. */
  readonly name: string;
  /** The field that changed (`changed` only). `createTime` means the task was deleted and created again. */
  readonly field?: DriftField;
  /** The recorded value: the field's, or the whole task of a removed one. @default none (added) */
  readonly recorded?: string | number | TransferTask;
  /** The live value: the field's, or the whole task of an added one. @default none (removed) */
  readonly live?: string | number | TransferTask;
}

/** What counts as drift beyond tasks added and removed. */
export interface DriftOptions {
  /**
   * Count a changed `lastTransferTimestamp` (it changes whenever a task transfers, so it is not
   * drift unless asked for).
   * @default false
   */
  readonly lastTransfer?: boolean;
}

/** The fields compared, in the order changes are reported. */
function comparedFields(options: DriftOptions): DriftField[] {
  return [
    'state',
    'destinationType',
    'createTime',
    ...(options.lastTransfer ? ['lastTransferTimestamp' as const] : []),
  ];
}

function byName(a: { readonly name: string }, b: { readonly name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The drift between a stream's recorded tasks and its live ones, by task name: removed tasks,
 * added tasks and changed fields (state, destination type, creation time; the last transfer time
 * only with `lastTransfer`), ordered by task name.
 */
export function compareTasks(
  recorded: readonly TransferTask[],
  live: readonly TransferTask[],
  options: DriftOptions = {},
): Drift[] {
  const before = new Map(recorded.map((t) => [t.taskName, t]));
  const after = new Map(live.map((t) => [t.taskName, t]));
  const drift: Drift[] = [];
  for (const [name, task] of before) {
    const now = after.get(name);
    if (now === undefined) {
      drift.push({ change: 'removed', subject: 'task', name, recorded: task });
      continue;
    }
    for (const field of comparedFields(options)) {
      if (task[field] !== now[field]) {
        drift.push({
          change: 'changed',
          subject: 'task',
          name,
          field,
          recorded: task[field],
          live: now[field],
        });
      }
    }
  }
  for (const [name, task] of after) {
    if (!before.has(name)) drift.push({ change: 'added', subject: 'task', name, live: task });
  }
  return drift.sort(byName);
}

/** The drift between a project's recorded stream list and its live one: streams added and removed. */
export function compareStreams(recorded: readonly string[], live: readonly string[]): Drift[] {
  const before = new Set(recorded);
  const after = new Set(live);
  return [
    ...[...before]
      .filter((s) => !after.has(s))
      .map((name) => ({ change: 'removed' as const, subject: 'stream' as const, name })),
    ...[...after]
      .filter((s) => !before.has(s))
      .map((name) => ({ change: 'added' as const, subject: 'stream' as const, name })),
  ].sort(byName);
}

/** The drift of a recorded stream that no longer exists: the stream is gone with all its tasks. */
export function streamGone(streamName: string, recorded: readonly TransferTask[]): Drift[] {
  return [{ change: 'removed', subject: 'stream', name: streamName, recorded: recorded.length }];
}
