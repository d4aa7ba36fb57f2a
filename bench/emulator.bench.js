// DIS emulator: startup time and requests per second on loopback, each against a baseline measured
// in the same run — a bare node:http server that returns the same JSON without routing, auth,
// fault checks or logging. Reports ratios; asserts nothing. Runs against lib/ (npm run bench builds).
const { Buffer } = require('node:buffer');
const { createServer } = require('node:http');
const { URL } = require('node:url');
const { performance } = require('node:perf_hooks');
const { Pool, request } = require('undici');
const { DisEmulator, startEmulatorProcess } = require('../lib/emulator');
const { signRequest } = require('../lib/client/signing');

const PROJECT = '0123456789abcdef0123456789abcdef';
const PATH = `/v2/${PROJECT}/streams/orders/transfer-tasks`;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10000);
const ROUNDS = 3;
const CONCURRENCY = 32;

async function bareServer(body) {
  const server = createServer((req, res) => {
    res.writeHead(200, {
      'Content-Type': 'application/json;charset=UTF-8',
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stop: () => new Promise((r) => server.close(r)),
  };
}

async function median(times, fn) {
  const samples = [];
  for (let i = 0; i < times; i++) samples.push(await fn());
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

async function rps(url, headers) {
  const pool = new Pool(url, { connections: CONCURRENCY, pipelining: 1 });
  let sent = 0;
  let failed = 0;
  const worker = async () => {
    while (sent < REQUESTS) {
      sent++;
      const res = await pool.request({ path: PATH, method: 'GET', headers });
      await res.body.text();
      if (res.statusCode !== 200) failed++;
    }
  };
  for (let i = 0; i < 500; i++)
    await (await pool.request({ path: PATH, method: 'GET', headers })).body.text(); // warm-up
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - start) / 1000;
  await pool.close();
  if (failed > 0) throw new Error(`${failed} requests failed`);
  return REQUESTS / seconds;
}

const fmt = (n, d = 1) => n.toFixed(d);

(async () => {
  const probe = await DisEmulator.start();
  const probed = await request(`${probe.url}${PATH}`, { headers: { 'X-Auth-Token': 'demo-token-0000' } });
  const body = await probed.body.text();
  await probe.stop();

  const bareStart = await median(5, async () => {
    const t = performance.now();
    const s = await bareServer(body);
    const ms = performance.now() - t;
    await s.stop();
    return ms;
  });
  const emuStart = await median(5, async () => {
    const t = performance.now();
    const e = await DisEmulator.start();
    const ms = performance.now() - t;
    await e.stop();
    return ms;
  });
  const childStart = await median(3, async () => {
    const t = performance.now();
    const e = await startEmulatorProcess();
    const ms = performance.now() - t;
    await e.stop();
    return ms;
  });
  console.log(
    `startup, median: bare http ${fmt(bareStart, 2)} ms | DisEmulator.start ${fmt(emuStart, 2)} ms (x${fmt(emuStart / bareStart)}) | startEmulatorProcess ${fmt(childStart)} ms (x${fmt(childStart / bareStart)})`,
  );

  // The three servers run side by side and are measured in interleaved rounds, so that load from
  // elsewhere on the machine hits all three alike; the median round counts.
  const bare = await bareServer(body);
  const emu = await DisEmulator.start();
  const url = new URL(`${emu.url}${PATH}`);
  // One signature reused for every request (valid for 15 minutes): the emulator still verifies each.
  const signed = signRequest({
    method: 'GET',
    url,
    headers: { 'content-type': 'application/json' },
    projectId: PROJECT,
    credentials: {
      accessKey: 'DEMOAK0000000000000A',
      secretKey: 'demo-secret-key-0000000000000000000000000',
    },
  });
  const rounds = { bare: [], token: [], aksk: [] };
  for (let i = 0; i < ROUNDS; i++) {
    rounds.bare.push(await rps(bare.url, {}));
    rounds.token.push(await rps(emu.url, { 'X-Auth-Token': 'demo-token-0000' }));
    rounds.aksk.push(await rps(emu.url, signed));
    await emu.reset(); // the request log would otherwise grow across rounds
  }
  await bare.stop();
  await emu.stop();
  const mid = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const bareRps = mid(rounds.bare);
  const tokenRps = mid(rounds.token);
  const akskRps = mid(rounds.aksk);

  console.log(
    `requests/s, median of ${ROUNDS} rounds of ${REQUESTS} GETs over ${CONCURRENCY} connections: bare http ${fmt(bareRps, 0)}`,
  );
  console.log(`  emulator, X-Auth-Token ${fmt(tokenRps, 0)} (x${fmt(tokenRps / bareRps, 2)} of bare)`);
  console.log(
    `  emulator, AK/SK verified per request ${fmt(akskRps, 0)} (x${fmt(akskRps / bareRps, 2)} of bare)`,
  );
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
