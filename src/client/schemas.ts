// What the client reads: the zod schema of every body it accepts (DIS and IAM, success and error)
// and the one place a body is parsed and checked against its schema. The conversion to the model,
// with the values checked against the service's rules, is ./convert. Only the client's transport
// path loads this module (and zod with it); the package root and the main-thread lookup never do.
//
// Every field the official SDK models declare (Go `*T` with `omitempty`, Python `None` defaults,
// Java `@JsonInclude(NON_NULL)`: all of them, in all three) may arrive as JSON `null`: `null` is read
// as absent. Fields the client cannot do without (a task's name, state, destination type and
// creation time; an error's code) stay required, null or not.
import { z } from 'zod';
import { type DisErrorContext, DisResponseError } from './errors';
import type { ExchangeResult } from './transport';
import { printable } from './untrusted';

/** `schema`, or `null` or nothing, both read as absent (`undefined`). */
function nullable<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? undefined);
}

/** An epoch-milliseconds time, or a count. */
const count = () => z.number().int().nonnegative();

// ---------------------------------------------------------------------------------------------
// DIS bodies

/**
 * One task of the ListTransferTasks response, as the service sends it (snake_case).
 * Loose: fields a newer service adds pass through. `task_id` is in the official examples but not
 * in the SDK models, so it is optional; `state` and `destination_type` are strings here, checked
 * against the upper-case identifier rule by ./convert, so an undocumented value is a warning.
 */
export const TransferTaskPayloadSchema = z.looseObject({
  task_name: z.string().min(1),
  task_id: nullable(z.string()),
  state: z.string().min(1),
  destination_type: z.string().min(1),
  create_time: count(),
  last_transfer_timestamp: nullable(count()),
});

/** A transfer task as the service sends it. */
export type TransferTaskPayload = z.infer<typeof TransferTaskPayloadSchema>;

/**
 * The ListTransferTasks 200 body. `quota` is documented but missing from the official example
 * and from Open Telekom Cloud's model, so it is optional. `tasks` may be null or absent only when
 * `total_number` does not say there are tasks.
 */
export const ListTransferTasksResponseSchema = z
  .looseObject({
    total_number: nullable(count()),
    quota: nullable(count()),
    tasks: nullable(z.array(TransferTaskPayloadSchema)),
  })
  .superRefine((body, ctx) => {
    if (body.tasks === undefined && (body.total_number ?? 0) > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['tasks'],
        message: `missing although total_number is ${body.total_number}`,
      });
    }
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

/**
 * The ShowTransferTask 200 body: the list fields plus stream name and id (the official example
 * has `stream_id`, no SDK model does), partitions and a destination description.
 */
export const ShowTransferTaskResponseSchema = TransferTaskPayloadSchema.extend({
  stream_name: nullable(z.string()),
  stream_id: nullable(z.string()),
  partitions: nullable(z.array(z.looseObject({}))),
  ...Object.fromEntries(DESTINATION_DESCRIPTION_KEYS.map((k) => [k, nullable(z.looseObject({}))])),
});

/** The ShowTransferTask 200 body. */
export type ShowTransferTaskResponse = z.infer<typeof ShowTransferTaskResponseSchema>;

/** The ListStreams 200 body; only what paging needs is checked, the rest passes through. */
export const ListStreamsResponseSchema = z.looseObject({
  total_number: nullable(count()),
  stream_names: nullable(z.array(z.string())),
  has_more_streams: nullable(z.boolean()),
});

/** The ListStreams 200 body. */
export type ListStreamsResponse = z.infer<typeof ListStreamsResponseSchema>;

// ---------------------------------------------------------------------------------------------
// IAM bodies

/** IAM `GET /v3/projects?name=` 200 body (KeystoneListProjects). */
export const IamProjectsResponseSchema = z.looseObject({
  projects: nullable(z.array(z.looseObject({ id: z.string().min(1), name: nullable(z.string()) }))),
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
    project: nullable(z.looseObject({ id: nullable(z.string().min(1)) })),
  }),
});

/** IAM `POST /v3/auth/tokens` 201 body. */
export type IamTokenResponse = z.infer<typeof IamTokenResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Error bodies

/** The DIS service's own error body: `{"errorCode":"DIS.4301","message":"…"}`. */
export const DisNativeErrorBodySchema = z.looseObject({
  errorCode: z.string(),
  message: nullable(z.string()),
});

/** The API gateway's (and newer services') error body: `{"error_code":"APIGW.0301","error_msg":"…"}`. */
export const GatewayErrorBodySchema = z.looseObject({
  error_code: z.string(),
  error_msg: nullable(z.string()),
  request_id: nullable(z.string()),
});

/** Keystone-style (IAM) error body: `{"error":{"code":401,"message":"…"}}`. */
export const KeystoneErrorBodySchema = z.looseObject({
  error: z.looseObject({
    code: nullable(z.union([z.string(), z.number()])),
    message: nullable(z.string()),
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
  const issues = parsed.error.issues.map((i) =>
    printable(`${i.path.length ? i.path.map(String).join('.') : '(root)'}: ${i.message}`),
  );
  throw new DisResponseError(
    `the answer to ${where} does not have the documented shape (${issues.slice(0, 3).join('; ')}): ` +
      'check that the endpoint is the DIS API; if it is, report this with the request id',
    { ...details, reason: 'SCHEMA_MISMATCH', issues },
  );
}
