import { evaluateGate, runRule, type GateSnapshot } from '../../../src/assertion/evaluate-gate';
import { disSnapshotAge } from '../../../src/assertion/rules/dis-snapshot-age';
import { context, FETCHED_AT, NOW, snapshot, task } from '../gate-fixtures';

// The fixtures were fetched at 2026-11-28T12:00Z; NOW is one day later.
const DAY = 86400_000;
const recorded = (fetchedAt = FETCHED_AT, source = 'cache') => ({
  ...snapshot('orders', [task('orders-to-obs')]),
  fetchedAt,
  source,
});
const FIX =
  'Refresh it (npx dis-transfer-tasks context refresh), let the lookup re-fetch old entries (its maxAge prop), or enforce the gate at apply (Enforcement.APPLY checks live); to accept older data, raise maxSnapshotAge or set ignoreSnapshotAge.';

describe('DIS-SNAPSHOT-AGE: recorded snapshots are at most maxSnapshotAge old (default 24 hours)', () => {
  test('compliant: exactly 24 hours old by default, and younger', () => {
    expect(runRule(disSnapshotAge, context([recorded()]))).toEqual([]);
    expect(runRule(disSnapshotAge, context([recorded(new Date(NOW - 60_000).toISOString(), 'api')]))).toEqual(
      [],
    );
  });

  test('non-compliant: a cached snapshot a second past the limit names the stream, fetch time, age and fix', () => {
    const old = new Date(NOW - DAY - 1000).toISOString();
    expect(runRule(disSnapshotAge, context([recorded(old)]))).toEqual([
      {
        ruleId: 'DIS-SNAPSHOT-AGE',
        streamName: 'orders',
        message: `the snapshot of stream orders was fetched at ${old} (cache), 1d ago; the gate accepts snapshots up to 1d old.`,
        fix: FIX,
      },
    ]);
  });

  test('non-compliant: a week-old snapshot against a 12-hour limit', () => {
    const old = new Date(NOW - 7 * DAY).toISOString();
    const [finding] = runRule(disSnapshotAge, context([recorded(old)], { maxSnapshotAgeSeconds: 43200 }));
    expect(finding.message).toBe(
      `the snapshot of stream orders was fetched at ${old} (cache), 7d ago; the gate accepts snapshots up to 12h old.`,
    );
  });

  test('edge: values given as cdktf context are test inputs and exempt', () => {
    const old = new Date(NOW - 30 * DAY).toISOString();
    expect(runRule(disSnapshotAge, context([recorded(old, 'context')]))).toEqual([]);
  });

  test('edge: ignoreSnapshotAge turns the rule off explicitly, and the report says no limit applied', () => {
    const old = new Date(NOW - 30 * DAY).toISOString();
    expect(runRule(disSnapshotAge, context([recorded(old)], { ignoreSnapshotAge: true }))).toEqual([]);
    const report = evaluateGate([recorded(old)], { ignoreSnapshotAge: true }, NOW);
    expect(report.healthy).toBe(true);
    expect(report.rules.maxSnapshotAgeSeconds).toBeUndefined();
    expect(() =>
      evaluateGate([recorded(old)], { ignoreSnapshotAge: true, maxSnapshotAgeSeconds: 60 }, NOW),
    ).toThrow('ignoreSnapshotAge: expected either ignoreSnapshotAge or maxSnapshotAgeSeconds, found both');
  });

  test('edge: a stream that does not exist has nothing to be old', () => {
    const absent = {
      ...recorded(new Date(NOW - 30 * DAY).toISOString(), 'api'),
      tasks: [],
      streamExists: false,
    };
    expect(runRule(disSnapshotAge, context([absent]))).toEqual([]);
  });

  test('an old snapshot fails the gate as an error; the report shows each fetch time and age', () => {
    const old = new Date(NOW - 3 * DAY).toISOString();
    const report = evaluateGate([recorded(old)], {}, NOW);
    expect(report.healthy).toBe(false);
    expect(report.findings.map((f) => [f.ruleId, f.severity])).toEqual([['DIS-SNAPSHOT-AGE', 'error']]);
    expect(report.streams[0]).toMatchObject({ fetchedAt: old, ageSeconds: 3 * 86400, source: 'cache' });
  });

  test('edge: a snapshot of unknown source is measured, and the message names no source', () => {
    const old = new Date(NOW - DAY - 1000).toISOString();
    const unknown: GateSnapshot = {
      ...snapshot('orders', [task('orders-to-obs')]),
      fetchedAt: old,
      source: undefined,
    };
    expect(runRule(disSnapshotAge, context([unknown])).map((f) => f.message)).toStrictEqual([
      `the snapshot of stream orders was fetched at ${old}, 1d ago; the gate accepts snapshots up to 1d old.`,
    ]);
  });
});
