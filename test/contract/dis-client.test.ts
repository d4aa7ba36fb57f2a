import { DisClient } from '../../src/client/dis-client';
import type { DisCredentials } from '../../src/client/credentials';
import { contractTarget, HAS_USER, type ContractTarget } from './contract-target';

// The same checks through our own DisClient, once per credential kind the target offers. Signature
// acceptance is also checked with the official SDK signer (signing.test.ts): a mistake shared by
// our signer and our verifier would pass here but fail there.
describe('contract: DisClient against the target', () => {
  let t: ContractTarget;
  beforeAll(async () => (t = await contractTarget()));
  afterAll(() => t.close());

  const kinds: [string, (t: ContractTarget) => DisCredentials][] = [
    ['AK/SK', (t) => ({ accessKey: t.ak, secretKey: t.sk, securityToken: t.securityToken })],
  ];
  if (HAS_USER) {
    kinds.push([
      'IAM password token',
      (t) => ({ userName: t.user!.name, password: t.user!.password, domainName: t.user!.domain }),
    ]);
  }

  describe.each(kinds)('with %s credentials', (_kind, credentialsOf) => {
    const client = () =>
      new DisClient({
        region: t.region,
        endpoint: t.disUrl,
        iamEndpoint: t.iamUrl,
        credentials: credentialsOf(t),
        allowInsecureHttp: !t.remote,
        env: {},
        retry: { maxAttempts: 1 },
      });

    it('resolves the project id through IAM and lists the stream transfer tasks', async () => {
      const c = client();
      expect((await c.resolveTarget()).projectId).toBe(t.projectId);
      const result = await c.listTransferTasks(t.stream);
      expect(result.tasks.length).toBeGreaterThan(0);
      expect(result.totalNumber).toBe(result.tasks.length);
      expect(result.requestId).toEqual(expect.any(String));
      expect(result.warnings).toEqual([]);
      expect(await c.listStreams()).toContain(t.stream);
    });

    it('reports an unknown stream as DIS.4301 with status 400', async () => {
      const c = client();
      await expect(c.listTransferTasks('no-such-stream-contract-check')).rejects.toMatchObject({
        code: 'DIS_API_ERROR',
        serviceCode: 'DIS.4301',
        httpStatus: 400,
      });
    });
  });
});
