import { existsSync, rmSync } from 'node:fs';
import { TerraformStack, Testing } from 'cdktf';
import { startEmulatorProcess, type EmulatorHandle } from '../../src/emulator';
import { DisTransferTasks, LookupMode } from '../../src/lookup/dis-transfer-tasks';
import { MemoryContextStore } from '../../src/lookup/context-store';
import { bridgeTimeoutMs, lookupWorkerPath } from '../../src/lookup/sync-bridge';
import { appEnv, copyLookupApp, REPO_ROOT, runApp, useEmulatorEnv } from './helpers';

const stack = () => new TerraformStack(Testing.app(), 'stack');

describe('sync bridge settings', () => {
  test('the hard timeout comes from DIS_LOOKUP_TIMEOUT_MS, else 60 s', () => {
    expect(bridgeTimeoutMs({})).toBe(60_000);
    expect(bridgeTimeoutMs({ DIS_LOOKUP_TIMEOUT_MS: '90000' })).toBe(90_000);
    expect(() => bridgeTimeoutMs({ DIS_LOOKUP_TIMEOUT_MS: '1m' })).toThrow(
      'DIS_LOOKUP_TIMEOUT_MS="1m" is not a positive whole number of milliseconds.',
    );
  });

  test('loaded from TypeScript sources, the worker is the built lib/ file', () => {
    expect(lookupWorkerPath()).toBe(`${REPO_ROOT}/lib/lookup/lookup-worker.js`);
    expect(existsSync(lookupWorkerPath())).toBe(true);
  });

  test('a lookup timeout above the hard timeout is refused before any request', () => {
    expect(
      () =>
        new DisTransferTasks(stack(), 'Orders', {
          streamName: 'orders',
          region: 'cn-north-4',
          projectId: '0123456789abcdef0123456789abcdef',
          mode: LookupMode.LIVE,
          timeoutMs: 120_000,
          contextStore: new MemoryContextStore(),
        }),
    ).toThrow(
      "A lookup timeout of 120000 ms exceeds the bridge's hard timeout of 60000 ms. Lower timeoutMs, or raise DIS_LOOKUP_TIMEOUT_MS.",
    );
  });
});

describe('sync bridge against the emulator', () => {
  let emu: EmulatorHandle;
  beforeAll(async () => {
    emu = await startEmulatorProcess();
  });
  afterAll(() => emu.stop());

  test("a hanging service ends at the lookup's timeout with the client's network error as the cause", async () => {
    const restore = useEmulatorEnv(emu);
    try {
      await emu.injectFault({ kind: 'hang', route: 'ListTransferTasks' });
      expect(
        () =>
          new DisTransferTasks(stack(), 'Orders', {
            streamName: 'orders',
            mode: LookupMode.LIVE,
            timeoutMs: 1000,
          }),
      ).toThrow(
        expect.objectContaining({
          code: 'DIS_LOOKUP_FAILED',
          causeCode: 'DIS_NETWORK_ERROR',
          // the fix names the knob the construct has (issue 12), not the client's deadlineMs
          message: expect.stringMatching(
            /at the 1000 ms deadline: check the network[^:]*, or raise the `timeoutMs` prop of the lookup \[/,
          ),
        }),
      );
    } finally {
      restore();
      await emu.clearFaults();
    }
  });

  test('the hard timeout stops a call the worker cannot answer in time, and the process still exits', async () => {
    // GIVEN a 1 ms hard timeout: the worker cannot even start within it
    const dir = copyLookupApp();
    try {
      // WHEN
      const result = await runApp(
        dir,
        appEnv(emu, {
          HW_AUTH_TOKEN: 'demo-token-0000',
          APP_SINGLE: '1',
          DIS_LOOKUP_MODE: 'live',
          DIS_LOOKUP_TIMEOUT_MS: '1',
          APP_TIMEOUT_MS: '1',
        }),
      );
      // THEN the synth fails with the bridge's coded error and exits on its own (not killed)
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('DIS_LOOKUP_FAILED');
      expect(result.stderr).toContain(
        '[lookups/OrdersTasks] Could not look up the transfer tasks of stream "orders"',
      );
      expect(result.stderr).toContain('The lookup worker did not answer within the hard timeout of 1 ms');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a synth process that used the worker exits normally when it is done', async () => {
    const dir = copyLookupApp();
    try {
      const result = await runApp(
        dir,
        appEnv(emu, { HW_AUTH_TOKEN: 'demo-token-0000', DIS_LOOKUP_MODE: 'live' }),
      );
      expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
