import { buildRuleContext, evaluateGate, type GateSnapshot } from '../../src/assertion/evaluate-gate';
import { NOW, snapshot, task } from './gate-fixtures';

// The report and the rule context as exact values (toStrictEqual): an optional field the input
// does not have is absent, never a key set to `undefined` (which toEqual would not see, and which
// JSON reports and SARIF would then disagree about); ages in whole seconds; tasks in name order.
const reason = 'tracked in OPS-1234, resumes after the DLI migration';

/** The snapshot without its (optional) source. */
function withoutSource(s: GateSnapshot): GateSnapshot {
  const copy: Omit<GateSnapshot, 'source'> & { source?: string } = { ...s };
  delete copy.source;
  return copy;
}

describe('the report has no keys set to undefined', () => {
  test('a finding about a task that never transferred has no lastTransferAgeSeconds', () => {
    const report = evaluateGate([snapshot('s', [task('a', 'PAUSED', 'OBS', null)])], {}, NOW);
    expect(report.findings).toStrictEqual([
      {
        ruleId: 'DIS-TASK-STATE',
        streamName: 's',
        taskName: 'a',
        state: 'PAUSED',
        destinationType: 'OBS',
        message: 'task s/a is PAUSED; allowed: RUNNING.',
        fix: 'Start the task again (DIS console, stream s, Dump Management), or add PAUSED to allowedStates.',
        severity: 'error',
      },
    ]);
  });

  test('a stream without a source, and an acknowledgement without expiry matching a finding without stream or task', () => {
    const sourceless = withoutSource(snapshot('s', [task('a')]));
    const report = evaluateGate(
      [sourceless],
      { minTasks: 2, acknowledgements: [{ ruleId: 'DIS-MIN-TASKS', task: '*', reason }] },
      NOW,
    );
    expect(report.streams).toStrictEqual([
      {
        streamName: 's',
        projectId: '0123456789abcdef0123456789abcdef',
        region: 'cn-north-4',
        fetchedAt: '2026-11-28T12:00:00.000Z',
        ageSeconds: 86400,
        streamExists: true,
        tasks: ['a'],
      },
    ]);
    expect(report.acknowledgements).toStrictEqual([
      { ruleId: 'DIS-MIN-TASKS', task: '*', reason, status: 'active', matchedFindings: 1, matches: [{}] },
    ]);
    expect(report.findings).toStrictEqual([
      {
        ruleId: 'DIS-MIN-TASKS',
        message: 'found 1 transfer task in s; at least 2 required.',
        fix: 'Create the missing transfer tasks, or lower minTasks.',
        severity: 'error',
        acknowledgedReason: reason,
      },
    ]);
  });

  test('an acknowledged finding carries the reason trimmed', () => {
    const report = evaluateGate(
      [snapshot('s', [task('a', 'PAUSED')])],
      { acknowledgements: [{ ruleId: 'DIS-TASK-STATE', task: 'a', reason: `  ${reason}\n` }] },
      NOW,
    );
    expect(report.findings.map((f) => f.acknowledgedReason)).toStrictEqual([reason]);
    expect(report.acknowledgements[0].reason).toBe(`  ${reason}\n`);
  });

  test('rule context: a stream without a source has none; ages are whole seconds from the fetch', () => {
    const sourceless = withoutSource(
      snapshot('s', [{ ...task('a', 'RUNNING', 'OBS', null), createTime: 0 }]),
    );
    const fetched = Date.parse(sourceless.fetchedAt);
    const ctx = buildRuleContext([sourceless], {}, fetched + 1999);
    expect(ctx.streams).toStrictEqual([
      {
        streamName: 's',
        region: 'cn-north-4',
        projectId: '0123456789abcdef0123456789abcdef',
        fetchedAt: '2026-11-28T12:00:00.000Z',
        exists: true,
        ageSeconds: 1,
      },
    ]);
    expect(ctx.tasks).toStrictEqual([
      {
        streamName: 's',
        task: { taskName: 'a', state: 'RUNNING', destinationType: 'OBS', createTime: 0 },
        createdAgeSeconds: Math.floor(fetched / 1000),
      },
    ]);
  });
});

describe('tasks as the rules see them', () => {
  test('are in task-name order within each stream, whatever order the snapshot lists them in', () => {
    const names = ['d', 'b', 'e', 'a', 'c', 'b2', 'a1'];
    const ctx = buildRuleContext(
      [
        snapshot(
          's',
          names.map((n) => task(n)),
        ),
      ],
      {},
      NOW,
    );
    expect(ctx.tasks.map((t) => t.task.taskName)).toStrictEqual(['a', 'a1', 'b', 'b2', 'c', 'd', 'e']);
    const reversed = buildRuleContext(
      [
        snapshot(
          's',
          [...names]
            .sort()
            .reverse()
            .map((n) => task(n)),
        ),
      ],
      {},
      NOW,
    );
    expect(reversed.tasks.map((t) => t.task.taskName)).toStrictEqual(['a', 'a1', 'b', 'b2', 'c', 'd', 'e']);
  });

  test('the snapshot given is not reordered', () => {
    const tasks = [task('b'), task('a')];
    buildRuleContext([snapshot('s', tasks)], {}, NOW);
    expect(tasks.map((t) => t.taskName)).toStrictEqual(['b', 'a']);
  });

  test('a last transfer time of 0 or less means never transferred: there is no lastTransferAgeSeconds', () => {
    const at = (lastTransferTimestamp: number) => ({
      ...task('a', 'RUNNING', 'OBS', null),
      lastTransferTimestamp,
    });
    for (const ts of [0, -1]) {
      const [gateTask] = buildRuleContext([snapshot('s', [at(ts)])], {}, NOW).tasks;
      expect('lastTransferAgeSeconds' in gateTask).toBe(false);
    }
    const [transferred] = buildRuleContext([snapshot('s', [at(1)])], {}, NOW).tasks;
    expect(transferred.lastTransferAgeSeconds).toBe(
      Math.floor((Date.parse('2026-11-28T12:00:00.000Z') - 1) / 1000),
    );
  });

  test('a fetchedAt that is not a time is refused with the snapshot named as the source', () => {
    let caught: unknown;
    try {
      buildRuleContext([{ ...snapshot('s', []), fetchedAt: 'yesterday' }], {}, NOW);
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({
      code: 'DIS_GATE_CONFIG_INVALID',
      details: { source: 'the snapshot of stream s' },
    });
  });
});
