import { DisError } from '../client/dis-error';
import type { MissingLookup } from './missing-lookup';

/** The command that records missing lookups (the CLI's `context refresh`). */
export const REFRESH_COMMAND = 'npx dis-transfer-tasks context refresh';

/** Offline mode found no recorded value for one or more lookups; every one is listed. */
export class DisLookupMissingError extends DisError {
  /** The missing keys, in the order the lookups were built. */
  public readonly keys: string[];

  public constructor(missing: readonly MissingLookup[]) {
    super('DIS_LOOKUP_MISSING', formatMissing(missing), { keys: missing.map((m) => m.key) });
    this.keys = missing.map((m) => m.key);
  }
}

/** The one message that lists every missing key and how to fill them. */
export function formatMissing(missing: readonly MissingLookup[]): string {
  const lines = missing.map((m) => {
    const what = m.streamName === '*' ? 'stream list' : `stream "${m.streamName}"`;
    return `  - ${m.key}  [${m.constructPath}: ${what}, project ${m.projectId}, region ${m.region}]`;
  });
  return [
    `Lookup mode is offline and ${missing.length} DIS transfer-task lookup(s) have no recorded value in cdktf context or the context cache:`,
    ...lines,
    `Fill them with credentials: run \`${REFRESH_COMMAND}\`, or run synth once with credentials ` +
      '(mode auto; it records every lookup of the app, including any built after this one) and commit ' +
      'cdktf.context.json. In unit tests, pass the values as cdktf context ' +
      '(TransferTasksContext.entry() builds them).',
  ].join('\n');
}
