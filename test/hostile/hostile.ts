// The parent side of the hostile server (./server.js, a child process): start it, arm a script of
// misbehaviour for the next case, read what reached it. Also the canary credentials every case
// uses, and the search of every output for them.
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { inspect } from 'node:util';

/** One scripted answer (see server.js for what each kind does). */
export type Step =
  | {
      readonly kind: 'json';
      readonly status: number;
      readonly body: unknown;
      readonly headers?: Record<string, string>;
    }
  | {
      readonly kind: 'raw';
      readonly status: number;
      readonly text: string;
      readonly headers?: Record<string, string>;
    }
  | { readonly kind: 'tasks'; readonly count: number }
  | {
      readonly kind: 'echo';
      readonly status: number;
      readonly shape: 'native' | 'gateway' | 'keystone';
      readonly into: readonly ('message' | 'code' | 'requestId')[];
      readonly code?: string;
    }
  | { readonly kind: 'redirect'; readonly status: number }
  | { readonly kind: 'reset' | 'hang' | 'truncate' | 'endless' | 'trickle' | 'slowHeaders' | 'garbage' };

/** What the hostile server counted since it was armed. */
export interface HostileStats {
  /** DIS requests (`/v2/…`) that reached it. */
  readonly requests: number;
  /** IAM requests (`/v3/…`). */
  readonly iamRequests: number;
  /** Tunnels opened through the recording proxy. */
  readonly connects: number;
  /** Connections the silent proxy accepted (and never answered). */
  readonly silentConnections: number;
  /** Requests that reached the other origin (redirect targets). */
  readonly other: number;
  /** …of which carried a credential header. */
  readonly otherCredentials: number;
}

/** The server's addresses. */
export interface HostileUrls {
  /** DIS under `/v2`, IAM under `/v3`. */
  readonly dis: string;
  /** Another origin, the target of redirects. */
  readonly other: string;
  /** A recording proxy that tunnels to `dis`. */
  readonly proxy: string;
  /** A proxy that accepts connections and never answers. */
  readonly silent: string;
}

/** A running hostile server. */
export interface HostileServer {
  readonly urls: HostileUrls;
  /** Arms the script of the next case and zeroes the counters (open connections are dropped). */
  arm(script: { steps: readonly Step[]; iamSteps?: readonly Step[]; iamToken?: string }): Promise<void>;
  /** What reached the server since it was armed. */
  stats(): Promise<HostileStats>;
  /** Ends the child process. */
  stop(): Promise<void>;
}

/** Starts ./server.js in a child process. */
export async function startHostileServer(): Promise<HostileServer> {
  const child: ChildProcess = fork(join(__dirname, 'server.js'), [], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(type: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (m: { type: string }) => {
        if (m.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m as T);
      };
      const onExit = (code: number | null) => reject(new Error(`the hostile server exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const { urls } = await next<{ urls: HostileUrls }>('ready');
  return {
    urls,
    async arm(script) {
      const armed = next('armed');
      child.send({ type: 'arm', ...script });
      await armed;
    },
    async stats() {
      const answer = next<{ stats: HostileStats }>('stats');
      child.send({ type: 'stats' });
      return (await answer).stats;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await exited;
    },
  };
}

/** The project every case asks about. */
export const PROJECT = '0123456789abcdef0123456789abcdef';

/**
 * Credential values that must never appear in any output, whatever the server echoes: distinct in
 * every 8 characters, so that a secret masked only in part is found too. The secret key starts with
 * hex digits (a signature directly followed by it once kept most of it), the password holds
 * characters JSON and URLs escape.
 */
export const CANARY = {
  accessKey: 'QZK7TWM2C4N4RYAK0001',
  secretKey: 'deadbeef9f1c-sk-x7q2-c4n4ry-zz8830',
  securityToken: 'st-7u3k-c4n4ry-p0q9w8e7',
  authToken: 'tok-9v2m-c4n4ry-l1k2j3h4',
  userName: 'usr-4r5t-c4n4ry',
  password: 'pw-"q8z1"/c4n4ry-m6n5',
  iamToken: 'iam-3e4r-c4n4ry-b7v6c5x4',
} as const;

/** The environment of each credential kind, the canaries as their values. */
export const CREDENTIAL_ENV = {
  token: { HW_AUTH_TOKEN: CANARY.authToken },
  aksk: {
    HW_ACCESS_KEY: CANARY.accessKey,
    HW_SECRET_KEY: CANARY.secretKey,
    HW_SECURITY_TOKEN: CANARY.securityToken,
  },
  password: { HW_USER_NAME: CANARY.userName, HW_PASSWORD: CANARY.password, HW_DOMAIN_NAME: 'hostile-domain' },
} as const;

/** Every 8-character piece of every canary: what is left of a secret masked only in part. */
function fragments(): string[] {
  const out = new Set<string>();
  for (const value of Object.values(CANARY)) {
    for (let i = 0; i + 8 <= value.length; i++) out.add(value.slice(i, i + 8));
  }
  return [...out];
}

/**
 * Every rendering of a thrown value or a result a user, a log or a terminal can see: message,
 * `String`, JSON, `toJSON()`, `util.inspect` at any depth with hidden properties, the stack, and the
 * cause chain's.
 */
export function renderings(value: unknown): string[] {
  const out = [inspect(value, { depth: Infinity, showHidden: true }), JSON.stringify(value) ?? ''];
  let e = value as
    { message?: unknown; stack?: unknown; toJSON?: () => unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 10; depth++) {
    out.push(String(e), String(e.message ?? ''), String(e.stack ?? ''));
    if (typeof e.toJSON === 'function') out.push(JSON.stringify(e.toJSON()));
    e = e.cause as typeof e;
  }
  return out;
}

/** The canaries (whole or any 8-character piece) and signatures found in `texts`; empty when clean. */
export function leaks(texts: readonly string[]): string[] {
  const found = new Set<string>();
  const pieces = fragments();
  for (const text of texts) {
    for (const value of Object.values(CANARY)) if (text.includes(value)) found.add(value);
    for (const piece of pieces) if (text.includes(piece)) found.add(`…${piece}…`);
    const signature = /Signature(=|%3D)[0-9a-fA-F]{8,}/.exec(text);
    if (signature) found.add(signature[0]);
  }
  return [...found];
}
