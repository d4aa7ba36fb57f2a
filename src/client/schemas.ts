// What the client reads: the zod schema of every body it accepts (DIS and IAM, success and error),
// the one place a body is parsed and checked against its schema, and the one conversion from the
// wire form (snake_case) to the model of model.ts. Only the client's transport path loads this
// module (and zod with it); the package root and the main-thread lookup never do.
import { z } from 'zod';
import { type DisErrorContext, DisResponseError } from './errors';
import {
  isKnownDestinationType,
  isKnownTransferTaskState,
  type ListTransferTasksResult,
  type TransferTask,
  type TransferTaskDetails,
} from './model';
import type { ExchangeResult } from './transport';

// ---------------------------------------------------------------------------------------------
// DIS bodies

/**
 * One task of the ListTransferTasks response, as the service sends it (snake_case).
 * Loose: fields a newer service adds pass through. `task_id` is in the official examples but not
 * in the SDK models, so it is optional; `state` and `destination_type` are plain strings so an
 * undocumented value is reported as a warning instead of failing the call.
 */
export const TransferTaskPayloadSchema = z.looseObject({
  task_name: z.string().min(1),
  task_id: z.string().optional(),
  state: z.string().min(1),
  destination_type: z.string().min(1),
  create_time: z.number().int().nonnegative(),
  last_transfer_timestamp: z.number().int().nonnegative().optional(),
});

/** A transfer task as the service sends it. */
export type TransferTaskPayload = z.infer<typeof TransferTaskPayloadSchema>;

/**
 * The ListTransferTasks 200 body. `quota` is documented but missing from the official example
 * and from Open Telekom Cloud's model, so it is optional.
 */
export const ListTransferTasksResponseSchema = z.looseObject({
  total_number: z.number().int().nonnegative(),
  quota: z.number().int().nonnegative().optional(),
  tasks: z.array(TransferTaskPayloadSchema),
});

/** The ListTransferTasks 200 body. */
export type ListTransferTasksResponse = z.infer<typeof ListTransferTasksResponseSchema>;

/**
 * Every spelling of the destination description keys seen in the sources: the v3 SDKs' typos
 * (`dws_destination_descripton`, `cloudtable_destination_descripton`), the legacy SDK's correct
 * spellings and Open Telekom Cloud's `cloud_table_destination_description`.
 */
export const DESTINATION_DESCRIPTION_KEYS = [
  'obs_destination_description',
  'obs_destination_descriptor',
  'dli_destination_description',
  'mrs_destination_description',
  'dws_destination_description',
  'dws_destination_descripton',
  'cloudtable_destination_description',
  'cloudtable_destination_descripton',
  'cloud_table_destination_description',
] as const;

/** The ShowTransferTask 200 body: the list fields plus stream name, partitions and a destination description. */
export const ShowTransferTaskResponseSchema = TransferTaskPayloadSchema.extend({
  stream_name: z.string().optional(),
  partitions: z.array(z.looseObject({})).optional(),
  ...Object.fromEntries(DESTINATION_DESCRIPTION_KEYS.map((k) => [k, z.looseObject({}).optional()])),
});

/** The ShowTransferTask 200 body. */
export type ShowTransferTaskResponse = z.infer<typeof ShowTransferTaskResponseSchema>;

/** The ListStreams 200 body; only what paging needs is checked, the rest passes through. */
export const ListStreamsResponseSchema = z.looseObject({
  total_number: z.number().int().nonnegative().optional(),
  stream_names: z.array(z.string()),
  has_more_streams: z.boolean().optional(),
});

/** The ListStreams 200 body. */
export type ListStreamsResponse = z.infer<typeof ListStreamsResponseSchema>;

// ---------------------------------------------------------------------------------------------
// IAM bodies

/** IAM `GET /v3/projects?name=` 200 body (KeystoneListProjects). */
export const IamProjectsResponseSchema = z.looseObject({
  projects: z.array(z.looseObject({ id: z.string().min(1), name: z.string() })),
});

/** IAM `GET /v3/projects` 200 body. */
export type IamProjectsResponse = z.infer<typeof IamProjectsResponseSchema>;

/**
 * IAM `POST /v3/auth/tokens` 201 body; the token itself is in the `X-Subject-Token` header.
 * `expires_at` is ISO-8601 UTC with microseconds, e.g. `2020-01-04T09:05:22.701000Z`.
 */
export const IamTokenResponseSchema = z.looseObject({
  token: z.looseObject({
    expires_at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO-8601 date'),
    project: z.looseObject({ id: z.string().min(1) }).optional(),
  }),
});

/** IAM `POST /v3/auth/tokens` 201 body. */
export type IamTokenResponse = z.infer<typeof IamTokenResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Error bodies

/** The DIS service's own error body: `{"errorCode":"DIS.4301","message":"…"}`. */
export const DisNativeErrorBodySchema = z.looseObject({
  errorCode: z.string(),
  message: z.string().optional(),
});

/** The API gateway's (and newer services') error body: `{"error_code":"APIGW.0301","error_msg":"…"}`. */
export const GatewayErrorBodySchema = z.looseObject({
  error_code: z.string(),
  error_msg: z.string().optional(),
  request_id: z.string().optional(),
});

/** Keystone-style (IAM) error body: `{"error":{"code":401,"message":"…"}}`. */
export const KeystoneErrorBodySchema = z.looseObject({
  error: z.looseObject({
    code: z.union([z.string(), z.number()]).optional(),
    message: z.string().optional(),
  }),
});

/** The service error code and message found in an error body, whichever shape it had. */
export interface ParsedErrorBody {
  /** `DIS.4301`, `APIGW.0301`, `401`, … */
  readonly code?: string;
  /** The service's message. */
  readonly message?: string;
}

/**
 * Reads the service error code and message from an error body text. Anything that is not one of
 * the three known shapes (including non-JSON) gives `{}`, so the HTTP status still tells the story.
 */
export function parseErrorBody(text: string): ParsedErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  const native = DisNativeErrorBodySchema.safeParse(json);
  if (native.success) return { code: native.data.errorCode, message: native.data.message };
  const gateway = GatewayErrorBodySchema.safeParse(json);
  if (gateway.success) return { code: gateway.data.error_code, message: gateway.data.error_msg };
  const keystone = KeystoneErrorBodySchema.safeParse(json);
  if (keystone.success) {
    const { code, message } = keystone.data.error;
    return { code: code === undefined ? undefined : String(code), message };
  }
  return {};
}

// ---------------------------------------------------------------------------------------------
// Reading a 2xx body

/**
 * Parses a 2xx body as JSON and validates it with `schema`. A body that is not JSON, or not the
 * documented shape, is a {@link DisResponseError} naming the zod issue paths.
 */
export function parseJsonResponse<S extends z.ZodType>(
  result: ExchangeResult,
  schema: S,
  context: DisErrorContext,
): z.infer<S> {
  const { response, requestId, attempts } = result;
  const { status, text } = response;
  const details = { ...context, httpStatus: status, requestId, attempts };
  const where = `${context.operation ?? 'the call'}${requestId ? `, request id ${requestId}` : ''}`;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DisResponseError(
      `the answer to ${where} is not JSON (HTTP ${status}, ${text.length} characters): ` +
        'check that the endpoint is the DIS API and not a proxy or login page',
      { ...details, reason: 'NOT_JSON' },
    );
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map(
    (i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`,
  );
  throw new DisResponseError(
    `the answer to ${where} does not have the documented shape (${issues.slice(0, 3).join('; ')}): ` +
      'check that the endpoint is the DIS API; if it is, report this with the request id',
    { ...details, reason: 'SCHEMA_MISMATCH', issues },
  );
}

// ---------------------------------------------------------------------------------------------
// Wire → model

/**
 * Converts a task from the wire (snake_case) to a {@link TransferTask}, appending a warning to
 * `warnings` for each undocumented state or destination type (the value passes through as is).
 */
export function toTransferTask(payload: TransferTaskPayload, warnings: string[]): TransferTask {
  if (!isKnownTransferTaskState(payload.state)) {
    warnings.push(
      `task '${payload.task_name}' has state '${payload.state}', which is not a documented TransferTaskState; passed through as is`,
    );
  }
  if (!isKnownDestinationType(payload.destination_type)) {
    warnings.push(
      `task '${payload.task_name}' has destination type '${payload.destination_type}', which is not a documented DestinationType; passed through as is`,
    );
  }
  return {
    taskName: payload.task_name,
    ...(payload.task_id === undefined ? {} : { taskId: payload.task_id }),
    state: payload.state,
    destinationType: payload.destination_type,
    createTime: payload.create_time,
    ...(payload.last_transfer_timestamp === undefined
      ? {}
      : { lastTransferTimestamp: payload.last_transfer_timestamp }),
  };
}

/**
 * Converts a ListTransferTasks body to a {@link ListTransferTasksResult}; a `total_number` that
 * disagrees with the list is a warning, as is each undocumented state or destination type.
 */
export function toListTransferTasksResult(
  body: ListTransferTasksResponse,
  requestId: string | undefined,
): ListTransferTasksResult {
  const warnings: string[] = [];
  const tasks = body.tasks.map((t) => toTransferTask(t, warnings));
  if (body.total_number !== tasks.length) {
    warnings.push(`total_number is ${body.total_number} but the response listed ${tasks.length} tasks`);
  }
  return {
    totalNumber: body.total_number,
    ...(body.quota === undefined ? {} : { quota: body.quota }),
    tasks,
    ...(requestId === undefined ? {} : { requestId }),
    warnings,
  };
}

/**
 * Converts a ShowTransferTask body to {@link TransferTaskDetails}: the destination description
 * is read under whichever spelling the service used; `streamName` stands in for a missing
 * `stream_name`.
 */
export function toTransferTaskDetails(
  body: ShowTransferTaskResponse,
  streamName: string,
  requestId: string | undefined,
): TransferTaskDetails {
  const fields = body as Record<string, unknown> & ShowTransferTaskResponse;
  const warnings: string[] = [];
  const task = toTransferTask(fields, warnings);
  const key = DESTINATION_DESCRIPTION_KEYS.find((k) => fields[k] !== undefined);
  return {
    ...task,
    streamName: typeof fields.stream_name === 'string' ? fields.stream_name : streamName,
    ...(key === undefined ? {} : { destinationDescription: fields[key] as Record<string, unknown> }),
    partitions: (fields.partitions as Record<string, unknown>[] | undefined) ?? [],
    ...(requestId === undefined ? {} : { requestId }),
    warnings,
  };
}
