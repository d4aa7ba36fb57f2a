import { type TransferTask, TransferTaskState } from '../client/model';
import { formatAge } from '../assertion/gate-report';
import { renderTable, type Style } from './output';

/** The tasks of one stream, as the `list` command received them. */
export interface StreamTasks {
  /** The stream's name. */
  readonly streamName: string;
  /** Its transfer tasks. */
  readonly tasks: readonly TransferTask[];
}

function colourState(state: string, style: Style): string {
  switch (state) {
    case TransferTaskState.RUNNING:
      return style.green(state);
    case TransferTaskState.STARTING:
    case TransferTaskState.PAUSED:
      return style.yellow(state);
    default:
      return style.red(state);
  }
}

/** An epoch-ms instant as `YYYY-MM-DD HH:MM` UTC, the form people compare by eye. */
export function formatUtcMinute(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The `list` table: one row per task with its stream, name, state (coloured when `style` is),
 * destination type, creation time (UTC) and the age of its last transfer relative to `now`
 * (`never` when the service reports none, or 0).
 */
export function formatTaskTable(streams: readonly StreamTasks[], now: number, style: Style): string {
  const rows = streams.flatMap((s) =>
    s.tasks.map((t) => [
      s.streamName,
      t.taskName,
      colourState(t.state, style),
      t.destinationType,
      formatUtcMinute(t.createTime),
      !t.lastTransferTimestamp
        ? style.dim('never')
        : `${formatAge((now - t.lastTransferTimestamp) / 1000)} ago`,
    ]),
  );
  const header = ['STREAM', 'TASK', 'STATE', 'DESTINATION', 'CREATED (UTC)', 'LAST TRANSFER'].map((h) =>
    style.bold(h),
  );
  return renderTable(header, rows);
}
