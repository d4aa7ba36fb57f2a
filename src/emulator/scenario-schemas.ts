// The zod schemas of scenario files. Loaded only when a scenario is parsed or a schema is read
// (parse-scenario, scenario-json-schema), never with the package itself.
import { z } from 'zod';
import type { Scenario, ScenarioInput, ScenarioProject, ScenarioStream, ScenarioTask } from './scenario';

const NAME = /^[A-Za-z0-9_-]{1,64}$/;
const PROJECT_ID = /^[0-9a-f]{32}$/;

/**
 * A time in a scenario: epoch milliseconds, or `now` / `now-<seconds>s`, evaluated when a request
 * is answered (a running task keeps transferring, so its last transfer stays recent).
 */
export const ScenarioTimeSchema = z.union([
  z.number().int().nonnegative(),
  z.string().regex(/^now(-\d+s)?$/, 'expected epoch milliseconds, "now" or "now-<seconds>s"'),
]);

/** A transfer task as a scenario declares it. `state` and `destinationType` are open strings on purpose. */
export const ScenarioTaskSchema = z.strictObject({
  taskName: z.string().regex(NAME, 'expected 1-64 letters, digits, "-" or "_"'),
  taskId: z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'expected 1-64 letters or digits'),
  state: z.string().min(1),
  destinationType: z.string().min(1),
  createTime: z.number().int().nonnegative(),
  lastTransferTimestamp: ScenarioTimeSchema.optional(),
});

/** A DIS stream and its transfer tasks. */
export const ScenarioStreamSchema = z.strictObject({
  name: z.string().regex(NAME, 'expected 1-64 letters, digits, "-" or "_"'),
  createTime: z.number().int().nonnegative().default(0),
  /** How many transfer tasks the stream may hold (the service allows 5, error DIS.4357). */
  transferTaskQuota: z.number().int().min(0).max(5).default(5),
  tasks: z.array(ScenarioTaskSchema).default([]),
});

/** An IAM project: DIS resources live in one; its name is the region id. */
export const ScenarioProjectSchema = z.strictObject({
  id: z.string().regex(PROJECT_ID, 'expected 32 lower-case hex digits'),
  name: z.string().min(1),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'expected a region id such as cn-north-4'),
  streams: z.array(ScenarioStreamSchema).default([]),
});

const grantedProjects = z
  .array(z.string().regex(PROJECT_ID, 'expected 32 lower-case hex digits'))
  .optional()
  .describe('project ids this credential may use; absent means every project');

/** A permanent (or, with `securityToken`, temporary) access key. */
export const ScenarioAccessKeySchema = z.strictObject({
  accessKey: z.string().regex(/^[A-Za-z0-9]{8,64}$/, 'expected 8-64 letters or digits'),
  secretKey: z.string().min(8),
  securityToken: z.string().min(1).optional(),
  /** When a temporary key stops working (ISO-8601). */
  expiresAt: z.iso.datetime().optional(),
  projects: grantedProjects,
});

/** A pre-issued IAM token accepted in `X-Auth-Token`. */
export const ScenarioTokenSchema = z.strictObject({
  token: z.string().min(8),
  expiresAt: z.iso.datetime().optional(),
  projects: grantedProjects,
});

/** An IAM user who can obtain tokens with a password. */
export const ScenarioUserSchema = z.strictObject({
  name: z.string().min(1),
  password: z.string().min(1),
  domain: z.string().min(1),
  projects: grantedProjects,
});

const ScenarioObjectSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  domain: z.strictObject({ id: z.string().min(1), name: z.string().min(1) }),
  projects: z.array(ScenarioProjectSchema).min(1),
  credentials: z
    .strictObject({
      accessKeys: z.array(ScenarioAccessKeySchema).default([]),
      tokens: z.array(ScenarioTokenSchema).default([]),
      users: z.array(ScenarioUserSchema).default([]),
    })
    .default({ accessKeys: [], tokens: [], users: [] }),
  tokenTtlSeconds: z.number().int().positive().default(86400),
  /** How long a task stays STARTING after a batch `start` before it is RUNNING (0: at once). */
  startingMs: z.number().int().min(0).default(0),
});

/** The whole scenario file: shape first, then cross references (unique names, known project ids). */
export const ScenarioSchema = ScenarioObjectSchema.superRefine(checkReferences);

function checkReferences(s: z.output<typeof ScenarioObjectSchema>, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const projectIds = new Set<string>();
  const taskIds = new Set<string>();
  s.projects.forEach((p, pi) => {
    if (projectIds.has(p.id)) issue(['projects', pi, 'id'], `duplicate project id ${p.id}`);
    projectIds.add(p.id);
    const streams = new Set<string>();
    p.streams.forEach((st, si) => {
      if (streams.has(st.name)) issue(['projects', pi, 'streams', si, 'name'], `duplicate stream ${st.name}`);
      streams.add(st.name);
      if (st.tasks.length > st.transferTaskQuota) {
        issue(
          ['projects', pi, 'streams', si, 'tasks'],
          `${st.tasks.length} tasks exceed the stream's quota of ${st.transferTaskQuota}`,
        );
      }
      const names = new Set<string>();
      st.tasks.forEach((t, ti) => {
        const at = ['projects', pi, 'streams', si, 'tasks', ti];
        if (names.has(t.taskName)) issue([...at, 'taskName'], `duplicate task ${t.taskName}`);
        names.add(t.taskName);
        if (taskIds.has(t.taskId)) issue([...at, 'taskId'], `duplicate task id ${t.taskId}`);
        taskIds.add(t.taskId);
      });
    });
  });
  const kinds = ['accessKeys', 'tokens', 'users'] as const;
  for (const kind of kinds) {
    s.credentials[kind].forEach((c, ci) => {
      (c.projects ?? []).forEach((id, ii) => {
        if (!projectIds.has(id)) issue(['credentials', kind, ci, 'projects', ii], `unknown project id ${id}`);
      });
    });
  }
  s.credentials.users.forEach((u, ui) => {
    if (u.domain !== s.domain.name) {
      issue(
        ['credentials', 'users', ui, 'domain'],
        `unknown domain ${u.domain}; the scenario's is ${s.domain.name}`,
      );
    }
  });
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;

/**
 * Compile-time proof that the hand-written types of ./scenario describe what these schemas accept
 * and produce: changing one side without the other fails the build.
 */
export type ScenarioTypesMatchSchemas = [
  Holds<Same<z.output<typeof ScenarioSchema>, Scenario>>,
  Holds<Same<z.input<typeof ScenarioSchema>, ScenarioInput>>,
  Holds<Same<z.output<typeof ScenarioTaskSchema>, ScenarioTask>>,
  Holds<Same<z.output<typeof ScenarioStreamSchema>, ScenarioStream>>,
  Holds<Same<z.output<typeof ScenarioProjectSchema>, ScenarioProject>>,
];
