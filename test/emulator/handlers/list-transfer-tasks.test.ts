import { DisEmulator } from '../../../src/emulator/dis-emulator';
import { call } from '../http-call';

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

describe('ListTransferTasks handler', () => {
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
