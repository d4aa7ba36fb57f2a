// A tiny undici wrapper for the emulator tests: real HTTP over loopback, body read as text.
import { request } from 'undici';

/** What a test looks at in a response. */
export interface CallResult {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** The parsed body; `undefined` when it is not JSON. */
  readonly json: unknown;
}

/** Sends one request to `base + path` and reads the whole body. */
export async function call(
  base: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<CallResult> {
  const res = await request(`${base}${path}`, {
    method: method as 'GET',
    headers: options.headers,
    body: options.body,
  });
  const text = await res.body.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, headers: res.headers, text, json };
}

/** The demo scenario's project id, region and credentials (docs/contracts.md). */
export const DEMO = {
  projectId: '0123456789abcdef0123456789abcdef',
  region: 'cn-north-4',
  ak: 'DEMOAK0000000000000A',
  sk: 'demo-secret-key-0000000000000000000000000',
  token: 'demo-token-0000',
  user: 'demo-user',
  password: 'demo-password-0000',
  domain: 'demo-domain',
} as const;
