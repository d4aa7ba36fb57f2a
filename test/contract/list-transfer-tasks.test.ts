import { contractTarget, signedCall, type ContractTarget } from './contract-target';
import { DisErrorBody, ListTransferTasksBody } from './schemas';

describe('contract: ListTransferTasks', () => {
  let t: ContractTarget;
  beforeAll(async () => (t = await contractTarget()));
  afterAll(() => t.close());
  const url = (stream: string) => `${t.disUrl}/v2/${t.projectId}/streams/${stream}/transfer-tasks`;

  it('answers 200 with total_number, tasks[] and an X-Request-Id', async () => {
    const res = await signedCall(t, 'GET', url(t.stream));
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
    const body = ListTransferTasksBody.parse(res.json);
    expect(body.tasks.length).toBeGreaterThan(0);
    expect(body.total_number).toBe(body.tasks.length);
    expect(body.tasks.length).toBeLessThanOrEqual(5);
    for (const task of body.tasks) {
      expect(task.create_time).toBeGreaterThan(Date.UTC(2015, 0, 1)); // epoch milliseconds, not seconds
    }
  });

  it('answers a stream that does not exist with 400 DIS.4301 (not 404)', async () => {
    const res = await signedCall(t, 'GET', url('no-such-stream-contract-check'));
    expect(res.status).toBe(400);
    expect(DisErrorBody.parse(res.json).errorCode).toBe('DIS.4301');
  });

  it('answers ShowTransferTask for a listed task and 400 DIS.4354 for an unknown one', async () => {
    const listed = ListTransferTasksBody.parse((await signedCall(t, 'GET', url(t.stream))).json);
    const first = listed.tasks[0];
    const show = await signedCall(t, 'GET', `${url(t.stream)}/${first.task_name}`);
    expect(show.status).toBe(200);
    expect(show.json).toMatchObject({
      task_name: first.task_name,
      state: first.state,
      destination_type: first.destination_type,
    });
    const missing = await signedCall(t, 'GET', `${url(t.stream)}/no-such-task-contract-check`);
    expect(missing.status).toBe(400);
    expect(DisErrorBody.parse(missing.json).errorCode).toBe('DIS.4354');
  });
});
