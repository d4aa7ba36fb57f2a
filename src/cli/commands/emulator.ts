// `dis-transfer-tasks emulator`: the local DIS + IAM emulator, for demos, pipelines and users' own tests.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ShippedScenarioName } from '../../emulator';
import type { CliCommand } from '../command';
import type { CliIo } from '../output';
import { CliUsageError, ExitCode } from '../errors';
import { escapeControl, quote } from '../escape';

const SHIPPED: readonly ShippedScenarioName[] = ['demo', 'demo-paused'];

/**
 * The scenario file `--scenario` names: a path, or the name of a shipped scenario (which
 * `shippedScenarioPath` locates).
 */
function scenarioPath(
  value: string | undefined,
  io: CliIo,
  shippedScenarioPath: (name: ShippedScenarioName) => string,
): string {
  if (value === undefined) {
    return shippedScenarioPath('demo');
  }
  const file = resolve(io.cwd, value);
  if (!existsSync(file) && (SHIPPED as readonly string[]).includes(value)) {
    return shippedScenarioPath(value as ShippedScenarioName);
  }
  return file;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) {
    return 0;
  }
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliUsageError(
      `--port must be a whole number from 0 to 65535 (0 picks a free port), not ${quote(value)}.`,
    );
  }
  return port;
}

function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((done) => {
    if (signal === undefined) {
      return; // Nothing can stop it: runs for the life of the process.
    }
    if (signal.aborted) {
      done();
    } else {
      signal.addEventListener('abort', () => done(), { once: true });
    }
  });
}

/** `emulator`: a local DIS + IAM endpoint for demos, pipelines and users' own tests. */
export const emulatorCommand: CliCommand = {
  path: ['emulator'],
  summary: 'Run the local DIS emulator; prints its URL, runs until Ctrl-C (SIGINT) or SIGTERM.',
  usage: '[--scenario FILE|demo|demo-paused] [--port N] [--admin]',
  description:
    'Serves DIS (/v2) and IAM (/v3) on 127.0.0.1 from a scenario file, with the same token and AK/SK checks\n' +
    'as the service. The URL is the only line on stdout; point a client at it with HW_DIS_ENDPOINT=<url>\n' +
    'and HW_AUTH_URL=<url>/v3, and the credentials of the scenario (never printed).',
  options: {
    scenario: {
      type: 'string',
      valueName: 'FILE',
      description: 'Scenario file, or demo / demo-paused for the shipped ones. Default: demo.',
    },
    port: {
      type: 'string',
      short: 'p',
      valueName: 'N',
      description: 'TCP port; 0 picks a free one. Default: 0.',
    },
    admin: {
      type: 'boolean',
      description: 'Serve the /_emulator/* control routes (change task states, inject faults). Default: off.',
    },
  },
  examples: ['dis-transfer-tasks emulator', 'dis-transfer-tasks emulator --scenario demo-paused --port 8787'],
  async run(args, io) {
    const port = parsePort(args.values.port as string | undefined);
    // Loaded on use: the emulator and its schemas would slow every other command's start.
    const { DisEmulator, shippedScenarioPath } = await import('../../emulator');
    const scenario = scenarioPath(args.values.scenario as string | undefined, io, shippedScenarioPath);
    const emulator = await DisEmulator.start({ scenario, port, admin: args.values.admin === true });
    io.stdout.write(`${emulator.url}\n`);
    io.stderr.write(
      `DIS emulator listening on ${emulator.url} (scenario ${escapeControl(scenario)}).\n` +
        `Use it with: HW_DIS_ENDPOINT=${emulator.url} HW_AUTH_URL=${emulator.url}/v3 and the scenario's credentials.\n` +
        'Stop it with Ctrl-C.\n',
    );
    await untilAborted(io.signal);
    await emulator.stop();
    io.stderr.write('DIS emulator stopped.\n');
    return ExitCode.OK;
  },
};
