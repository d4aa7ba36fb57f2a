import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { once } from 'node:events';
import { startEmulatorProcess } from '../../src/emulator/process';
import type { EmulatorHandle } from '../../src/emulator/dis-emulator';
import { shippedScenarioPath } from '../../src/emulator/load-scenario';
import { firstLine, waitUntil } from '../client/bounded';
import { call, DEMO } from './http-call';

const LIST = `/v2/${DEMO.projectId}/streams/orders/transfer-tasks`;
const TOKEN = { 'X-Auth-Token': DEMO.token };

describe('startEmulatorProcess', () => {
  let emu: EmulatorHandle;
  beforeAll(async () => {
    emu = await startEmulatorProcess({ scenario: shippedScenarioPath('demo-paused') });
  });
  afterAll(() => emu.stop());

  it('serves the scenario from a child process', async () => {
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await call(emu.url, 'GET', LIST, { headers: TOKEN });
    expect((res.json as { tasks: { state: string }[] }).tasks.map((t) => t.state)).toEqual([
      'RUNNING',
      'PAUSED',
    ]);
  });

  it('answers a caller whose thread is blocked, which an in-thread server cannot', () => {
    // execFileSync blocks this thread the way a synth-time lookup does.
    const script = `fetch(process.argv[1], { headers: { 'X-Auth-Token': '${DEMO.token}' } }).then(r => r.text()).then(t => process.stdout.write(t))`;
    const out = execFileSync(process.execPath, ['-e', script, `${emu.url}${LIST}`], { encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ total_number: 2 });
  });

  it('forwards the control surface: state, tasks, faults, log, reset', async () => {
    await emu.reset();
    await emu.setTaskState('orders', 'orders-to-obs', 'ERROR');
    await emu.addTask('orders', { taskName: 'orders-to-dws', state: 'RUNNING', destinationType: 'DWS' });
    await emu.removeTask('orders', 'orders-to-dli');
    await emu.injectFault({ kind: 'disThrottle', onRequests: [2] });
    const first = await call(emu.url, 'GET', LIST, { headers: TOKEN });
    expect((first.json as { tasks: { task_name: string; state: string }[] }).tasks).toMatchObject([
      { task_name: 'orders-to-obs', state: 'ERROR' },
      { task_name: 'orders-to-dws', state: 'RUNNING' },
    ]);
    expect((await call(emu.url, 'GET', LIST, { headers: TOKEN })).status).toBe(400);
    await emu.clearFaults();
    expect((await call(emu.url, 'GET', LIST, { headers: TOKEN })).status).toBe(200);
    const log = await emu.requestLog();
    expect(log.map((e) => e.status)).toEqual([200, 400, 200]);
    await emu.reset();
    expect(await emu.requestLog()).toEqual([]);
  });

  it('passes errors back with their code and message', async () => {
    await expect(emu.setTaskState('orders', 'nope', 'PAUSED')).rejects.toMatchObject({
      name: 'EmulatorStateError',
      code: 'DIS_EMULATOR_STATE',
      message: expect.stringContaining('has no task nope'),
    });
    await expect(emu.injectFault({ kind: 'nope' as never })).rejects.toMatchObject({
      code: 'DIS_EMULATOR_FAULT_INVALID',
    });
  });

  it('reports an invalid scenario from the child with its field path', async () => {
    await expect(startEmulatorProcess({ scenario: { projects: [] } as never })).rejects.toMatchObject({
      code: 'DIS_EMULATOR_SCENARIO_INVALID',
      message: expect.stringContaining('domain'),
      // Revived as its own class: the typed properties cross the channel too.
      name: 'EmulatorScenarioError',
      fieldPath: 'domain',
      source: '(inline scenario)',
    });
  });

  it('ends the child on stop; later calls fail clearly', async () => {
    const other = await startEmulatorProcess();
    await other.stop();
    await other.stop();
    await expect(other.requestLog()).rejects.toMatchObject({ code: 'DIS_EMULATOR_PROCESS' });
    await expect(call(other.url, 'GET', LIST)).rejects.toThrow();
  });

  it('dies when its parent dies', async () => {
    // GIVEN a parent process that started an emulator child
    const parentScript = `
      const { startEmulatorProcess } = require(${JSON.stringify(join(__dirname, '..', '..', 'lib', 'emulator', 'process.js'))});
      startEmulatorProcess().then((h) => fetch(h.url + '/_pid').then(() => process.stdout.write(h.url + '\\n')));
    `;
    const parent = spawn(process.execPath, ['-e', parentScript], { stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await firstLine(parent.stdout!, 30_000, "the parent printed its emulator's URL");
    expect((await call(url, 'GET', LIST, { headers: TOKEN })).status).toBe(200);
    // WHEN the parent is killed without a chance to clean up
    parent.kill('SIGKILL');
    await once(parent, 'exit');
    // THEN the child notices the closed IPC channel and exits: its port stops answering
    await waitUntil(
      () =>
        call(url, 'GET', LIST).then(
          () => false,
          () => true,
        ),
      10_000,
      "the orphaned emulator's port stopped answering",
    );
  });
});
