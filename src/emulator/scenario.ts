import type { z } from 'zod';
import type * as schemas from './scenario-schemas';

// The zod schemas are defined in ./scenario-schemas and exported here as lazy getters: loading the
// package does not load zod; reading one of these (or parsing a scenario) does.

/**
 * A time in a scenario: epoch milliseconds, or `now` / `now-<seconds>s`, evaluated when a request
 * is answered (a running task keeps transferring, so its last transfer stays recent).
 */
export declare const ScenarioTimeSchema: typeof schemas.ScenarioTimeSchema;
/** A transfer task as a scenario declares it. `state` and `destinationType` are open strings on purpose. */
export declare const ScenarioTaskSchema: typeof schemas.ScenarioTaskSchema;
/** A DIS stream and its transfer tasks. */
export declare const ScenarioStreamSchema: typeof schemas.ScenarioStreamSchema;
/** An IAM project: DIS resources live in one; its name is the region id. */
export declare const ScenarioProjectSchema: typeof schemas.ScenarioProjectSchema;
/** A permanent (or, with `securityToken`, temporary) access key. */
export declare const ScenarioAccessKeySchema: typeof schemas.ScenarioAccessKeySchema;
/** A pre-issued IAM token accepted in `X-Auth-Token`. */
export declare const ScenarioTokenSchema: typeof schemas.ScenarioTokenSchema;
/** An IAM user who can obtain tokens with a password. */
export declare const ScenarioUserSchema: typeof schemas.ScenarioUserSchema;
/** The whole scenario file: shape first, then cross references (unique names, known project ids). */
export declare const ScenarioSchema: typeof schemas.ScenarioSchema;

const LAZY_SCHEMAS = [
  'ScenarioTimeSchema',
  'ScenarioTaskSchema',
  'ScenarioStreamSchema',
  'ScenarioProjectSchema',
  'ScenarioAccessKeySchema',
  'ScenarioTokenSchema',
  'ScenarioUserSchema',
  'ScenarioSchema',
] as const;
for (const name of LAZY_SCHEMAS) {
  Object.defineProperty(exports, name, {
    enumerable: true,
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    get: () => (require('./scenario-schemas') as typeof schemas)[name],
  });
}

/** A validated scenario, defaults applied. */
export type Scenario = z.output<typeof schemas.ScenarioSchema>;
/** A scenario as written in a file, before defaults. */
export type ScenarioInput = z.input<typeof schemas.ScenarioSchema>;
/** A validated scenario task. */
export type ScenarioTask = z.output<typeof schemas.ScenarioTaskSchema>;
/** A validated scenario stream. */
export type ScenarioStream = z.output<typeof schemas.ScenarioStreamSchema>;
/** A validated scenario project. */
export type ScenarioProject = z.output<typeof schemas.ScenarioProjectSchema>;
