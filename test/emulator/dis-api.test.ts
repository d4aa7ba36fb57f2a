import { DisEmulator } from '../../src/emulator/dis-emulator';
import { loadScenario, shippedScenarioPath } from '../../src/emulator/load-scenario';
import { call, DEMO, useDemoEmulator } from './http-call';

const P = `/v2/${DEMO.projectId}`;
const TOKEN = { 'X-Auth-Token': DEMO.token };
const OTHER_PROJECT = 'fedcba9876543210fedcba9876543210';

// The official ListTransferTasks response example (support.huaweicloud.com/intl/en-us/api-dis/
// ListTransferTasks.html, research/dis-api.md §1.1), reproduced from a scenario holding that task.
const EXAMPLE = {
  tasks: [
    {
      task_id: 'As805BudhcH1lDs6gbn',
      destination_type: 'OBS',
      task_name: 'newtask',
      create_time: 1606554932552,
      state: 'RUNNING',
      last_transfer_timestamp: 1606984428612,
    },
  ],
  total_number: 1,
};

describe('the DIS operations', () => {
  const demo = useDemoEmulator();

  describe('ListTransferTasks', () => {
    it('answers the seed example shape with the scenario values', async () => {
      const res = await call(demo.emu.url, 'GET', `${P}/streams/orders/transfer-tasks`, { headers: TOKEN });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.json).toEqual({
        total_number: 2,
        quota: 3,
        tasks: [
          {
            task_id: 'demoOrdersToObs0001',
            task_name: 'orders-to-obs',
            state: 'RUNNING',
            destination_type: 'OBS',
            create_time: 1764547260000,
            last_transfer_timestamp: demo.now - 60_000,
          },
          {
            task_id: 'demoOrdersToDli0001',
            task_name: 'orders-to-dli',
            state: 'RUNNING',
            destination_type: 'DLI',
            create_time: 1764547320000,
            last_transfer_timestamp: demo.now - 60_000,
          },
        ],
      });
    });

    it('answers an unknown stream with 400 DIS.4301, as the service does (not 404)', async () => {
      const res = await call(demo.emu.url, 'GET', `${P}/streams/nope/transfer-tasks`, { headers: TOKEN });
      expect(res.status).toBe(400);
      // as the service writes it (the legacy DIS SDK quotes a live answer)
      expect(res.json).toEqual({
        errorCode: 'DIS.4301',
        message: `Stream does not exist. [nope][${DEMO.projectId}]`,
      });
    });

    it('reproduces the official response example, plus the quota the SDK models declare', async () => {
      const projectId = 'a'.repeat(32);
      const emu = await DisEmulator.start({
        scenario: {
          domain: { id: 'd', name: 'd' },
          projects: [
            {
              id: projectId,
              name: 'cn-north-4',
              region: 'cn-north-4',
              streams: [
                {
                  name: 'newstream',
                  tasks: [
                    {
                      taskName: 'newtask',
                      taskId: 'As805BudhcH1lDs6gbn',
                      state: 'RUNNING',
                      destinationType: 'OBS',
                      createTime: 1606554932552,
                      lastTransferTimestamp: 1606984428612,
                    },
                  ],
                },
              ],
            },
          ],
          credentials: { tokens: [{ token: 'example-token' }] },
        },
      });
      try {
        const res = await call(emu.url, 'GET', `/v2/${projectId}/streams/newstream/transfer-tasks`, {
          headers: { 'X-Auth-Token': 'example-token' },
        });
        expect(res.json).toEqual({ ...EXAMPLE, quota: 4 });
      } finally {
        await emu.stop();
      }
    });
  });

  describe('ShowTransferTask', () => {
    it('answers one task with its stream and destination description', async () => {
      const res = await call(demo.emu.url, 'GET', `${P}/streams/orders/transfer-tasks/orders-to-obs`, {
        headers: TOKEN,
      });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({
        stream_id: expect.stringMatching(/^[A-Za-z0-9]{19}$/),
        stream_name: 'orders',
        task_name: 'orders-to-obs',
        task_id: 'demoOrdersToObs0001',
        state: 'RUNNING',
        destination_type: 'OBS',
        obs_destination_description: expect.objectContaining({ obs_bucket_path: expect.any(String) }),
      });
    });

    it('gives a stream the same id in every answer and another stream another id', async () => {
      const show = async (stream: string, task: string) =>
        (
          (
            await call(demo.emu.url, 'GET', `${P}/streams/${stream}/transfer-tasks/${task}`, {
              headers: TOKEN,
            })
          ).json as { stream_id: string }
        ).stream_id;
      const orders = await show('orders', 'orders-to-obs');
      expect(await show('orders', 'orders-to-dli')).toBe(orders);
      expect(await show('clicks', 'clicks-to-obs')).not.toBe(orders);
    });

    it('answers an unknown task with 400 DIS.4354', async () => {
      const res = await call(demo.emu.url, 'GET', `${P}/streams/orders/transfer-tasks/nope`, {
        headers: TOKEN,
      });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ errorCode: 'DIS.4354', message: 'The transfer task does not exist.' });
    });
  });

  describe('BatchTransferTaskAction', () => {
    const action = (body: unknown) =>
      call(demo.emu.url, 'POST', `${P}/streams/orders/transfer-tasks/action`, {
        headers: { ...TOKEN, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const states = async () =>
      (
        (await call(demo.emu.url, 'GET', `${P}/streams/orders/transfer-tasks`, { headers: TOKEN })).json as {
          tasks: { task_name: string; state: string; last_transfer_timestamp: number }[];
        }
      ).tasks;

    it('stops tasks by id (PAUSED, last transfer frozen) and starts them again (RUNNING)', async () => {
      expect((await action({ action: 'stop', tasks: [{ id: 'demoOrdersToDli0001' }] })).status).toBe(200);
      demo.now += 3_600_000;
      const paused = (await states()).find((t) => t.task_name === 'orders-to-dli')!;
      expect(paused.state).toBe('PAUSED');
      expect(paused.last_transfer_timestamp).toBe(demo.now - 3_600_000 - 60_000);
      expect((await action({ action: 'start', tasks: [{ id: 'demoOrdersToDli0001' }] })).status).toBe(200);
      expect((await states()).find((t) => t.task_name === 'orders-to-dli')!.state).toBe('RUNNING');
    });

    it('starts through STARTING when the scenario sets startingMs', async () => {
      let clock = Date.parse('2026-11-28T12:00:00Z');
      const slow = await DisEmulator.start({
        scenario: { ...loadScenario(shippedScenarioPath('demo-paused')), startingMs: 30_000 },
        clock: () => clock,
      });
      try {
        const path = `${P}/streams/orders/transfer-tasks`;
        const start = await call(slow.url, 'POST', `${path}/action`, {
          headers: TOKEN,
          body: JSON.stringify({ action: 'start', tasks: [{ id: 'demoOrdersToDli0001' }] }),
        });
        expect(start.status).toBe(200);
        const stateOf = async () =>
          ((await call(slow.url, 'GET', path, { headers: TOKEN })).json as { tasks: { state: string }[] })
            .tasks[1].state;
        expect(await stateOf()).toBe('STARTING');
        clock += 30_000;
        expect(await stateOf()).toBe('RUNNING');
      } finally {
        await slow.stop();
      }
    });

    it('changes nothing when one id is unknown', async () => {
      const res = await action({ action: 'stop', tasks: [{ id: 'demoOrdersToDli0001' }, { id: 'nope' }] });
      expect(res.json).toMatchObject({ errorCode: 'DIS.4354' });
      expect((await states()).every((t) => t.state === 'RUNNING')).toBe(true);
    });

    it('answers a malformed body with 400 DIS.4200', async () => {
      expect((await action({ action: 'pause', tasks: [] })).json).toMatchObject({ errorCode: 'DIS.4200' });
      const notJson = await call(demo.emu.url, 'POST', `${P}/streams/orders/transfer-tasks/action`, {
        headers: TOKEN,
        body: '{',
      });
      expect(notJson.status).toBe(400);
      expect(notJson.json).toMatchObject({ errorCode: 'DIS.4200' });
    });
  });

  describe('ListStreams', () => {
    it('pages with limit and start_stream_name, in name order', async () => {
      const streams = Array.from({ length: 5 }, (_, i) => ({ name: `s${i}` }));
      const many = await DisEmulator.start({
        scenario: {
          domain: { id: 'd', name: 'd' },
          projects: [
            { id: DEMO.projectId, name: 'cn-north-4', region: 'cn-north-4', streams: streams.reverse() },
          ],
          credentials: { tokens: [{ token: DEMO.token }] },
        },
      });
      try {
        const page1 = await call(many.url, 'GET', `${P}/streams?limit=2`, { headers: TOKEN });
        expect(page1.json).toMatchObject({
          total_number: 5,
          stream_names: ['s0', 's1'],
          has_more_streams: true,
        });
        const page3 = await call(many.url, 'GET', `${P}/streams?limit=2&start_stream_name=s3`, {
          headers: TOKEN,
        });
        expect(page3.json).toMatchObject({ total_number: 5, stream_names: ['s4'], has_more_streams: false });
        const all = await call(many.url, 'GET', `${P}/streams`, { headers: TOKEN });
        expect((all.json as { stream_info_list: unknown[] }).stream_info_list).toHaveLength(5);
      } finally {
        await many.stop();
      }
    });

    it.each(['0', '101', 'ten', '1.5'])('refuses limit=%s with 400 DIS.4200', async (limit) => {
      const res = await call(demo.emu.url, 'GET', `${P}/streams?limit=${limit}`, { headers: TOKEN });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ errorCode: 'DIS.4200' });
    });
  });

  describe('project scoping', () => {
    it('shows a credential only the projects granted to it (403 DIS.4116 otherwise)', async () => {
      const scoped = await DisEmulator.start({
        scenario: {
          domain: { id: 'd', name: 'd' },
          projects: [
            { id: DEMO.projectId, name: 'cn-north-4', region: 'cn-north-4', streams: [{ name: 'orders' }] },
            { id: OTHER_PROJECT, name: 'cn-east-3', region: 'cn-east-3', streams: [{ name: 'orders' }] },
          ],
          credentials: { tokens: [{ token: 'scoped-token', projects: [DEMO.projectId] }] },
        },
      });
      try {
        const headers = { 'X-Auth-Token': 'scoped-token' };
        expect(
          (await call(scoped.url, 'GET', `${P}/streams/orders/transfer-tasks`, { headers })).status,
        ).toBe(200);
        const denied = await call(scoped.url, 'GET', `/v2/${OTHER_PROJECT}/streams/orders/transfer-tasks`, {
          headers,
        });
        expect(denied.status).toBe(403);
        expect(denied.json).toMatchObject({ errorCode: 'DIS.4116' });
        const projects = await call(scoped.url, 'GET', '/v3/projects', { headers });
        expect((projects.json as { projects: { id: string }[] }).projects.map((p) => p.id)).toEqual([
          DEMO.projectId,
        ]);
      } finally {
        await scoped.stop();
      }
    });
  });
});
