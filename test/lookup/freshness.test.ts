import { TerraformStack, Testing } from 'cdktf';
import type { LookupSettings, Recorded } from '../../src/lookup/context-provider';
import { MemoryContextStore } from '../../src/lookup/context-store';
import { staleError, tooOld } from '../../src/lookup/freshness';
import { LookupMode, SnapshotSource } from '../../src/lookup/lookup-mode';

// maxAge (DESIGN decision 11): when a recorded value counts as too old, measured against the
// clock (fixed here), with 300 s of slack for a fetch time in the future.
const NOW = Date.parse('2026-11-30T12:00:00.000Z');
const KEY = 'dis-transfer-tasks:cn-north-4:0123456789abcdef0123456789abcdef:orders';

beforeEach(() => jest.useFakeTimers({ now: NOW }));
afterEach(() => jest.useRealTimers());

function settings(maxAgeSeconds: number | undefined): LookupSettings {
  return {
    scope: new TerraformStack(Testing.app(), 'stack'),
    mode: LookupMode.OFFLINE,
    modeFrom: 'prop',
    store: new MemoryContextStore(),
    storeLabel: 'the context store',
    client: { deadlineMs: 1000, deadlineHint: 'a hint' },
    env: {},
    ...(maxAgeSeconds === undefined ? {} : { maxAgeSeconds }),
  };
}

const cached: Recorded = { raw: {}, source: SnapshotSource.CACHE, where: 'cdktf.context.json' };
/** A fetch time `seconds` (and `ms`) before NOW; negative: after it. */
const ago = (seconds: number, ms = 0): string => new Date(NOW - seconds * 1000 - ms).toISOString();

describe('tooOld', () => {
  test('a cached value exactly maxAge old is fresh; one second older is too old, with its age', () => {
    expect(tooOld(settings(3600), cached, KEY, ago(3600))).toBeUndefined();
    expect(tooOld(settings(3600), cached, KEY, ago(3601))).toStrictEqual({
      key: KEY,
      fetchedAt: ago(3601),
      ageSeconds: 3601,
    });
  });

  test('the age is counted in whole seconds, rounded down', () => {
    expect(tooOld(settings(3600), cached, KEY, ago(3600, 999))).toBeUndefined();
    expect(tooOld(settings(0), cached, KEY, ago(0, 999))).toBeUndefined();
    expect(tooOld(settings(0), cached, KEY, ago(1))).toStrictEqual({
      key: KEY,
      fetchedAt: ago(1),
      ageSeconds: 1,
    });
  });

  test('a fetch time up to 300 s in the future is fresh (clock skew); later is too old, with a negative age', () => {
    expect(tooOld(settings(3600), cached, KEY, ago(-300))).toBeUndefined();
    expect(tooOld(settings(3600), cached, KEY, ago(-301))).toStrictEqual({
      key: KEY,
      fetchedAt: ago(-301),
      ageSeconds: -301,
    });
  });

  test('without maxAge no value is too old', () => {
    expect(tooOld(settings(undefined), cached, KEY, ago(10 * 365 * 86400))).toBeUndefined();
  });

  test('values given as cdktf context are exempt, however old', () => {
    const given: Recorded = { raw: {}, source: SnapshotSource.CONTEXT, where: 'cdktf context' };
    expect(tooOld(settings(60), given, KEY, ago(86400))).toBeUndefined();
  });
});

describe('staleError', () => {
  test('names the construct, where the values are, maxAge, every stale value and where offline mode was set', () => {
    const stale = [
      { key: KEY, fetchedAt: ago(7200), ageSeconds: 7200 },
      { key: `${KEY}2`, fetchedAt: ago(-600), ageSeconds: -600 },
    ];
    const error = staleError(settings(3600), cached, stale);
    expect(error.code).toBe('DIS_LOOKUP_STALE');
    expect(error.stale).toStrictEqual(stale);
    expect(error.details).toMatchObject({
      constructPath: 'stack',
      where: 'cdktf.context.json',
      maxAgeSeconds: 3600,
    });
    expect(error.message.split('\n').slice(0, 3)).toStrictEqual([
      "DIS_LOOKUP_STALE: [stack] Lookup mode is offline (set by the `mode` prop), and 2 values in cdktf.context.json are older than the lookup's maxAge (1h):",
      `  - ${KEY}: fetched at ${ago(7200)}, 2h ago`,
      `  - ${KEY}2: fetched at ${ago(-600)}, in the future (the clock that recorded it, or the file, is wrong)`,
    ]);
  });

  test('without maxAge (a stale list can only come with one) it reports a maxAge of 0', () => {
    expect(staleError(settings(undefined), cached, []).details).toMatchObject({ maxAgeSeconds: 0 });
  });
});
