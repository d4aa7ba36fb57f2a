import { MockAgent } from 'undici';
import type { DisClientOptions } from '../../src/client/dis-client-options';

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
