import { checkGate, checkGateLive, type GateClient } from '../../src/assertion/live-check';
import type { GateFile } from '../../src/assertion/gate-file';
import { DisError } from '../../src/client/errors';
import { DisEmulator } from '../../src/emulator';
import { task } from './gate-fixtures';

// checkGateLive is async (no synth-time bridge), so an in-process emulator is safe here.
const PROJECT = '0123456789abcdef0123456789abcdef';
let emu: DisEmulator;
let env: Record<string, string>;

beforeAll(async () => {
  emu = await DisEmulator.start();
  env = { HW_DIS_ENDPOINT: emu.url, HW_AUTH_URL: `${emu.url}/v3`, HW_AUTH_TOKEN: 'demo-token-0000' };
});
afterAll(() => emu.stop());

function gateFile(target: Partial<GateFile['target']> = { streams: ['orders'] }): GateFile {
  return { formatVersion: 1, target: { region: 'cn-north-4', projectId: PROJECT, ...target }, rules: {} };
}

describe('checkGateLive', () => {
  test('a healthy stream passes, fetched now from the API', async () => {
    const report = await checkGateLive(gateFile(), { env, now: Date.parse('2026-11-29T00:00:00Z') });
    expect(report.healthy).toBe(true);
    expect(report.streams).toEqual([
      {
        streamName: 'orders',
        projectId: PROJECT,
        region: 'cn-north-4',
        fetchedAt: '2026-11-29T00:00:00.000Z',
        ageSeconds: 0,
        source: 'api',
        streamExists: true,
        tasks: ['orders-to-dli', 'orders-to-obs'],
      },
    ]);
  });

  test('a task paused in the emulator fails the check; resuming it passes', async () => {
    await emu.setTaskState('orders', 'orders-to-dli', 'PAUSED');
    try {
      const failing = await checkGateLive(gateFile(), { env });
      expect(failing.healthy).toBe(false);
      expect(failing.findings.map((f) => [f.ruleId, f.taskName, f.state])).toEqual([
        ['DIS-TASK-STATE', 'orders-to-dli', 'PAUSED'],
      ]);
    } finally {
      await emu.setTaskState('orders', 'orders-to-dli', 'RUNNING');
    }
    expect((await checkGateLive(gateFile(), { env })).healthy).toBe(true);
  });

  test('allStreams checks every stream of the project, sorted', async () => {
    const report = await checkGateLive(gateFile({ allStreams: true }), { env });
    expect(report.streams.map((s) => s.streamName)).toEqual(['clicks', 'orders']);
  });

  test('a stream that does not exist fails the check, unless the target says it may not exist yet', async () => {
    // GIVEN a stream the stack creates, not created yet
    const target = { streams: ['orders', 'orders-archive'] };
    let caught: unknown;
    try {
      await checkGateLive(gateFile(target), { env });
    } catch (e) {
      caught = e;
    }
    // THEN by default the service's DIS.4301 is the error it is (exit 3 in the CLI)
    expect((caught as DisError).code).toBe('DIS_API_ERROR');
    expect((caught as DisError).details.serviceCode).toBe('DIS.4301');
    // AND with mustExist: false (what a gate over a mustExist: false lookup writes) it is a finding
    const report = await checkGateLive(gateFile({ ...target, mustExist: false }), { env });
    expect(report.healthy).toBe(true);
    expect(report.findings.map((f) => [f.ruleId, f.streamName, f.severity])).toEqual([
      ['DIS-STREAM-ABSENT', 'orders-archive', 'warning'],
    ]);
    expect(report.streams.map((s) => [s.streamName, s.streamExists])).toEqual([
      ['orders', true],
      ['orders-archive', false],
    ]);
  });

  test('credentials come only from env: without them the client error propagates, coded', async () => {
    let caught: unknown;
    try {
      await checkGateLive(gateFile(), { env: { HW_DIS_ENDPOINT: emu.url, HW_AUTH_URL: `${emu.url}/v3` } });
    } catch (e) {
      caught = e;
    }
    expect(DisError.isDisError(caught)).toBe(true);
    expect((caught as DisError).code).toMatch(/^DIS_(AUTH|CONFIG)_ERROR$/);
  });
});

describe('checkGate', () => {
  test('asks the client for each stream of the target and measures lag from now', async () => {
    const calls: string[] = [];
    const client: GateClient = {
      listStreams: async () => ['b', 'a'],
      listTransferTasks: async (stream) => {
        calls.push(stream);
        return { totalNumber: 1, tasks: [task(`${stream}-task`, 'RUNNING', 'OBS', 0)], warnings: [] };
      },
    };
    const now = Date.parse('2026-11-28T12:10:00.000Z');
    const file = { ...gateFile({ allStreams: true }), rules: { maxTransferLagSeconds: 300 } };
    const report = await checkGate(file, client, now);
    expect(calls).toEqual(['a', 'b']);
    // The fixture tasks last transferred at 12:00; checked at 12:10 that is 10 minutes of lag.
    expect(report.findings.map((f) => [f.ruleId, f.streamName, f.lastTransferAgeSeconds])).toEqual([
      ['DIS-TRANSFER-LAG', 'a', 600],
      ['DIS-TRANSFER-LAG', 'b', 600],
    ]);
  });
});
