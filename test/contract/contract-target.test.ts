import { DisEmulator } from '../../src/emulator';
import { contractTarget, signedCall } from './contract-target';

// The remote path of the suite cannot run in CI against the real service; these checks run it
// against an emulator addressed the way a real run addresses Huawei Cloud, from the environment.
describe('contractTarget', () => {
  const REMOTE_ENV = {
    DIS_CONTRACT_REMOTE: '1',
    HW_REGION_NAME: 'cn-north-4',
    HW_PROJECT_ID: '0123456789abcdef0123456789abcdef',
    HW_ACCESS_KEY: 'DEMOAK0000000000000A',
    HW_SECRET_KEY: 'demo-secret-key-0000000000000000000000000',
    DIS_CONTRACT_STREAM: 'orders',
  };

  it('defaults to the real endpoints of the region', async () => {
    const t = await contractTarget(REMOTE_ENV);
    expect(t).toMatchObject({
      remote: true,
      disUrl: 'https://dis.cn-north-4.myhuaweicloud.com',
      iamUrl: 'https://iam.cn-north-4.myhuaweicloud.com/v3',
      user: undefined,
    });
  });

  it.each([
    'https://iam.example.com',
    'https://iam.example.com/',
    'https://iam.example.com/v3',
    'https://iam.example.com/v3/',
  ])('normalizes HW_AUTH_URL=%s to one ending in /v3', async (url) => {
    expect((await contractTarget({ ...REMOTE_ENV, HW_AUTH_URL: url })).iamUrl).toBe(
      'https://iam.example.com/v3',
    );
  });

  it('names the missing variable', async () => {
    await expect(contractTarget({ ...REMOTE_ENV, DIS_CONTRACT_STREAM: undefined })).rejects.toThrow(
      'DIS_CONTRACT_REMOTE=1 needs DIS_CONTRACT_STREAM',
    );
  });

  it('reaches a service addressed through HW_DIS_ENDPOINT and HW_AUTH_URL, signing officially', async () => {
    const emu = await DisEmulator.start();
    try {
      const t = await contractTarget({ ...REMOTE_ENV, ...emu.endpointEnv });
      const res = await signedCall(
        t,
        'GET',
        `${t.disUrl}/v2/${t.projectId}/streams/${t.stream}/transfer-tasks`,
      );
      expect(res.status).toBe(200);
      const projects = await signedCall(t, 'GET', `${t.iamUrl}/projects`, { query: { name: t.region } });
      expect(projects.status).toBe(200);
    } finally {
      await emu.stop();
    }
  });
});
