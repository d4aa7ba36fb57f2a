import { call, DEMO, useDemoEmulator } from './http-call';

const P = `/v2/${DEMO.projectId}`;
const TOKEN = { 'X-Auth-Token': DEMO.token };

describe('the IAM operations', () => {
  const demo = useDemoEmulator();

  describe('IAM', () => {
    const tokenBody = (password: string, project: Record<string, string> = { name: DEMO.region }) =>
      JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: DEMO.user, password, domain: { name: DEMO.domain } } },
          },
          scope: { project },
        },
      });

    it('issues a token in X-Subject-Token with 201 and its expiry; the token then works until it expires', async () => {
      const res = await call(demo.emu.url, 'POST', '/v3/auth/tokens', { body: tokenBody(DEMO.password) });
      expect(res.status).toBe(201);
      const token = res.headers['x-subject-token'] as string;
      expect(token).toMatch(/^emu-/);
      expect(res.text).not.toContain(token);
      expect(res.json).toMatchObject({
        token: {
          expires_at: '2026-11-29T12:00:00.000000Z',
          methods: ['password'],
          project: { id: DEMO.projectId, name: DEMO.region },
        },
      });
      expect(
        (await call(demo.emu.url, 'GET', `${P}/streams`, { headers: { 'X-Auth-Token': token } })).status,
      ).toBe(200);
      demo.now += 24 * 3600 * 1000;
      const expired = await call(demo.emu.url, 'GET', `${P}/streams`, { headers: { 'X-Auth-Token': token } });
      expect(expired.status).toBe(401);
      expect(expired.json).toMatchObject({ error_code: 'APIGW.0301' });
    });

    it('refuses a wrong password with 401 in the Keystone shape, without echoing it', async () => {
      const res = await call(demo.emu.url, 'POST', '/v3/auth/tokens', { body: tokenBody('guess-0000') });
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ error: { code: 401, title: 'Unauthorized', message: expect.any(String) } });
      expect(res.text).not.toContain('guess-0000');
      expect(res.headers['x-subject-token']).toBeUndefined();
    });

    it('refuses a body without a project scope with 400', async () => {
      const res = await call(demo.emu.url, 'POST', '/v3/auth/tokens', { body: '{"auth":{}}' });
      expect(res.status).toBe(400);
    });

    it('lists projects by name for a credential', async () => {
      const res = await call(demo.emu.url, 'GET', '/v3/projects?name=cn-north-4', { headers: TOKEN });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({
        projects: [{ id: DEMO.projectId, name: 'cn-north-4', enabled: true }],
      });
      const none = await call(demo.emu.url, 'GET', '/v3/projects?name=eu-west-101', { headers: TOKEN });
      expect((none.json as { projects: unknown[] }).projects).toEqual([]);
    });
  });
});
