import { runRule } from '../../../src/assertion/evaluate-gate';
import { disTransferLag } from '../../../src/assertion/rules/dis-transfer-lag';
import { context, snapshot, task } from '../gate-fixtures';

describe('DIS-TRANSFER-LAG: tasks transferred recently, measured against the fetch time', () => {
  test('compliant: no maximum set', () => {
    expect(runRule(disTransferLag, context([snapshot('s', [task('a', 'RUNNING', 'OBS', 86400)])]))).toEqual(
      [],
    );
  });

  test('compliant: exactly at the maximum', () => {
    expect(
      runRule(
        disTransferLag,
        context([snapshot('s', [task('a', 'RUNNING', 'OBS', 900)])], { maxTransferLagSeconds: 900 }),
      ),
    ).toEqual([]);
  });

  test('non-compliant: older than the maximum', () => {
    expect(
      runRule(
        disTransferLag,
        context([snapshot('s', [task('a', 'RUNNING', 'OBS', 3 * 3600 + 5 * 60)])], {
          maxTransferLagSeconds: 900,
        }),
      ),
    ).toEqual([
      {
        ruleId: 'DIS-TRANSFER-LAG',
        streamName: 's',
        taskName: 'a',
        state: 'RUNNING',
        destinationType: 'OBS',
        lastTransferAgeSeconds: 11100,
        message: 'task s/a last transferred 3h 5m before the fetch (max lag 15m).',
        fix: 'Find out why the task stopped dumping (DIS console, stream s, Dump Management), or raise maxTransferLag.',
      },
    ]);
  });

  test('edge: a task that never transferred is measured from its creation', () => {
    const [finding] = runRule(
      disTransferLag,
      context([snapshot('s', [task('a', 'RUNNING', 'OBS', null)])], { maxTransferLagSeconds: 60 }),
    );
    expect(finding.message).toBe(
      'task s/a has never transferred, and was created 30d before the fetch (max lag 1m).',
    );
    expect(finding.lastTransferAgeSeconds).toBeUndefined();
  });

  test('edge: a fresh task that never transferred is still within the lag', () => {
    const fresh = { ...task('a', 'RUNNING', 'OBS', null), createTime: Date.parse('2026-11-28T11:59:00Z') };
    expect(
      runRule(disTransferLag, context([snapshot('s', [fresh])], { maxTransferLagSeconds: 120 })),
    ).toEqual([]);
  });

  test('edge: a last transfer after the fetch (clock skew) counts as no lag', () => {
    expect(
      runRule(
        disTransferLag,
        context([snapshot('s', [task('a', 'RUNNING', 'OBS', -60)])], { maxTransferLagSeconds: 0 }),
      ),
    ).toEqual([]);
  });
});
