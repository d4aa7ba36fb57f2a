import { contractTarget, signedCall, type ContractTarget } from './contract-target';
import { DisErrorBody, ListStreamsBody } from './schemas';

describe('contract: ListStreams paging', () => {
  let t: ContractTarget;
  beforeAll(async () => (t = await contractTarget()));
  afterAll(() => t.close());
  const url = () => `${t.disUrl}/v2/${t.projectId}/streams`;

  it('pages one stream at a time with start_stream_name until has_more_streams is false', async () => {
    const seen: string[] = [];
    let start: string | undefined;
    let total = -1;
    for (let page = 0; page < 50; page++) {
      const query: Record<string, string> = { limit: '1', ...(start ? { start_stream_name: start } : {}) };
      const res = await signedCall(t, 'GET', url(), { query });
      expect(res.status).toBe(200);
      const body = ListStreamsBody.parse(res.json);
      expect(body.stream_names.length).toBeLessThanOrEqual(1);
      total = body.total_number;
      seen.push(...body.stream_names);
      if (!body.has_more_streams) break;
      start = body.stream_names[body.stream_names.length - 1];
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(t.stream);
    expect(seen.length).toBe(total);
  });

  it('refuses limit=0 with a DIS error', async () => {
    const res = await signedCall(t, 'GET', url(), { query: { limit: '0' } });
    expect(res.status).toBe(400);
    DisErrorBody.parse(res.json);
  });
});
