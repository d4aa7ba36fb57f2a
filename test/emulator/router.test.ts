import { matchRoute } from '../../src/emulator/routes';

const P = '/v2/0123456789abcdef0123456789abcdef';

describe('matchRoute', () => {
  it.each([
    ['GET', `${P}/streams/orders/transfer-tasks`, 'ListTransferTasks'],
    ['GET', `${P}/streams/orders/transfer-tasks/`, 'ListTransferTasks'],
    ['GET', `${P}/streams/orders/transfer-tasks/t1`, 'ShowTransferTask'],
    ['POST', `${P}/streams/orders/transfer-tasks/action`, 'BatchTransferTaskAction'],
    ['GET', `${P}/streams`, 'ListStreams'],
    ['GET', '/v3/projects', 'KeystoneListProjects'],
    ['POST', '/v3/auth/tokens', 'KeystoneCreateUserTokenByPassword'],
  ])('routes %s %s to %s', (method, path, route) => {
    expect(matchRoute(method, path, false)?.route).toBe(route);
  });

  it('decodes path parameters', () => {
    expect(matchRoute('GET', `${P}/streams/my%2Dstream/transfer-tasks/t%5F1`, false)?.params).toEqual({
      projectId: '0123456789abcdef0123456789abcdef',
      streamName: 'my-stream',
      taskName: 't_1',
    });
  });

  it('treats method and path as one key, like the gateway', () => {
    expect(matchRoute('POST', `${P}/streams`, false)).toBeUndefined();
    expect(matchRoute('DELETE', `${P}/streams/orders/transfer-tasks/t1`, false)).toBeUndefined();
  });

  it('refuses a malformed percent-encoding instead of throwing', () => {
    expect(matchRoute('GET', `${P}/streams/%E0%A4%A/transfer-tasks`, false)).toBeUndefined();
  });

  it('serves admin routes only when enabled', () => {
    expect(matchRoute('POST', '/_emulator/reset', false)).toBeUndefined();
    expect(matchRoute('POST', '/_emulator/reset', true)).toEqual({
      route: 'Admin',
      params: { action: 'reset' },
    });
  });
});
