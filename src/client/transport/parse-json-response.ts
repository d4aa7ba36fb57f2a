import type { z } from 'zod';
import type { DisErrorContext } from '../errors';
import { DisResponseError } from '../errors';
import type { ExchangeResult } from './exchange';

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
  const details = { ...context, httpStatus: response.status, requestId, attempts };
  const where = `${context.operation ?? 'the call'}${requestId ? `, request id ${requestId}` : ''}`;
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch {
    throw new DisResponseError(
      `the answer to ${where} is not JSON (HTTP ${response.status}, ${response.text.length} characters): ` +
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
