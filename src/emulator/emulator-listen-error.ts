import { DisError } from '../client/errors';

/** The emulator could not listen on the requested host and port. */
export class EmulatorListenError extends DisError {
  public constructor(host: string, port: number, cause: NodeJS.ErrnoException) {
    const fix =
      cause.code === 'EADDRINUSE'
        ? 'Another process uses that port: pick another one, or 0 for a free one.'
        : cause.code === 'EADDRNOTAVAIL'
          ? 'That address is not on this machine: use 127.0.0.1 (the default).'
          : 'Check the host and port.';
    super(
      'DIS_EMULATOR_LISTEN',
      `The DIS emulator cannot listen on ${host}:${port} (${cause.code}). ${fix}`,
      { host, port },
      { cause },
    );
  }
}
