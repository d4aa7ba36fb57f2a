import { MockAgent } from 'undici';
import type { DisClientOptions } from '../../src/client/dis-client';

/** The demo project id and an AK/SK for unit tests. */
export const PROJECT = '0123456789abcdef0123456789abcdef';
export const DIS = 'https://dis.cn-north-4.myhuaweicloud.com';
export const IAM = 'https://iam.cn-north-4.myhuaweicloud.com';
export const AKSK_ENV = {
  HW_REGION_NAME: 'cn-north-4',
  HW_PROJECT_ID: PROJECT,
  HW_ACCESS_KEY: 'UNITAK00000000000001',
  HW_SECRET_KEY: 'unit-secret-key-0000000000000000000000000',
};

/** A MockAgent that refuses the network, and client options that use it with instant retries. */
export function mockSetup(env: Record<string, string | undefined> = AKSK_ENV): {
  agent: MockAgent;
  sleeps: number[];
  options: DisClientOptions;
} {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const sleeps: number[] = [];
  const options: DisClientOptions = {
    env,
    dispatcher: agent,
    retry: {
      random: () => 0.5,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
  };
  return { agent, sleeps, options };
}

/** The transfer-tasks path of a stream in the unit-test project. */
export function tasksPath(stream: string): string {
  return `/v2/${PROJECT}/streams/${stream}/transfer-tasks`;
}

/** Request headers as undici's MockAgent hands them to a reply function. */
export type SeenHeaders = Record<string, string>;

/**
 * Answers ListTransferTasks of `stream` on the mock DIS endpoint with `data` (`times` times) and
 * returns the list the headers of each request are recorded in.
 */
export function recordTaskRequests(
  agent: MockAgent,
  stream: string,
  data: object,
  options: { headers?: Record<string, string>; times?: number } = {},
): SeenHeaders[] {
  const seen: SeenHeaders[] = [];
  agent
    .get(DIS)
    .intercept({ path: tasksPath(stream), method: 'GET' })
    .reply((req) => {
      seen.push(req.headers as SeenHeaders);
      return { statusCode: 200, data, responseOptions: { headers: options.headers ?? {} } };
    })
    .times(options.times ?? 1);
  return seen;
}
