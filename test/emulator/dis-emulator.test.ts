import { DisEmulator } from '../../src/emulator/dis-emulator';
import { EmulatorScenarioError } from '../../src/emulator/errors';
import { call, DEMO, useDemoEmulator } from './http-call';

const P = `/v2/${DEMO.projectId}`;
const TOKEN = { 'X-Auth-Token': DEMO.token };
const OTHER_PROJECT = 'fedcba9876543210fedcba9876543210';

describe('DisEmulator', () => {
  const demo = useDemoEmulator();

  describe('starting', () => {
    it('binds 127.0.0.1 on a free port by default and serves the demo scenario without one', async () => {
      const other = await DisEmulator.start();
      try {
        expect(other.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(other.port).not.toBe(0);
        expect(other.endpointEnv).toEqual({ HW_DIS_ENDPOINT: other.url, HW_AUTH_URL: `${other.url}/v3` });
        const res = await call(other.url, 'GET', `${P}/streams/orders/transfer-tasks`, { headers: TOKEN });
        expect(res.status).toBe(200);
      } finally {
        await other.stop();
      }
    });

    it('refuses an invalid scenario with the path of the bad field', async () => {
      await expect(
        DisEmulator.start({
          scenario: {
            domain: { id: 'd', name: 'd' },
            projects: [{ id: 'XYZ', name: 'a', region: 'cn-north-4' }],
          },
        }),
      ).rejects.toThrow(EmulatorScenarioError);
      await expect(
        DisEmulator.start({
          scenario: {
            domain: { id: 'd', name: 'd' },
            projects: [{ id: 'XYZ', name: 'a', region: 'cn-north-4' }],
          },
        }),
      ).rejects.toMatchObject({ code: 'DIS_EMULATOR_SCENARIO_INVALID', fieldPath: 'projects[0].id' });
    });

    it('stops twice without error and then refuses connections', async () => {
      const other = await DisEmulator.start();
      await other.stop();
      await other.stop();
      await expect(call(other.url, 'GET', '/')).rejects.toThrow();
    });
  });

  describe('control API', () => {
    const list = async () =>
      (await call(demo.emu.url, 'GET', `${P}/streams/orders/transfer-tasks`, { headers: TOKEN })).json as {
        total_number: number;
        quota: number;
        tasks: { task_name: string; state: string; task_id: string }[];
      };

    it('changes a task state, adds and removes tasks, and resets to the scenario', async () => {
      await demo.emu.setTaskState('orders', 'orders-to-dli', 'ABNORMAL');
      await demo.emu.addTask('orders', {
        taskName: 'orders-to-dws',
        state: 'STARTING',
        destinationType: 'DWS',
      });
      await demo.emu.removeTask('orders', 'orders-to-obs');
      let body = await list();
      expect(body.tasks.map((t) => [t.task_name, t.state])).toEqual([
        ['orders-to-dli', 'ABNORMAL'],
        ['orders-to-dws', 'STARTING'],
      ]);
      expect(body.tasks[1].task_id).toMatch(/^[A-Za-z0-9]{19}$/);
      expect(body.quota).toBe(3);
      await demo.emu.reset();
      body = await list();
      expect(body.tasks.map((t) => t.task_name)).toEqual(['orders-to-obs', 'orders-to-dli']);
      expect(demo.emu.requests).toHaveLength(1);
    });

    it('serves unknown states as they are (the lookup must flag them, not crash)', async () => {
      await demo.emu.setTaskState('orders', 'orders-to-dli', 'FROZEN');
      expect((await list()).tasks[1].state).toBe('FROZEN');
    });

    it('refuses control calls that name nothing, saying what exists', async () => {
      await expect(demo.emu.setTaskState('orders', 'nope', 'PAUSED')).rejects.toMatchObject({
        code: 'DIS_EMULATOR_STATE',
        message: expect.stringContaining('orders-to-obs, orders-to-dli'),
      });
      await expect(demo.emu.removeTask('nope', 'x')).rejects.toMatchObject({ code: 'DIS_EMULATOR_STATE' });
      await expect(
        demo.emu.setTaskState('orders', 'orders-to-obs', 'PAUSED', OTHER_PROJECT),
      ).rejects.toMatchObject({
        code: 'DIS_EMULATOR_STATE',
      });
      await expect(
        demo.emu.addTask('orders', { taskName: 'bad name!', state: 'RUNNING', destinationType: 'OBS' }),
      ).rejects.toMatchObject({
        code: 'DIS_EMULATOR_STATE',
        message: expect.stringContaining('taskName'),
      });
      await expect(
        demo.emu.addTask('orders', { taskName: 'orders-to-obs', state: 'RUNNING', destinationType: 'OBS' }),
      ).rejects.toMatchObject({
        code: 'DIS_EMULATOR_STATE',
      });
    });

    it('refuses a sixth task: a stream holds at most five', async () => {
      for (const n of [3, 4, 5])
        await demo.emu.addTask('orders', { taskName: `t${n}`, state: 'RUNNING', destinationType: 'OBS' });
      expect((await list()).quota).toBe(0);
      await expect(
        demo.emu.addTask('orders', { taskName: 't6', state: 'RUNNING', destinationType: 'OBS' }),
      ).rejects.toMatchObject({
        code: 'DIS_EMULATOR_STATE',
        message: expect.stringContaining('quota'),
      });
    });
  });
});

describe('DisEmulator inputs', () => {
  it('starts a shipped scenario by name', async () => {
    const emu = await DisEmulator.start({ scenario: 'demo-paused' });
    try {
      const res = await call(emu.url, 'GET', `${P}/streams/orders/transfer-tasks`, { headers: TOKEN });
      expect((res.json as { tasks: { state: string }[] }).tasks.map((t) => t.state)).toEqual([
        'RUNNING',
        'PAUSED',
      ]);
    } finally {
      await emu.stop();
    }
  });
});

describe('DisEmulator listening', () => {
  it('explains a port already in use', async () => {
    const first = await DisEmulator.start();
    try {
      await expect(DisEmulator.start({ port: first.port })).rejects.toMatchObject({
        code: 'DIS_EMULATOR_LISTEN',
        message: expect.stringContaining('pick another one, or 0 for a free one'),
      });
    } finally {
      await first.stop();
    }
  });
});
