// The shapes of a scenario: the world an emulator serves. Written by hand, so that the package's
// declarations need no zod types (a user's `tsc` without skipLibCheck would otherwise check zod's
// own declarations); the zod schemas in ./load-scenario validate files and objects, and a
// compile-time check there holds both to the same shapes.

/**
 * A time in a scenario: epoch milliseconds, or `now` / `now-<seconds>s`, evaluated when a request
 * is answered (a running task keeps transferring, so its last transfer stays recent).
 */
export type ScenarioTime = number | string;

/** A transfer task as a scenario declares it. `state` and `destinationType` are open strings on purpose. */
export interface ScenarioTask {
  /** 1-64 letters, digits, `-` or `_`. */
  taskName: string;
  /** 1-64 letters or digits; the batch start/stop action names tasks by it. */
  taskId: string;
  /** A `TransferTaskState` value, or any other string (the service's documents disagree). */
  state: string;
  /** A `DestinationType` value, or any other string. */
  destinationType: string;
  /** Epoch milliseconds. */
  createTime: number;
  /** When the task last dumped data. */
  lastTransferTimestamp?: ScenarioTime;
}

/** A DIS stream and its transfer tasks, defaults applied. */
export interface ScenarioStream {
  /** 1-64 letters, digits, `-` or `_`. */
  name: string;
  /** Epoch milliseconds. */
  createTime: number;
  /** How many transfer tasks the stream may hold (the service allows 5, error DIS.4357). */
  transferTaskQuota: number;
  /** The stream's transfer tasks. */
  tasks: ScenarioTask[];
}

/** An IAM project (its name is the region id) and its streams, defaults applied. */
export interface ScenarioProject {
  /** 32 lower-case hex digits. */
  id: string;
  /** The project name; equal to the region id for regional projects. */
  name: string;
  /** A region id such as `cn-north-4`. */
  region: string;
  /** The project's DIS streams. */
  streams: ScenarioStream[];
}

/** A permanent (or, with `securityToken`, temporary) access key. */
export interface ScenarioAccessKey {
  /** 8-64 letters or digits. */
  accessKey: string;
  /** The secret key (at least 8 characters). */
  secretKey: string;
  /** Makes the key temporary: requests must carry it in `X-Security-Token`. */
  securityToken?: string;
  /** When a temporary key stops working (ISO-8601). */
  expiresAt?: string;
  /** Project ids this key may use; absent means every project. */
  projects?: string[];
}

/** A pre-issued IAM token accepted in `X-Auth-Token`. */
export interface ScenarioToken {
  /** The token (at least 8 characters). */
  token: string;
  /** When it expires (ISO-8601). */
  expiresAt?: string;
  /** Project ids this token may use; absent means every project. */
  projects?: string[];
}

/** An IAM user who can obtain tokens with a password. */
export interface ScenarioUser {
  /** The user name. */
  name: string;
  /** The password. */
  password: string;
  /** The account (domain) name; must be the scenario's. */
  domain: string;
  /** Project ids the user's tokens may use; absent means every project. */
  projects?: string[];
}

/** The credentials a scenario accepts, defaults applied. */
export interface ScenarioCredentials {
  /** Access keys checked with SDK-HMAC-SHA256. */
  accessKeys: ScenarioAccessKey[];
  /** Pre-issued tokens. */
  tokens: ScenarioToken[];
  /** Users who can log in with a password at IAM. */
  users: ScenarioUser[];
}

/** A validated scenario, defaults applied. */
export interface Scenario {
  /** The JSON Schema a file names for editors (ignored). */
  $schema?: string;
  /** What the scenario is for. */
  description?: string;
  /** The account. */
  domain: { id: string; name: string };
  /** At least one project. */
  projects: ScenarioProject[];
  /** Who may call. */
  credentials: ScenarioCredentials;
  /** Lifetime of tokens issued by the IAM endpoint, seconds. */
  tokenTtlSeconds: number;
  /** How long a task stays STARTING after a batch `start` before it is RUNNING (0: at once). */
  startingMs: number;
  /**
   * Answer with JSON `null` where the official SDK models allow it instead of leaving fields out:
   * `quota`, `task_id`, a never-run task's `last_transfer_timestamp`, `stream_id`, `partitions`,
   * the destination descriptions a task does not have, and `has_more_streams` on the last page.
   */
  sendNulls: boolean;
}

/** A stream as written in a file: `createTime`, `transferTaskQuota` and `tasks` may be left out. */
export type ScenarioStreamInput = Omit<ScenarioStream, 'createTime' | 'transferTaskQuota' | 'tasks'> &
  Partial<Pick<ScenarioStream, 'createTime' | 'transferTaskQuota' | 'tasks'>>;

/** A project as written in a file: `streams` may be left out. */
export type ScenarioProjectInput = Omit<ScenarioProject, 'streams'> & { streams?: ScenarioStreamInput[] };

/** A scenario as written in a file, before defaults. */
export type ScenarioInput = Omit<
  Scenario,
  'projects' | 'credentials' | 'tokenTtlSeconds' | 'startingMs' | 'sendNulls'
> & {
  projects: ScenarioProjectInput[];
  credentials?: Partial<ScenarioCredentials>;
  tokenTtlSeconds?: number;
  startingMs?: number;
  sendNulls?: boolean;
};
