import { formatTaskTable, formatUtcMinute } from '../../src/cli/format-task-table';
import { createStyle } from '../../src/cli/output';

const plain = createStyle({ write: () => true }, {});
const colour = createStyle({ write: () => true, isTTY: true }, {});
const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);

describe('formatTaskTable', () => {
  test('one row per task with the creation time in UTC and the last transfer as an age', () => {
    // WHEN
    const text = formatTaskTable(
      [
        {
          streamName: 'orders',
          tasks: [
            {
              taskName: 'a',
              state: 'RUNNING',
              destinationType: 'OBS',
              createTime: Date.UTC(2026, 0, 2, 3, 4),
              lastTransferTimestamp: NOW - 90_000,
            },
            {
              taskName: 'b',
              state: 'PAUSED',
              destinationType: 'DLI',
              createTime: Date.UTC(2026, 0, 2, 3, 4),
            },
            {
              taskName: 'c',
              state: 'ERROR',
              destinationType: 'DWS',
              createTime: Date.UTC(2026, 0, 2, 3, 4),
              lastTransferTimestamp: 0,
            },
          ],
        },
      ],
      NOW,
      plain,
    );
    // THEN
    expect(text.split('\n').map((l) => l.split(/ {2,}/))).toEqual([
      ['STREAM', 'TASK', 'STATE', 'DESTINATION', 'CREATED (UTC)', 'LAST TRANSFER'],
      ['orders', 'a', 'RUNNING', 'OBS', '2026-01-02 03:04', '1m 30s ago'],
      ['orders', 'b', 'PAUSED', 'DLI', '2026-01-02 03:04', 'never'],
      ['orders', 'c', 'ERROR', 'DWS', '2026-01-02 03:04', 'never'],
      [''],
    ]);
  });

  test('colours RUNNING green, PAUSED and STARTING yellow, anything else red', () => {
    const row = (state: string) =>
      formatTaskTable(
        [{ streamName: 's', tasks: [{ taskName: 't', state, destinationType: 'OBS', createTime: 0 }] }],
        NOW,
        colour,
      );
    expect(row('RUNNING')).toContain('\u001b[32mRUNNING\u001b[39m');
    expect(row('STARTING')).toContain('\u001b[33mSTARTING\u001b[39m');
    expect(row('PAUSED')).toContain('\u001b[33mPAUSED\u001b[39m');
    expect(row('MIGRATING')).toContain('\u001b[31mMIGRATING\u001b[39m');
  });
});

describe('formatUtcMinute', () => {
  test('is UTC to the minute', () => {
    expect(formatUtcMinute(Date.UTC(2026, 10, 28, 23, 59, 59))).toBe('2026-11-28 23:59');
  });
});
