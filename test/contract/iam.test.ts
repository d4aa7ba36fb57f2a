import { contractTarget, HAS_USER, send, signedCall, type ContractTarget } from './contract-target';
import { ListTransferTasksBody } from './schemas';

describe('contract: IAM project lookup and password tokens', () => {
  let t: ContractTarget;
  beforeAll(async () => (t = await contractTarget()));
  afterAll(() => t.close());

  it('finds the project id by region name with an AK/SK-signed GET /v3/projects', async () => {
    const res = await signedCall(t, 'GET', `${t.iamUrl}/projects`, { query: { name: t.region } });
    expect(res.status).toBe(200);
    const ids = (res.json as { projects: { id: string; name: string }[] }).projects.map((p) => p.id);
    expect(ids).toContain(t.projectId);
  });

  if (!HAS_USER) return;

  it('issues a project-scoped token (201, X-Subject-Token, expires_at) that DIS accepts', async () => {
    const user = t.user!;
    const body = JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: user.name, password: user.password, domain: { name: user.domain } } },
        },
        scope: { project: { id: t.projectId } },
      },
    });
    const res = await send(
      'POST',
      `${t.iamUrl}/auth/tokens?nocatalog=true`,
      { 'content-type': 'application/json;charset=utf8' },
      body,
    );
    expect(res.status).toBe(201);
    const token = res.headers['x-subject-token'];
    expect(typeof token).toBe('string');
    expect(Date.parse((res.json as { token: { expires_at: string } }).token.expires_at)).toBeGreaterThan(
      Date.now(),
    );
    const list = await send('GET', `${t.disUrl}/v2/${t.projectId}/streams/${t.stream}/transfer-tasks`, {
      'X-Auth-Token': token as string,
    });
    expect(list.status).toBe(200);
    ListTransferTasksBody.parse(list.json);
  });
});
