// Fault injection: the faults a test can arm (kinds, options, validation), the injector that
// decides request by request which one fires, and the responses each kind sends.
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { EmulatorFaultError } from './errors';
import { formatPath } from './load-scenario';
import {
  backendError,
  disError,
  gatewayError,
  send,
  type BackendFailureStatus,
  type EmulatorResponse,
} from './responses';
import { ROUTE_IDS, type RouteId } from './routes';

/** What an injected fault does to a response. */
export const FAULT_KINDS = [
  /** Answer normally after `latencyMs`. */
  'latency',
  /** API gateway throttling: 429, `APIGW.0308`, `Retry-After`. */
  'throttle',
  /** 500, 502, 503 or 504 (set `status`) with a gateway error body. */
  'serverError',
  /** DIS traffic control: 400 `DIS.4303`. */
  'disThrottle',
  /** Destroy the connection without answering. */
  'connectionReset',
  /** Send headers and part of the body, then never end. */
  'hang',
  /** Announce a Content-Length, send half the body, close. */
  'truncatedBody',
  /** 200 with a body that is not JSON. */
  'invalidJson',
  /** 200 with the right fields holding the wrong types. */
  'wrongTypes',
  /** 200 with a body of `oversizedBytes` bytes. */
  'oversizedBody',
] as const;

/** One of {@link FAULT_KINDS}. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * A fault to inject. With neither `onRequests` nor `probability` it fires on every matching request
 * (up to `times`).
 */
export interface EmulatorFault {
  /** What the fault does. */
  readonly kind: FaultKind;
  /**
   * The operation it applies to (`ListTransferTasks`, …) or `*`.
   * @default '*'
   */
  readonly route?: string;
  /**
   * Fire on these matching requests, counted from 1 since the fault was injected.
   * @default every matching request
   */
  readonly onRequests?: number[];
  /**
   * Fire with this probability (0-1), drawn from a generator seeded with `seed`.
   * @default always
   */
  readonly probability?: number;
  /**
   * Seed of the probability draw.
   * @default 1
   */
  readonly seed?: number;
  /**
   * Fire at most this many times.
   * @default unlimited
   */
  readonly times?: number;
  /**
   * Delay before answering, for `latency` (and added to any other kind).
   * @default 0
   */
  readonly latencyMs?: number;
  /**
   * Status of a `serverError`.
   * @default 503
   */
  readonly status?: number;
  /**
   * `Retry-After` of a `throttle`, seconds.
   * @default 1
   */
  readonly retryAfterSeconds?: number;
  /**
   * Body size of an `oversizedBody`, bytes.
   * @default 16 MiB
   */
  readonly oversizedBytes?: number;
}

/** A validated fault: an {@link EmulatorFault} with its defaults applied. */
export interface ActiveFault extends EmulatorFault {
  /** The operation it applies to, or `*`. */
  readonly route: string;
  /** Seed of the probability draw. */
  readonly seed: number;
  /** Delay before answering, milliseconds. */
  readonly latencyMs: number;
  /** Status of a `serverError`. */
  readonly status: BackendFailureStatus;
  /** `Retry-After` of a `throttle`, seconds. */
  readonly retryAfterSeconds: number;
  /** Body size of an `oversizedBody`, bytes. */
  readonly oversizedBytes: number;
}

/**
 * Checks an {@link EmulatorFault} and applies its defaults. Typed with both shapes, so that the
 * schema and the hand-written types cannot drift apart.
 */
const FaultSchema: z.ZodType<ActiveFault, EmulatorFault> = z
  .strictObject({
    kind: z.enum(FAULT_KINDS),
    route: z.union([z.enum(ROUTE_IDS as [string, ...string[]]), z.literal('*')]).default('*'),
    onRequests: z.array(z.number().int().positive()).optional(),
    probability: z.number().min(0).max(1).optional(),
    seed: z.number().int().default(1),
    times: z.number().int().positive().optional(),
    latencyMs: z.number().int().min(0).max(600_000).default(0),
    status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).default(503),
    retryAfterSeconds: z.number().int().min(0).default(1),
    oversizedBytes: z
      .number()
      .int()
      .positive()
      .max(256 * 1024 * 1024)
      .default(16 * 1024 * 1024),
  })
  .refine((f) => !(f.onRequests && f.probability !== undefined), {
    message: 'give either onRequests or probability, not both',
  });

interface Armed {
  readonly fault: ActiveFault;
  readonly random: () => number;
  seen: number;
  fired: number;
}

/** Holds the injected faults and decides, request by request, which one (if any) fires. */
export class FaultInjector {
  private armed: Armed[] = [];

  /** Validates and arms a fault. Its request counter starts now. */
  public inject(fault: EmulatorFault): void {
    const parsed = FaultSchema.safeParse(fault);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new EmulatorFaultError(formatPath(issue.path), issue.message);
    }
    this.armed.push({ fault: parsed.data, random: seededRandom(parsed.data.seed), seen: 0, fired: 0 });
  }

  /** Removes every fault. */
  public clear(): void {
    this.armed = [];
  }

  /** The first armed fault that fires for this request, counting the request against each matching fault. */
  public next(route: RouteId | 'unknown'): ActiveFault | undefined {
    let firing: ActiveFault | undefined;
    for (const a of this.armed) {
      if (a.fault.route !== '*' && a.fault.route !== route) continue;
      a.seen++;
      if (firing || (a.fault.times !== undefined && a.fired >= a.fault.times)) continue;
      const hit = a.fault.onRequests
        ? a.fault.onRequests.includes(a.seen)
        : a.fault.probability !== undefined
          ? a.random() < a.fault.probability
          : true;
      if (hit) {
        a.fired++;
        firing = a.fault;
      }
    }
    return firing;
  }
}

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
      return reply(backendError(fault.status));
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

/**
 * A small deterministic random generator (mulberry32): the same seed gives the same sequence,
 * so a probabilistic fault fires on the same requests in every run.
 */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
