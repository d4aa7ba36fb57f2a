import { DisClient } from '../../src/client/dis-client';
import { contractTarget, signedCall, type ContractTarget } from './contract-target';
import { ListStreamsBody, ListTransferTasksBody, ShowTransferTaskBody } from './schemas';

// Every field of the SDK models may arrive as JSON null. Against the emulator this runs the
// `demo-nulls` scenario, which sends null wherever the models allow it, and first checks that it
// does; against the real service it checks whatever the service sends. Either way the client must
// read the answers.
describe('contract: JSON null where the SDK models allow it', () => {
  let t: ContractTarget;
  beforeAll(async () => (t = await contractTarget(process.env, 'demo-nulls')));
  afterAll(() => t.close());
  const url = (stream: string) => `${t.disUrl}/v2/${t.projectId}/streams/${stream}/transfer-tasks`;

  const client = () =>
    new DisClient({
      region: t.region,
      projectId: t.projectId,
      endpoint: t.disUrl,
      credentials: { accessKey: t.ak, secretKey: t.sk, securityToken: t.securityToken },
      allowInsecureHttp: !t.remote,
      env: {},
      retry: { maxAttempts: 1 },
    });

  it('ListTransferTasks: the body keeps the documented shape, nulls included, and the client reads it', async () => {
    const raw = ListTransferTasksBody.parse((await signedCall(t, 'GET', url(t.stream))).json);
    if (!t.remote) {
      expect(raw.quota).toBeNull();
      expect(raw.tasks.map((task) => task.task_id)).toEqual(raw.tasks.map(() => null));
    }
    const result = await client().listTransferTasks(t.stream);
    expect(result.tasks.map((task) => task.taskName)).toEqual(raw.tasks.map((task) => task.task_name));
    for (const task of result.tasks) expect(Object.values(task)).not.toContain(null);
    expect(result.quota ?? undefined).toBe(raw.quota ?? undefined);
  });

  it('a task that never ran: last_transfer_timestamp null is read as no last transfer', async () => {
    const streams = ['clicks', t.stream];
    for (const stream of t.remote ? [t.stream] : streams) {
      const raw = ListTransferTasksBody.parse((await signedCall(t, 'GET', url(stream))).json);
      const read = await client().listTransferTasks(stream);
      // times like "now-60s" move between two answers: compare presence, not value
      raw.tasks.forEach((task, i) => {
        expect(read.tasks[i].lastTransferTimestamp === undefined).toBe(task.last_transfer_timestamp == null);
      });
      if (!t.remote && stream === 'clicks') expect(raw.tasks[0].last_transfer_timestamp).toBeNull();
    }
  });

  it('ShowTransferTask: stream_id, partitions and the other descriptions may be null', async () => {
    const first = ListTransferTasksBody.parse((await signedCall(t, 'GET', url(t.stream))).json).tasks[0];
    const raw = (await signedCall(t, 'GET', `${url(t.stream)}/${first.task_name}`)).json as Record<
      string,
      unknown
    >;
    const body = ShowTransferTaskBody.parse(raw);
    if (!t.remote) {
      expect(body.stream_id).toBeNull();
      expect(body.partitions).toBeNull();
      expect(Object.values(raw)).toContain(null);
    }
    const details = await client().showTransferTask(t.stream, first.task_name);
    expect(details).toMatchObject({ streamName: t.stream, taskName: first.task_name });
    expect(details.partitions).toEqual(body.partitions ?? []);
    expect(details.destinationDescription).toEqual(expect.any(Object));
  });

  it('ListStreams: has_more_streams may be null on the last page', async () => {
    const raw = ListStreamsBody.parse(
      (await signedCall(t, 'GET', `${t.disUrl}/v2/${t.projectId}/streams`, { query: { limit: '100' } })).json,
    );
    if (!t.remote) expect(raw.has_more_streams).toBeNull();
    expect(await client().listStreams()).toEqual(expect.arrayContaining([t.stream]));
  });
});
