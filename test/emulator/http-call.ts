// Helpers of the emulator tests: a tiny undici wrapper (real HTTP over loopback, body read as
// text), the demo scenario's account, and the demo emulator a suite shares.
import { request } from 'undici';
import { DisEmulator, shippedScenarioPath } from '../../src/emulator';

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

/** The demo scenario's project id, region and credentials (scenarios/demo.json). */
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

/** The demo emulator a suite shares, on a clock its tests move. */
export interface DemoSuite {
  /** The running emulator, serving scenarios/demo.json. */
  readonly emu: DisEmulator;
  /** The emulator clock's now, epoch milliseconds; back to {@link DEMO_NOW} before each test. */
  now: number;
}

/** Where the demo suite's clock stands at the start of each test. */
export const DEMO_NOW = Date.parse('2026-11-28T12:00:00Z');

/**
 * Starts the demo scenario for the enclosing `describe` (or file) and stops it after; before each
 * test the clock returns to {@link DEMO_NOW} and the emulator to the scenario as loaded.
 */
export function useDemoEmulator(): DemoSuite {
  const suite = { now: DEMO_NOW } as { emu: DisEmulator; now: number };
  beforeAll(async () => {
    suite.emu = await DisEmulator.start({ scenario: shippedScenarioPath('demo'), clock: () => suite.now });
  });
  beforeEach(async () => {
    suite.now = DEMO_NOW;
    await suite.emu.reset();
  });
  afterAll(() => suite.emu.stop());
  return suite;
}
