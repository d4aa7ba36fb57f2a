import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { AttemptFailure, MAX_BODY_BYTES, sendAttempt } from '../../src/client/transport';

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
    // the attempt's timer on jest's fake clock, moved past the timeout once the headers arrived:
    // the timeout then falls in the body, however slowly the machine got there
    jest.useFakeTimers({
      doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'hrtime', 'performance', 'Date'],
    });
    const onHeaders = () => setImmediate(() => jest.advanceTimersByTime(100));
    subscribe('undici:request:headers', onHeaders);
    try {
      const error = await send(100).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AttemptFailure);
      expect(error).toMatchObject({ causeCode: 'ATTEMPT_TIMEOUT', status: 200 });
    } finally {
      unsubscribe('undici:request:headers', onHeaders);
      jest.useRealTimers();
    }
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

describe('sendAttempt and the call signal', () => {
  let server: Server;
  let base: URL;
  beforeAll(async () => {
    // answers nothing: every request waits until the client gives up
    server = createServer(() => undefined);
    base = new URL(`${await listen(server)}/x`);
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  test.each([
    ['the deadline', 'DIS_CLIENT_DEADLINE', 'DEADLINE_EXCEEDED'],
    ['the caller', new Error('stop'), 'ABORTED'],
  ])('aborting the signal (%s) ends the attempt with its cause', async (_who, reason, causeCode) => {
    const controller = new AbortController();
    // aborted once the request has reached the server (which never answers)
    server.once('request', () => controller.abort(reason));
    const attempt = sendAttempt({
      method: 'GET',
      url: base,
      headers: {},
      timeoutMs: 60_000,
      signal: controller.signal,
    });
    await expect(attempt).rejects.toMatchObject({ causeCode });
  });

  test('an already aborted signal sends nothing', async () => {
    const before = await new Promise<number>((resolve) => server.getConnections((_e, n) => resolve(n)));
    await expect(
      sendAttempt({ method: 'GET', url: base, headers: {}, timeoutMs: 1000, signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ causeCode: 'ABORTED' });
    expect(await new Promise<number>((resolve) => server.getConnections((_e, n) => resolve(n)))).toBe(before);
  });
});
