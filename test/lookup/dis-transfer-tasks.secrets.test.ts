import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulatorProcess, type EmulatorHandle } from '../../src/emulator';
import { appEnv, copyLookupApp, readTree, runApp, type RunResult } from './helpers';

// The demo scenario's credentials (scenarios/demo.json) serve as canaries: after a synth, none may
// appear in cdktf.out, in the context cache, or in what the synth printed.
const ACCESS_KEY = 'DEMOAK0000000000000A';
const SECRET_KEY = 'demo-secret-key-0000000000000000000000000';
const TOKEN = 'demo-token-0000';
const WRONG_SECRET = 'canary-wrong-secret-0123456789';

let emu: EmulatorHandle;
let dir: string;
beforeAll(async () => {
  emu = await startEmulatorProcess();
});
afterAll(() => emu.stop());
beforeEach(() => {
  dir = copyLookupApp();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function everythingWritten(result: RunResult): string {
  return [...Object.values(readTree(dir)), result.stdout, result.stderr].join('\n');
}

test.each([
  ['AK/SK from the environment', { HW_ACCESS_KEY: ACCESS_KEY, HW_SECRET_KEY: SECRET_KEY }],
  ['a token from the environment', { HW_AUTH_TOKEN: TOKEN }],
  ['a token passed as explicit credentials', { APP_AUTH_TOKEN: TOKEN }],
])('no secret leaks after a synth with %s', async (_how, credentials: Record<string, string>) => {
  // WHEN
  const result = await runApp(dir, appEnv(emu, credentials));
  // THEN the synth worked and recorded its lookups
  expect(result.code).toBe(0);
  expect(readFileSync(join(dir, 'cdktf.context.json'), 'utf8')).toContain('orders-to-obs');
  const written = everythingWritten(result);
  expect(written).toContain('orders-to-dli');
  for (const secret of [SECRET_KEY, TOKEN]) expect(written).not.toContain(secret);
  expect(written).not.toContain(ACCESS_KEY);
});

test('a rejected secret is not echoed by the failing synth', async () => {
  const result = await runApp(dir, appEnv(emu, { HW_ACCESS_KEY: ACCESS_KEY, HW_SECRET_KEY: WRONG_SECRET }));
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain('DIS_LOOKUP_FAILED');
  expect(everythingWritten(result)).not.toContain(WRONG_SECRET);
});
