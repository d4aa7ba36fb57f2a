import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect } from 'node:net';
import { DisClient } from '../../../src/client/dis-client';
import { proxyDispatcher } from '../../../src/client/transport/proxy-dispatcher';
import { PROJECT } from '../mock-env';

// Real sockets on 127.0.0.1, all async in this thread (no synth-time lookup is involved).
let target: Server;
let proxy: Server;
let targetUrl: string;
let proxyUrl: string;
const proxied: string[] = [];

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`),
    ),
  );
}

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

describe('proxies from the environment', () => {
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
