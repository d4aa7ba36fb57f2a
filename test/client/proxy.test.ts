// The proxy a client's environment names, against real sockets on 127.0.0.1: requests to other
// hosts go through it, loopback targets never do, and a proxy that never answers CONNECT cannot
// hold a call past its deadline.
import { createServer as createHttpServer, type Server } from 'node:http';
import { connect, createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { isLoopbackHost } from '../../src/client/config';
import { DisClient } from '../../src/client/dis-client';
import { proxyDispatcher } from '../../src/client/proxy';
import { settleWithin } from './bounded';
import { PROJECT } from './mock-env';

/** Listens on a free port of 127.0.0.1 and resolves to the port. */
function listen(server: Server | TcpServer): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

function close(server: Server | TcpServer): Promise<unknown> {
  if ('closeAllConnections' in server) server.closeAllConnections();
  return new Promise((resolve) => server.close(resolve));
}

/** A name that only the recording proxy knows: it tunnels it to the target on 127.0.0.1. */
const REMOTE_HOST = 'dis.proxied.test';

describe('a proxy from the environment', () => {
  let target: Server;
  let targetPort: number;
  let proxy: Server;
  let proxyUrl: string;
  const seen: { line: string; tokens: string[] }[] = [];

  beforeAll(async () => {
    target = createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ total_number: 0, tasks: [] }));
    });
    targetPort = await listen(target);
    // a recording proxy: it notes every tunnel and the tokens that cross it in clear
    proxy = createHttpServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req, socket: Socket, head) => {
      const entry = { line: `CONNECT ${req.url}`, tokens: [] as string[] };
      seen.push(entry);
      const upstream = connect(targetPort, '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        socket.on('data', (chunk: Buffer) => {
          const token = /x-auth-token: ([^\r\n]+)/i.exec(chunk.toString('latin1'));
          if (token) entry.tokens.push(token[1]);
        });
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
    });
    proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
  });

  afterAll(() => Promise.all([close(target), close(proxy)]));
  beforeEach(() => {
    seen.length = 0;
  });

  function clientFor(endpoint: string, env: Record<string, string>, extra = {}): DisClient {
    return new DisClient({
      region: 'cn-north-4',
      projectId: PROJECT,
      endpoint,
      allowInsecureHttp: true,
      credentials: { authToken: 'proxy-test-token' },
      env,
      ...extra,
    });
  }

  test.each([['HTTP_PROXY'], ['http_proxy']])(
    '%s carries requests to other hosts (and the token crosses it: only https protects it)',
    async (variable) => {
      const client = clientFor(`http://${REMOTE_HOST}:${targetPort}`, { [variable]: proxyUrl });
      await client.listTransferTasks('orders');
      await client.close();
      expect(seen.map((s) => s.line)).toEqual([`CONNECT ${REMOTE_HOST}:${targetPort}`]);
      expect(seen[0].tokens).toEqual(['proxy-test-token']);
    },
  );

  test.each([['127.0.0.1'], ['[::ffff:127.0.0.1]']])(
    'a loopback target (%s) never goes through the proxy, whatever NO_PROXY says',
    async (host) => {
      const client = clientFor(`http://${host}:${targetPort}`, {
        HTTP_PROXY: proxyUrl,
        HTTPS_PROXY: proxyUrl,
        NO_PROXY: 'example.com',
      });
      await expect(client.listTransferTasks('orders')).resolves.toMatchObject({ totalNumber: 0 });
      await client.close();
      expect(seen).toEqual([]);
    },
  );

  test('NO_PROXY sends a listed host direct', async () => {
    const client = clientFor(
      `http://${REMOTE_HOST}:${targetPort}`,
      { HTTP_PROXY: proxyUrl, NO_PROXY: `other.test,${REMOTE_HOST}` },
      { deadlineMs: 3000, retry: { maxAttempts: 1 } },
    );
    // direct, the made-up name does not resolve: the call fails, and the proxy saw nothing
    await expect(client.listTransferTasks('orders')).rejects.toMatchObject({ code: 'DIS_NETWORK_ERROR' });
    await client.close();
    expect(seen).toEqual([]);
  });

  test('only the env option is read: a proxy in process.env is not used as a fallback', async () => {
    expect(proxyDispatcher({})).toBeUndefined();
    expect(proxyDispatcher({ https_proxy: proxyUrl })).toBeDefined();
    expect(proxyDispatcher({ HTTP_PROXY: '  ' })).toBeUndefined();
    const saved = process.env.HTTP_PROXY;
    process.env.HTTP_PROXY = proxyUrl;
    try {
      // HTTPS_PROXY alone does not cover an http:// target; undici would take HTTP_PROXY from process.env
      const client = clientFor(
        `http://${REMOTE_HOST}:${targetPort}`,
        { HTTPS_PROXY: proxyUrl },
        { deadlineMs: 3000, retry: { maxAttempts: 1 } },
      );
      await expect(client.listTransferTasks('orders')).rejects.toMatchObject({ code: 'DIS_NETWORK_ERROR' });
      await client.close();
      expect(seen).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.HTTP_PROXY;
      else process.env.HTTP_PROXY = saved;
    }
  });
});

describe('a proxy that accepts the connection and never answers CONNECT', () => {
  let silent: TcpServer;
  let silentUrl: string;
  const open = new Set<Socket>();

  beforeAll(async () => {
    silent = createTcpServer((socket) => {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('data', () => undefined);
    });
    silentUrl = `http://127.0.0.1:${await listen(silent)}`;
  });
  afterAll(async () => {
    for (const socket of open) socket.destroy();
    await close(silent);
  });

  test('cannot hold a call past its deadline, and close() drops the tunnel it left', async () => {
    const client = new DisClient({
      region: 'cn-north-4',
      projectId: PROJECT,
      credentials: { authToken: 'stalled-proxy-token' },
      env: { HTTPS_PROXY: silentUrl },
      deadlineMs: 1500,
      attemptTimeoutMs: 1000,
      deadlineHint: '--timeout',
    });
    const error = await settleWithin(
      client.listTransferTasks('orders'),
      20_000,
      'the call was still waiting for the proxy 20 s after its 1.5 s deadline',
    );
    expect(error).toMatchObject({ code: 'DIS_NETWORK_ERROR', causeCode: 'DEADLINE_EXCEEDED' });
    expect((error as Error).message).toContain('raise --timeout');
    expect(open.size).toBeGreaterThan(0);
    await client.close();
    await settleWithin(
      new Promise<void>((resolve) => {
        const poll = setInterval(() => open.size === 0 && (clearInterval(poll), resolve()), 20);
      }),
      10_000,
      'close() left the tunnel to the silent proxy open',
    );
  });
});

describe('isLoopbackHost', () => {
  test.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['127.0.0.1', true],
    ['127.255.3.4', true],
    ['[::1]', true],
    ['[::ffff:7f00:1]', true],
    ['localhost.example.com', false],
    ['128.0.0.1', false],
    ['[::2]', false],
    ['dis.cn-north-4.myhuaweicloud.com', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
