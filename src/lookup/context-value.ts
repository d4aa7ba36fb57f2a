import { z } from 'zod';
import type { ListTransferTasksResult } from '../client/list-transfer-tasks-result';
import type { TransferTask } from '../client/transfer-task';
import { DisContextValueError } from './context-value-error';

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

const TaskSchema = z.object({
  taskName: z.string().min(1),
  taskId: z.string().optional(),
  state: z.string(),
  destinationType: z.string(),
  createTime: z.number(),
  lastTransferTimestamp: z.number().optional(),
});

const ValueSchema = z.object({
  fetchedAt: z.iso.datetime({ offset: true }),
  totalNumber: z.number().int().nonnegative(),
  quota: z.number().int().optional(),
  tasks: z.array(TaskSchema),
  warnings: z.array(z.string()).default([]),
});

const ProjectSchema = z.object({
  fetchedAt: z.iso.datetime({ offset: true }),
  streams: z.array(z.string().min(1)),
});

/** The value to record for a successful `listTransferTasks` call. */
export function toContextValue(result: ListTransferTasksResult, fetchedAt: Date): TransferTasksContextValue {
  return {
    fetchedAt: fetchedAt.toISOString(),
    totalNumber: result.totalNumber,
    ...(result.quota !== undefined ? { quota: result.quota } : {}),
    tasks: sortTasks(result.tasks),
    warnings: [...result.warnings],
  };
}

/** Checks a value read from the cache or from cdktf context; `where` names its origin for the error. */
export function parseContextValue(raw: unknown, key: string, where: string): TransferTasksContextValue {
  const parsed = ValueSchema.safeParse(raw);
  if (!parsed.success) throw new DisContextValueError(key, where, describe(parsed.error));
  const v = parsed.data;
  return {
    fetchedAt: v.fetchedAt,
    totalNumber: v.totalNumber,
    ...(v.quota !== undefined ? { quota: v.quota } : {}),
    tasks: sortTasks(v.tasks),
    warnings: v.warnings,
  };
}

/** Checks a project stream list read from the cache or from cdktf context. */
export function parseProjectStreamsValue(
  raw: unknown,
  key: string,
  where: string,
): ProjectStreamsContextValue {
  const parsed = ProjectSchema.safeParse(raw);
  if (!parsed.success) throw new DisContextValueError(key, where, describe(parsed.error));
  return { fetchedAt: parsed.data.fetchedAt, streams: [...parsed.data.streams].sort() };
}

function sortTasks(tasks: readonly TransferTask[]): TransferTask[] {
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

function describe(error: z.ZodError): string {
  const first = error.issues[0];
  const path = first.path.length > 0 ? first.path.join('.') : '(top level)';
  return `${path}: ${first.message}`;
}
