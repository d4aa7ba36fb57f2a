// DisClient's per-request cost against a bare undici.request to the same loopback server.
// The server runs in a child process so that its work does not share this event loop. Both sides
// read the same ~500-byte ListTransferTasks body over keep-alive connections; rounds alternate
// between them so drift hits both equally. Prints medians, the ratio and the overhead in µs.
const { spawn } = require('node:child_process');
const { URL } = require('node:url');
const { request } = require('undici');
const { DisClient } = require('../lib/client/dis-client');
const { signRequest } = require('../lib/client/signing');

const PROJECT = '0123456789abcdef0123456789abcdef';
const ROUNDS = 15;
const PER_ROUND = 400;

const SERVER = `
const body = JSON.stringify({ total_number: 2, quota: 3, tasks: [
  { task_name: 'orders-to-obs', task_id: 'As805BudhcH1lDs6gbn', state: 'RUNNING', destination_type: 'OBS', create_time: 1606554932552, last_transfer_timestamp: 1606984428612 },
  { task_name: 'orders-to-dli', task_id: 'Bs805BudhcH1lDs6gbn', state: 'RUNNING', destination_type: 'DLI', create_time: 1606554932552, last_transfer_timestamp: 1606984428612 } ] });
const server = require('node:http').createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-request-id': 'bench' });
  res.end(body);
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

function startServer() {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (d) => resolve({ child, port: Number(String(d).trim()) }));
  });
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timeRound(fn) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < PER_ROUND; i++) await fn();
  return Number(process.hrtime.bigint() - start) / 1000 / PER_ROUND; // µs per request
}

async function main() {
  const { child, port } = await startServer();
  try {
    const base = `http://127.0.0.1:${port}`;
    const path = `/v2/${PROJECT}/streams/orders/transfer-tasks`;
    const bare = async () => {
      const res = await request(`${base}${path}`, { headers: { 'content-type': 'application/json' } });
      JSON.parse(await res.body.text());
    };
    const client = new DisClient({
      region: 'cn-north-4',
      projectId: PROJECT,
      endpoint: base,
      credentials: {
        accessKey: 'BENCHAK0000000000000',
        secretKey: 'bench-secret-key-000000000000000000000000',
      },
      env: {},
    });
    const viaClient = () => client.listTransferTasks('orders');
    const url = new URL(`${base}${path}`);
    const credentials = {
      accessKey: 'BENCHAK0000000000000',
      secretKey: 'bench-secret-key-000000000000000000000000',
    };
    const signOnly = async () => {
      signRequest({
        method: 'GET',
        url,
        headers: { 'content-type': 'application/json' },
        credentials,
        projectId: PROJECT,
      });
    };

    for (let i = 0; i < 300; i++) {
      await bare();
      await viaClient();
    }
    const bareTimes = [];
    const clientTimes = [];
    const signTimes = [];
    for (let r = 0; r < ROUNDS; r++) {
      bareTimes.push(await timeRound(bare));
      clientTimes.push(await timeRound(viaClient));
      signTimes.push(await timeRound(signOnly));
    }
    const b = median(bareTimes);
    const c = median(clientTimes);
    const s = median(signTimes);
    console.log(
      `requests: ${ROUNDS} rounds x ${PER_ROUND}, sequential, keep-alive, loopback child-process server`,
    );
    console.log(`baseline  bare undici.request + JSON.parse   ${b.toFixed(1)} µs/request`);
    console.log(`DisClient listTransferTasks (AK/SK signed)   ${c.toFixed(1)} µs/request`);
    console.log(`  of which signRequest alone                 ${s.toFixed(1)} µs`);
    console.log(`ratio DisClient / baseline                    ${(c / b).toFixed(2)}x`);
    console.log(`overhead per request (signing + validation)  ${(c - b).toFixed(1)} µs (target < 300 µs)`);
  } finally {
    child.kill();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
