import { z } from 'zod';

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
