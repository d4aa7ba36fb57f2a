import type { ServerResponse } from 'node:http';
import type { ActiveFault } from './fault-injector';
import { disError, gatewayError, send, type EmulatorResponse } from './http-response';

const SERVER_ERROR_CODES = {
  500: 'APIGW.0201',
  502: 'APIGW.0202',
  503: 'APIGW.0203',
  504: 'APIGW.0204',
} as const;

/** A 200 body whose fields exist but hold the wrong types. */
const WRONG_TYPES = {
  total_number: '1',
  quota: 'five',
  tasks: [{ task_name: 42, state: true, destination_type: null, create_time: 'yesterday' }],
};

/**
 * Writes the response a fault calls for and returns the status sent (0 when no complete response
 * was sent), or `undefined` when the fault only delays and the request should be served normally.
 */
export function applyFault(fault: ActiveFault, res: ServerResponse, requestId: string): number | undefined {
  const reply = (r: EmulatorResponse) => {
    send(res, requestId, r);
    return r.status;
  };
  switch (fault.kind) {
    case 'latency':
      return undefined;
    case 'throttle':
      return reply(gatewayError('APIGW.0308', '20', { 'Retry-After': String(fault.retryAfterSeconds) }));
    case 'serverError':
      return reply(gatewayError(SERVER_ERROR_CODES[fault.status]));
    case 'disThrottle':
      return reply(disError('DIS.4303'));
    case 'connectionReset':
      res.socket?.destroy();
      return 0;
    case 'hang':
      res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8', 'X-Request-Id': requestId });
      res.write('{"total_number":');
      return 0;
    case 'truncatedBody': {
      const text = JSON.stringify({ total_number: 0, quota: 5, tasks: [] });
      res.writeHead(200, {
        'Content-Type': 'application/json;charset=UTF-8',
        'Content-Length': text.length,
        'X-Request-Id': requestId,
      });
      res.write(text.slice(0, text.length >> 1), () => res.socket?.destroy());
      return 0;
    }
    case 'invalidJson':
      return raw(res, requestId, '{"total_number":1,"tasks":[{"task_name":');
    case 'wrongTypes':
      return reply({ status: 200, body: WRONG_TYPES });
    case 'oversizedBody': {
      const head = '{"total_number":0,"tasks":[],"padding":"';
      const pad = Math.max(0, fault.oversizedBytes - head.length - 2);
      return raw(res, requestId, `${head}${'x'.repeat(pad)}"}`);
    }
  }
}

function raw(res: ServerResponse, requestId: string, text: string): number {
  res.writeHead(200, {
    'Content-Type': 'application/json;charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Request-Id': requestId,
  });
  res.end(text);
  return 200;
}
