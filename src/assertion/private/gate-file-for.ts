import type { ITransferTasksLookup } from '../../lookup/dis-transfer-tasks';
import { parseGateFile, type GateFile } from '../gate-file';
import type { GateRules } from '../gate-rules';

/** The gate file of an assertion: the lookup's target (never its credentials) and the rules. */
export function gateFileFor(constructPath: string, lookup: ITransferTasksLookup, rules: GateRules): GateFile {
  return parseGateFile(
    {
      formatVersion: 1,
      constructPath,
      target: {
        region: lookup.region,
        projectId: lookup.projectId,
        ...(lookup.allStreams
          ? { allStreams: true }
          : { streams: lookup.snapshots.map((s) => s.streamName) }),
        ...(lookup.endpoint === undefined ? {} : { endpoint: lookup.endpoint }),
      },
      rules,
    },
    `The gate file of ${constructPath}`,
  );
}
