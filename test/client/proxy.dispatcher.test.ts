// proxyDispatcher's choices and its dispatcher's life, against sockets on 127.0.0.1: which proxy
// variable wins, HTTP_PROXY for https targets too, no_proxy in lower case, the proxy timeout that
// drops a proxy that never answers CONNECT, and close/destroy in each of their forms (both ways
// closed; the error reaches requests in flight; callbacks called). proxy.test.ts covers the rest.
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { type Dispatcher, request } from 'undici';
import { proxyDispatcher } from '../../src/client/proxy';
import { settleWithin } from './bounded';

/** A proxy that accepts connections, notes the first line of each, and never answers. */
interface SilentProxy {
  readonly url: string;
  readonly lines: string[];
  /** Resolves when a request line has arrived. */
  readonly connected: () => Promise<void>;
  readonly sockets: Set<Socket>;
}

let proxies: SilentProxy[];
let servers: (Server | TcpServer)[];

async function silentProxy(): Promise<SilentProxy> {
  const lines: string[] = [];
  const sockets = new Set<Socket>();
  let arrived: () => void = () => undefined;
  let first = new Promise<void>((resolve) => (arrived = resolve));
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (chunk: Buffer) => {
      lines.push(chunk.toString('latin1').split('\r\n')[0]);
      arrived();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxy = {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    lines,
    sockets,
    connected: () => first.then(() => void (first = new Promise<void>((resolve) => (arrived = resolve)))),
  };
  proxies.push(proxy);
  return proxy;
}

/** An HTTP server on 127.0.0.1 that takes requests and never answers; resolves to its base URL. */
async function silentServer(): Promise<{ url: string; received: Promise<void> }> {
  let received: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (received = resolve));
  const server = createHttpServer(() => received());
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/x`, received: arrived };
}

/** What a request through `dispatcher` ends with (it is not expected to succeed). */
function attempt(url: string, dispatcher: Dispatcher): Promise<unknown> {
  return request(url, { dispatcher }).then(
    () => 'answered',
    (error: unknown) => error,
  );
}

beforeEach(() => {
  proxies = [];
  servers = [];
});
afterEach(async () => {
  for (const proxy of proxies) for (const socket of proxy.sockets) socket.destroy();
  for (const server of servers) {
    if ('closeAllConnections' in server) server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('which proxy a request takes', () => {
  test.each([
    [
      'HTTP_PROXY alone carries https targets too',
      (a: string) => ({ HTTP_PROXY: a }),
      'https://remote.test/x',
      'CONNECT remote.test:443',
    ],
    [
      'HTTPS_PROXY wins over https_proxy',
      (a: string, b: string) => ({ https_proxy: b, HTTPS_PROXY: a }),
      'https://remote.test/x',
      'CONNECT remote.test:443',
    ],
    [
      'HTTP_PROXY wins over http_proxy',
      (a: string, b: string) => ({ http_proxy: b, HTTP_PROXY: a }),
      'http://remote.test:8080/x',
      'CONNECT remote.test:8080',
    ],
  ])('%s', async (_what, env, url, line) => {
    const [a, b] = [await silentProxy(), await silentProxy()];
    const dispatcher = proxyDispatcher(env(a.url, b.url))!;
    const result = attempt(url, dispatcher);
    await settleWithin(a.connected(), 10_000, `no request reached ${a.url}`);
    await dispatcher.destroy();
    await result;
    expect(a.lines).toStrictEqual([`${line} HTTP/1.1`]);
    expect(b.lines).toStrictEqual([]);
  });

  test('no_proxy in lower case sends a listed host direct', async () => {
    const proxy = await silentProxy();
    const dispatcher = proxyDispatcher({ HTTP_PROXY: proxy.url, no_proxy: 'remote.test' }, 200)!;
    // direct, the made-up name does not resolve: the request fails, and the proxy saw nothing
    await settleWithin(attempt('http://remote.test/x', dispatcher), 20_000, 'the direct request did not end');
    await dispatcher.destroy();
    expect(proxy.lines).toStrictEqual([]);
  });

  test('a proxy that never answers CONNECT is dropped after proxyTimeoutMs', async () => {
    const proxy = await silentProxy();
    const dispatcher = proxyDispatcher({ HTTPS_PROXY: proxy.url }, 200)!;
    const error = await settleWithin(
      attempt('https://remote.test/x', dispatcher),
      10_000,
      'the request still waited for the proxy 10 s after its 200 ms proxy timeout',
    );
    expect(error).toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT' });
    await dispatcher.destroy();
  });
});

describe('closing the dispatcher', () => {
  const refused = { code: expect.stringMatching(/^UND_ERR_(CLOSED|DESTROYED)$/) };

  test('close() resolves, and afterwards requests are refused both ways (loopback and proxied)', async () => {
    const dispatcher = proxyDispatcher({ HTTPS_PROXY: 'http://127.0.0.1:9' })!;
    await expect(dispatcher.close()).resolves.toBeUndefined();
    expect(await attempt('http://127.0.0.1:9/x', dispatcher)).toMatchObject(refused);
    expect(await attempt('https://remote.test/x', dispatcher)).toMatchObject(refused);
  });

  test('close(callback) calls the callback, and afterwards a proxied request is refused', async () => {
    const dispatcher = proxyDispatcher({ HTTPS_PROXY: 'http://127.0.0.1:9' })!;
    await settleWithin(
      new Promise<void>((resolve) => dispatcher.close(resolve)),
      10_000,
      'close never called back',
    );
    expect(await attempt('https://remote.test/x', dispatcher)).toMatchObject(refused);
  });

  test('destroy() resolves, and afterwards requests are refused both ways', async () => {
    const dispatcher = proxyDispatcher({ HTTPS_PROXY: 'http://127.0.0.1:9' })!;
    await expect(dispatcher.destroy()).resolves.toBeUndefined();
    expect(await attempt('http://127.0.0.1:9/x', dispatcher)).toMatchObject(refused);
    expect(await attempt('https://remote.test/x', dispatcher)).toMatchObject(refused);
  });

  test('destroy(error) ends a request in flight with that error', async () => {
    const server = await silentServer();
    const dispatcher = proxyDispatcher({ HTTPS_PROXY: 'http://127.0.0.1:9' })!;
    const result = attempt(server.url, dispatcher);
    await settleWithin(server.received, 10_000, 'the request never reached the server');
    const reason = new Error('shutting down');
    await dispatcher.destroy(reason);
    expect(await result).toBe(reason);
  });

  test('destroy(error, callback) ends a request in flight with that error and calls the callback', async () => {
    const server = await silentServer();
    const dispatcher = proxyDispatcher({ HTTPS_PROXY: 'http://127.0.0.1:9' })!;
    const result = attempt(server.url, dispatcher);
    await settleWithin(server.received, 10_000, 'the request never reached the server');
    const reason = new Error('shutting down');
    await settleWithin(
      new Promise<void>((resolve) => dispatcher.destroy(reason, resolve)),
      10_000,
      'destroy never called back',
    );
    expect(await result).toBe(reason);
  });

  test('destroy(callback) calls the callback once, and a request in flight ends as destroyed', async () => {
    const server = await silentServer();
    const dispatcher = proxyDispatcher({ HTTPS_PROXY: 'http://127.0.0.1:9' })!;
    const result = attempt(server.url, dispatcher);
    await settleWithin(server.received, 10_000, 'the request never reached the server');
    let calls = 0;
    await settleWithin(
      new Promise<void>((resolve) => dispatcher.destroy(() => (calls++, resolve()))),
      10_000,
      'destroy never called back',
    );
    expect(await result).toMatchObject({ code: 'UND_ERR_DESTROYED' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toBe(1);
  });
});
