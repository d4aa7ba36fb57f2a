import { contractTarget, send, signedCall, type ContractTarget } from './contract-target';
import { GatewayErrorBody, ListTransferTasksBody } from './schemas';

// Against the real service a key is locked after more than five failures in a row, so every
// rejection below is followed by an accepted request.
describe('contract: SDK-HMAC-SHA256 acceptance and rejection (official SDK signer)', () => {
  let t: ContractTarget;
  beforeAll(async () => (t = await contractTarget()));
  afterAll(() => t.close());
  const list = () => `${t.disUrl}/v2/${t.projectId}/streams/${t.stream}/transfer-tasks`;
  const accepted = async () => {
    const res = await signedCall(t, 'GET', list());
    expect(res.status).toBe(200);
    ListTransferTasksBody.parse(res.json);
  };
  const expectGateway401 = (res: { status: number; json: unknown; headers: Record<string, unknown> }) => {
    expect(res.status).toBe(401);
    const body = GatewayErrorBody.parse(res.json);
    expect(body.error_code).toMatch(/^APIG(W)?\.0301$/);
    expect(body.request_id).toBe(res.headers['x-request-id']);
  };

  it('accepts a request signed by the official SDK', accepted);

  it('rejects a signature made with the wrong secret key', async () => {
    expectGateway401(await signedCall(t, 'GET', list(), { sk: `${t.sk}x` }));
    await accepted();
  });

  it('rejects an X-Sdk-Date more than 15 minutes old', async () => {
    const stale = new Date(Date.now() - 20 * 60 * 1000).toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z';
    expectGateway401(await signedCall(t, 'GET', list(), { sdkDate: stale }));
    await accepted();
  });

  it('rejects a request whose signed header was changed after signing', async () => {
    const res = await signedCall(t, 'GET', list(), {
      tamper: (h) => ({
        ...h,
        'X-Project-Id': h['X-Project-Id'].replace(/.$/, (c) => (c === '0' ? '1' : '0')),
      }),
    });
    expectGateway401(res);
    await accepted();
  });

  it('rejects a request with no credential at all', async () => {
    expectGateway401(await send('GET', list(), { 'content-type': 'application/json' }));
  });
});
