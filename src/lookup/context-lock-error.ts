import { DisError } from '../client/errors';

/** Another process held the context cache file's lock for longer than the wait allows. */
export class DisContextLockError extends DisError {
  public constructor(file: string, waitedMs: number) {
    super(
      'DIS_CONTEXT_FILE_LOCKED',
      `Waited ${waitedMs} ms for the lock ${file}.lock held by another synth. If no other synth is ` +
        `running in this folder, the lock is stale: delete the directory ${file}.lock and run synth again.`,
      { file, waitedMs },
    );
  }
}
