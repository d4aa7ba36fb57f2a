// The hostile server of test/hostile: a child process (forked by hostile.ts) that serves scripted
// misbehaviour over real HTTP on 127.0.0.1. Plain JavaScript, so that it runs without a build.
//
// It listens on four ports:
// - dis:     DIS under /v2 (each request answered by the armed step for its number) and IAM under
//            /v3 (a password token whose value is the armed `iamToken`, or the armed `iamSteps`);
// - other:   another origin, for redirects; it counts what reaches it and whether credentials did;
// - proxy:   a recording proxy: it tunnels every CONNECT to `dis` and counts them;
// - silent:  a proxy that accepts connections and never answers.
//
// Parent → child: { type: 'arm', steps, iamSteps?, iamToken? } → { type: 'armed' }
//                 { type: 'stats' } → { type: 'stats', stats }
// Child → parent on start: { type: 'ready', urls }
'use strict';

const { Buffer } = require('node:buffer');
const http = require('node:http');
const net = require('node:net');
const { clearInterval, setInterval, setTimeout } = require('node:timers');
const { URL } = require('node:url');

let armed = { steps: [{ kind: 'json', status: 200, body: { total_number: 0, tasks: [] } }] };
let stats = fresh();
const sockets = new Set();

function fresh() {
  return { requests: 0, iamRequests: 0, connects: 0, silentConnections: 0, other: 0, otherCredentials: 0 };
}

/** Every header and the body of a request, as one string: what an echoing server sends back. */
function echoOf(req, body) {
  return `${JSON.stringify(req.headers)} ${req.method} ${req.url} ${body}`;
}

function sendJson(res, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function tasks(count) {
  const list = [];
  for (let i = 0; i < count; i++) {
    list.push({ task_name: `t${i}`, state: 'RUNNING', destination_type: 'OBS', create_time: i });
  }
  return { total_number: count, tasks: list };
}

/** Answers one request with one scripted step. */
function play(step, req, res, body, urls) {
  switch (step.kind) {
    case 'json':
      return sendJson(res, step.status, step.body, step.headers);
    case 'raw':
      res.writeHead(step.status, step.headers || {});
      return res.end(step.text);
    case 'tasks':
      return sendJson(res, 200, tasks(step.count));
    case 'echo': {
      const text = echoOf(req, body);
      const into = step.into;
      const headers = into.includes('requestId')
        ? { 'x-request-id': text.replace(/[^\x20-\x7e]/g, '?') }
        : {};
      const code = into.includes('code') ? text : step.code;
      const message = into.includes('message') ? text : 'refused';
      const shapes = {
        native: { errorCode: code, message },
        gateway: {
          error_code: code,
          error_msg: message,
          request_id: into.includes('requestId') ? text : 'r',
        },
        keystone: { error: { code, message, title: 'Unauthorized' } },
      };
      return sendJson(res, step.status, shapes[step.shape], headers);
    }
    case 'reset':
      return req.socket.destroy();
    case 'hang':
      return undefined;
    case 'truncate':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      return res.write('{"total_number":', () => setTimeout(() => req.socket.destroy(), 20));
    case 'endless': {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"total_number":0,"tasks":[],"padding":"');
      const chunk = 'x'.repeat(64 * 1024);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      return pump();
    }
    case 'trickle': {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 100);
      return req.socket.once('close', () => clearInterval(timer));
    }
    case 'slowHeaders': {
      const socket = req.socket;
      socket.write('HTTP/1.1 200 OK\r\n');
      const timer = setInterval(
        () => (socket.destroyed ? clearInterval(timer) : socket.write('x-slow: 1\r\n')),
        100,
      );
      return socket.once('close', () => clearInterval(timer));
    }
    case 'garbage':
      req.socket.write('THIS IS NOT HTTP AT ALL\r\n\r\n\u0000\u001b[2J');
      return req.socket.destroy();
    case 'redirect':
      res.writeHead(step.status, { location: `${urls.other}${req.url}` });
      return res.end();
    default:
      return sendJson(res, 500, { error: `unknown step ${step.kind}` });
  }
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

function track(server) {
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return server;
}

function listen(server) {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)),
  );
}

async function main() {
  const urls = {};
  const dis = track(
    http.createServer(async (req, res) => {
      const body = await readBody(req);
      if (req.url.startsWith('/v3/')) {
        stats.iamRequests++;
        const iamSteps = armed.iamSteps;
        if (iamSteps)
          return play(iamSteps[Math.min(stats.iamRequests, iamSteps.length) - 1], req, res, body, urls);
        const token = {
          expires_at: '2999-01-01T00:00:00.000000Z',
          project: { id: '0123456789abcdef0123456789abcdef' },
        };
        return sendJson(res, 201, { token }, { 'x-subject-token': armed.iamToken || 'iam-token' });
      }
      stats.requests++;
      const steps = armed.steps;
      return play(steps[Math.min(stats.requests, steps.length) - 1], req, res, body, urls);
    }),
  );
  const other = track(
    http.createServer((req, res) => {
      stats.other++;
      if (req.headers.authorization || req.headers['x-auth-token'] || req.headers['x-security-token']) {
        stats.otherCredentials++;
      }
      sendJson(res, 200, { total_number: 0, tasks: [] });
    }),
  );
  const proxy = track(http.createServer((_req, res) => res.writeHead(405).end()));
  proxy.on('connect', (req, socket, head) => {
    stats.connects++;
    const port = Number(new URL(urls.dis).port);
    const upstream = net.connect(port, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  const silent = track(
    net.createServer((socket) => {
      stats.silentConnections++;
      socket.on('data', () => undefined);
      socket.on('error', () => undefined);
    }),
  );
  urls.dis = await listen(dis);
  urls.other = await listen(other);
  urls.proxy = await listen(proxy);
  urls.silent = await listen(silent);
  process.on('message', (message) => {
    if (message.type === 'arm') {
      for (const socket of sockets) socket.destroy();
      armed = message;
      stats = fresh();
      process.send({ type: 'armed' });
    } else if (message.type === 'stats') {
      process.send({ type: 'stats', stats });
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send({ type: 'ready', urls });
}

void main();
