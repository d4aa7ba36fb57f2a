import { DisError } from '../client/errors';
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
  const from = missing[0]?.modeFrom ?? 'env';
  return [
    `Lookup mode is offline (set by ${MODE_ORIGIN[from]}) and ${missing.length} DIS transfer-task lookup(s) ` +
      'have no recorded value in cdktf context or the context cache:',
    ...lines,
    `To record them, ${HOW_TO_RECORD[from]}: it fetches every lookup of the app (including any built after ` +
      `this one) and records it in cdktf.context.json. Commit that file. (\`${REFRESH_COMMAND}\` re-fetches ` +
      'entries already recorded.) In unit tests, pass the values as cdktf context ' +
      '(TransferTasksContext.entry() builds them).',
  ].join('\n');
}

const MODE_ORIGIN: Record<MissingLookup['modeFrom'], string> = {
  prop: 'the `mode` prop',
  context: 'cdktf context "dis-transfer-tasks:mode"',
  env: 'DIS_LOOKUP_MODE',
  default: 'default',
};

const HOW_TO_RECORD: Record<MissingLookup['modeFrom'], string> = {
  prop: 'remove `mode: offline` from the lookup (or set LookupMode.AUTO) and synth once with credentials',
  context:
    'set "dis-transfer-tasks:mode" to "auto" in the context of cdktf.json (or the App) and synth once with credentials',
  env: 'run `DIS_LOOKUP_MODE=auto npx cdktf synth` once with credentials',
  default: 'run `DIS_LOOKUP_MODE=auto npx cdktf synth` once with credentials',
};
