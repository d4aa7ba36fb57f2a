import { DisEmulator } from '../../src/emulator/dis-emulator';
import { EmulatorFaultError } from '../../src/emulator/errors';
import { FaultInjector } from '../../src/emulator/faults';
import { call, DEMO } from './http-call';

const LIST = `/v2/${DEMO.projectId}/streams/orders/transfer-tasks`;
const TOKEN = { 'X-Auth-Token': DEMO.token };

describe('fault injection over HTTP', () => {
  let emu: DisEmulator;
  beforeAll(async () => {
    emu = await DisEmulator.start();
  });
  beforeEach(() => emu.reset());
  afterAll(() => emu.stop());

  const list = () => call(emu.url, 'GET', LIST, { headers: TOKEN });

  it('throttles with 429 APIGW.0308 and Retry-After', async () => {
    await emu.injectFault({ kind: 'throttle', retryAfterSeconds: 3 });
    const res = await list();
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('3');
    expect(res.json).toMatchObject({ error_code: 'APIGW.0308', request_id: res.headers['x-request-id'] });
  });

  it.each([500, 502, 503, 504])('answers %i with a gateway error body', async (status) => {
    await emu.injectFault({ kind: 'serverError', status });
    const res = await list();
    expect(res.status).toBe(status);
    expect(res.json).toMatchObject({ error_code: expect.stringMatching(/^APIGW\./) });
  });

  it('throttles DIS-style with 400 DIS.4303', async () => {
    await emu.injectFault({ kind: 'disThrottle' });
    const res = await list();
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ errorCode: 'DIS.4303', message: 'Exceeded traffic control limit.' });
  });

  it('fires only on the given request numbers of its route, counted from injection', async () => {
    await list();
    await emu.injectFault({ kind: 'serverError', route: 'ListTransferTasks', onRequests: [2, 3] });
    await call(emu.url, 'GET', `/v2/${DEMO.projectId}/streams`, { headers: TOKEN }); // another route: not counted
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await list()).status);
    expect(statuses).toEqual([200, 503, 503, 200]);
    expect((await emu.requestLog()).filter((e) => e.fault === 'serverError')).toHaveLength(2);
  });

  it('fires with a seeded probability: the same seed picks the same requests', async () => {
    const run = async () => {
      await emu.reset();
      await emu.injectFault({ kind: 'serverError', probability: 0.5, seed: 42 });
      const statuses = [];
      for (let i = 0; i < 20; i++) statuses.push((await list()).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });

  it('stops after `times` and is gone after clearFaults', async () => {
    await emu.injectFault({ kind: 'disThrottle', times: 1 });
    expect((await list()).status).toBe(400);
    expect((await list()).status).toBe(200);
    await emu.injectFault({ kind: 'disThrottle' });
    await emu.clearFaults();
    expect((await list()).status).toBe(200);
  });

  it('adds latency, then answers normally', async () => {
    await emu.injectFault({ kind: 'latency', latencyMs: 50 });
    const res = await list();
    expect(res.status).toBe(200);
    expect((await emu.requestLog())[0]).toMatchObject({ fault: 'latency', status: 200 });
  });

  it('resets the connection', async () => {
    await emu.injectFault({ kind: 'connectionReset' });
    await expect(list()).rejects.toMatchObject({ code: expect.stringMatching(/ECONNRESET|UND_ERR_SOCKET/) });
    expect((await emu.requestLog())[0]).toMatchObject({ status: 0, fault: 'connectionReset' });
  });

  it('truncates the body below its Content-Length', async () => {
    await emu.injectFault({ kind: 'truncatedBody' });
    await expect(list()).rejects.toThrow();
  });

  it('leaves a response open forever (until the client gives up)', async () => {
    await emu.injectFault({ kind: 'hang' });
    const { request } = await import('undici');
    await expect(
      request(`${emu.url}${LIST}`, { headers: TOKEN, bodyTimeout: 200 }).then((r) => r.body.text()),
    ).rejects.toMatchObject({ code: 'UND_ERR_BODY_TIMEOUT' });
  });

  it('sends a body that is not JSON', async () => {
    await emu.injectFault({ kind: 'invalidJson' });
    const res = await list();
    expect(res.status).toBe(200);
    expect(() => JSON.parse(res.text)).toThrow();
  });

  it('sends the right fields with the wrong types', async () => {
    await emu.injectFault({ kind: 'wrongTypes' });
    const res = await list();
    expect(res.json).toMatchObject({ total_number: '1', tasks: [{ task_name: 42 }] });
  });

  it('sends an oversized body of the requested size', async () => {
    await emu.injectFault({ kind: 'oversizedBody', oversizedBytes: 2 * 1024 * 1024 });
    const res = await list();
    expect(Buffer.byteLength(res.text)).toBe(2 * 1024 * 1024);
    expect(res.json).toMatchObject({ total_number: 0 });
  });

  it('applies faults before authentication, as the gateway throttles first', async () => {
    await emu.injectFault({ kind: 'throttle' });
    expect((await call(emu.url, 'GET', LIST)).status).toBe(429);
  });

  it('refuses an invalid fault with the bad field', async () => {
    await expect(emu.injectFault({ kind: 'explode' as never })).rejects.toThrow(EmulatorFaultError);
    await expect(emu.injectFault({ kind: 'serverError', status: 418 })).rejects.toMatchObject({
      code: 'DIS_EMULATOR_FAULT_INVALID',
      message: expect.stringContaining('status'),
    });
    await expect(emu.injectFault({ kind: 'latency', onRequests: [1], probability: 0.5 })).rejects.toThrow(
      /either onRequests or probability/,
    );
  });

  it('arms faults given at start', async () => {
    const other = await DisEmulator.start({ faults: [{ kind: 'disThrottle', onRequests: [1] }] });
    try {
      expect((await call(other.url, 'GET', LIST, { headers: TOKEN })).status).toBe(400);
      expect((await call(other.url, 'GET', LIST, { headers: TOKEN })).status).toBe(200);
    } finally {
      await other.stop();
    }
  });
});

describe('FaultInjector', () => {
  it('fires nothing when empty', () => {
    expect(new FaultInjector().next('ListTransferTasks')).toBeUndefined();
  });

  it('lets the first firing fault win while still counting requests for the others', () => {
    const f = new FaultInjector();
    f.inject({ kind: 'disThrottle', onRequests: [1] });
    f.inject({ kind: 'throttle', onRequests: [1, 2] });
    expect(f.next('ListStreams')?.kind).toBe('disThrottle');
    expect(f.next('ListStreams')?.kind).toBe('throttle');
    expect(f.next('ListStreams')).toBeUndefined();
  });

  it('matches a fault to its route only', () => {
    const f = new FaultInjector();
    f.inject({ kind: 'hang', route: 'ShowTransferTask' });
    expect(f.next('ListTransferTasks')).toBeUndefined();
    expect(f.next('ShowTransferTask')?.kind).toBe('hang');
  });

  it('draws probabilities from its seed, so two injectors agree', () => {
    const draws = (seed: number) => {
      const f = new FaultInjector();
      f.inject({ kind: 'serverError', probability: 0.3, seed });
      return Array.from({ length: 50 }, () => f.next('ListStreams') !== undefined);
    };
    expect(draws(7)).toEqual(draws(7));
    expect(draws(7)).not.toEqual(draws(8));
    const hits = draws(7).filter(Boolean).length;
    expect(hits).toBeGreaterThan(5);
    expect(hits).toBeLessThan(30);
  });
});
