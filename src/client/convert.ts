// From the wire (snake_case, checked in shape by ./schemas) to the model of ./model, with every
// value that goes on to be recorded, written into Terraform JSON or printed checked against the
// service's own rules first: task and stream names (1-64 letters, digits, "_" and "-"), states and
// destination types (upper-case identifiers). A value that breaks them refuses the whole answer
// (it is never recorded or shown raw); an id that breaks them is left out with a warning.
import { checkServiceValue, checkStreamName, checkTaskName } from './config';
import { type DisErrorContext, DisResponseError, maskValue } from './errors';
import {
  isKnownDestinationType,
  isKnownTransferTaskState,
  type ListTransferTasksResult,
  type TransferTask,
  type TransferTaskDetails,
} from './model';
import {
  DESTINATION_DESCRIPTION_KEYS,
  type ListStreamsResponse,
  type ListTransferTasksResponse,
  type ShowTransferTaskResponse,
  type TransferTaskPayload,
} from './schemas';
import type { ExchangeResult } from './transport';
import { quoted } from './untrusted';

/** Ids (task, stream) are not documented beyond the examples: letters and digits; this much is allowed. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Where an answer came from, for the error that refuses one of its values. */
export interface AnswerFacts {
  /** The call's context (operation, stream, project, region). */
  readonly context: DisErrorContext;
  /** The exchange that brought the answer. */
  readonly result: ExchangeResult;
  /**
   * The credential values of the client: an answer that holds one anywhere (a service or proxy
   * echoing a header into a task name, a description, …) is refused, so that it is never recorded.
   * @default none
   */
  readonly secrets?: readonly string[];
}

/** The problem of an answer that holds a credential value anywhere, or none. */
function echoedSecret(body: unknown, facts: AnswerFacts): string[] {
  const secrets = facts.secrets ?? [];
  return secrets.length > 0 && maskValue(body, secrets) !== body
    ? ['the answer holds a credential value of this client (a service or proxy echoed it)']
    : [];
}

/** The message of the rule `value` breaks, or `undefined` when it keeps it. */
function breach(
  check: (value: unknown, field: string) => string,
  value: unknown,
  field: string,
): string | undefined {
  try {
    check(value, field);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Refuses an answer for the values that break the service's rules, naming each (escaped). */
function refuse(facts: AnswerFacts, problems: readonly string[]): never {
  const { context, result } = facts;
  const of = context.streamName === undefined ? '' : ` of stream '${context.streamName}'`;
  const where = `${context.operation ?? 'the call'}${of}${result.requestId ? ` (request id ${result.requestId})` : ''}`;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  throw new DisResponseError(
    `the answer to ${where} holds a value that breaks the service's rules, so none of it was used: ` +
      `${problems[0]}${more}. Check that the endpoint is the DIS API; if it is, report this with the request id`,
    {
      ...context,
      httpStatus: result.response.status,
      requestId: result.requestId,
      attempts: result.attempts,
      reason: 'INVALID_VALUE',
      issues: [...problems],
    },
  );
}

/** The problems of one task's values, its fields named after `prefix` (`tasks.0.`, or none). */
function taskProblems(payload: TransferTaskPayload, prefix: string): string[] {
  return [
    breach(checkTaskName, payload.task_name, `${prefix}task_name`),
    breach(checkServiceValue, payload.state, `${prefix}state`),
    breach(checkServiceValue, payload.destination_type, `${prefix}destination_type`),
  ].filter((p): p is string => p !== undefined);
}

/**
 * A task from the wire, values already checked: an undocumented state or destination type is
 * passed through with a warning; an id of an unexpected shape is left out with a warning.
 */
function toTransferTask(payload: TransferTaskPayload, warnings: string[]): TransferTask {
  const name = payload.task_name;
  if (!isKnownTransferTaskState(payload.state)) {
    warnings.push(
      `task '${name}' has state '${payload.state}', which is not a documented TransferTaskState; passed through as is`,
    );
  }
  if (!isKnownDestinationType(payload.destination_type)) {
    warnings.push(
      `task '${name}' has destination type '${payload.destination_type}', which is not a documented DestinationType; passed through as is`,
    );
  }
  const taskId = payload.task_id;
  if (taskId !== undefined && !ID_PATTERN.test(taskId)) {
    warnings.push(`task '${name}' has task id ${quoted(taskId, 40)}, which is not an id; left out`);
  }
  return {
    taskName: name,
    ...(taskId !== undefined && ID_PATTERN.test(taskId) ? { taskId } : {}),
    state: payload.state,
    destinationType: payload.destination_type,
    createTime: payload.create_time,
    ...(payload.last_transfer_timestamp === undefined
      ? {}
      : { lastTransferTimestamp: payload.last_transfer_timestamp }),
  };
}

/**
 * Converts a ListTransferTasks body to a {@link ListTransferTasksResult}. A `total_number` that
 * disagrees with the list is a warning (an absent one is the list's length), as is each
 * undocumented state or destination type; a name, state or destination type that breaks the
 * service's rules refuses the answer.
 */
export function toListTransferTasksResult(
  body: ListTransferTasksResponse,
  facts: AnswerFacts,
): ListTransferTasksResult {
  const payloads = body.tasks ?? [];
  const problems = [
    ...echoedSecret(body, facts),
    ...payloads.flatMap((t, i) => taskProblems(t, `tasks.${i}.`)),
  ];
  if (problems.length > 0) refuse(facts, problems);
  const warnings: string[] = [];
  const tasks = payloads.map((t) => toTransferTask(t, warnings));
  const totalNumber = body.total_number ?? tasks.length;
  if (totalNumber !== tasks.length) {
    warnings.push(`total_number is ${totalNumber} but the response listed ${tasks.length} tasks`);
  }
  const { requestId } = facts.result;
  return {
    totalNumber,
    ...(body.quota === undefined ? {} : { quota: body.quota }),
    tasks,
    ...(requestId === undefined ? {} : { requestId }),
    warnings,
  };
}

/**
 * Converts a ShowTransferTask body to {@link TransferTaskDetails}: the destination description
 * is read under whichever spelling the service used; `streamName` (the one asked about) stands in
 * for a missing `stream_name`, and one that differs from it refuses the answer.
 */
export function toTransferTaskDetails(
  body: ShowTransferTaskResponse,
  streamName: string,
  facts: AnswerFacts,
): TransferTaskDetails {
  const fields = body as Record<string, unknown> & ShowTransferTaskResponse;
  const problems = [...echoedSecret(body, facts), ...taskProblems(fields, '')];
  if (fields.stream_name !== undefined && fields.stream_name !== streamName) {
    problems.push(
      `stream_name ${quoted(fields.stream_name, 80)} is not the stream asked about ('${streamName}')`,
    );
  }
  if (problems.length > 0) refuse(facts, problems);
  const warnings: string[] = [];
  const task = toTransferTask(fields, warnings);
  const streamId = fields.stream_id;
  if (streamId !== undefined && !ID_PATTERN.test(streamId)) {
    warnings.push(`stream id ${quoted(streamId, 40)} is not an id; left out`);
  }
  const key = DESTINATION_DESCRIPTION_KEYS.find((k) => fields[k] !== undefined);
  const { requestId } = facts.result;
  return {
    ...task,
    streamName,
    ...(streamId !== undefined && ID_PATTERN.test(streamId) ? { streamId } : {}),
    ...(key === undefined ? {} : { destinationDescription: fields[key] as Record<string, unknown> }),
    partitions: (fields.partitions as Record<string, unknown>[] | undefined) ?? [],
    ...(requestId === undefined ? {} : { requestId }),
    warnings,
  };
}

/** The stream names of a ListStreams page, each checked against the naming rule. */
export function toStreamNames(body: ListStreamsResponse, facts: AnswerFacts): string[] {
  const names = body.stream_names ?? [];
  const problems = [
    ...echoedSecret(body, facts),
    ...names
      .map((name, i) => breach(checkStreamName, name, `stream_names.${i}`))
      .filter((p): p is string => p !== undefined),
  ];
  if (problems.length > 0) refuse(facts, problems);
  return names;
}
