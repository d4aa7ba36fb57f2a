import { DisError } from '../client/errors';

/** Where a failed lookup was, for the message. */
export interface LookupFailureSite {
  /** The construct's path. */
  readonly constructPath: string;
  /** The stream, or `*` for a project-wide lookup. */
  readonly streamName: string;
  /** The project id, when it was known before the failure. */
  readonly projectId?: string;
  /** The region, when it was known before the failure. */
  readonly region?: string;
}

/**
 * A lookup could not get its data from DIS. `cause` is the client's error, intact (code, status,
 * service error code, request id); `causeCode` repeats its code. Nothing was recorded.
 */
export class DisLookupFailedError extends DisError {
  /** The code of the underlying error, for example `DIS_API_ERROR`. */
  public readonly causeCode: string;

  public constructor(site: LookupFailureSite, cause: DisError) {
    const what = site.streamName === '*' ? 'the streams' : `stream "${site.streamName}"`;
    super(
      'DIS_LOOKUP_FAILED',
      `[${site.constructPath}] Could not look up the transfer tasks of ${what} in project ` +
        `${site.projectId ?? '(not resolved)'}, region ${site.region ?? '(not resolved)'}: ${cause.message}\n` +
        'Nothing was recorded. Fix the cause above and synth again; to synth without DIS, set ' +
        'DIS_LOOKUP_MODE=offline with the values recorded in cdktf.context.json or given as cdktf context.',
      { ...site, causeCode: cause.code },
      { cause },
    );
    this.causeCode = cause.code;
  }
}
