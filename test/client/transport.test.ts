import { createServer, request as httpRequest, type Server, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { DisClient } from '../../src/client/dis-client';
import { AttemptFailure, MAX_BODY_BYTES, proxyDispatcher, sendAttempt } from '../../src/client/transport';
import { PROJECT } from './mock-env';

/** Listens on a free port of 127.0.0.1 and resolves to the server's base URL. */
function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`),
    ),
  );
}

describe('sendAttempt', () => {
  // A real server on 127.0.0.1:0; each test installs its own handler.
  let server: Server;
  let base: URL;
  let handler: (res: ServerResponse) => void = (res) => res.end();

  beforeAll(async () => {
    server = createServer((_req, res) => handler(res));
    base = new URL(`${await listen(server)}/x`);
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const send = (timeoutMs = 2000) => sendAttempt({ method: 'GET', url: base, headers: {}, timeoutMs });

  test('reads the whole body as UTF-8 text with status and headers', async () => {
    handler = (res) => {
      res.writeHead(404, { 'x-request-id': 'r1', 'content-type': 'application/json' });
      res.end('{"m":"é"}');
    };
    const res = await send();
    expect(res).toMatchObject({ status: 404, text: '{"m":"é"}' });
    expect(res.headers['x-request-id']).toBe('r1');
  });

  test('refuses a declared Content-Length over 1 MiB without reading it', async () => {
    handler = (res) => {
      res.writeHead(200, { 'content-length': String(MAX_BODY_BYTES + 1) });
      res.write('{');
    };
    await expect(send()).rejects.toMatchObject({ causeCode: 'BODY_TOO_LARGE', status: 200 });
  });

  test('stops reading a chunked body once it passes 1 MiB', async () => {
    handler = (res) => {
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      const chunk = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 20; i++) res.write(chunk);
      res.end();
    };
    await expect(send()).rejects.toMatchObject({ causeCode: 'BODY_TOO_LARGE' });
  });

  test('a body that stalls counts against the attempt timeout', async () => {
    handler = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"total_number":');
    };
    const error = await send(100).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttemptFailure);
    expect(error).toMatchObject({ causeCode: 'ATTEMPT_TIMEOUT', status: 200 });
  });

  test('a refused connection carries the socket error code', async () => {
    const closed = new URL(base);
    closed.port = '1';
    await expect(
      sendAttempt({ method: 'GET', url: closed, headers: {}, timeoutMs: 2000 }),
    ).rejects.toMatchObject({
      causeCode: 'ECONNREFUSED',
    });
  });
});

describe('proxies from the environment', () => {
  // Real sockets on 127.0.0.1, all async in this thread (no synth-time lookup is involved).
  let target: Server;
  let proxy: Server;
  let targetUrl: string;
  let proxyUrl: string;
  const proxied: string[] = [];

  beforeAll(async () => {
    target = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ total_number: 0, tasks: [] }));
    });
    targetUrl = await listen(target);
    proxy = createServer((req, res) => {
      // absolute-form request through the proxy
      proxied.push(`forward ${req.url}`);
      const upstream = httpRequest(req.url!, { method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode!, up.headers);
        up.pipe(res);
      });
      req.pipe(upstream);
    });
    proxy.on('connect', (req, socket, head) => {
      proxied.push(`connect ${req.url}`);
      const [host, port] = req.url!.split(':');
      const upstream = connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
    });
    proxyUrl = await listen(proxy);
  });

  afterAll(async () => {
    target.closeAllConnections();
    proxy.closeAllConnections();
    await Promise.all([new Promise((r) => target.close(r)), new Promise((r) => proxy.close(r))]);
  });

  beforeEach(() => {
    proxied.length = 0;
  });

  function clientWith(env: Record<string, string>): DisClient {
    return new DisClient({
      region: 'cn-north-4',
      projectId: PROJECT,
      endpoint: targetUrl,
      credentials: { authToken: 't' },
      env,
    });
  }

  test('HTTP_PROXY routes requests through the proxy', async () => {
    const client = clientWith({ HTTP_PROXY: proxyUrl });
    await client.listTransferTasks('orders');
    await client.close();
    expect(proxied).toHaveLength(1);
    expect(proxied[0]).toContain(targetUrl.replace('http://', ''));
  });

  test('NO_PROXY bypasses it', async () => {
    const client = clientWith({ HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' });
    await client.listTransferTasks('orders');
    await client.close();
    expect(proxied).toEqual([]);
  });

  test('without proxy variables undici’s global dispatcher is used', () => {
    expect(proxyDispatcher({})).toBeUndefined();
    expect(proxyDispatcher({ https_proxy: proxyUrl })).toBeDefined();
  });
});
