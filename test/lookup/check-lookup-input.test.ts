import { TerraformStack, Testing } from 'cdktf';
import { DisError } from '../../src/client/errors';
import { DisProjectTransferTasks } from '../../src/lookup/dis-project-transfer-tasks';
import { DisTransferTasks } from '../../src/lookup/dis-transfer-tasks';
import { resolveLookupSettings } from '../../src/lookup/lookup-settings';
import { MemoryContextStore } from '../../src/lookup/context-store';
import { PROJECT_ID, REGION } from './helpers/demo-tasks';

// An endpoint nothing listens on: were a request sent, the lookup would fail with
// DIS_LOOKUP_FAILED (a network error), not with the DIS_LOOKUP_CONFIG these tests expect.
const UNREACHABLE = { endpoint: 'http://127.0.0.1:9', credentials: { authToken: 'never-sent-token' } };

function stack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'stack');
}

function thrown(create: () => unknown): DisError {
  try {
    create();
  } catch (e) {
    if (DisError.isDisError(e)) return e;
    throw e;
  }
  throw new Error('expected the lookup to throw');
}

describe('lookup inputs are checked before any cache read or request', () => {
  test('a stream name outside the API rule names the construct, the value and the rule', () => {
    const error = thrown(
      () =>
        new DisTransferTasks(stack(), 'Orders', {
          streamName: 'orders stream!',
          region: REGION,
          projectId: PROJECT_ID,
          contextStore: new MemoryContextStore(),
          ...UNREACHABLE,
        }),
    );
    expect(error.code).toBe('DIS_LOOKUP_CONFIG');
    expect(error.message).toBe(
      `[stack/Orders] streamName 'orders stream!' is not valid: it must be 1-60 characters of letters, digits, "_" and "-".`,
    );
    expect(error.details).toMatchObject({ constructPath: 'stack/Orders', field: 'streamName' });
  });

  test('a stream name longer than 60 characters is refused', () => {
    const error = thrown(
      () =>
        new DisTransferTasks(stack(), 'Long', {
          streamName: 'x'.repeat(61),
          region: REGION,
          projectId: PROJECT_ID,
          contextStore: new MemoryContextStore(),
        }),
    );
    expect(error.code).toBe('DIS_LOOKUP_CONFIG');
    expect(error.message).toContain('streamName');
  });

  test('a project id of the wrong shape is refused with its field named', () => {
    const error = thrown(
      () =>
        new DisTransferTasks(stack(), 'Orders', {
          streamName: 'orders',
          region: REGION,
          projectId: 'not/a/project',
          contextStore: new MemoryContextStore(),
          ...UNREACHABLE,
        }),
    );
    expect(error.code).toBe('DIS_LOOKUP_CONFIG');
    expect(error.message).toMatch(/^\[stack\/Orders\] projectId 'not\/a\/project' is not valid: it must be /);
  });

  test('a region of the wrong shape is refused, for the project-wide lookup too', () => {
    const error = thrown(
      () =>
        new DisProjectTransferTasks(stack(), 'All', {
          region: 'CN North 4',
          projectId: PROJECT_ID,
          contextStore: new MemoryContextStore(),
          ...UNREACHABLE,
        }),
    );
    expect(error.code).toBe('DIS_LOOKUP_CONFIG');
    expect(error.message).toMatch(/^\[stack\/All\] region 'CN North 4' is not valid: it must be /);
  });

  test('region and project come from the client chain: environment values trimmed, a bad one named by its variable', () => {
    const store = { contextStore: new MemoryContextStore() };
    const settings = resolveLookupSettings(stack(), store, {
      HW_REGION_NAME: ` ${REGION}\n`,
      HUAWEICLOUD_SDK_PROJECT_ID: PROJECT_ID,
    });
    expect([settings.region, settings.projectId]).toEqual([REGION, PROJECT_ID]);
    const error = thrown(() => resolveLookupSettings(stack(), store, { HW_REGION_NAME: 'CN North 4' }));
    expect(error.code).toBe('DIS_LOOKUP_CONFIG');
    expect(error.message).toMatch(/^\[stack\] HW_REGION_NAME 'CN North 4' is not valid: it must be /);
    expect(error.details).toMatchObject({ constructPath: 'stack', field: 'HW_REGION_NAME' });
  });

  test('valid inputs pass the checks (and then fail only on the unreachable endpoint)', () => {
    const error = thrown(
      () =>
        new DisTransferTasks(stack(), 'Orders', {
          streamName: 'orders_2-b',
          region: REGION,
          projectId: PROJECT_ID,
          contextStore: new MemoryContextStore(),
          timeoutMs: 5_000,
          ...UNREACHABLE,
        }),
    );
    expect(error.code).toBe('DIS_LOOKUP_FAILED');
  });
});
